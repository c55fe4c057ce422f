// Predicted CLV: BG/NBD (repeat purchases, P(alive)) and Gamma-Gamma (spend) fitted on the shop's
// customers, CLV over a horizon with a discount rate, and a backtest (calibration / holdout) that shows
// how far the forecast can be trusted. Purchase periods are local days in the shop's time zone.
import { bgnbdExpectedPurchases, bgnbdPAlive, fitBgNbd, type BgNbdParams } from "./bgnbd.ts";
import { fitGammaGamma, gammaGammaExpectedAverageSpend, type GammaGammaParams } from "./gamma-gamma.ts";
import { periodGrid, periodIndex } from "./period-grid.ts";
import { DAY_MS, type PreparedShop } from "./prepare.ts";
import { RFM_SEGMENTS, type RfmScores } from "./rfm-segments.ts";

export type TimeUnit = "day" | "week";

export interface ClvOptions {
  timeUnit: TimeUnit;
  horizonDays: number;
  /** Yearly discount rate of future revenue (0.1 = 10 %). */
  annualDiscountRate: number;
  /** End of the calibration period for the backtest (epoch ms); the holdout runs to asOf. */
  calibrationEnd: number | null;
}

/** Per customer row (x, t_x, T in model units; monetary in minor units), from local purchase days. */
export interface DaySummary {
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  monetary: Float64Array;
  /** Distinct purchase days after the calibration end (backtest actuals). */
  holdoutPurchases: Float64Array;
  /** Whether the row's first order is within calibration (rows without are left out of fits). */
  included: Uint8Array;
}

export interface LocalDays {
  /** Local day number (shop time zone) of every customer-grouped order, 0 = the earliest first order's day. */
  dayOfOrder: Int32Array;
  /** Local day number of the as-of instant. */
  asOfDay: number;
}

export function localDaysOfGroupedOrders(shop: PreparedShop, timeZone: string): LocalDays {
  const dayOfOrder = new Int32Array(shop.groupedTime.length);
  if (dayOfOrder.length === 0) return { dayOfOrder, asOfDay: 0 };
  let earliest = Infinity;
  for (let r = 0; r < shop.customers; r++) earliest = Math.min(earliest, shop.firstTime[r]);
  const grid = periodGrid("day", timeZone, earliest, shop.asOf);
  for (let k = 0; k < dayOfOrder.length; k++) dayOfOrder[k] = periodIndex(grid, shop.groupedTime[k]);
  return { dayOfOrder, asOfDay: periodIndex(grid, shop.asOf) };
}

export function summarizeDays(shop: PreparedShop, dayOfOrder: Int32Array, endDay: number, unitDays: number): DaySummary {
  const n = shop.customers;
  const out: DaySummary = {
    frequency: new Float64Array(n),
    recency: new Float64Array(n),
    T: new Float64Array(n),
    monetary: new Float64Array(n),
    holdoutPurchases: new Float64Array(n),
    included: new Uint8Array(n),
  };
  for (let r = 0; r < n; r++) {
    const start = shop.groupStart[r];
    const firstDay = dayOfOrder[start];
    if (firstDay > endDay) continue;
    out.included[r] = 1;
    let lastDay = firstDay;
    let distinct = 0;
    let repeatValue = 0;
    let holdoutLastDay = -1;
    for (let k = start; k < shop.groupStart[r + 1]; k++) {
      const day = dayOfOrder[k];
      if (day > endDay) {
        if (day !== holdoutLastDay) out.holdoutPurchases[r]++;
        holdoutLastDay = day;
        continue;
      }
      if (day !== lastDay) {
        distinct++;
        lastDay = day;
      }
      if (day !== firstDay) repeatValue += shop.netByOrder[shop.groupedOrder[k]];
    }
    out.frequency[r] = distinct;
    out.recency[r] = (lastDay - firstDay) / unitDays;
    out.T[r] = (endDay - firstDay) / unitDays;
    out.monetary[r] = distinct > 0 ? repeatValue / distinct : 0;
  }
  return out;
}

function compact(summary: DaySummary) {
  let m = 0;
  for (let r = 0; r < summary.included.length; r++) m += summary.included[r];
  const pick = (column: Float64Array) => {
    const out = new Float64Array(m);
    let j = 0;
    for (let r = 0; r < column.length; r++) if (summary.included[r]) out[j++] = column[r];
    return out;
  };
  return { frequency: pick(summary.frequency), recency: pick(summary.recency), T: pick(summary.T), monetary: pick(summary.monetary) };
}

/** E[Y(t) | x, t_x, T] memoised on the triple: many customers share it, and each call sums a slow series. */
function cachedExpectedPurchases(params: BgNbdParams) {
  const cache = new Map<string, number>();
  return (t: number, x: number, recency: number, T: number) => {
    const key = `${t}|${x}|${recency}|${T}`;
    let value = cache.get(key);
    if (value === undefined) {
      value = bgnbdExpectedPurchases(params, t, x, recency, T);
      cache.set(key, value);
    }
    return value;
  };
}

export interface BacktestBucket {
  /** Calibration repeat purchases (x); the last bucket is "7+". */
  frequency: string;
  customers: number;
  actualPurchases: number;
  predictedPurchases: number;
}

export interface PredictedClv {
  timeUnit: TimeUnit;
  horizonDays: number;
  annualDiscountRate: number;
  customers: number;
  bgnbd: { params: BgNbdParams; logLikelihood: number; converged: boolean } | null;
  gammaGamma: { params: GammaGammaParams; logLikelihood: number; customers: number; converged: boolean } | null;
  expectedPurchasesInHorizon: number | null;
  /** Σ CLV (minor units) over customers, and the mean per customer. */
  totalClv: number | null;
  meanClv: number | null;
  pAliveHistogram: { from: number; to: number; customers: number }[];
  clvBySegment: { segment: string; customers: number; totalClv: number }[];
  backtest: {
    calibrationEnd: string;
    holdoutDays: number;
    customers: number;
    actualPurchases: number;
    predictedPurchases: number;
    byFrequency: BacktestBucket[];
  } | null;
  /** Why a part is missing (e.g. no repeat customers to fit on). */
  notes: string[];
}

export function computePredictedClv(
  shop: PreparedShop,
  timeZone: string,
  options: ClvOptions,
  scores: RfmScores,
  days: LocalDays = localDaysOfGroupedOrders(shop, timeZone),
): PredictedClv {
  const { dayOfOrder, asOfDay } = days;
  const unitDays = options.timeUnit === "week" ? 7 : 1;
  const notes: string[] = [];
  const result: PredictedClv = {
    timeUnit: options.timeUnit,
    horizonDays: options.horizonDays,
    annualDiscountRate: options.annualDiscountRate,
    customers: shop.customers,
    bgnbd: null,
    gammaGamma: null,
    expectedPurchasesInHorizon: null,
    totalClv: null,
    meanClv: null,
    pAliveHistogram: [],
    clvBySegment: [],
    backtest: null,
    notes,
  };
  if (shop.customers === 0) {
    notes.push("no customers");
    return result;
  }
  const summary = summarizeDays(shop, dayOfOrder, asOfDay, unitDays);
  const fitData = compact(summary);
  let repeaters = 0;
  for (let i = 0; i < fitData.frequency.length; i++) if (fitData.frequency[i] > 0) repeaters++;
  if (repeaters === 0) {
    notes.push("no repeat customers: the models cannot be fitted");
    return result;
  }
  const bg = fitBgNbd(fitData);
  result.bgnbd = { params: bg.params, logLikelihood: bg.logLikelihood, converged: bg.converged };
  const positiveSpend = { frequency: fitData.frequency.map((x, i) => (fitData.monetary[i] > 0 ? x : 0)), monetary: fitData.monetary };
  let gg: ReturnType<typeof fitGammaGamma> | null = null;
  try {
    gg = fitGammaGamma(positiveSpend);
    result.gammaGamma = { params: gg.params, logLikelihood: gg.logLikelihood, customers: gg.customers, converged: gg.converged };
  } catch (error) {
    notes.push(`Gamma-Gamma not fitted: ${(error as Error).message}`);
  }

  // CLV: expected purchases per 30-day step, each valued at the expected spend and discounted to today.
  const expected = cachedExpectedPurchases(bg.params);
  const horizon = options.horizonDays / unitDays;
  const steps: number[] = [];
  for (let d = 30; d < options.horizonDays; d += 30) steps.push(d);
  steps.push(options.horizonDays);
  const discount = steps.map((d) => Math.pow(1 + options.annualDiscountRate, -d / 365));
  const histogram = new Float64Array(10);
  const segmentClv = new Float64Array(RFM_SEGMENTS.length);
  const segmentCount = new Float64Array(RFM_SEGMENTS.length);
  let totalPurchases = 0;
  let totalClv = 0;
  for (let r = 0; r < shop.customers; r++) {
    const x = summary.frequency[r];
    const tx = summary.recency[r];
    const T = summary.T[r];
    histogram[Math.min(9, Math.floor(bgnbdPAlive(bg.params, x, tx, T) * 10))]++;
    totalPurchases += expected(horizon, x, tx, T);
    if (!gg) continue;
    const spend = gammaGammaExpectedAverageSpend(gg.params, x, summary.monetary[r]);
    let previous = 0;
    let clv = 0;
    for (let s = 0; s < steps.length; s++) {
      const cumulative = expected(steps[s] / unitDays, x, tx, T);
      clv += (cumulative - previous) * spend * discount[s];
      previous = cumulative;
    }
    totalClv += clv;
    segmentClv[scores.segment[r]] += clv;
    segmentCount[scores.segment[r]]++;
  }
  result.expectedPurchasesInHorizon = totalPurchases;
  result.pAliveHistogram = Array.from(histogram, (customers, b) => ({ from: b / 10, to: (b + 1) / 10, customers }));
  if (gg) {
    result.totalClv = totalClv;
    result.meanClv = totalClv / shop.customers;
    result.clvBySegment = RFM_SEGMENTS.map((segment, s) => ({ segment, customers: segmentCount[s], totalClv: segmentClv[s] }));
  }
  result.backtest = backtest(shop, dayOfOrder, asOfDay, unitDays, options, notes);
  return result;
}

function backtest(
  shop: PreparedShop,
  dayOfOrder: Int32Array,
  asOfDay: number,
  unitDays: number,
  options: ClvOptions,
  notes: string[],
): PredictedClv["backtest"] {
  const calibrationEnd = options.calibrationEnd ?? shop.asOf - options.horizonDays * DAY_MS;
  const holdoutDays = Math.round((shop.asOf - calibrationEnd) / DAY_MS);
  const endDay = asOfDay - holdoutDays;
  if (holdoutDays <= 0) {
    notes.push("backtest skipped: the calibration end is not before the as-of date");
    return null;
  }
  const summary = summarizeDays(shop, dayOfOrder, endDay, unitDays);
  const fitData = compact(summary);
  let repeaters = 0;
  for (let i = 0; i < fitData.frequency.length; i++) if (fitData.frequency[i] > 0) repeaters++;
  if (repeaters === 0) {
    notes.push("backtest skipped: no repeat customers before the calibration end");
    return null;
  }
  const params = fitBgNbd(fitData).params;
  const expected = cachedExpectedPurchases(params);
  const labels = ["0", "1", "2", "3", "4", "5", "6", "7+"];
  const buckets = labels.map((frequency) => ({ frequency, customers: 0, actualPurchases: 0, predictedPurchases: 0 }));
  let customers = 0;
  let actual = 0;
  let predicted = 0;
  for (let r = 0; r < shop.customers; r++) {
    if (!summary.included[r]) continue;
    const x = summary.frequency[r];
    const p = expected(holdoutDays / unitDays, x, summary.recency[r], summary.T[r]);
    const bucket = buckets[Math.min(7, x)];
    bucket.customers++;
    bucket.actualPurchases += summary.holdoutPurchases[r];
    bucket.predictedPurchases += p;
    customers++;
    actual += summary.holdoutPurchases[r];
    predicted += p;
  }
  return {
    calibrationEnd: new Date(calibrationEnd).toISOString(),
    holdoutDays,
    customers,
    actualPurchases: actual,
    predictedPurchases: predicted,
    byFrequency: buckets.filter((b) => b.customers > 0),
  };
}
