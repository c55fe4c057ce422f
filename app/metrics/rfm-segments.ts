// RFM quintile scores and the ten named segments. Scores are tie-safe: a customer's score is
// 1 + floor(5 × (customers strictly worse) / customers), so equal values always get equal scores
// (most one-order customers share F = 1). Segments come from the (R, F) grid in docs/metrics.md.
import { DAY_MS, type PreparedShop } from "./prepare.ts";

export const RFM_SEGMENTS = [
  "Champions",
  "Loyal",
  "Potential loyalists",
  "New",
  "Promising",
  "Need attention",
  "At risk",
  "Can't lose them",
  "Hibernating",
  "Lost",
] as const;
export type RfmSegmentName = (typeof RFM_SEGMENTS)[number];

/** SEGMENT_GRID[R − 1][F − 1] is an index into RFM_SEGMENTS. */
const SEGMENT_GRID: number[][] = [
  // F:  1  2  3  4  5
  [9, 9, 6, 6, 7], // R = 1
  [8, 8, 6, 6, 7], // R = 2
  [8, 8, 5, 1, 1], // R = 3
  [4, 2, 2, 1, 1], // R = 4
  [3, 2, 2, 0, 0], // R = 5
];

export function rfmSegmentOf(recencyScore: number, frequencyScore: number): RfmSegmentName {
  return RFM_SEGMENTS[SEGMENT_GRID[recencyScore - 1][frequencyScore - 1]];
}

export interface RfmScores {
  recency: Uint8Array;
  frequency: Uint8Array;
  monetary: Uint8Array;
  segment: Uint8Array;
}

export interface RfmMetrics {
  customers: number;
  segments: { segment: RfmSegmentName; customers: number; revenue: number; share: number | null }[];
  /** grid[R − 1][F − 1]: customers with those scores. */
  grid: number[][];
  /** Mean days since last order, orders and net revenue per score 1..5 of each dimension. */
  scoreMeans: { score: number; recencyDays: number | null; orders: number | null; revenue: number | null }[];
}

/**
 * Quintile score 1..5 of each value: 1 + floor(5 · (values strictly below it) / n). With the sorted
 * copy's order statistics s, "at least m values below v" is s[m − 1] < v, so four thresholds decide
 * every score — no per-value search.
 */
function quintileScores(values: Float64Array, out: Uint8Array): void {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const thresholds = new Float64Array(4);
  for (let k = 1; k <= 4; k++) {
    const m = Math.ceil((k * n) / 5);
    // m = 0 only when n = 0; then no value exists to score.
    thresholds[k - 1] = m > 0 ? sorted[m - 1] : -Infinity;
  }
  const [t1, t2, t3, t4] = thresholds;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    out[i] = 1 + (t1 < v ? 1 : 0) + (t2 < v ? 1 : 0) + (t3 < v ? 1 : 0) + (t4 < v ? 1 : 0);
  }
}

export function computeRfmScores(shop: PreparedShop): RfmScores {
  const n = shop.customers;
  const scores: RfmScores = {
    recency: new Uint8Array(n),
    frequency: new Uint8Array(n),
    monetary: new Uint8Array(n),
    segment: new Uint8Array(n),
  };
  // Recency: a later last order is better, so "worse" = strictly earlier last order.
  quintileScores(shop.lastTime, scores.recency);
  quintileScores(Float64Array.from(shop.orderCount), scores.frequency);
  quintileScores(shop.netTotal, scores.monetary);
  for (let r = 0; r < n; r++) scores.segment[r] = SEGMENT_GRID[scores.recency[r] - 1][scores.frequency[r] - 1];
  return scores;
}

export function computeRfm(shop: PreparedShop, scores: RfmScores): RfmMetrics {
  const n = shop.customers;
  const counts = new Float64Array(RFM_SEGMENTS.length);
  const revenue = new Float64Array(RFM_SEGMENTS.length);
  const grid = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
  const sums = new Float64Array(5 * 6); // per score: count R, days, count F, orders, count M, revenue
  let total = 0;
  for (let r = 0; r < n; r++) {
    counts[scores.segment[r]]++;
    revenue[scores.segment[r]] += shop.netTotal[r];
    total += shop.netTotal[r];
    grid[scores.recency[r] - 1][scores.frequency[r] - 1]++;
    const R = scores.recency[r] - 1;
    const F = scores.frequency[r] - 1;
    const M = scores.monetary[r] - 1;
    sums[R * 6]++;
    sums[R * 6 + 1] += (shop.asOf - shop.lastTime[r]) / DAY_MS;
    sums[F * 6 + 2]++;
    sums[F * 6 + 3] += shop.orderCount[r];
    sums[M * 6 + 4]++;
    sums[M * 6 + 5] += shop.netTotal[r];
  }
  const mean = (s: number, c: number) => (c === 0 ? null : s / c);
  return {
    customers: n,
    segments: RFM_SEGMENTS.map((segment, s) => ({
      segment,
      customers: counts[s],
      revenue: revenue[s],
      share: total > 0 ? revenue[s] / total : null,
    })),
    grid,
    scoreMeans: [0, 1, 2, 3, 4].map((k) => ({
      score: k + 1,
      recencyDays: mean(sums[k * 6 + 1], sums[k * 6]),
      orders: mean(sums[k * 6 + 3], sums[k * 6 + 2]),
      revenue: mean(sums[k * 6 + 5], sums[k * 6 + 4]),
    })),
  };
}

/** Which segment each customer is in at one instant: customer index per row and the row's segment. */
export interface RfmAssignment {
  customerIndex: Int32Array;
  segment: Uint8Array;
}

export interface RfmTransitions {
  /**
   * counts[from][to]: customers in segment `from` then and `to` now (indices into RFM_SEGMENTS);
   * from = RFM_SEGMENTS.length (the last row) for customers with no counted order then.
   */
  counts: number[][];
  /** Customers with a segment then and no counted order now (only if orders were removed in between). */
  goneSince: number;
}

/** How customers moved between RFM segments from one instant (`then`) to a later one (`now`). */
export function rfmTransitions(then: RfmAssignment, now: RfmAssignment, customerCount: number): RfmTransitions {
  const none = RFM_SEGMENTS.length;
  const segmentThen = new Uint8Array(customerCount).fill(none);
  for (let r = 0; r < then.customerIndex.length; r++) segmentThen[then.customerIndex[r]] = then.segment[r];
  const counts = Array.from({ length: none + 1 }, () => new Array<number>(none).fill(0));
  let seenNow = 0;
  for (let r = 0; r < now.customerIndex.length; r++) {
    const from = segmentThen[now.customerIndex[r]];
    counts[from][now.segment[r]]++;
    if (from !== none) seenNow++;
  }
  return { counts, goneSince: then.customerIndex.length - seenNow };
}
