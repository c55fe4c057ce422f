// A backfill into a database where its shop is alone builds Order's customer index after the orders
// (sorted once instead of row by row); with another shop's orders stored it keeps the index. Either way,
// and after a run that fails while it writes the orders, the database ends with exactly the schema's
// indexes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIndexSql, otherShopsIn } from "../../app/sync/backfill/deferred-indexes";
import { ORDER_CUSTOMER_INDEX } from "../../app/sync/orders/order-rows";
import { diffDatabaseToSchema } from "../../scripts/migration-state";
import { seedShop } from "../factories/commerce";
import { indexNames, testDatabaseKind } from "../helpers/database";
import { exportedOrderLines, expectStoredShopEqualsShopify, serveResultFile, startSyncHarness, type SyncHarness, watchedWriter } from "./harness";

const INDEX = ORDER_CUSTOMER_INDEX.name;
let harness: SyncHarness;

beforeAll(async () => {
  harness = await startSyncHarness({ orders: 300, seed: 31 });
});

afterAll(async () => {
  await harness?.close();
});

const customerIndexed = async () => (await indexNames(harness.database, "Order")).includes(INDEX);

/**
 * The backfill's writes (into `log`, which a failed run leaves filled), in order: the SQL of each
 * statement run alone (the index's drop and creation), "batch" for each batch of a bulk session, and
 * whether the customer index was in the catalog when the statement creating it was about to run
 * (every order written by then).
 */
async function recordedBackfill(log: string[] = []): Promise<string[]> {
  const writer = watchedWriter(harness.writer, async (how, statements) => {
    if (how === "batch") return void log.push("batch");
    for (const { sql } of statements) {
      if (sql.startsWith("CREATE INDEX")) log.push(`indexed before creating: ${await customerIndexed()}`);
      log.push(sql);
    }
  });
  await harness.backfill("orders", { writer, batchSize: 50 });
  return log;
}

const DROP = `DROP INDEX IF EXISTS "${INDEX}"`;
const CREATE = createIndexSql(ORDER_CUSTOMER_INDEX);

describe("Order's customer index in a backfill", () => {
  it("stays in place when the run fails while it writes the orders", async () => {
    const { operationId, lines } = await exportedOrderLines(harness);
    const broken = [...lines.slice(0, 120), "{not json", ...lines.slice(120)];
    await serveResultFile(harness, operationId, broken);
    const log: string[] = [];
    await expect(recordedBackfill(log)).rejects.toThrow("bulk result line 121: not a JSON object");
    expect(log[0]).toBe(DROP); // the shop is alone: dropped, then put back after the failure
    expect(log).toContain(CREATE);
    expect(await customerIndexed()).toBe(true);
    // The retry would resume this broken file; this test starts again from a new export.
    await harness.database.db.syncCursor.delete({ where: { shop_resource: { shop: harness.shop, resource: "orders" } } });
  });

  it("is built after the orders when the shop is alone, leaving exactly the schema", async () => {
    const log = await recordedBackfill();
    const firstBatch = log.indexOf("batch");
    expect(log.indexOf(DROP)).toBeGreaterThanOrEqual(0);
    expect(log.indexOf(DROP)).toBeLessThan(firstBatch);
    expect(log).toContain("indexed before creating: false");
    expect(log.indexOf(CREATE)).toBeGreaterThan(firstBatch);
    expect(await customerIndexed()).toBe(true);
    expect(diffDatabaseToSchema(harness.database.url, testDatabaseKind)).toBe("");
    await expectStoredShopEqualsShopify(harness, ["customers", "orders", "lines", "refunds"]);
  });

  it("is kept while the orders are written when another shop has orders, on either side of the key", async () => {
    expect(await otherShopsIn(harness.writer, "Order", harness.shop)).toBe(false);
    const before = "aaa-before.myshopify.com";
    const after = "zzz-after.myshopify.com";
    expect(before < harness.shop && harness.shop < after).toBe(true);

    await seedShop(harness.database.db, after, 2);
    expect(await otherShopsIn(harness.writer, "Order", harness.shop)).toBe(true);
    const log = await recordedBackfill();
    expect(log).not.toContain(DROP);
    expect(log).toContain("indexed before creating: true");

    await harness.database.db.order.deleteMany({ where: { shop: after } });
    expect(await otherShopsIn(harness.writer, "Order", harness.shop)).toBe(false);
    await seedShop(harness.database.db, before, 3);
    expect(await otherShopsIn(harness.writer, "Order", harness.shop)).toBe(true);
    expect(await recordedBackfill()).not.toContain(DROP);
    expect(await customerIndexed()).toBe(true);
    await expectStoredShopEqualsShopify(harness, ["customers", "orders", "lines", "refunds"]);
  });
});
