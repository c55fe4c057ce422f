// Per-customer facts behind the snapshot's pages: RFM moves between two instants counted by hand, the
// CLV money bins, and the top customers' order.
import { describe, expect, it } from "vitest";
import { analyzeShop, analyzeShopWithCustomers } from "../../app/metrics/analyze.ts";
import { moneyBinEdges, moneyHistogram, nearestRank, topRowsByValue } from "../../app/metrics/clv-distribution.ts";
import { RFM_SEGMENTS, rfmTransitions, type RfmSegmentName } from "../../app/metrics/rfm-segments.ts";
import { RFM_MOVES_NOW, rfmMovesShop } from "./rfm-moves-shop.ts";
import { tinyShop } from "./tiny-shop.ts";

const DAY = 86_400_000;

describe("rfmTransitions", () => {
  // Then = 2024-01-31, now = 2024-03-01 (30 days later); the orders are in rfm-moves-shop.ts.
  // Then (5 customers): R by last order c2 < c1 < c0 < c3 < c4 → 1, 2, 3, 4, 5; F: c0 3 orders → 5,
  //   c2 and c3 2 orders (2 worse) → 3, c1 and c4 → 1. Segments: c0 (3,5) Loyal, c1 (2,1) Hibernating,
  //   c2 (1,3) At risk, c3 (4,3) Potential loyalists, c4 (5,1) New.
  // Now (6 customers): last orders c2 < c1 < c3 < c4 < c5 < c0, R = 1 + floor(5·worse/6) → 1, 1, 2, 3, 4, 5;
  //   F: c0 4 orders → 5, c2 and c3 (3 worse) → 3, others 1. Segments: c0 (5,5) Champions, c1 (1,1) Lost,
  //   c2 (1,3) At risk, c3 (2,3) At risk, c4 (3,1) Hibernating, c5 (4,1) Promising.
  const shop = rfmMovesShop();
  const now = RFM_MOVES_NOW;
  const segmentsAt = (asOf: number) => analyzeShopWithCustomers(shop, { asOf }).customers.rfm;
  const assignment = (asOf: number) => {
    const { customers } = analyzeShopWithCustomers(shop, { asOf });
    return { customerIndex: customers.customerIndex, segment: customers.rfm.segment };
  };

  it("scores each instant on its own customers, as counted by hand", () => {
    const names = (asOf: number) => Array.from(segmentsAt(asOf).segment, (s) => RFM_SEGMENTS[s]);
    expect(names(now - 30 * DAY)).toEqual(["Loyal", "Hibernating", "At risk", "Potential loyalists", "New"]);
    expect(names(now)).toEqual(["Champions", "Lost", "At risk", "At risk", "Hibernating", "Promising"]);
  });

  it("counts every move, the stays and the customers new since then", () => {
    const moves = rfmTransitions(assignment(now - 30 * DAY), assignment(now), shop.customerCount);
    const cells: string[] = [];
    moves.counts.forEach((row, from) =>
      row.forEach((count, to) => {
        if (count > 0) cells.push(`${from === RFM_SEGMENTS.length ? "(new)" : RFM_SEGMENTS[from]} → ${RFM_SEGMENTS[to]}: ${count}`);
      }),
    );
    expect(cells.sort()).toEqual(
      [
        "Loyal → Champions: 1",
        "Hibernating → Lost: 1",
        "At risk → At risk: 1",
        "Potential loyalists → At risk: 1",
        "New → Hibernating: 1",
        "(new) → Promising: 1",
      ].sort(),
    );
    expect(moves.counts).toHaveLength(RFM_SEGMENTS.length + 1);
    expect(moves.goneSince).toBe(0);
  });

  it("counts customers seen then but not now", () => {
    const seg = (name: RfmSegmentName) => RFM_SEGMENTS.indexOf(name);
    const then = { customerIndex: Int32Array.from([0, 1, 2]), segment: Uint8Array.from([seg("New"), seg("Lost"), seg("New")]) };
    const later = { customerIndex: Int32Array.from([0, 2]), segment: Uint8Array.from([seg("Loyal"), seg("New")]) };
    const moves = rfmTransitions(then, later, 3);
    expect(moves.goneSince).toBe(1);
    expect(moves.counts[seg("New")][seg("Loyal")]).toBe(1);
    expect(moves.counts[seg("New")][seg("New")]).toBe(1);
  });
});

describe("moneyHistogram", () => {
  it("bins on 1-2-5 amounts from about p10 to p99 (USD cents)", () => {
    // p10 = 50¢ → below $1, so e₀ = $1 (100¢); p99 = 2100¢ → the last edge is $50 (5000¢): 5 inner bins.
    const cents = Float64Array.from([520, 50, 120, 180, 250, 260, 480, 900, 1500, 2100]);
    expect(moneyBinEdges(cents.slice().sort(), 2)).toEqual([100, 200, 500, 1000, 2000, 5000]);
    expect(moneyHistogram(cents, 2)).toEqual([
      { from: 0, to: 100, customers: 1, total: 50 },
      { from: 100, to: 200, customers: 2, total: 300 },
      { from: 200, to: 500, customers: 3, total: 990 },
      { from: 500, to: 1000, customers: 2, total: 1420 },
      { from: 1000, to: 2000, customers: 1, total: 1500 },
      { from: 2000, to: 5000, customers: 1, total: 2100 },
      { from: 5000, to: null, customers: 0, total: 0 },
    ]);
  });

  it("falls back to decades when 1-2-5 steps would need more than 12 bins (JPY)", () => {
    // ¥1 … ¥50,000 on 1-2-5 steps is 14 bins, so decades ¥1 … ¥100,000: 5 inner bins.
    const yen = Float64Array.from([0, 50, 150, 150, 300, 800, 1200, 2500, 9000, 40000]);
    expect(moneyHistogram(yen, 0).map((b) => [b.from, b.to, b.customers])).toEqual([
      [0, 1, 1],
      [1, 10, 0],
      [10, 100, 1],
      [100, 1000, 4],
      [1000, 10000, 3],
      [10000, 100000, 1],
      [100000, null, 0],
    ]);
  });

  it("starts at the round amount at or below p10 and leaves NaN out", () => {
    // 20 values ¥3,000 … ¥60,000 step 3,000: p10 = sorted[1] = ¥6,000 → e₀ = ¥5,000; p99 = ¥60,000 → ¥100,000.
    const values = Float64Array.from({ length: 21 }, (_, i) => (i === 20 ? Number.NaN : 3000 * (i + 1)));
    const bins = moneyHistogram(values, 0);
    expect(bins.map((b) => b.from)).toEqual([0, 5000, 10000, 20000, 50000, 100000]);
    expect(bins.map((b) => b.customers)).toEqual([1, 2, 3, 10, 4, 0]);
    expect(bins.reduce((s, b) => s + b.total, 0)).toBe(3000 * 210);
  });

  it("has one open bin for all-zero values and none without values", () => {
    expect(moneyHistogram(Float64Array.from([0, 0, 0]), 0)).toEqual([
      { from: 0, to: 1, customers: 3, total: 0 },
      { from: 1, to: 2, customers: 0, total: 0 },
      { from: 2, to: null, customers: 0, total: 0 },
    ]);
    expect(moneyHistogram(new Float64Array(0), 0)).toEqual([]);
    expect(nearestRank(Float64Array.from([1, 2, 3, 4]), 0.5)).toBe(2);
  });
});

describe("topRowsByValue", () => {
  it("orders the largest first, ties by row, NaN never", () => {
    const values = Float64Array.from([5, 9, Number.NaN, 9, 1, 7]);
    expect(topRowsByValue(values, 3)).toEqual([1, 3, 5]);
    expect(topRowsByValue(values, 10)).toEqual([1, 3, 5, 0, 4]);
    expect(topRowsByValue(values, 0)).toEqual([]);
  });
});

describe("analyzeShopWithCustomers", () => {
  it("returns the same analysis and per-customer CLV that adds up to its totals", () => {
    const orders = [];
    for (let c = 0; c < 60; c++) {
      const visits = 1 + (c % 4);
      for (let v = 0; v < visits; v++) orders.push({ customer: c, at: new Date(Date.UTC(2023, 0, 1 + c * 3 + v * 45)).toISOString(), amount: 1000 + 100 * (c % 5) });
    }
    const data = tinyShop(orders);
    const options = { asOf: Date.parse("2024-06-30T00:00:00Z"), horizonDays: 180 };
    const { analysis, customers } = analyzeShopWithCustomers(data, options);
    expect(analysis).toEqual(analyzeShop(data, options));
    const sum = (values: Float64Array) => values.reduce((s, v) => s + v, 0);
    expect(customers.clv?.clv && sum(customers.clv.clv)).toBeCloseTo(analysis.predictedClv.totalClv ?? NaN, 6);
    expect(customers.clv && sum(customers.clv.expectedPurchases)).toBeCloseTo(analysis.predictedClv.expectedPurchasesInHorizon ?? NaN, 9);
    expect(Array.from(customers.orderCount.subarray(0, 4))).toEqual([1, 2, 3, 4]);
  });
});
