// The LTV page's view: historical LTV curves by segment (top values of each dimension), and the
// predicted CLV — its distribution in money bins, the top customers by predicted value (ids only), the
// backtest with a verdict on how far to trust it, and the model's notes. Lists are capped (page size).
import type { CustomerFacts } from "../../metrics/analyze";
import { moneyHistogramOfAscending, nearestRank, topRowsByValue } from "../../metrics/clv-distribution";
import { type HistoricalLtv, type LtvGroup, type LtvWindow, NO_VALUE } from "../../metrics/historical-ltv";
import type { PredictedClv } from "../../metrics/predicted-clv";
import { backtestTrust } from "./backtest-trust";
import { clvNotes } from "./clv-notes";
import type { ViewInput } from "./view-input";

/** Values shown per segment dimension (the largest by customers): one line each on the chart. */
export const SEGMENT_VALUES_SHOWN = 6;
export const TOP_CUSTOMERS_SHOWN = 25;
const DIMENSION_ORDER = ["channel", "firstProduct", "firstDiscountCode", "country", "subscriber"];

export function buildLtvView({ analysis, dataset, customers }: ViewInput) {
  return {
    historical: historicalView(analysis.historicalLtv),
    predicted: predictedView(analysis.predictedClv, customers?.now ?? null, dataset.customerIds, analysis.currencyDecimals),
  };
}

function historicalView(ltv: HistoricalLtv) {
  const keys = Object.keys(ltv.bySegment).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const dimensions = keys
    .map((key) => {
      const groups = ltv.bySegment[key].slice(0, SEGMENT_VALUES_SHOWN).map(roundGroup);
      return { key, values: ltv.bySegment[key].length, shown: groups.length, groups };
    })
    // A dimension the shop never records (e.g. order country, not synced) has nothing to compare.
    .filter((dimension) => dimension.groups.some((group) => group.key !== NO_VALUE));
  return { overall: ltv.overall.map(roundWindow), dimensions };
}

/** Views carry whole minor units; the engine's means and model values are fractional. */
const minor = (amount: number | null) => (amount === null ? null : Math.round(amount));
const roundWindow = (window: LtvWindow) => ({ ...window, ltv: minor(window.ltv) });
const roundGroup = (group: LtvGroup) => ({ ...group, windows: group.windows.map(roundWindow) });

function rank(dimension: string): number {
  const at = DIMENSION_ORDER.indexOf(dimension);
  return at >= 0 ? at : DIMENSION_ORDER.length;
}

function predictedView(clv: PredictedClv, facts: CustomerFacts | null, customerIds: string[] | undefined, currencyDecimals: number) {
  const perCustomer = facts?.clv ?? null;
  const values = perCustomer?.clv ?? null;
  const ascending = values ? values.filter((v) => v === v).sort() : null;
  const topCustomers = facts && perCustomer && values
    ? topRowsByValue(values, TOP_CUSTOMERS_SHOWN).map((row) => ({
        id: customerIds?.[facts.customerIndex[row]] ?? null,
        orders: facts.orderCount[row],
        historicalRevenue: facts.netTotal[row],
        expectedPurchases: perCustomer.expectedPurchases[row],
        pAlive: perCustomer.pAlive[row],
        predictedClv: Math.round(values[row]),
      }))
    : [];
  return {
    customers: clv.customers,
    horizonDays: clv.horizonDays,
    annualDiscountRate: clv.annualDiscountRate,
    expectedPurchasesInHorizon: clv.expectedPurchasesInHorizon,
    totalClv: minor(clv.totalClv),
    meanClv: minor(clv.meanClv),
    medianClv: ascending && ascending.length > 0 ? Math.round(nearestRank(ascending, 0.5)) : null,
    distribution: ascending ? moneyHistogramOfAscending(ascending, currencyDecimals).map((bin) => ({ ...bin, total: Math.round(bin.total) })) : [],
    topCustomers,
    topCustomersShown: TOP_CUSTOMERS_SHOWN,
    backtest: clv.backtest && {
      calibrationEnd: clv.backtest.calibrationEnd,
      holdoutDays: clv.backtest.holdoutDays,
      customers: clv.backtest.customers,
      actualPurchases: clv.backtest.actualPurchases,
      predictedPurchases: clv.backtest.predictedPurchases,
      ...backtestTrust(clv.backtest.predictedPurchases, clv.backtest.actualPurchases),
      byFrequency: clv.backtest.byFrequency,
    },
    model: { fitted: clv.bgnbd !== null, notes: clvNotes(clv) },
  };
}
