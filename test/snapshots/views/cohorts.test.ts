// The Cohorts view on hand-checked tiny shops: all customers and each dimension's largest values, month
// and week, aligned to the shown cohorts and rounded for display.
import { describe, expect, it } from "vitest";
import { buildCohortsView, COHORT_DIMENSIONS, TOP_SEGMENT_VALUES } from "../../../app/snapshots/views/cohorts";
import { type TinyOrder, tinyShop } from "../../metrics/tiny-shop";
import { viewInputFor } from "./view-input";

// UTC, as of 2024-03-31. c0: channel a, product tea, code WELCOME (Jan 100; Feb 50 + 30). c1: channel b,
// product cup (Jan 200; Mar 70). c2: channel a, tea (Feb 40). c3: channel b, a subscription, pot
// (Mar 60, refunded 10). Survey: c0 high, c3 low.
const orders: TinyOrder[] = [
  { customer: 0, at: "2024-01-05T00:00:00Z", amount: 100, channel: "a", product: "tea", code: "WELCOME" },
  { customer: 1, at: "2024-01-20T00:00:00Z", amount: 200, channel: "b", product: "cup" },
  { customer: 2, at: "2024-02-03T00:00:00Z", amount: 40, channel: "a", product: "tea" },
  { customer: 0, at: "2024-02-10T00:00:00Z", amount: 50 },
  { customer: 0, at: "2024-02-20T00:00:00Z", amount: 30 },
  { customer: 1, at: "2024-03-01T00:00:00Z", amount: 70 },
  { customer: 3, at: "2024-03-15T00:00:00Z", amount: 60, channel: "b", product: "pot", subscription: true, refunds: [{ at: "2024-03-20T00:00:00Z", amount: 10 }] },
];
const AS_OF = Date.parse("2024-03-31T00:00:00Z");

function shopWithSurvey() {
  const shop = tinyShop(orders);
  shop.productTitles = shop.dictionaries.product.map((product) => (product === "tea" ? "Green tea 100 g" : ""));
  shop.surveySegments = [{ name: "satisfactionBand", values: ["high", "low"], valueByCustomer: Int32Array.from([0, -1, -1, 1]) }];
  return shop;
}

describe("cohorts view", () => {
  const view = buildCohortsView(viewInputFor(shopWithSurvey(), AS_OF));
  const dimension = (key: string) => view.dimensions.find((d) => d.key === key)!;

  it("has month and week axes and every dimension in page order", () => {
    expect(view.month).toEqual({ cohorts: ["2024-01", "2024-02", "2024-03"], cohortsShown: 3, cohortsTotal: 3, maxOffset: 23 });
    // Mondays from 2024-01-01 to 2024-03-25 (the as-of Sunday's week): 13 weeks, all shown.
    expect(view.week.cohorts[0]).toBe("2024-01-01");
    expect(view.week.cohorts.at(-1)).toBe("2024-03-25");
    expect(view.week).toMatchObject({ cohortsShown: 13, cohortsTotal: 13, maxOffset: 12 });
    expect(view.dimensions.map((d) => d.key)).toEqual([...COHORT_DIMENSIONS]);
  });

  it("shows all customers as the engine's cohort table", () => {
    const [all] = dimension("all").segments;
    expect(all.key).toBe("all");
    expect(all.customers).toBe(4);
    // January: c0 and c1 (Jan 300; Feb c0 80; Mar c1 70). February: c2. March: c3 (net 50).
    expect(all.month).toEqual({
      customers: [2, 1, 1],
      retention: [[1, 0.5, 0.5], [1, 0], [1]],
      revenuePerCustomer: [[150, 40, 35], [40, 0], [50]],
      cumulativeLtv: [[150, 190, 225], [40, 40], [50]],
    });
    // Week of Jan 1: c0 (100); active again in the weeks of Feb 5 (+5) and Feb 19 (+7).
    expect(all.week.customers[0]).toBe(1);
    expect(all.week.retention[0]).toEqual([1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0]);
    expect(all.week.cumulativeLtv[0].slice(4, 8)).toEqual([100, 150, 150, 180]);
  });

  it("splits by channel, aligning each segment to the shown cohorts (empty rows where it has none)", () => {
    const channel = dimension("channel");
    expect(channel.values).toBe(2);
    expect(channel.segments.map((s) => [s.key, s.customers])).toEqual([["a", 2], ["b", 2]]);
    expect(channel.segments[1].month).toEqual({
      customers: [1, 0, 1],
      retention: [[1, 0, 1], [], [1]],
      revenuePerCustomer: [[200, 0, 70], [], [50]],
      cumulativeLtv: [[200, 200, 270], [], [50]],
    });
  });

  it("keeps customers without a value as their own segment, except for survey answers", () => {
    expect(dimension("firstDiscountCode").segments.map((s) => [s.key, s.customers])).toEqual([["(none)", 3], ["WELCOME", 1]]);
    expect(dimension("firstProduct").segments.map((s) => [s.key, s.label, s.customers])).toEqual([["tea", "Green tea 100 g", 2], ["cup", null, 1], ["pot", null, 1]]);
    expect(dimension("channel").segments[0].label).toBeNull();
    expect(dimension("subscriber").segments.map((s) => [s.key, s.customers])).toEqual([["one-time", 3], ["subscriber", 1]]);
    expect(dimension("survey:satisfactionBand").segments.map((s) => [s.key, s.customers])).toEqual([["high", 1], ["low", 1]]);
    expect(dimension("survey:satisfactionBand").segments[1].month.customers).toEqual([0, 0, 1]);
    // No answers to these questions: no segments (the page shows an empty state).
    expect(dimension("survey:purchaseReason")).toEqual({ key: "survey:purchaseReason", segments: [], values: 0 });
  });

  it("has no subscriber segments in a shop without subscriptions", () => {
    const shop = tinyShop(orders.map((order) => ({ ...order, subscription: false })));
    expect(buildCohortsView(viewInputFor(shop, AS_OF)).dimensions.find((d) => d.key === "subscriber")?.segments).toEqual([]);
  });
});

describe("cohorts view limits and rounding", () => {
  it("shows the latest 24 months and the largest values among their customers", () => {
    // Products p1…p7 with 1…7 customers in March 2024; "old" has 9 customers, all in January 2021.
    const recent = Array.from({ length: 7 }, (_, p) => Array.from({ length: p + 1 }, () => `p${p + 1}`)).flat();
    const shop = tinyShop([
      ...Array.from({ length: 9 }, (_, c) => ({ customer: c, at: "2021-01-10T00:00:00Z", amount: 100, product: "old" })),
      ...recent.map((product, i) => ({ customer: 9 + i, at: "2024-03-10T00:00:00Z", amount: 100, product })),
    ]);
    const view = buildCohortsView(viewInputFor(shop, AS_OF));
    expect(view.month.cohortsTotal).toBe(39);
    expect(view.month.cohorts).toHaveLength(24);
    expect(view.month.cohorts[0]).toBe("2022-04");
    const products = view.dimensions.find((d) => d.key === "firstProduct")!;
    expect(TOP_SEGMENT_VALUES).toBe(5);
    expect(products.segments.map((s) => [s.key, s.customers])).toEqual([["p7", 7], ["p6", 6], ["p5", 5], ["p4", 4], ["p3", 3]]);
    expect(products.values).toBe(7);
    expect(view.dimensions[0].segments[0].customers).toBe(28);
    expect(view.week.cohorts).toHaveLength(26);
  });

  it("rounds shares to 0.1 % and amounts to whole minor units", () => {
    // Three January customers of 100; one returns in February with 100: 1/3 and 100/3.
    const shop = tinyShop([
      { customer: 0, at: "2024-01-05T00:00:00Z", amount: 100 },
      { customer: 1, at: "2024-01-06T00:00:00Z", amount: 100 },
      { customer: 2, at: "2024-01-07T00:00:00Z", amount: 101 },
      { customer: 0, at: "2024-02-05T00:00:00Z", amount: 100 },
    ]);
    const [all] = buildCohortsView(viewInputFor(shop, AS_OF)).dimensions[0].segments;
    expect(all.month.retention[0]).toEqual([1, 0.333, 0]);
    expect(all.month.revenuePerCustomer[0]).toEqual([100, 33, 0]);
    expect(all.month.cumulativeLtv[0]).toEqual([100, 134, 134]);
  });

  it("is empty for a shop without customers", () => {
    const view = buildCohortsView(viewInputFor(tinyShop([{ customer: null, at: "2024-01-05T00:00:00Z", amount: 100 }]), AS_OF));
    expect(view).toMatchObject({ month: { cohorts: [], cohortsTotal: 0 }, dimensions: [] });
  });
});
