// Window totals on a hand-written shop: which orders fall in (from, to], and which refunds are deducted.
import { describe, expect, it } from "vitest";
import { computePeriodTotals } from "../../app/metrics/period-totals";
import { tinyShop } from "./tiny-shop";

const shop = tinyShop([
  { customer: 0, at: "2026-03-01T00:00:00Z", amount: 1000 }, // on `from`: outside (exclusive start)
  { customer: 0, at: "2026-03-05T00:00:00Z", amount: 2000, refunds: [{ at: "2026-03-06T00:00:00Z", amount: 500 }] },
  { customer: 1, at: "2026-03-10T00:00:00Z", amount: 3000, refunds: [{ at: "2026-04-05T00:00:00Z", amount: 3000 }] }, // refunded after `to`
  { customer: null, at: "2026-03-20T00:00:00Z", amount: 400 }, // a guest: an order, no customer
  { customer: 2, at: "2026-03-25T00:00:00Z", amount: 9999, cancelled: true },
  { customer: 2, at: "2026-03-26T00:00:00Z", amount: 8888, test: true },
  { customer: 1, at: "2026-03-31T00:00:00Z", amount: 600 }, // on `to`: inside (inclusive end)
  { customer: 3, at: "2026-04-02T00:00:00Z", amount: 700 },
]);

describe("computePeriodTotals", () => {
  it("counts orders in (from, to], deducting refunds processed by `to`", () => {
    const totals = computePeriodTotals(shop, Date.parse("2026-03-01T00:00:00Z"), Date.parse("2026-03-31T00:00:00Z"));
    // Orders 2000 − 500, 3000, 400, 600: 4 orders, 5,500 net, customers 0 and 1.
    expect(totals).toEqual({ from: "2026-03-01T00:00:00.000Z", to: "2026-03-31T00:00:00.000Z", orders: 4, customers: 2, netRevenue: 5500, averageOrderValue: 1375 });
  });

  it("deducts a refund once the window reaches it, and gives no AOV without orders", () => {
    const april = computePeriodTotals(shop, Date.parse("2026-03-09T00:00:00Z"), Date.parse("2026-04-10T00:00:00Z"));
    // 3000 − 3000, 400, 600, 700.
    expect(april).toMatchObject({ orders: 4, customers: 2, netRevenue: 1700, averageOrderValue: 425 });
    expect(computePeriodTotals(shop, Date.parse("2026-05-01T00:00:00Z"), Date.parse("2026-05-31T00:00:00Z"))).toMatchObject({ orders: 0, customers: 0, netRevenue: 0, averageOrderValue: null });
  });
});
