// The metrics job on a synced shop: the stored orders read into the engine's columns, analysed, and the
// result stored as a snapshot whose totals match the emulator's records counted independently.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_PAGES } from "../../app/components/admin-pages";
import { computeSnapshot } from "../../app/snapshots/jobs";
import { loadPageView } from "../../app/snapshots/page-views.server";
import { readShopSyncStatus } from "../../app/sync/status.server";
import { startSyncHarness, type SyncHarness } from "../sync/harness";

let harness: SyncHarness;

beforeAll(async () => {
  harness = await startSyncHarness({ orders: 2_000, seed: 41 });
  for (const resource of ["orders", "subscriptionContracts"] as const) await harness.backfill(resource);
}, 60_000);

afterAll(async () => {
  await harness?.close();
});

describe("metrics snapshot of a synced shop", () => {
  it("stores the engine's analysis with totals equal to the shop's records", async () => {
    const snapshot = await computeSnapshot(harness.database.db, harness.shop);
    const result = JSON.parse(snapshot.payload);
    const counted = [...harness.store.orders()].filter((order) => !order.test && order.cancelledAt === null);
    const asOf = Date.parse(result.asOf);
    expect(asOf).toBe(Math.max(...counted.map((order) => Math.floor(order.processedAt / 1000) * 1000)));
    const gross = counted.reduce((sum, order) => sum + order.lineItems.reduce((s, l) => s + l.unitPrice * l.quantity - l.discount, 0) + order.shippingPrice + order.taxTotal, 0);
    const refunded = counted.reduce((sum, order) => sum + order.refunds.filter((r) => Math.floor(r.createdAt / 1000) * 1000 <= asOf).reduce((s, r) => s + r.total, 0), 0);
    expect(result.totals).toMatchObject({
      orders: counted.length,
      customers: new Set(counted.filter((order) => order.customerId !== null).map((order) => order.customerId)).size,
      ordersWithoutCustomer: counted.filter((order) => order.customerId === null).length,
      grossRevenue: gross,
      netRevenue: gross - refunded,
    });
    expect(result).toMatchObject({ currency: "JPY", timeZone: "Asia/Tokyo", currencyDecimals: 0 });
    expect(result.subscriptions).not.toBeNull();
    expect(snapshot).toMatchObject({ shop: harness.shop, kind: "analysis", engineVersion: "1" });

    // The sync page's stored-record counts, taken by the same job: every order and line the emulator holds.
    const status = await readShopSyncStatus(harness.database.db, harness.shop);
    const all = [...harness.store.orders()];
    expect(status.countedAt).toBe(snapshot.computedAt.toISOString());
    expect(status.counts).toMatchObject({
      orders: all.length,
      orderLines: all.reduce((n, order) => n + order.lineItems.length, 0),
      refunds: all.reduce((n, order) => n + order.refunds.length, 0),
      subscriptionContracts: harness.store.contractCount(),
    });
  });

  it("stores one view per snapshot page beside the analysis, with the analysis' meta, and keeps two computations", async () => {
    const { db } = harness.database;
    const hour = (n: number) => new Date(Date.now() + n * 3_600_000);
    const first = await computeSnapshot(db, harness.shop, hour(1));
    await computeSnapshot(db, harness.shop, hour(2));
    const latest = await computeSnapshot(db, harness.shop, hour(3));
    const analysis = JSON.parse(latest.payload);
    for (const page of ADMIN_PAGES.filter((p) => p.snapshot)) {
      const stored = await loadPageView(db, harness.shop, page.key as "overview");
      expect(stored?.computedAt).toBe(latest.computedAt.toISOString());
      expect(stored?.view.meta).toEqual({ currency: "JPY", currencyDecimals: 0, timeZone: "Asia/Tokyo", asOf: analysis.asOf });
    }
    expect(await db.metricSnapshot.count({ where: { shop: harness.shop, computedAt: first.computedAt } })).toBe(0);
    expect(await db.metricSnapshot.count({ where: { shop: harness.shop, kind: "analysis" } })).toBe(2);
    expect(await loadPageView(db, "another-shop.myshopify.com", "overview")).toBeNull();
  });
});
