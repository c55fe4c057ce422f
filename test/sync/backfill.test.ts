// The backfill against the emulator: every order, line, refund and contract of a generated shop reaches
// the database exactly, on SQLite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedShop } from "./expected-rows";
import { expectStoredShopEqualsShopify, startSyncHarness, type SyncHarness, watchedWriter } from "./harness";

let harness: SyncHarness;

beforeAll(async () => {
  harness = await startSyncHarness({ orders: 1_500 });
});

afterAll(async () => {
  await harness?.close();
});

describe("backfill", () => {
  it("stores every order, line, refund and contract of the shop exactly", async () => {
    // Lines follow their order in the emulator's file (as in Shopify's): each order is written with its
    // subscription flag, none flagged by an UPDATE afterwards, whatever the batch size.
    const updates: string[] = [];
    const writer = watchedWriter(harness.writer, (how, statements) => {
      if (how === "batch") for (const { sql } of statements) if (sql.startsWith(`UPDATE "Order"`)) updates.push(sql);
    });
    const orders = await harness.backfill("orders", { batchSize: 97, writer });
    expect(updates).toEqual([]);
    const contracts = await harness.backfill("subscriptionContracts");

    const expected = expectedShop(harness.shop, harness.store);
    expect(orders.written).toBe(1_500);
    expect(expected.customers.length).toBeGreaterThan(300);
    expect(contracts.written).toBe(expected.contracts.length);
    await expectStoredShopEqualsShopify(harness);
  });

  it("records the run and the cursor: done, counts, watermark", async () => {
    const { db } = harness.database;
    const run = await db.syncRun.findFirstOrThrow({ where: { shop: harness.shop, resource: "orders" } });
    expect(run).toMatchObject({ kind: "backfill", phase: "done", status: "succeeded", doneCount: 1_500, expectedCount: 1_500, lastError: null });
    const cursor = await db.syncCursor.findUniqueOrThrow({ where: { shop_resource: { shop: harness.shop, resource: "orders" } } });
    expect(cursor).toMatchObject({ bulkOperationId: null, bulkLinesConsumed: 0, updatedAtCursor: run.startedAt });
    expect(cursor.backfilledAt).toBeInstanceOf(Date);
  });

  it("a resync deletes the customers left without a counted order, and keeps the others", async () => {
    const { db } = harness.database;
    // A customer whose every order became a test order on Shopify (no webhook told the app), and a row
    // no order names at all.
    const orders = [...harness.store.orders()].filter((order) => order.customerId !== null);
    const gone = orders[0].customerId!;
    for (const order of orders) if (order.customerId === gone) harness.store.updateOrder(order.id, { test: true }, Date.now());
    const goneId = `gid://shopify/Customer/${gone}`;
    expect(await db.customer.count({ where: { shop: harness.shop, id: goneId } })).toBe(1);
    await db.customer.create({ data: { shop: harness.shop, id: "gid://shopify/Customer/999999999", ordersCount: 1 } });
    const before = await db.customer.count({ where: { shop: harness.shop } });

    await harness.backfill("orders");
    expect(await db.customer.count({ where: { shop: harness.shop } })).toBe(before - 2);
    expect(await db.customer.count({ where: { shop: harness.shop, id: { in: [goneId, "gid://shopify/Customer/999999999"] } } })).toBe(0);
    await expectStoredShopEqualsShopify(harness);
  });

  it("derives a shop's first customers by a plain INSERT, and upserts them when one was stored meanwhile", async () => {
    const { db } = harness.database;
    const expected = expectedShop(harness.shop, harness.store).customers;
    const customerRuns: string[] = [];
    let raced = false;
    const writer = watchedWriter(harness.writer, async (how, statements) => {
      const insert = statements.find(({ sql }) => sql.includes(`INSERT INTO "Customer"`));
      if (how !== "run" || !insert) return;
      const plain = !insert.sql.includes(`ON CONFLICT ("shop", "id")`);
      customerRuns.push(plain ? "insert" : "upsert");
      // A webhook's refresh stores one of the customers between the check and the INSERT.
      if (plain && !raced) {
        raced = true;
        await db.customer.create({ data: { shop: harness.shop, id: expected[0].id, ordersCount: 99 } });
      }
    });

    await db.customer.deleteMany({ where: { shop: harness.shop } });
    await harness.backfill("orders", { writer });
    expect(customerRuns).toEqual(["insert", "upsert"]);
    await expectStoredShopEqualsShopify(harness);

    await db.customer.deleteMany({ where: { shop: harness.shop } });
    customerRuns.length = 0;
    await harness.backfill("orders", { writer });
    expect(customerRuns).toEqual(["insert"]);
    await expectStoredShopEqualsShopify(harness);
  });
});
