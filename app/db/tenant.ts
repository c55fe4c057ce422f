// Tenancy guard: a client that can only see and write one shop's rows.
//
// Every model carries `shop`. `forShop(db, shop)` returns a Prisma client extension that adds
// `shop` to every filter and stamps it on every write, and refuses a write that names another shop.
// Code that serves a merchant request uses this client, so a missing `where: { shop }` cannot leak
// another merchant's data.
import type { Db } from "../db.server";

const FILTERED = new Set([
  "findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany",
  "count", "aggregate", "groupBy", "update", "updateMany", "updateManyAndReturn",
  "delete", "deleteMany", "upsert",
]);
const CREATES = new Set(["create", "createMany", "createManyAndReturn"]);

export class CrossTenantWriteError extends Error {
  constructor(model: string, expected: string, got: unknown) {
    super(`${model}: write for shop "${String(got)}" through a client scoped to "${expected}"`);
    this.name = "CrossTenantWriteError";
  }
}

function stamp(model: string, shop: string, row: Record<string, unknown>): Record<string, unknown> {
  if (row.shop !== undefined && row.shop !== shop) throw new CrossTenantWriteError(model, shop, row.shop);
  return { ...row, shop };
}

export function forShop(db: Db, shop: string) {
  if (!shop) throw new Error("forShop: shop is required");
  return db.$extends({
    name: `tenant:${shop}`,
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const a = (args ?? {}) as Record<string, unknown>;
          if (FILTERED.has(operation)) {
            a.where = { ...((a.where as object | undefined) ?? {}), shop };
          }
          if (operation === "upsert") {
            a.create = stamp(model, shop, a.create as Record<string, unknown>);
          }
          if (operation === "update" || operation === "updateMany" || operation === "upsert") {
            const data = (operation === "upsert" ? a.update : a.data) as Record<string, unknown> | undefined;
            if (data && data.shop !== undefined && data.shop !== shop) {
              throw new CrossTenantWriteError(model, shop, data.shop);
            }
          }
          if (CREATES.has(operation)) {
            const data = a.data as Record<string, unknown> | Record<string, unknown>[];
            a.data = Array.isArray(data) ? data.map((row) => stamp(model, shop, row)) : stamp(model, shop, data);
          }
          return query(a);
        },
      },
    },
  });
}

export type ShopDb = ReturnType<typeof forShop>;
