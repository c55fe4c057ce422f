// Acquisition cohorts: customers grouped by the calendar period (shop time zone) of their first counted
// order; for each later period offset, how many were active, the revenue they brought, and the running
// revenue per cohort customer (the cohort LTV curve). One pass over the customer-grouped orders, for all
// customers or for several groups of customer rows at once (segments: a channel, a first product, …).
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

/** The period grid from the earliest first order to asOf, and each customer row's cohort period in it. */
export function cohortGrid(shop: PreparedShop, unit: PeriodUnit, timeZone: string): { grid: PeriodGrid | null; cohortOfRow: Int32Array } {
  const cohortOfRow = new Int32Array(shop.customers);
  if (shop.customers === 0) return { grid: null, cohortOfRow };
  let earliest = Infinity;
  for (let r = 0; r < shop.customers; r++) if (shop.firstTime[r] < earliest) earliest = shop.firstTime[r];
  const grid = periodGrid(unit, timeZone, earliest, shop.asOf);
  for (let r = 0; r < shop.customers; r++) cohortOfRow[r] = periodIndex(grid, shop.firstTime[r]);
  return { grid, cohortOfRow };
}

export interface CohortGroupOptions {
  /** Only the latest N periods of the grid are cohorts; rows of older cohorts are left out. Default: all. */
  lastCohorts?: number;
  /** Offsets k kept per cohort (0 ≤ k < maxPeriods). Default: all, up to the as-of period. */
  maxPeriods?: number;
}

/**
 * Cohort tables for groups of customer rows, in one pass: row r counts in table groupOfRow[r]
 * (0 ≤ g < groups), or in none when it is −1. Every table uses the same grid, so a group's table is
 * the table a shop holding only that group's customers would have (cohorts without customers omitted).
 */
export function cohortTablesByGroup(
  shop: PreparedShop,
  grid: PeriodGrid,
  cohortOfRow: Int32Array,
  groupOfRow: Int32Array,
  groups: number,
  options: CohortGroupOptions = {},
): CohortTable[] {
  const periods = grid.labels.length;
  const first = Math.max(0, periods - (options.lastCohorts ?? periods));
  const n = periods - first;
  const width = Math.min(n, options.maxPeriods ?? n);
  const size = new Float64Array(groups * n);
  const active = new Float64Array(groups * n * width);
  const revenue = new Float64Array(groups * n * width);
  const { groupStart, groupedTime, groupedOrder, netByOrder } = shop;
  const boundaries = grid.boundaries;
  for (let r = 0; r < shop.customers; r++) {
    const g = groupOfRow[r];
    const cohort = cohortOfRow[r];
    if (g < 0 || cohort < first) continue;
    const c = cohort - first;
    size[g * n + c]++;
    const base = (g * n + c) * width - cohort;
    const end = Math.min(periods, cohort + width);
    let lastPeriod = -1;
    for (let k = groupStart[r]; k < groupStart[r + 1]; k++) {
      // Times ascend inside a group, so the period only moves forward.
      let p = lastPeriod < 0 ? cohort : lastPeriod;
      while (groupedTime[k] >= boundaries[p + 1]) p++;
      if (p >= end) break;
      if (p !== lastPeriod) {
        active[base + p]++;
        lastPeriod = p;
      }
      revenue[base + p] += netByOrder[groupedOrder[k]];
    }
  }
  const tables: CohortTable[] = [];
  for (let g = 0; g < groups; g++) {
    const cohorts: CohortRow[] = [];
    for (let c = 0; c < n; c++) {
      const customers = size[g * n + c];
      if (customers === 0) continue;
      const row: CohortRow = { cohort: grid.labels[first + c], customers, activeCustomers: [], retention: [], revenue: [], cumulativeRevenuePerCustomer: [] };
      let cumulative = 0;
      for (let k = 0; k < Math.min(width, n - c); k++) {
        const at = (g * n + c) * width + k;
        cumulative += revenue[at];
        row.activeCustomers.push(active[at]);
        row.retention.push(active[at] / customers);
        row.revenue.push(revenue[at]);
        row.cumulativeRevenuePerCustomer.push(cumulative / customers);
      }
      cohorts.push(row);
    }
    tables.push({ unit: grid.unit, cohorts });
  }
  return tables;
}

export function computeCohorts(shop: PreparedShop, unit: PeriodUnit, timeZone: string): CohortComputation {
  const { grid, cohortOfRow } = cohortGrid(shop, unit, timeZone);
  if (!grid) return { table: { unit, cohorts: [] }, grid, cohortOfRow };
  const [table] = cohortTablesByGroup(shop, grid, cohortOfRow, new Int32Array(shop.customers), 1);
  return { table, grid, cohortOfRow };
}

/** The cohort table of the customer rows whose mask is 1 (a segment), on the grid of all customers. */
export function computeCohortsOfRows(shop: PreparedShop, unit: PeriodUnit, timeZone: string, mask: Uint8Array, options: CohortGroupOptions = {}): CohortTable {
  const { grid, cohortOfRow } = cohortGrid(shop, unit, timeZone);
  if (!grid) return { unit, cohorts: [] };
  const groupOfRow = Int32Array.from(mask, (inSegment) => (inSegment ? 0 : -1));
  return cohortTablesByGroup(shop, grid, cohortOfRow, groupOfRow, 1, options)[0];
}
