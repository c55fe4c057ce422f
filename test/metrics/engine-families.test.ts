// Hand-checked tiny shops for every metric family; the arithmetic is in the comments.
import { describe, expect, it } from "vitest";
import { analyzeShop } from "../../app/metrics/analyze.ts";
import { currencyDecimals } from "../../app/metrics/dataset.ts";
import { periodGrid, periodIndex } from "../../app/metrics/period-grid.ts";
import { rfmSegmentOf } from "../../app/metrics/rfm-segments.ts";
import { fitSbg, sbgSurvival } from "../../app/metrics/sbg.ts";
import { monthlyFactor } from "../../app/metrics/subscriptions.ts";
import { tinyShop } from "./tiny-shop.ts";

const DAY = 86_400_000;

// JPY (0 decimals) shop in Asia/Tokyo, as of 2024-06-30T00:00Z (09:00 JST).
// c0: 2024-01-31T15:30Z = 2024-02-01 00:30 JST (a February customer in Tokyo, January in UTC), 1000;
//     2024-02-15T00:00Z, 2000, refunded 500 on 2024-02-20 (before the as-of).
// c1: 2024-01-31T14:30Z = 23:30 JST on Jan 31, 3000, refunded 1000 on 2024-07-01 (after the as-of: not deducted);
//     a cancelled order (excluded).
// c2: only a test order (excluded, so not a customer). A guest order of 500.
const tokyo = tinyShop(
  [
    { customer: 0, at: "2024-01-31T15:30:00Z", amount: 1000, product: "tea", channel: "web", code: "WELCOME", country: "JP" },
    { customer: 0, at: "2024-02-15T00:00:00Z", amount: 2000, refunds: [{ at: "2024-02-20T00:00:00Z", amount: 500 }] },
    { customer: 1, at: "2024-01-31T14:30:00Z", amount: 3000, product: "cup", channel: "pos", country: "JP", refunds: [{ at: "2024-07-01T00:00:00Z", amount: 1000 }] },
    { customer: 1, at: "2024-02-01T00:00:00Z", amount: 9999, cancelled: true },
    { customer: 2, at: "2024-03-01T00:00:00Z", amount: 7777, test: true },
    { customer: null, at: "2024-03-01T00:00:00Z", amount: 500 },
  ],
  { timeZone: "Asia/Tokyo", currency: "JPY" },
);
const asOf = Date.parse("2024-06-30T00:00:00Z");
const result = analyzeShop(tokyo, { asOf });

describe("totals", () => {
  it("counts orders, customers and net revenue by the definitions", () => {
    expect(result.currencyDecimals).toBe(0);
    expect(result.totals).toEqual({
      customers: 2,
      orders: 4,
      ordersWithoutCustomer: 1,
      excludedCancelledOrTest: 2,
      grossRevenue: 6500,
      refunds: 500, // the July refund is after the as-of
      netRevenue: 6000,
      averageOrderValue: 1500,
      ordersPerCustomer: 1.5,
    });
  });

  it("deducts a refund once the as-of passes it", () => {
    const later = analyzeShop(tokyo, { asOf: Date.parse("2024-07-02T00:00:00Z") });
    expect(later.totals.netRevenue).toBe(5000);
  });
});

describe("cohorts in the shop's time zone", () => {
  it("puts a 00:30 JST order on Feb 1 in the February cohort", () => {
    const [january, february] = result.cohorts.month.cohorts;
    expect(january.cohort).toBe("2024-01");
    expect(january.customers).toBe(1);
    expect(january.activeCustomers).toEqual([1, 0, 0, 0, 0, 0]);
    expect(january.revenue[0]).toBe(3000);
    expect(february.cohort).toBe("2024-02");
    // Both of c0's orders fall in February: one active customer, 1000 + (2000 − 500).
    expect(february.activeCustomers).toEqual([1, 0, 0, 0, 0]);
    expect(february.revenue[0]).toBe(2500);
    expect(february.cumulativeRevenuePerCustomer).toEqual([2500, 2500, 2500, 2500, 2500]);
    expect(february.retention[0]).toBe(1);
  });

  it("would put both customers in January in UTC", () => {
    const utc = analyzeShop({ ...tokyo, timeZone: "UTC" }, { asOf });
    expect(utc.cohorts.month.cohorts.map((c) => [c.cohort, c.customers])).toEqual([["2024-01", 2]]);
    expect(utc.cohorts.month.cohorts[0].activeCustomers.slice(0, 2)).toEqual([2, 1]);
  });

  it("starts weeks on Monday in the shop's zone", () => {
    const grid = periodGrid("week", "Asia/Tokyo", Date.parse("2024-01-07T15:00:00Z"), Date.parse("2024-01-20T00:00:00Z"));
    // 2024-01-07T15:00Z is Monday 2024-01-08 00:00 JST.
    expect(grid.labels[0]).toBe("2024-01-08");
    expect(periodIndex(grid, Date.parse("2024-01-07T14:59:59Z"))).toBe(-1);
  });

  it("keeps month boundaries right across a DST change", () => {
    const grid = periodGrid("month", "America/New_York", Date.parse("2024-03-01T05:00:00Z"), Date.parse("2024-04-15T00:00:00Z"));
    expect(grid.labels).toEqual(["2024-03", "2024-04"]);
    expect(new Date(grid.boundaries[1]).toISOString()).toBe("2024-04-01T04:00:00.000Z"); // EDT from Mar 10
  });
});

describe("repeat", () => {
  it("counts F2 only on customers old enough, and the gap to the second order", () => {
    expect(result.repeat.repeatCustomers).toBe(1);
    expect(result.repeat.repeatCustomerRate).toBe(0.5);
    const f2 = Object.fromEntries(result.repeat.f2.map((f) => [f.windowDays, [f.eligibleCustomers, f.convertedCustomers]]));
    // First orders ~151 days before the as-of: eligible for 30/60/90, not 180/365.
    expect(f2).toEqual({ 30: [2, 1], 60: [2, 1], 90: [2, 1], 180: [0, 0], 365: [0, 0] });
    expect(result.repeat.f2.find((f) => f.windowDays === 365)?.rate).toBeNull();
    const gapDays = (Date.parse("2024-02-15T00:00:00Z") - Date.parse("2024-01-31T15:30:00Z")) / DAY; // 14.354…
    expect(result.repeat.timeToSecondOrderDays.median).toBeCloseTo(gapDays, 10);
    expect(result.repeat.timeToSecondOrderDays.histogram.find((b) => b.fromDays === 14)?.customers).toBe(1);
    expect(result.repeat.repurchaseByFirstProduct).toEqual([
      { product: "cup", customers: 1, repeatCustomers: 0, rate: 0 },
      { product: "tea", customers: 1, repeatCustomers: 1, rate: 1 },
    ]);
  });
});

describe("historical LTV", () => {
  it("averages revenue within the window over eligible customers, by segment", () => {
    const ltv = Object.fromEntries(result.historicalLtv.overall.map((w) => [w.windowDays, w.ltv]));
    expect(ltv[30]).toBe(2750); // (2500 + 3000) / 2
    expect(ltv[365]).toBeNull();
    const byCode = result.historicalLtv.bySegment.firstDiscountCode;
    expect(byCode.map((g) => [g.key, g.windows[0].ltv])).toEqual([
      ["(none)", 3000],
      ["WELCOME", 2500],
    ]);
    expect(result.historicalLtv.byCohortMonth.map((g) => g.key)).toEqual(["2024-01", "2024-02"]);
  });

  it("leaves out orders after the window", () => {
    const shop = tinyShop([
      { customer: 0, at: "2024-01-01T00:00:00Z", amount: 100 },
      { customer: 0, at: "2024-01-31T00:00:00Z", amount: 10 }, // exactly 30 days: inside
      { customer: 0, at: "2024-02-01T00:00:00Z", amount: 1 }, // 31 days: outside the 30-day window
    ]);
    const windows = analyzeShop(shop, { asOf: Date.parse("2025-06-01T00:00:00Z") }).historicalLtv.overall;
    expect(windows.map((w) => w.ltv)).toEqual([110, 111, 111, 111, 111]);
  });
});

describe("Pareto", () => {
  it("gives top shares, Lorenz and Gini on two customers", () => {
    // Totals 2500 and 3000: the top customer holds 3000 / 5500; Gini = (−2500 + 3000) / (2 × 5500).
    expect(result.pareto.topShares[0]).toEqual({ percent: 1, customers: 1, revenue: 3000, share: 3000 / 5500 });
    expect(result.pareto.topShares[4].customers).toBe(1);
    expect(result.pareto.gini).toBeCloseTo(500 / 11000, 12);
    expect(result.pareto.lorenz[0].revenueShare).toBe(0);
    expect(result.pareto.lorenz[20].revenueShare).toBe(1);
  });
});

describe("RFM", () => {
  it("scores five customers 1 to 5 and names their segments", () => {
    // Customer k has k + 1 orders and ordered last k + 1 weeks into the year: both scores are k + 1.
    const orders = [];
    for (let k = 0; k < 5; k++) {
      for (let j = 0; j <= k; j++) orders.push({ customer: k, at: new Date(Date.UTC(2024, 0, 1 + 7 * (k + 1) - j)).toISOString(), amount: 100 });
    }
    const rfm = analyzeShop(tinyShop(orders), { asOf: Date.parse("2024-03-01T00:00:00Z") }).rfm;
    const counts = Object.fromEntries(rfm.segments.map((s) => [s.segment, s.customers]));
    expect(counts).toMatchObject({ Lost: 1, Hibernating: 1, "Need attention": 1, Loyal: 1, Champions: 1 });
    expect(rfm.segments.find((s) => s.segment === "Champions")?.revenue).toBe(500);
    expect(rfm.grid.map((row, r) => row[r])).toEqual([1, 1, 1, 1, 1]);
  });

  it("gives tied values the same score (one-order customers all F = 1)", () => {
    const rfm = analyzeShop(
      tinyShop([0, 1, 2, 3].map((c) => ({ customer: c, at: `2024-01-0${c + 1}T00:00:00Z`, amount: 100 }))),
      { asOf: Date.parse("2024-02-01T00:00:00Z") },
    ).rfm;
    expect(rfm.grid.map((row) => row[0])).toEqual([1, 1, 1, 1, 0]); // F = 1 for all; R = 1, 2, 3, 4
    expect(rfmSegmentOf(5, 1)).toBe("New");
    expect(rfmSegmentOf(4, 1)).toBe("Promising");
    expect(rfmSegmentOf(1, 5)).toBe("Can't lose them");
    expect(rfmSegmentOf(2, 3)).toBe("At risk");
    expect(rfmSegmentOf(5, 2)).toBe("Potential loyalists");
  });
});

describe("predicted CLV", () => {
  it("says why it cannot fit a shop of one-order customers", () => {
    const clv = analyzeShop(tinyShop([{ customer: 0, at: "2024-01-01T00:00:00Z", amount: 100 }])).predictedClv;
    expect(clv.bgnbd).toBeNull();
    expect(clv.notes[0]).toMatch(/no repeat customers/);
  });

  it("fits, forecasts and backtests a small shop with repeaters", () => {
    const orders = [];
    for (let c = 0; c < 60; c++) {
      const visits = 1 + (c % 4);
      for (let v = 0; v < visits; v++) orders.push({ customer: c, at: new Date(Date.UTC(2023, 0, 1 + c * 3 + v * 45)).toISOString(), amount: 1000 + 100 * (c % 5) });
    }
    const clv = analyzeShop(tinyShop(orders), { asOf: Date.parse("2024-06-30T00:00:00Z"), horizonDays: 180 }).predictedClv;
    expect(clv.bgnbd?.converged).toBe(true);
    expect(clv.gammaGamma).not.toBeNull();
    expect(clv.totalClv).toBeGreaterThan(0);
    expect(clv.pAliveHistogram.reduce((s, b) => s + b.customers, 0)).toBe(60);
    expect(clv.backtest?.holdoutDays).toBe(180);
    expect(clv.backtest?.byFrequency.reduce((s, b) => s + b.customers, 0)).toBe(clv.backtest?.customers);
  });
});

describe("subscriptions", () => {
  it("counts movements at Tokyo month ends, MRR and churn", () => {
    const shop = tinyShop([{ customer: 0, at: "2024-01-05T00:00:00Z", amount: 1000 }, { customer: 1, at: "2024-02-01T00:00:00Z", amount: 500 }], {
      timeZone: "Asia/Tokyo",
      currency: "JPY",
    });
    // Subscriber 0: monthly 1000 from Jan 5 to Mar 10, again from Jun 1 (reactivated).
    // Subscriber 1: every 2 weeks 500 from Feb 1 to May 1 00:00Z (= 09:00 JST May 1, before the May end).
    shop.subscriptions = {
      subscriber: Int32Array.from([0, 0, 1]),
      customer: Int32Array.from([0, 0, 1]),
      startedAt: Float64Array.from(["2024-01-05", "2024-06-01", "2024-02-01"].map(Date.parse)),
      endedAt: Float64Array.from([Date.parse("2024-03-10"), NaN, Date.parse("2024-05-01")]),
      billingIntervalUnit: Uint8Array.from([2, 2, 1]),
      billingIntervalCount: Int32Array.from([1, 1, 2]),
      amountPerBilling: Float64Array.from([1000, 1000, 500]),
    };
    const subs = analyzeShop(shop, { asOf: Date.parse("2024-08-15T00:00:00Z") }).subscriptions!;
    const biweekly = 500 * monthlyFactor(1, 2); // 500 × (365.25 / 12 / 7) / 2
    expect(subs.months.map((m) => [m.month, m.activeSubscribers, m.new, m.reactivated, m.churned])).toEqual([
      ["2024-01", 1, 1, 0, 0],
      ["2024-02", 2, 1, 0, 0],
      ["2024-03", 1, 0, 0, 1],
      ["2024-04", 1, 0, 0, 0],
      ["2024-05", 0, 0, 0, 1],
      ["2024-06", 1, 0, 1, 0],
      ["2024-07", 1, 0, 0, 0],
      ["2024-08", 1, 0, 0, 0],
    ]);
    expect(subs.months[1].mrr).toBeCloseTo(1000 + biweekly, 9);
    expect(subs.mrr).toBe(1000);
    expect(subs.activeSubscribers).toBe(1);
    // Complete months Feb..Jul with a base: 0/1, 1/2, 0/1, 1/1, (Jun: no base), 0/1 → mean 0.3.
    expect(subs.averageMonthlyChurnRate).toBeCloseTo(0.3, 12);
    expect(subs.expectedLifetimeMonths).toBeCloseTo(1 / 0.3, 12);
    expect(subs.subscriberLtv).toBe(750);
  });

  it("normalises billing intervals to a month", () => {
    expect(monthlyFactor(2, 1)).toBe(1);
    expect(monthlyFactor(2, 3)).toBeCloseTo(1 / 3, 15);
    expect(monthlyFactor(3, 1)).toBeCloseTo(1 / 12, 15);
    expect(monthlyFactor(1, 1)).toBeCloseTo(365.25 / 12 / 7, 15);
  });

  it("fits the sBG to Fader & Hardie's (2007) data sets: regular α 0.704 β 1.182, high end α 0.668 β 3.806", () => {
    const fit = (alive: number[]) => {
      const churnedAt = new Float64Array(alive.length);
      const survived = new Float64Array(alive.length);
      for (let t = 1; t < alive.length; t++) churnedAt[t] = alive[t - 1] - alive[t];
      survived[alive.length - 1] = alive[alive.length - 1];
      return fitSbg({ churnedAt, survived }).params;
    };
    const regular = fit([1000, 631, 468, 382, 326, 289, 262, 241]);
    expect(regular.alpha).toBeCloseTo(0.704, 3);
    expect(regular.beta).toBeCloseTo(1.182, 3);
    const highEnd = fit([1000, 869, 743, 653, 593, 551, 517, 491]);
    expect(highEnd.alpha).toBeCloseTo(0.668, 3);
    expect(highEnd.beta).toBeCloseTo(3.806, 2);
    expect(sbgSurvival(regular, 0)).toBe(1);
    expect(sbgSurvival(regular, 1)).toBeCloseTo(regular.beta / (regular.alpha + regular.beta), 12);
  });
});

describe("currencies", () => {
  it("knows minor-unit decimals", () => {
    expect([currencyDecimals("JPY"), currencyDecimals("USD"), currencyDecimals("KWD")]).toEqual([0, 2, 3]);
  });
});
