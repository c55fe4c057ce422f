// What happens after the answer: per value of a customer segment (a satisfaction band, the channel a
// customer says brought them, their reason for buying), the repeat rate, F2 conversion and historical
// LTV with 95 % intervals, and whether the best and worst groups differ by more than noise.
// Definitions in docs/metrics.md ("Outcomes by survey answer").
import { meanInterval, type MeanEstimate, type RateEstimate, SIGNIFICANCE, twoMeanPValue, twoProportionPValue, wilsonInterval } from "./confidence.ts";
import type { ShopDataset } from "./dataset.ts";
import { LTV_WINDOWS_DAYS, NO_VALUE, windowRevenueByCustomer } from "./historical-ltv.ts";
import { DAY_MS, type PreparedShop } from "./prepare.ts";

/** Groups with fewer customers (or eligible customers, for F2 and LTV) are "too few answers". */
export const MIN_GROUP_CUSTOMERS = 30;
export const OUTCOME_F2_WINDOW_DAYS = 90;
export const OUTCOME_LTV_WINDOWS_DAYS = [90, 180, 365] as const;
/** The dimension comparing customers who answered any survey question with those who answered none. */
export const ANSWERED_DIMENSION = "answered";
export const ANSWERED = "answered";
export const NOT_ANSWERED = "not-answered";

export interface SegmentOutcome {
  key: string;
  customers: number;
  /** customers < MIN_GROUP_CUSTOMERS. */
  tooFew: boolean;
  /** Customers with ≥ 2 counted orders among the group's customers. */
  repeat: RateEstimate;
  /** Second order within OUTCOME_F2_WINDOW_DAYS among customers whose first order is that old. */
  f2: RateEstimate;
  ltv: Array<MeanEstimate & { windowDays: number }>;
}

export type OutcomeMeasure = "repeat" | "f2" | "ltv";
export type OutcomeVerdict = "likely-real" | "could-be-noise" | "too-few-answers";

export interface OutcomeComparison {
  measure: OutcomeMeasure;
  /** The F2 or LTV window; null for the repeat rate. */
  windowDays: number | null;
  /** Highest and lowest estimate among groups with enough customers (the no-value group left out). */
  best: string | null;
  worst: string | null;
  pValue: number | null;
  verdict: OutcomeVerdict;
}

export interface SegmentOutcomes {
  /** Largest first (or in label order); the no-value group (customers without an answer) last. */
  groups: SegmentOutcome[];
  comparisons: OutcomeComparison[];
}

interface Sums {
  customers: number;
  repeaters: number;
  f2Eligible: number;
  f2Converted: number;
  ltvEligible: Float64Array;
  ltvSum: Float64Array;
  ltvSquares: Float64Array;
}

const LTV_COLUMNS = OUTCOME_LTV_WINDOWS_DAYS.map((days) => LTV_WINDOWS_DAYS.indexOf(days));

/**
 * Outcomes per group of customer rows. `keyOfRow[r]` indexes `labels`, −1 = no value (reported as
 * NO_VALUE and left out of the comparisons unless `compareNoValue`). Groups come largest first unless
 * `labelOrder`. `windowRevenue` is windowRevenueByCustomer(shop).
 */
export function segmentOutcomes(
  shop: PreparedShop,
  keyOfRow: Int32Array,
  labels: readonly string[],
  windowRevenue: Float64Array,
  { compareNoValue = false, labelOrder = false } = {},
): SegmentOutcomes {
  const windows = LTV_WINDOWS_DAYS.length;
  const f2Limit = OUTCOME_F2_WINDOW_DAYS * DAY_MS;
  const sums: Sums[] = Array.from({ length: labels.length + 1 }, () => ({
    customers: 0,
    repeaters: 0,
    f2Eligible: 0,
    f2Converted: 0,
    ltvEligible: new Float64Array(LTV_COLUMNS.length),
    ltvSum: new Float64Array(LTV_COLUMNS.length),
    ltvSquares: new Float64Array(LTV_COLUMNS.length),
  }));
  for (let r = 0; r < shop.customers; r++) {
    const g = sums[keyOfRow[r] < 0 ? labels.length : keyOfRow[r]];
    g.customers++;
    if (shop.orderCount[r] >= 2) g.repeaters++;
    if (shop.asOf - shop.firstTime[r] >= f2Limit) {
      g.f2Eligible++;
      if (shop.secondTime[r] - shop.firstTime[r] <= f2Limit) g.f2Converted++;
    }
    LTV_COLUMNS.forEach((column, j) => {
      const value = windowRevenue[r * windows + column];
      if (value !== value) return; // NaN: not old enough for the window
      g.ltvEligible[j]++;
      g.ltvSum[j] += value;
      g.ltvSquares[j] += value * value;
    });
  }
  const present = sums
    .map((sum, g) => ({ key: g === labels.length ? NO_VALUE : labels[g], sum }))
    .filter(({ sum }) => sum.customers > 0)
    .sort((a, b) => Number(a.key === NO_VALUE) - Number(b.key === NO_VALUE) || (labelOrder ? 0 : b.sum.customers - a.sum.customers || a.key.localeCompare(b.key)));
  const compared = present.filter(({ key }) => compareNoValue || key !== NO_VALUE);
  return {
    groups: present.map(({ key, sum }) => ({
      key,
      customers: sum.customers,
      tooFew: sum.customers < MIN_GROUP_CUSTOMERS,
      repeat: wilsonInterval(sum.repeaters, sum.customers),
      f2: wilsonInterval(sum.f2Converted, sum.f2Eligible),
      // Net revenue is never below 0 (refunds cannot exceed what was paid): the interval stops there.
      ltv: OUTCOME_LTV_WINDOWS_DAYS.map((windowDays, j) => ({ windowDays, ...meanInterval(sum.ltvEligible[j], sum.ltvSum[j], sum.ltvSquares[j], { floor: 0 }) })),
    })),
    comparisons: [
      compareRates("repeat", null, compared.map(({ key, sum }) => ({ key, count: sum.repeaters, total: sum.customers }))),
      compareRates("f2", OUTCOME_F2_WINDOW_DAYS, compared.map(({ key, sum }) => ({ key, count: sum.f2Converted, total: sum.f2Eligible }))),
      ...OUTCOME_LTV_WINDOWS_DAYS.map((windowDays, j) => compareMeans(windowDays, compared.map(({ key, sum }) => ({ key, n: sum.ltvEligible[j], sum: sum.ltvSum[j], squares: sum.ltvSquares[j] })))),
    ],
  };
}

/** Best against worst among the groups measured on at least MIN_GROUP_CUSTOMERS customers. */
function extremes<T extends { key: string }>(groups: T[], size: (g: T) => number, value: (g: T) => number): [T, T] | null {
  const enough = groups.filter((g) => size(g) >= MIN_GROUP_CUSTOMERS);
  if (enough.length < 2) return null;
  let best = enough[0];
  let worst = enough[0];
  for (const g of enough) {
    if (value(g) > value(best)) best = g;
    if (value(g) < value(worst)) worst = g;
  }
  return best === worst ? [enough[0], enough[1]] : [best, worst];
}

function verdictOf(pValue: number | null): OutcomeVerdict {
  if (pValue === null) return "too-few-answers";
  return pValue < SIGNIFICANCE ? "likely-real" : "could-be-noise";
}

function compareRates(measure: OutcomeMeasure, windowDays: number | null, groups: Array<{ key: string; count: number; total: number }>): OutcomeComparison {
  const pair = extremes(groups, (g) => g.total, (g) => g.count / g.total);
  if (!pair) return { measure, windowDays, best: null, worst: null, pValue: null, verdict: "too-few-answers" };
  const [best, worst] = pair;
  const pValue = twoProportionPValue(best.count, best.total, worst.count, worst.total);
  return { measure, windowDays, best: best.key, worst: worst.key, pValue, verdict: verdictOf(pValue) };
}

function compareMeans(windowDays: number, groups: Array<{ key: string; n: number; sum: number; squares: number }>): OutcomeComparison {
  const pair = extremes(groups, (g) => g.n, (g) => g.sum / g.n);
  if (!pair) return { measure: "ltv", windowDays, best: null, worst: null, pValue: null, verdict: "too-few-answers" };
  const [best, worst] = pair;
  const pValue = twoMeanPValue(best.n, best.sum, best.squares, worst.n, worst.sum, worst.squares);
  return { measure: "ltv", windowDays, best: best.key, worst: worst.key, pValue, verdict: verdictOf(pValue) };
}

/**
 * Outcomes for each survey segment of the dataset (keyed by its name), plus ANSWERED_DIMENSION:
 * customers who answered any survey question against those who answered none. Null without answers.
 */
export function computeSurveyOutcomes(data: ShopDataset, shop: PreparedShop): Record<string, SegmentOutcomes> | null {
  const segments = data.surveySegments ?? [];
  if (segments.length === 0) return null;
  const windowRevenue = windowRevenueByCustomer(shop);
  const answered = new Int32Array(shop.customers).fill(1);
  const out: Record<string, SegmentOutcomes> = {};
  for (const segment of segments) {
    const keys = new Int32Array(shop.customers);
    for (let r = 0; r < shop.customers; r++) {
      keys[r] = segment.valueByCustomer[shop.customerIndex[r]] ?? -1;
      if (keys[r] >= 0) answered[r] = 0;
    }
    out[segment.name] = segmentOutcomes(shop, keys, segment.values, windowRevenue);
  }
  out[ANSWERED_DIMENSION] = segmentOutcomes(shop, answered, [ANSWERED, NOT_ANSWERED], windowRevenue, { compareNoValue: true, labelOrder: true });
  return out;
}
