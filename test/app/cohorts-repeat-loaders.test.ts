// The Cohorts and Repeat loaders through the real auth path (App Bridge session tokens signed with the
// app secret, the offline session from Prisma storage): a synced shop, one metrics snapshot, and each
// loader returning exactly the stored view — whose cohort sizes, product titles and repeat customers
// are the ones the emulator's records give — plus the shop's cohort-granularity setting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { loader as CohortsLoader } from "../../app/routes/app.cohorts";
import type { loader as RepeatLoader } from "../../app/routes/app.repeat";
import { loadPageView } from "../../app/snapshots/page-views.server";
import { bearerRequest, respond, sessionToken } from "../helpers/shopify-requests";
import { startSyncedApp, type SyncedApp } from "../helpers/synced-app";
import type { SyncHarness } from "../sync/harness";

const OTHER_SHOP = "no-cohorts-yet.myshopify.com";

let synced: SyncedApp;
let harness: SyncHarness;
let cohortsLoader: typeof CohortsLoader;
let repeatLoader: typeof RepeatLoader;

beforeAll(async () => {
  synced = await startSyncedApp({ orders: 1_500, seed: 53, otherShop: OTHER_SHOP });
  harness = synced.harness;
  cohortsLoader = (await import("../../app/routes/app.cohorts")).loader;
  repeatLoader = (await import("../../app/routes/app.repeat")).loader;
}, 120_000);

afterAll(async () => {
  await synced?.close();
});

const loaderArgs = (request: Request) => ({ request, params: {}, context: {} });
const tokyoMonth = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit" });

/** Counted orders of each emulator customer, time ascending, with the app's second precision. */
function ordersByCustomer() {
  const byCustomer = new Map<number, { at: number; lines: { id: number; productId: number; title: string }[] }[]>();
  for (const order of harness.store.orders()) {
    if (order.test || order.cancelledAt !== null || order.customerId === null) continue;
    const list = byCustomer.get(order.customerId) ?? [];
    list.push({ at: Math.floor(order.processedAt / 1000) * 1000, lines: order.lineItems });
    byCustomer.set(order.customerId, list);
  }
  for (const list of byCustomer.values()) list.sort((a, b) => a.at - b.at);
  return byCustomer;
}

describe("Cohorts loader", () => {
  it("returns the stored view, with monthly cohort sizes equal to the customers' first orders, and the default granularity", async () => {
    const token = await sessionToken({ shop: harness.shop });
    const result = await respond(() => cohortsLoader(loaderArgs(bearerRequest("/app/cohorts", token))));
    expect(result.status).toBe(200);
    const stored = await loadPageView(harness.database.db, harness.shop, "cohorts");
    expect(result.data?.stored).toEqual(stored);
    expect(result.data?.granularity).toBe("month");

    const view = stored!.view;
    const firstMonths = new Map<string, number>();
    for (const orders of ordersByCustomer().values()) {
      const month = tokyoMonth.format(orders[0].at);
      firstMonths.set(month, (firstMonths.get(month) ?? 0) + 1);
    }
    const [all] = view.dimensions[0].segments;
    expect(view.month.cohorts.length).toBeGreaterThan(3);
    expect(all.month.customers).toEqual(view.month.cohorts.map((month) => firstMonths.get(month) ?? 0));
    for (const dimension of view.dimensions) expect(dimension.segments.length).toBeLessThanOrEqual(view.topValues);
  });

  it("names first products by their title", async () => {
    const view = (await loadPageView(harness.database.db, harness.shop, "cohorts"))!.view;
    const titleOf = new Map<string, string>();
    for (const order of harness.store.orders()) for (const line of order.lineItems) titleOf.set(`gid://shopify/Product/${line.productId}`, line.title);
    const products = view.dimensions.find((d) => d.key === "firstProduct")!.segments;
    expect(products.length).toBeGreaterThan(0);
    for (const segment of products) expect(segment.label).toBe(titleOf.get(segment.key));
  });

  it("opens at the shop's cohort granularity", async () => {
    await harness.database.db.shopSettings.upsert({ where: { shop: harness.shop }, create: { shop: harness.shop, cohortGranularity: "week" }, update: { cohortGranularity: "week" } });
    const result = await respond(async () => cohortsLoader(loaderArgs(bearerRequest("/app/cohorts", await sessionToken({ shop: harness.shop })))));
    expect(result.data?.granularity).toBe("week");
  });

  it("gives a shop without a snapshot nothing of another shop's", async () => {
    const result = await respond(async () => cohortsLoader(loaderArgs(bearerRequest("/app/cohorts", await sessionToken({ shop: OTHER_SHOP })))));
    expect(result).toMatchObject({ status: 200, data: { stored: null, granularity: "month" } });
  });

  it("refuses a token signed with another secret", async () => {
    const token = await sessionToken({ shop: harness.shop, secret: "not-the-app-secret-0123456789abcdef" });
    const result = await respond(() => cohortsLoader(loaderArgs(bearerRequest("/app/cohorts", token))));
    expect(result.status).toBe(401);
    expect(result.data).toBeUndefined();
  });
});

describe("Repeat loader", () => {
  it("returns the stored view, whose repeat customers are the emulator's customers with two orders or more", async () => {
    const token = await sessionToken({ shop: harness.shop });
    const result = await respond(() => repeatLoader(loaderArgs(bearerRequest("/app/repeat", token))));
    expect(result.status).toBe(200);
    const stored = await loadPageView(harness.database.db, harness.shop, "repeat");
    expect(result.data?.stored).toEqual(stored);

    const view = stored!.view;
    const customers = [...ordersByCustomer().values()];
    expect(view.customers).toBe(customers.length);
    expect(view.repeatCustomers).toBe(customers.filter((orders) => orders.length >= 2).length);
    expect(view.f2.map((w) => w.windowDays)).toEqual([30, 60, 90, 180, 365]);
    expect(view.timeToSecondOrder.histogram.reduce((sum, b) => sum + b.customers, 0)).toBe(view.repeatCustomers);
    expect(view.repurchaseByFirstProduct.rows[0].title).toEqual(expect.any(String));
  });

  it("gives a shop without a snapshot nothing of another shop's", async () => {
    const result = await respond(async () => repeatLoader(loaderArgs(bearerRequest("/app/repeat", await sessionToken({ shop: OTHER_SHOP })))));
    expect(result).toMatchObject({ status: 200, data: { stored: null } });
  });
});
