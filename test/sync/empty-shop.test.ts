// A shop with nothing to export: Shopify completes the bulk operation with no result file (url null).
// The backfill stores nothing (and downloads nothing) and records the run as done, on SQLite and on
// PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectStoredShopEqualsShopify, startSyncHarness, type SyncHarness } from "./harness";

let harness: SyncHarness;

beforeAll(async () => {
  harness = await startSyncHarness({ orders: 0 });
});

afterAll(async () => {
  await harness?.close();
});

describe("a backfill of a shop with nothing to export", () => {
  it("stores nothing and ends done, for orders and for contracts", async () => {
    expect(harness.store.shop.domain).toBe(harness.shop);
    for (const resource of ["orders", "subscriptionContracts"] as const) {
      const result = await harness.backfill(resource);
      expect(result.written).toBe(0);
      const { db } = harness.database;
      const run = await db.syncRun.findFirstOrThrow({ where: { shop: harness.shop, resource } });
      expect(run).toMatchObject({ phase: "done", status: "succeeded", doneCount: 0, expectedCount: 0, lastError: null });
      const cursor = await db.syncCursor.findUniqueOrThrow({ where: { shop_resource: { shop: harness.shop, resource } } });
      expect(cursor).toMatchObject({ bulkOperationId: null, bulkLinesConsumed: 0 });
      expect(cursor.backfilledAt).toBeInstanceOf(Date);
    }
    expect(await harness.database.db.order.count({ where: { shop: harness.shop } })).toBe(0);
    await expectStoredShopEqualsShopify(harness);
  });
});
