// The LTV and Customers loaders through the real auth path (App Bridge session tokens signed with the
// app secret, the offline session from Prisma storage): a synced shop, one metrics snapshot, and each
// loader returning exactly the stored view — whose top customers are real Shopify customer ids with
// the revenue the emulator's records give them, and whose segment moves account for every customer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Session } from "@shopify/shopify-app-remix/server";
import type { loader as CustomersLoader } from "../../app/routes/app.customers";
import type { loader as LtvLoader } from "../../app/routes/app.ltv";
import { computeSnapshot } from "../../app/snapshots/jobs";
import { loadPageView } from "../../app/snapshots/page-views.server";
import { SEGMENT_VALUES_SHOWN } from "../../app/snapshots/views/ltv";
import { seedShop } from "../factories/commerce";
import { startApp } from "../helpers/app";
import { bearerRequest, respond, sessionToken } from "../helpers/shopify-requests";
import { startSyncHarness, type SyncHarness } from "../sync/harness";

const OTHER_SHOP = "no-snapshot-yet.myshopify.com";

let harness: SyncHarness;
let app: Awaited<ReturnType<typeof startApp>>;
let ltvLoader: typeof LtvLoader;
let customersLoader: typeof CustomersLoader;

beforeAll(async () => {
  harness = await startSyncHarness({ orders: 1_500, seed: 29 });
  for (const resource of ["orders", "subscriptionContracts"] as const) await harness.backfill(resource);
  await computeSnapshot(harness.database.db, harness.shop);
  app = await startApp(harness.database.url);
  await app.shopify.sessionStorage.storeSession(
    new Session({ id: `offline_${harness.shop}`, shop: harness.shop, state: "", isOnline: false, scope: "read_orders", accessToken: harness.accessToken }),
  );
  await seedShop(harness.database.db, OTHER_SHOP, 5);
  ltvLoader = (await import("../../app/routes/app.ltv")).loader;
  customersLoader = (await import("../../app/routes/app.customers")).loader;
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await harness?.close();
});

const loaderArgs = (request: Request) => ({ request, params: {}, context: {} });

/** Net revenue of one emulator customer as of `asOf`, counted from the emulator's records. */
function netRevenueOf(customerId: number, asOf: number): number {
  const orders = [...harness.store.orders()].filter((o) => o.customerId === customerId && !o.test && o.cancelledAt === null && Math.floor(o.processedAt / 1000) * 1000 <= asOf);
  const gross = orders.reduce((sum, o) => sum + o.lineItems.reduce((s, l) => s + l.unitPrice * l.quantity - l.discount, 0) + o.shippingPrice + o.taxTotal, 0);
  const refunded = orders.reduce((sum, o) => sum + o.refunds.filter((r) => Math.floor(r.createdAt / 1000) * 1000 <= asOf).reduce((s, r) => s + r.total, 0), 0);
  return gross - refunded;
}

describe("LTV loader", () => {
  it("returns the stored view: segment curves, the CLV distribution, top customers by Shopify id, the backtest", async () => {
    const token = await sessionToken({ shop: harness.shop });
    const result = await respond(() => ltvLoader(loaderArgs(bearerRequest("/app/ltv", token))));
    expect(result.status).toBe(200);
    const stored = await loadPageView(harness.database.db, harness.shop, "ltv");
    expect(result.data?.stored).toEqual(stored);
    const view = stored!.view;
    expect(view.historical.dimensions.map((d) => d.key)).toContain("channel");
    for (const dimension of view.historical.dimensions) {
      expect(dimension.shown).toBe(Math.min(SEGMENT_VALUES_SHOWN, dimension.values));
      expect(dimension.groups).toHaveLength(dimension.shown);
    }
    expect(view.predicted.model.fitted).toBe(true);
    expect(view.predicted.distribution.reduce((s, b) => s + b.customers, 0)).toBe(view.predicted.customers);
    const top = view.predicted.topCustomers;
    expect(top).toHaveLength(view.predicted.topCustomersShown);
    const asOf = Date.parse(view.meta.asOf);
    for (const customer of top.slice(0, 5)) {
      const id = /^gid:\/\/shopify\/Customer\/(\d+)$/.exec(customer.id ?? "");
      expect(id).not.toBeNull();
      expect(customer.historicalRevenue).toBe(netRevenueOf(Number(id![1]), asOf));
    }
    expect(view.predicted.backtest?.byFrequency.reduce((s, b) => s + b.customers, 0)).toBe(view.predicted.backtest?.customers);
    expect(["good", "fair", "poor", "tooFew"]).toContain(view.predicted.backtest?.trust);
  });

  it("gives a shop without a snapshot nothing of another shop's", async () => {
    const result = await respond(async () => ltvLoader(loaderArgs(bearerRequest("/app/ltv", await sessionToken({ shop: OTHER_SHOP })))));
    expect(result).toMatchObject({ status: 200, data: { stored: null } });
  });
});

describe("Customers loader", () => {
  it("returns the stored view: segments, moves that account for every customer, Pareto", async () => {
    const token = await sessionToken({ shop: harness.shop });
    const result = await respond(() => customersLoader(loaderArgs(bearerRequest("/app/customers", token))));
    expect(result.status).toBe(200);
    const stored = await loadPageView(harness.database.db, harness.shop, "customers");
    expect(result.data?.stored).toEqual(stored);
    const view = stored!.view;
    expect(view.rfm.segments.reduce((s, x) => s + x.customers, 0)).toBe(view.rfm.customers);
    const moves = view.moves!;
    const total = moves.counts.flat().reduce((s, n) => s + n, 0);
    expect(total).toBe(view.rfm.customers);
    expect(moves.stayed + moves.moved + moves.newCustomers).toBe(view.rfm.customers);
    // Each segment's column total is its customers now.
    moves.to.forEach((segment, t) => expect(moves.counts.reduce((s, row) => s + row[t], 0)).toBe(view.rfm.segments.find((x) => x.segment === segment)!.customers));
    expect(view.pareto.customers).toBe(view.rfm.customers);
  });

  it("gives a shop without a snapshot nothing of another shop's", async () => {
    const result = await respond(async () => customersLoader(loaderArgs(bearerRequest("/app/customers", await sessionToken({ shop: OTHER_SHOP })))));
    expect(result).toMatchObject({ status: 200, data: { stored: null } });
  });
});
