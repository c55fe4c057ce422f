// The real Admin GraphQL schema (2026-07 introspection, ../shared/shopify), built once per process:
// every emulated request is validated against exactly what Shopify publishes.
import { readFileSync } from "node:fs";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";
import { sharedPath } from "../../helpers/shared";

export const ADMIN_API_VERSION = "2026-07";

let cached: GraphQLSchema | undefined;

export function adminSchema(): GraphQLSchema {
  if (!cached) {
    const json = JSON.parse(readFileSync(sharedPath(`shopify/admin-${ADMIN_API_VERSION}.schema.json`), "utf8")) as
      { data?: IntrospectionQuery } & IntrospectionQuery;
    cached = buildClientSchema(json.data ?? json, { assumeValid: true });
  }
  return cached;
}
