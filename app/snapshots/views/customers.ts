// The Customers page's view: RFM segments (customers, their share, revenue and its share), how customers
// moved between segments since the previous period (a from × to matrix and the biggest moves), and the
// Pareto view (top shares, Lorenz curve, Gini).
import type { CustomerFacts } from "../../metrics/analyze";
import type { RfmMetrics } from "../../metrics/rfm-segments";
import { RFM_SEGMENTS, rfmTransitions } from "../../metrics/rfm-segments";
import type { ViewInput } from "./view-input";

export const BIGGEST_MOVES_SHOWN = 5;
/** The `from` of customers who had no counted order in the previous period. */
export const NEW_SINCE = "new";

export function buildCustomersView({ analysis, previous, dataset, customers, comparisonDays }: ViewInput) {
  return {
    rfm: segmentsView(analysis.rfm),
    moves: customers ? movesView(customers.previous, customers.now, dataset.customerCount, previous.asOf, comparisonDays) : null,
    pareto: analysis.pareto,
  };
}

function segmentsView(rfm: RfmMetrics) {
  return {
    customers: rfm.customers,
    segments: rfm.segments.map((segment) => ({ ...segment, customerShare: rfm.customers > 0 ? segment.customers / rfm.customers : null })),
  };
}

function movesView(then: CustomerFacts, now: CustomerFacts, customerCount: number, previousAsOf: string, comparisonDays: number) {
  const { counts, goneSince } = rfmTransitions(
    { customerIndex: then.customerIndex, segment: then.rfm.segment },
    { customerIndex: now.customerIndex, segment: now.rfm.segment },
    customerCount,
  );
  const from = [...RFM_SEGMENTS, NEW_SINCE];
  const cells: { from: string; to: string; customers: number }[] = [];
  let stayed = 0;
  counts.forEach((row, f) =>
    row.forEach((customers, t) => {
      if (f === t) stayed += customers;
      else if (f < RFM_SEGMENTS.length && customers > 0) cells.push({ from: from[f], to: RFM_SEGMENTS[t], customers });
    }),
  );
  // Largest first; equal counts keep segment order (the sort is stable).
  const biggest = cells.sort((a, b) => b.customers - a.customers).slice(0, BIGGEST_MOVES_SHOWN);
  const newCustomers = counts[RFM_SEGMENTS.length].reduce((sum, n) => sum + n, 0);
  return {
    previousAsOf,
    comparisonDays,
    from,
    to: [...RFM_SEGMENTS],
    counts,
    /** Row totals: customers in each `from` segment then who are customers now. */
    fromTotals: counts.map((row) => row.reduce((sum, n) => sum + n, 0)),
    stayed,
    moved: now.customerIndex.length - stayed - newCustomers,
    newCustomers,
    goneSince,
    biggest,
  };
}
