// Predicted CLV: BG/NBD (repeat purchases, P(alive)) and Gamma-Gamma (spend) fitted on the shop's
// customers, CLV over a horizon with a discount rate, and a backtest (calibration / holdout) that shows
// how far the forecast can be trusted. Purchase periods are local days in the shop's time zone.
import { bgnbdForecastDenominator, bgnbdForecastNumerator, bgnbdPAlive, fitBgNbd, type BgNbdParams } from "./bgnbd.ts";
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

/**
 * Customers sharing (x, t_x, T) — common, since all three are whole days — become one weighted row:
 * the fits and the slow hypergeometric forecasts then run once per distinct triple.
 */
export interface DistinctTriples {
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  /** Row of each customer row in the triples, −1 when the customer is not included. */
  tripleOfCustomer: Int32Array;
}

export function distinctTriples(summary: DaySummary, unitDays: number): DistinctTriples {
  const n = summary.frequency.length;
  const tripleOfCustomer = new Int32Array(n).fill(-1);
  // Open addressing over typed arrays (a Map of 200,000 number keys cost more than the fit it feeds).
  let capacity = 16;
  while (capacity < 2 * n) capacity *= 2;
  const mask = capacity - 1;
  const slotRow = new Int32Array(capacity).fill(-1);
  const keyX = new Int32Array(n);
  const keyRecency = new Int32Array(n);
  const keyAge = new Int32Array(n);
  const weight = new Float64Array(n);
  let rows = 0;
  for (let r = 0; r < n; r++) {
    if (!summary.included[r]) continue;
    const x = summary.frequency[r];
    const recencyDays = Math.round(summary.recency[r] * unitDays);
    const ageDays = Math.round(summary.T[r] * unitDays);
    let slot = (Math.imul(x, 0x9e3779b1) ^ Math.imul(recencyDays, 0x85ebca77) ^ Math.imul(ageDays, 0xc2b2ae3d)) & mask;
    let row = slotRow[slot];
    while (row >= 0 && !(keyX[row] === x && keyRecency[row] === recencyDays && keyAge[row] === ageDays)) {
      slot = (slot + 1) & mask;
      row = slotRow[slot];
    }
    if (row < 0) {
      row = rows++;
      slotRow[slot] = row;
      keyX[row] = x;
      keyRecency[row] = recencyDays;
      keyAge[row] = ageDays;
    }
    weight[row]++;
    tripleOfCustomer[r] = row;
  }
  return {
    frequency: Float64Array.from(keyX.subarray(0, rows)),
    recency: Float64Array.from(keyRecency.subarray(0, rows), (days) => days / unitDays),
    T: Float64Array.from(keyAge.subarray(0, rows), (days) => days / unitDays),
    weight: weight.slice(0, rows),
    tripleOfCustomer,
  };
}

/** Distinct (x, T) among the triples: the forecast's ₂F₁ depends on nothing else. */
function distinctAgePairs(triples: DistinctTriples) {
  const pairOfTriple = new Int32Array(triples.frequency.length);
  const byKey = new Map<number, number>();
  const frequency: number[] = [];
  const T: number[] = [];
  for (let k = 0; k < pairOfTriple.length; k++) {
    // x and T are whole periods here (below 2^26 each): one exact number key.
    const key = triples.frequency[k] * 67_108_864 + triples.T[k];
    let pair = byKey.get(key);
    if (pair === undefined) {
      pair = frequency.length;
      byKey.set(key, pair);
      frequency.push(triples.frequency[k]);
      T.push(triples.T[k]);
    }
    pairOfTriple[k] = pair;
  }
  return { frequency, T, pairOfTriple };
}

/** Customers with x > 0 and positive mean repeat spend, for Gamma-Gamma. */
function spendData(summary: DaySummary) {
  let m = 0;
  for (let r = 0; r < summary.included.length; r++) if (summary.included[r] && summary.frequency[r] > 0 && summary.monetary[r] > 0) m++;
  const frequency = new Float64Array(m);
  const monetary = new Float64Array(m);
  let j = 0;
  for (let r = 0; r < summary.included.length; r++) {
    if (summary.included[r] && summary.frequency[r] > 0 && summary.monetary[r] > 0) {
      frequency[j] = summary.frequency[r];
      monetary[j++] = summary.monetary[r];
    }
  }
  return { frequency, monetary };
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
    /** Holdout length in model periods (whole periods after the calibration end's period). */
    holdoutPeriods: number;
    customers: number;
    actualPurchases: number;
    predictedPurchases: number;
    byFrequency: BacktestBucket[];
  } | null;
  /** Why a part is missing (e.g. no repeat customers to fit on). */
  notes: string[];
}

/** Per customer row, from the same fit as PredictedClv (for the snapshot's distribution and top customers). */
export interface CustomerClv {
  /** E[repeat purchases] in the horizon. */
  expectedPurchases: Float64Array;
  pAlive: Float64Array;
  /** Discounted CLV in minor units; null when Gamma-Gamma could not be fitted. */
  clv: Float64Array | null;
}

export function computePredictedClv(
  shop: PreparedShop,
  timeZone: string,
  options: ClvOptions,
  scores: RfmScores,
  days: LocalDays = localDaysOfGroupedOrders(shop, timeZone),
): PredictedClv {
  return computePredictedClvByCustomer(shop, timeZone, options, scores, days).result;
}

/** computePredictedClv plus its per-customer values: one fit serves both. `byCustomer` is null when no model was fitted. */
export function computePredictedClvByCustomer(
  shop: PreparedShop,
  timeZone: string,
  options: ClvOptions,
  scores: RfmScores,
  days: LocalDays = localDaysOfGroupedOrders(shop, timeZone),
): { result: PredictedClv; byCustomer: CustomerClv | null } {
  const unitDays = options.timeUnit === "week" ? 7 : 1;
  // Purchase periods are the model's time unit (lifetimes' freq): local days, or 7-day blocks counted
  // from the earliest first order's day; x counts repeat periods, t_x and T are whole periods.
  const dayOfOrder = unitDays === 1 ? days.dayOfOrder : days.dayOfOrder.map((day) => Math.floor(day / unitDays));
  const asOfDay = days.asOfDay;
  const asOfPeriod = Math.floor(asOfDay / unitDays);
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
    return { result, byCustomer: null };
  }
  const summary = summarizeDays(shop, dayOfOrder, asOfPeriod, 1);
  const triples = distinctTriples(summary, 1);
  if (!triples.frequency.some((x) => x > 0)) {
    notes.push("no repeat customers: the models cannot be fitted");
    return { result, byCustomer: null };
  }
  if (shop.customers < 100) notes.push("fewer than 100 customers: the fitted parameters are unreliable");
  const bg = fitBgNbd(triples);
  result.bgnbd = { params: bg.params, logLikelihood: bg.logLikelihood, converged: bg.converged };
  let gg: ReturnType<typeof fitGammaGamma> | null = null;
  try {
    gg = fitGammaGamma(spendData(summary));
    result.gammaGamma = { params: gg.params, logLikelihood: gg.logLikelihood, customers: gg.customers, converged: gg.converged };
  } catch (error) {
    notes.push(`Gamma-Gamma not fitted: ${(error as Error).message}`);
  }

  // Per distinct triple: P(alive), purchases in the horizon, and purchases per 30-day step discounted
  // to today; a customer's CLV is then that discounted count times their expected spend.
  const steps: number[] = [];
  for (let d = 30; d < options.horizonDays; d += 30) steps.push(d);
  steps.push(options.horizonDays);
  const discount = steps.map((d) => Math.pow(1 + options.annualDiscountRate, -d / 365));
  const m = triples.frequency.length;
  const pAlive = new Float64Array(m);
  const horizonPurchases = new Float64Array(m);
  const discountedPurchases = new Float64Array(m);
  const pairs = distinctAgePairs(triples);
  const pairHorizon = new Float64Array(pairs.frequency.length);
  const pairDiscounted = new Float64Array(pairs.frequency.length);
  for (let p = 0; p < pairs.frequency.length; p++) {
    const x = pairs.frequency[p];
    const T = pairs.T[p];
    let previous = 0;
    let discounted = 0;
    for (let s = 0; s < steps.length; s++) {
      const cumulative = bgnbdForecastNumerator(bg.params, steps[s] / unitDays, x, T);
      discounted += (cumulative - previous) * discount[s];
      previous = cumulative;
    }
    pairHorizon[p] = previous;
    pairDiscounted[p] = discounted;
  }
  for (let k = 0; k < m; k++) {
    const x = triples.frequency[k];
    const T = triples.T[k];
    pAlive[k] = bgnbdPAlive(bg.params, x, triples.recency[k], T);
    const denominator = bgnbdForecastDenominator(bg.params, x, triples.recency[k], T);
    horizonPurchases[k] = pairHorizon[pairs.pairOfTriple[k]] / denominator;
    discountedPurchases[k] = pairDiscounted[pairs.pairOfTriple[k]] / denominator;
  }
  const histogram = new Float64Array(10);
  const segmentClv = new Float64Array(RFM_SEGMENTS.length);
  const segmentCount = new Float64Array(RFM_SEGMENTS.length);
  const customerClv = gg ? new Float64Array(shop.customers) : null;
  const byCustomer: CustomerClv = { expectedPurchases: new Float64Array(shop.customers), pAlive: new Float64Array(shop.customers), clv: customerClv };
  let totalPurchases = 0;
  let totalClv = 0;
  for (let r = 0; r < shop.customers; r++) {
    const k = triples.tripleOfCustomer[r];
    histogram[Math.min(9, Math.floor(pAlive[k] * 10))]++;
    totalPurchases += horizonPurchases[k];
    byCustomer.expectedPurchases[r] = horizonPurchases[k];
    byCustomer.pAlive[r] = pAlive[k];
    if (!gg || !customerClv) continue;
    const clv = discountedPurchases[k] * gammaGammaExpectedAverageSpend(gg.params, summary.frequency[r], summary.monetary[r]);
    customerClv[r] = clv;
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
  result.backtest = backtest(shop, dayOfOrder, asOfDay, unitDays, options, notes, bg.params);
  return { result, byCustomer };
}

function backtest(
  shop: PreparedShop,
  /** Model period of every grouped order. */
  dayOfOrder: Int32Array,
  asOfDay: number,
  unitDays: number,
  options: ClvOptions,
  notes: string[],
  /** The full-period fit: a sane start for the calibration fit (on the bench it took as many iterations as the default start). */
  start: BgNbdParams,
): PredictedClv["backtest"] {
  const calibrationEnd = options.calibrationEnd ?? shop.asOf - options.horizonDays * DAY_MS;
  const holdoutDays = Math.round((shop.asOf - calibrationEnd) / DAY_MS);
  const endPeriod = Math.floor((asOfDay - holdoutDays) / unitDays);
  const holdoutPeriods = Math.floor(asOfDay / unitDays) - endPeriod;
  if (holdoutDays <= 0) {
    notes.push("backtest skipped: the calibration end is not before the as-of date");
    return null;
  }
  const summary = summarizeDays(shop, dayOfOrder, endPeriod, 1);
  const triples = distinctTriples(summary, 1);
  if (!triples.frequency.some((x) => x > 0)) {
    notes.push("backtest skipped: no repeat customers before the calibration end");
    return null;
  }
  const params = fitBgNbd(triples, { start }).params;
  const pairs = distinctAgePairs(triples);
  const numeratorByPair = new Float64Array(pairs.frequency.length);
  for (let p = 0; p < numeratorByPair.length; p++) numeratorByPair[p] = bgnbdForecastNumerator(params, holdoutPeriods, pairs.frequency[p], pairs.T[p]);
  const predictedByTriple = new Float64Array(triples.frequency.length);
  for (let k = 0; k < predictedByTriple.length; k++) {
    predictedByTriple[k] = numeratorByPair[pairs.pairOfTriple[k]] / bgnbdForecastDenominator(params, triples.frequency[k], triples.recency[k], triples.T[k]);
  }
  const labels = ["0", "1", "2", "3", "4", "5", "6", "7+"];
  const buckets = labels.map((frequency) => ({ frequency, customers: 0, actualPurchases: 0, predictedPurchases: 0 }));
  let customers = 0;
  let actual = 0;
  let predicted = 0;
  for (let r = 0; r < shop.customers; r++) {
    if (!summary.included[r]) continue;
    const p = predictedByTriple[triples.tripleOfCustomer[r]];
    const bucket = buckets[Math.min(7, summary.frequency[r])];
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
    holdoutPeriods,
    customers,
    actualPurchases: actual,
    predictedPurchases: predicted,
    byFrequency: buckets.filter((b) => b.customers > 0),
  };
}
