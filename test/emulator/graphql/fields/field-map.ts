// The one definition of how each GraphQL field is read from an emulator record. Ordinary requests
// (graphql-js `execute`) and bulk exports (the JSONL projector) both resolve fields through these
// maps, so a field can never mean one thing in a page and another in a bulk file.
import { GraphQLError } from "graphql";
import type { AdminContext } from "../context";
import type { SearchWarning } from "../search-query";

export interface FieldEnv {
  ctx: AdminContext;
  /** Response path of the field being resolved, for extensions.search. */
  path: readonly (string | number)[];
  warnSearch(path: readonly (string | number)[], query: string, warnings: SearchWarning[]): void;
  apiVersion: string;
}

export type FieldFn<S> = (source: S, args: Record<string, unknown>, env: FieldEnv) => unknown;
export type FieldMap<S> = Readonly<Record<string, FieldFn<S>>>;

export function notImplemented(typeName: string, fieldName: string): GraphQLError {
  return new GraphQLError(`The Shopify emulator does not implement ${typeName}.${fieldName}`, {
    extensions: { code: "EMULATOR_NOT_IMPLEMENTED" },
  });
}

/** Abstract types (Node) need the concrete type of a value; records are tagged when resolved. */
const typeTags = new WeakMap<object, string>();

export function tagType<T extends object>(value: T, typeName: string): T {
  typeTags.set(value, typeName);
  return value;
}

export function taggedType(value: unknown): string | undefined {
  return typeof value === "object" && value !== null ? typeTags.get(value) : undefined;
}
