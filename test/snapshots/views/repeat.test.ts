// The Repeat view on a hand-checked tiny shop: repeat rate and F2 by window beside the same as of 30
// days earlier, time to the second order, repurchase by first product.
import { describe, expect, it } from "vitest";
import { buildRepeatView, REPURCHASE_PRODUCTS_SHOWN } from "../../../app/snapshots/views/repeat";
import { tinyShop } from "../../metrics/tiny-shop";
import { viewInputFor } from "./view-input";

// UTC, as of 2024-06-30 (previous: 2024-05-31). c0 tea Jan 1, again Jan 11 (10 days). c1 tea Jan 15,
// again Mar 15 (60 days). c2 cup Feb 1, once. c3 cup Jun 20, again Jun 25 (5 days; after the previous as-of).
const shop = tinyShop([
  { customer: 0, at: "2024-01-01T00:00:00Z", amount: 100, product: "tea" },
  { customer: 0, at: "2024-01-11T00:00:00Z", amount: 100 },
  { customer: 1, at: "2024-01-15T00:00:00Z", amount: 100, product: "tea" },
  { customer: 1, at: "2024-03-15T00:00:00Z", amount: 100 },
  { customer: 2, at: "2024-02-01T00:00:00Z", amount: 100, product: "cup" },
  { customer: 3, at: "2024-06-20T00:00:00Z", amount: 100, product: "cup" },
  { customer: 3, at: "2024-06-25T00:00:00Z", amount: 100 },
]);
shop.productTitles = shop.dictionaries.product.map((product) => (product === "tea" ? "Sencha" : ""));
const AS_OF = Date.parse("2024-06-30T00:00:00Z");

describe("repeat view", () => {
  const view = buildRepeatView(viewInputFor(shop, AS_OF));

  it("gives the repeat rate now and 30 days earlier, with the change in points", () => {
    expect(view).toMatchObject({ comparisonDays: 30, customers: 4, repeatCustomers: 3 });
    // Now 3 of 4; then c0 and c1 of c0–c2: 2 of 3. +8.33 points.
    expect(view.repeatRate).toEqual({ current: 0.75, previous: 2 / 3, change: 8.333333333, direction: "up" });
  });

  it("gives F2 conversion by window on the customers old enough for it", () => {
    // Ages now: c0 181 days, c1 167, c2 150, c3 10. Then: 151, 137, 120.
    expect(view.f2.map((w) => [w.windowDays, w.eligibleCustomers, w.convertedCustomers, w.rate.current, w.rate.previous])).toEqual([
      [30, 3, 1, 1 / 3, 1 / 3],
      [60, 3, 2, 2 / 3, 2 / 3],
      [90, 3, 2, 2 / 3, 2 / 3],
      [180, 1, 1, 1, null],
      [365, 0, 0, null, null],
    ]);
    expect(view.f2[0].rate.direction).toBe("flat");
    expect(view.f2[3].rate.direction).toBeNull();
  });

  it("gives time to the second order: quartiles, the median against the previous one, and the histogram", () => {
    const gaps = view.timeToSecondOrder;
    // Gaps 5, 10, 60 days (then 10, 60: median 35).
    expect(gaps).toMatchObject({ customers: 3, p25: 7.5, p75: 35 });
    expect(gaps.median).toEqual({ current: 10, previous: 35, change: -0.7142857143, direction: "down" });
    expect(gaps.histogram.map((b) => [b.fromDays, b.toDays, b.customers])).toEqual([
      [0, 7, 1],
      [7, 14, 1],
      [14, 30, 0],
      [30, 60, 0],
      [60, 90, 1],
      [90, 180, 0],
      [180, 365, 0],
      [365, null, 0],
    ]);
    expect(gaps.histogram[0].share).toBe(1 / 3);
  });

  it("gives repurchase by first product, largest first", () => {
    expect(view.repurchaseByFirstProduct).toEqual({
      rows: [
        { product: "cup", title: null, customers: 2, repeatCustomers: 1, rate: 0.5 },
        { product: "tea", title: "Sencha", customers: 2, repeatCustomers: 2, rate: 1 },
      ],
      shown: 2,
      productsTotal: 2,
    });
  });

  it("keeps the products with the most customers when there are many", () => {
    const many = tinyShop(Array.from({ length: 30 }, (_, c) => ({ customer: c, at: "2024-01-01T00:00:00Z", amount: 100, product: `p${c % 25}` })));
    const { repurchaseByFirstProduct } = buildRepeatView(viewInputFor(many, AS_OF));
    expect(repurchaseByFirstProduct.rows).toHaveLength(REPURCHASE_PRODUCTS_SHOWN);
    expect(repurchaseByFirstProduct).toMatchObject({ shown: 20, productsTotal: 25 });
    expect(repurchaseByFirstProduct.rows.slice(0, 6).map((r) => r.customers)).toEqual([2, 2, 2, 2, 2, 1]);
  });

  it("has no time to second order without repeat customers", () => {
    const once = buildRepeatView(viewInputFor(tinyShop([{ customer: 0, at: "2024-01-01T00:00:00Z", amount: 100 }]), AS_OF));
    expect(once.timeToSecondOrder.median.current).toBeNull();
    expect(once.timeToSecondOrder.histogram.every((b) => b.customers === 0 && b.share === null)).toBe(true);
  });
});
