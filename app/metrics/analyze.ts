// The engine's entry point: one shop's columns in, one plain JSON-serialisable object out with every
// metric family. The CLI prints it (--format json) and the app's snapshot job stores it.
import { computeCohorts, type CohortTable } from "./cohorts.ts";
import { currencyDecimals, type ShopDataset } from "./dataset.ts";
import { computeHistoricalLtv, type HistoricalLtv } from "./historical-ltv.ts";
import { computePareto, type ParetoMetrics } from "./pareto.ts";
import { computePredictedClvByCustomer, type CustomerClv, type PredictedClv, type TimeUnit } from "./predicted-clv.ts";
import { prepareShop, type PreparedShop } from "./prepare.ts";
import { computeRfm, computeRfmScores, type RfmMetrics, type RfmScores } from "./rfm-segments.ts";
import { computeSubscriptions, type SubscriptionMetrics } from "./subscriptions.ts";
import { computeRepeat, computeTotals, type RepeatMetrics, type Totals } from "./totals-repeat.ts";

/** Bumped whenever a field of AnalysisResult changes meaning or shape (docs/cli.md keeps the history). */
export const ANALYSIS_SCHEMA_VERSION = 1;

export interface AnalyzeOptions {
  /** The instant the figures are as of (epoch ms). Default: the latest processedAt among the orders. */
  asOf?: number;
  /** Unit of the fitted BG/NBD parameters. Default "week". */
  timeUnit?: TimeUnit;
  /** Predicted CLV horizon and default backtest holdout, in days. Default 365. */
  horizonDays?: number;
  /** Default 0.1 (10 % a year). */
  annualDiscountRate?: number;
  /** Backtest calibration end (epoch ms). Default asOf − horizonDays. */
  calibrationEnd?: number;
}

export interface AnalysisResult {
  schemaVersion: number;
  currency: string;
  /** Minor-unit decimals of the currency: every amount is an integer count of 10^−decimals units. */
  currencyDecimals: number;
  timeZone: string;
  asOf: string;
  totals: Totals;
  repeat: RepeatMetrics;
  cohorts: { month: CohortTable; week: CohortTable };
  historicalLtv: HistoricalLtv;
  pareto: ParetoMetrics;
  rfm: RfmMetrics;
  predictedClv: PredictedClv;
  subscriptions: SubscriptionMetrics | null;
}

export function defaultAsOf(data: ShopDataset): number {
  let latest = -Infinity;
  const { processedAt, cancelled, test } = data.orders;
  for (let i = 0; i < processedAt.length; i++) if (!cancelled[i] && !test[i] && processedAt[i] > latest) latest = processedAt[i];
  return Number.isFinite(latest) ? latest : Date.now();
}

/** 1 for customer rows who ever had a subscription order or a subscription span. */
export function subscriberRows(data: ShopDataset, shop: PreparedShop): Uint8Array {
  const out = new Uint8Array(shop.customers);
  for (let r = 0; r < shop.customers; r++) {
    for (let k = shop.groupStart[r]; k < shop.groupStart[r + 1]; k++) {
      if (data.orders.subscription[shop.groupedOrder[k]]) {
        out[r] = 1;
        break;
      }
    }
  }
  const subs = data.subscriptions;
  if (subs) {
    for (let i = 0; i < subs.customer.length; i++) {
      const row = subs.customer[i] >= 0 ? shop.rowByCustomer[subs.customer[i]] : -1;
      if (row >= 0) out[row] = 1;
    }
  }
  return out;
}

/**
 * Per-customer facts behind the analysis, by customer row (rows ascend by customer index): what the
 * snapshot's pages need beyond the aggregates (RFM moves, CLV distribution, top customers). Not JSON.
 */
export interface CustomerFacts {
  /** Input customer index of each row. */
  customerIndex: Int32Array;
  orderCount: Int32Array;
  netTotal: Float64Array;
  rfm: RfmScores;
  /** Null when no model could be fitted (see predictedClv.notes). */
  clv: CustomerClv | null;
}

export function analyzeShop(data: ShopDataset, options: AnalyzeOptions = {}): AnalysisResult {
  return analyzeShopWithCustomers(data, options).analysis;
}

/** analyzeShop plus the per-customer facts it computed on the way (no extra fit or pass). */
export function analyzeShopWithCustomers(data: ShopDataset, options: AnalyzeOptions = {}): { analysis: AnalysisResult; customers: CustomerFacts } {
  validateDataset(data);
  const asOf = options.asOf ?? defaultAsOf(data);
  const horizonDays = options.horizonDays ?? 365;
  const shop = prepareShop(data, asOf);
  const month = computeCohorts(shop, "month", data.timeZone);
  const week = computeCohorts(shop, "week", data.timeZone);
  const scores = computeRfmScores(shop);
  const clv = computePredictedClvByCustomer(shop, data.timeZone, {
    timeUnit: options.timeUnit ?? "week",
    horizonDays,
    annualDiscountRate: options.annualDiscountRate ?? 0.1,
    calibrationEnd: options.calibrationEnd ?? null,
  }, scores);
  const analysis: AnalysisResult = {
    schemaVersion: ANALYSIS_SCHEMA_VERSION,
    currency: data.currency,
    currencyDecimals: currencyDecimals(data.currency),
    timeZone: data.timeZone,
    asOf: new Date(asOf).toISOString(),
    totals: computeTotals(data, shop),
    repeat: computeRepeat(data, shop),
    cohorts: { month: month.table, week: week.table },
    historicalLtv: computeHistoricalLtv(data, shop, month.cohortOfRow, month.grid?.labels ?? [], subscriberRows(data, shop)),
    pareto: computePareto(shop),
    rfm: computeRfm(shop, scores),
    predictedClv: clv.result,
    subscriptions: computeSubscriptions(data, shop),
  };
  const customers = { customerIndex: shop.customerIndex, orderCount: shop.orderCount, netTotal: shop.netTotal, rfm: scores, clv: clv.byCustomer };
  return { analysis, customers };
}

/** Column lengths agree and the zone and currency are real; cheap checks that catch adapter bugs early. */
export function validateDataset(data: ShopDataset): void {
  const n = data.orders.customer.length;
  for (const [name, column] of Object.entries(data.orders)) {
    if ((column as ArrayLike<number>).length !== n) throw new RangeError(`orders.${name} has ${(column as ArrayLike<number>).length} rows, expected ${n}`);
  }
  try {
    new Intl.DateTimeFormat("en", { timeZone: data.timeZone });
  } catch {
    throw new RangeError(`unknown time zone ${data.timeZone}`);
  }
  if (!/^[A-Z]{3}$/.test(data.currency)) throw new RangeError(`bad currency code ${data.currency}`);
}
