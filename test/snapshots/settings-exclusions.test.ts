// The shop's settings reach its snapshot: excluded sources and tags remove exactly those orders from the
// figures, counting test orders adds exactly those, the CLV horizon and discount rate reach the model.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, type ShopSettingsValues } from "../../app/settings/shop-settings";
import { saveShopSettings } from "../../app/settings/shop-settings.server";
import { computeSnapshot } from "../../app/snapshots/jobs";
import type { EmOrder } from "../emulator/store/types";
import { startSyncHarness, type SyncHarness } from "../sync/harness";

let harness: SyncHarness;

beforeAll(async () => {
  harness = await startSyncHarness({ orders: 2_000, seed: 43 });
  await harness.backfill("orders");
}, 60_000);

afterAll(async () => {
  await harness?.close();
});

/** Orders and net revenue of the emulator's records that `keep` leaves in, as the engine counts them. */
function expectedTotals(keep: (order: EmOrder) => boolean) {
  const counted = [...harness.store.orders()].filter((order) => order.cancelledAt === null && keep(order));
  const asOf = Math.max(...counted.map((order) => Math.floor(order.processedAt / 1000) * 1000));
  const gross = counted.reduce((sum, o) => sum + o.lineItems.reduce((s, l) => s + l.unitPrice * l.quantity - l.discount, 0) + o.shippingPrice + o.taxTotal, 0);
  const refunded = counted.reduce((sum, o) => sum + o.refunds.filter((r) => Math.floor(r.createdAt / 1000) * 1000 <= asOf).reduce((s, r) => s + r.total, 0), 0);
  return { orders: counted.length, netRevenue: gross - refunded };
}

async function totalsWith(settings: ShopSettingsValues) {
  await saveShopSettings(harness.database.db, harness.shop, settings, "en");
  const snapshot = await computeSnapshot(harness.database.db, harness.shop);
  return JSON.parse(snapshot.payload) as { totals: { orders: number; netRevenue: number }; predictedClv: { horizonDays: number; annualDiscountRate: number } };
}

describe("settings applied by the metrics job", () => {
  it("excluding POS orders and a tag removes exactly those orders", async () => {
    const all = await totalsWith(DEFAULT_SETTINGS);
    expect(all.totals).toMatchObject(expectedTotals((order) => !order.test));

    const recurring = "Subscription Recurring Order";
    const excluded = [...harness.store.orders()].filter((o) => !o.test && o.cancelledAt === null && (o.sourceName === "pos" || o.tags.includes(recurring)));
    expect(excluded.length).toBeGreaterThan(0);
    const trimmed = await totalsWith({ ...DEFAULT_SETTINGS, exclusions: { testOrders: true, sourceNames: ["pos"], tags: [recurring.toLowerCase()] } });
    expect(trimmed.totals).toMatchObject(expectedTotals((order) => !order.test && order.sourceName !== "pos" && !order.tags.includes(recurring)));
    expect(all.totals.orders - trimmed.totals.orders).toBe(excluded.length);
  });

  it("counting test orders adds exactly them; horizon and discount rate reach predicted CLV", async () => {
    const tests = [...harness.store.orders()].filter((o) => o.test && o.cancelledAt === null).length;
    expect(tests).toBeGreaterThan(0);
    const withTests = await totalsWith({ ...DEFAULT_SETTINGS, exclusions: { ...DEFAULT_SETTINGS.exclusions, testOrders: false }, clvHorizonDays: 180, annualDiscountRate: 0.05 });
    expect(withTests.totals).toMatchObject(expectedTotals(() => true));
    expect(withTests.totals.orders).toBe(expectedTotals((order) => !order.test).orders + tests);
    expect(withTests.predictedClv).toMatchObject({ horizonDays: 180, annualDiscountRate: 0.05 });
  });
});
