// Acquisition cohorts: customers grouped by the calendar period (shop time zone) of their first counted
// order; for each later period offset, how many were active, the revenue they brought, and the running
// revenue per cohort customer (the cohort LTV curve). One pass over the customer-grouped orders.
import { periodGrid, periodIndex, type PeriodGrid, type PeriodUnit } from "./period-grid.ts";
import type { PreparedShop } from "./prepare.ts";

export interface CohortRow {
  /** Period label of the first order: "2024-01" (month) or the Monday "2024-01-01" (week). */
  cohort: string;
  customers: number;
  /** Index k = periods since the cohort period, from 0 up to the as-of period. */
  activeCustomers: number[];
  /** activeCustomers[k] / customers. */
  retention: number[];
  /** Net revenue (minor units) of the cohort's orders processed in period k. */
  revenue: number[];
  /** Σ revenue[0..k] / customers. */
  cumulativeRevenuePerCustomer: number[];
}

export interface CohortTable {
  unit: PeriodUnit;
  cohorts: CohortRow[];
}

export interface CohortComputation {
  table: CohortTable;
  grid: PeriodGrid | null;
  /** Cohort period index of each customer row. */
  cohortOfRow: Int32Array;
}

export function computeCohorts(shop: PreparedShop, unit: PeriodUnit, timeZone: string): CohortComputation {
  const cohortOfRow = new Int32Array(shop.customers);
  if (shop.customers === 0) return { table: { unit, cohorts: [] }, grid: null, cohortOfRow };
  let earliest = Infinity;
  for (let r = 0; r < shop.customers; r++) if (shop.firstTime[r] < earliest) earliest = shop.firstTime[r];
  const grid = periodGrid(unit, timeZone, earliest, shop.asOf);
  const periods = grid.labels.length;
  const size = new Float64Array(periods);
  const active = new Float64Array(periods * periods);
  const revenue = new Float64Array(periods * periods);
  const { groupStart, groupedTime, groupedOrder, netByOrder } = shop;
  for (let r = 0; r < shop.customers; r++) {
    const start = groupStart[r];
    const cohort = periodIndex(grid, groupedTime[start]);
    cohortOfRow[r] = cohort;
    size[cohort]++;
    const base = cohort * periods - cohort;
    let lastPeriod = -1;
    for (let k = start; k < groupStart[r + 1]; k++) {
      // Times ascend inside a group, so the period only moves forward.
      let p = lastPeriod < 0 ? cohort : lastPeriod;
      while (groupedTime[k] >= grid.boundaries[p + 1]) p++;
      if (p !== lastPeriod) {
        active[base + p]++;
        lastPeriod = p;
      }
      revenue[base + p] += netByOrder[groupedOrder[k]];
    }
  }
  const cohorts: CohortRow[] = [];
  for (let c = 0; c < periods; c++) {
    if (size[c] === 0) continue;
    const row: CohortRow = {
      cohort: grid.labels[c],
      customers: size[c],
      activeCustomers: [],
      retention: [],
      revenue: [],
      cumulativeRevenuePerCustomer: [],
    };
    let cumulative = 0;
    for (let k = 0; k < periods - c; k++) {
      const at = c * periods + k;
      cumulative += revenue[at];
      row.activeCustomers.push(active[at]);
      row.retention.push(active[at] / size[c]);
      row.revenue.push(revenue[at]);
      row.cumulativeRevenuePerCustomer.push(cumulative / size[c]);
    }
    cohorts.push(row);
  }
  return { table: { unit, cohorts }, grid, cohortOfRow };
}
