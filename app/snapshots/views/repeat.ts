// The Repeat page's view: the repeat rate and F2 conversion by window (each beside its value as of one
// comparison period earlier), time from the first to the second order (median, quartiles, histogram),
// and repurchase by first product (the products with the most first-time customers).
import type { RepeatMetrics } from "../../metrics/totals-repeat";
import { compareFigure, type ComparedFigure } from "./compare";
import { productTitles } from "./product-titles";
import type { ViewInput } from "./view-input";

export const REPURCHASE_PRODUCTS_SHOWN = 20;

export interface F2WindowView {
  windowDays: number;
  eligibleCustomers: number;
  convertedCustomers: number;
  /** Converted / eligible now, beside the same as of comparisonDays earlier. */
  rate: ComparedFigure;
}

export interface RepeatView {
  comparisonDays: number;
  customers: number;
  repeatCustomers: number;
  repeatRate: ComparedFigure;
  f2: F2WindowView[];
  timeToSecondOrder: {
    /** Customers with a second order. */
    customers: number;
    /** Days, to 0.1. */
    p25: number | null;
    median: ComparedFigure;
    p75: number | null;
    /** `share` = customers of the bucket / customers with a second order. */
    histogram: { fromDays: number; toDays: number | null; customers: number; share: number | null }[];
  };
  repurchaseByFirstProduct: {
    /** Largest first, at most REPURCHASE_PRODUCTS_SHOWN; `title` when the dataset knows it. */
    rows: { product: string; title: string | null; customers: number; repeatCustomers: number; rate: number }[];
    shown: number;
    productsTotal: number;
  };
}

const tenth = (days: number | null) => (days === null ? null : Math.round(days * 10) / 10);
const f2RateOf = (repeat: RepeatMetrics, windowDays: number) => repeat.f2.find((w) => w.windowDays === windowDays)?.rate ?? null;

export function buildRepeatView({ dataset, analysis, previous, comparisonDays }: ViewInput): RepeatView {
  const { repeat } = analysis;
  const titles = productTitles(dataset);
  const rows = repeat.repurchaseByFirstProduct.slice(0, REPURCHASE_PRODUCTS_SHOWN).map((row) => ({ ...row, title: titles.get(row.product) ?? null }));
  const gaps = repeat.timeToSecondOrderDays;
  return {
    comparisonDays,
    customers: analysis.totals.customers,
    repeatCustomers: repeat.repeatCustomers,
    repeatRate: compareFigure(repeat.repeatCustomerRate, previous.repeat.repeatCustomerRate, "points", true),
    f2: repeat.f2.map((w) => ({
      windowDays: w.windowDays,
      eligibleCustomers: w.eligibleCustomers,
      convertedCustomers: w.convertedCustomers,
      rate: compareFigure(w.rate, f2RateOf(previous.repeat, w.windowDays), "points", true),
    })),
    timeToSecondOrder: {
      customers: gaps.customers,
      p25: tenth(gaps.p25),
      median: compareFigure(tenth(gaps.median), tenth(previous.repeat.timeToSecondOrderDays.median), "relative"),
      p75: tenth(gaps.p75),
      histogram: gaps.histogram.map((bucket) => ({ ...bucket, share: gaps.customers === 0 ? null : bucket.customers / gaps.customers })),
    },
    repurchaseByFirstProduct: {
      rows,
      shown: rows.length,
      productsTotal: repeat.repurchaseByFirstProduct.length,
    },
  };
}
