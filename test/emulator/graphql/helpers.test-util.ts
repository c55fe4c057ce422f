// Small request helpers shared by the emulator's GraphQL tests.
import type { AdminContext } from "./context";
import { executeAdminGraphQL } from "./execute";

export async function gql(ctx: AdminContext, query: string, variables?: Record<string, unknown>, apiVersion?: string) {
  const response = await executeAdminGraphQL(ctx, { query, variables, apiVersion });
  return response.body as {
    data?: Record<string, any> | null; // eslint-disable-line @typescript-eslint/no-explicit-any
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
    extensions?: { cost: { requestedQueryCost: number; actualQueryCost: number | null; throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } }; search?: unknown[] };
  };
}
