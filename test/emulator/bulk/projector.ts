// Turns records into Shopify's bulk JSONL lines from a compiled plan, resolving every field through
// the same field maps as ordinary requests. Shape (https://shopify.dev/docs/api/usage/bulk-operations/queries,
// and the live 2026-04 file recorded in airhorns/shopify-draft-proxy bulk-operation-root-count-and-search-filters.json):
// each connection node is its own line; nodes of nested connections follow as their own lines with
// "__parentId" (the parent node's id) as the last key; plain lists and objects stay inside the line.
// Ruby's JSON writer escapes "/" as "\/", so ids read "gid:\/\/shopify\/Order\/1" in the file.
import { isAbstractType, type GraphQLSchema } from "graphql";
import type { FieldEnv } from "../graphql/fields/field-map";
import { taggedType } from "../graphql/fields/field-map";
import { resolveField } from "../graphql/fields/index";
import { isConnectionSource } from "../graphql/connections";
import type { NodePlan, PlannedSelection } from "./plan";

export interface LineSink {
  /** One JSONL line (without the newline); `root` marks a root object. */
  (line: string, root: boolean): void;
}

function appliesTo(schema: GraphQLSchema, condition: string | undefined, concrete: string): boolean {
  if (!condition || condition === concrete) return true;
  const type = schema.getType(condition);
  const concreteType = schema.getType(concrete);
  return Boolean(type && concreteType && isAbstractType(type) && schema.isSubType(type, concreteType as never));
}

export function compileProjector(schema: GraphQLSchema, env: FieldEnv) {
  const concreteName = (staticName: string, value: unknown): string => {
    const type = schema.getType(staticName);
    return type && isAbstractType(type) ? (taggedType(value) ?? staticName) : staticName;
  };

  const projectObject = (selection: PlannedSelection, source: unknown, typeName: string): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const field of selection.fields) {
      if (!appliesTo(schema, field.typeCondition, typeName)) continue;
      if (field.name === "__typename") {
        out[field.key] = typeName;
        continue;
      }
      const value = resolveField(typeName, field.name, source, field.args, env);
      if (!field.sub || value === null || value === undefined) out[field.key] = value ?? null;
      else if (field.isList) {
        out[field.key] = (value as unknown[]).map((item) =>
          item === null ? null : projectObject(field.sub!, item, concreteName(field.sub!.typeName, item)));
      } else out[field.key] = projectObject(field.sub, value, concreteName(field.sub.typeName, value));
    }
    return out;
  };

  const serialize = (line: Record<string, unknown>) => JSON.stringify(line).replaceAll("/", "\\/");

  /** Writes a node's line, then its children's lines (grouped under their parent). Returns objects written. */
  const projectNode = (plan: NodePlan, source: unknown, sink: LineSink, parentId: string | null): number => {
    const typeName = concreteName(plan.selection.typeName, source);
    const line = projectObject(plan.selection, source, typeName);
    if (parentId !== null) line.__parentId = parentId;
    sink(serialize(line), parentId === null);
    let written = 1;
    if (plan.children.length) {
      const id = resolveField(typeName, "id", source, {}, env) as string;
      for (const child of plan.children) {
        const connection = resolveField(typeName, child.fieldName, source, child.args, env);
        if (!isConnectionSource(connection)) continue;
        for (const row of connection.all()) written += projectNode(child.node, row, sink, id);
      }
    }
    return written;
  };

  return { projectNode };
}
