// customers/redact holds for good: Shopify keeps a redacted customer's old orders and contracts linked
// to them, so every path that stores those records again (a webhook's refresh, reconciliation, the
// merchant's resync) must leave them unlinked and must not derive the customer again. Real backfills
// and refreshes from the emulator into the test database (SQLite, or PostgreSQL under
// TEST_DATABASE=postgres).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redactCustomer } from "../../app/privacy/redact.server";
import { refreshContracts, refreshOrders } from "../../app/sync/refresh";
import { startSyncHarness, type SyncHarness } from "./harness";

let harness: SyncHarness;
let customer: string;
let orders: string[];
let contracts: string[];
let customersBefore: number;

const gid = (type: string, id: number) => `gid://shopify/${type}/${id}`;

async function stored() {
  const { db } = harness.database;
  const shop = harness.shop;
  return {
    customerRow: await db.customer.count({ where: { shop, id: customer } }),
    customers: await db.customer.count({ where: { shop } }),
    linkedOrders: await db.order.count({ where: { shop, customerId: customer } }),
    linkedContracts: await db.subscriptionContract.count({ where: { shop, customerId: customer } }),
    orders: await db.order.count({ where: { shop, id: { in: orders } } }),
  };
}

beforeAll(async () => {
  harness = await startSyncHarness({ orders: 300, seed: 23 });
  await harness.backfill("orders");
  await harness.backfill("subscriptionContracts");
  // A customer with several orders and a subscription contract.
  const contract = [...harness.store.contracts()].find((c) => [...harness.store.orders()].filter((o) => o.customerId === c.customerId).length >= 2)!;
  customer = gid("Customer", contract.customerId);
  orders = [...harness.store.orders()].filter((o) => o.customerId === contract.customerId).map((o) => gid("Order", o.id));
  contracts = [...harness.store.contracts()].filter((c) => c.customerId === contract.customerId).map((c) => gid("SubscriptionContract", c.id));
  customersBefore = await harness.database.db.customer.count({ where: { shop: harness.shop } });
  await redactCustomer(harness.database.db, harness.shop, customer, orders);
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

describe("a redacted customer", () => {
  it("is gone, their records unlinked, and their id kept as redacted", async () => {
    expect(await stored()).toEqual({ customerRow: 0, customers: customersBefore - 1, linkedOrders: 0, linkedContracts: 0, orders: orders.length });
    expect(await harness.database.db.redactedCustomer.count({ where: { shop: harness.shop, id: customer } })).toBe(1);
  });

  it("stays unlinked when Shopify's copies of their orders and contracts are stored again", async () => {
    const [first] = orders;
    harness.store.updateOrder(Number(first.split("/").pop()), { tags: ["after-redact"] }, Date.now());
    expect((await refreshOrders(harness.client, harness.writer, harness.shop, orders)).written).toBe(orders.length);
    expect(contracts.length).toBeGreaterThan(0);
    expect((await refreshContracts(harness.client, harness.writer, harness.shop, contracts)).written).toBe(contracts.length);
    const order = await harness.database.db.order.findUniqueOrThrow({ where: { shop_id: { shop: harness.shop, id: first } } });
    expect(order.tags).toContain("after-redact"); // the new copy was stored…
    expect(order.customerId).toBeNull(); // …without the customer
    expect(await stored()).toEqual({ customerRow: 0, customers: customersBefore - 1, linkedOrders: 0, linkedContracts: 0, orders: orders.length });
  });

  it("stays unlinked through a whole resync of orders and contracts", async () => {
    await harness.backfill("orders");
    await harness.backfill("subscriptionContracts");
    expect(await stored()).toEqual({ customerRow: 0, customers: customersBefore - 1, linkedOrders: 0, linkedContracts: 0, orders: orders.length });
    // The shop's other customers are all still derived.
    const linked = await harness.database.db.order.count({ where: { shop: harness.shop, customerId: { not: null } } });
    expect(linked).toBeGreaterThan(0);
  });
});
