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

/** A partition of customer rows: row r is in group groupOfRow[r] (0 ≤ g < groups), or in none when −1. */
export interface RowGrouping {
  groupOfRow: Int32Array;
  groups: number;
}

/**
 * Cohort tables for groups of customer rows, one table per group, for several groupings (dimensions) in
 * one pass over the orders. Every table uses the same grid, so a group's table is the table a shop
 * holding only that group's customers would have (cohorts without customers are omitted).
 */
export function cohortTablesByGroupings(
  shop: PreparedShop,
  grid: PeriodGrid,
  cohortOfRow: Int32Array,
  groupings: RowGrouping[],
  options: CohortGroupOptions = {},
): CohortTable[][] {
  const periods = grid.labels.length;
  const first = Math.max(0, periods - (options.lastCohorts ?? periods));
  const n = periods - first;
  const width = Math.min(n, options.maxPeriods ?? n);
  // All groups of all groupings side by side: group g of grouping d starts at (offset[d] + g) · n.
  const offset = new Int32Array(groupings.length + 1);
  groupings.forEach((grouping, d) => (offset[d + 1] = offset[d] + grouping.groups));
  const size = new Float64Array(offset[groupings.length] * n);
  const active = new Float64Array(size.length * width);
  const revenue = new Float64Array(size.length * width);
  const base = new Int32Array(groupings.length);
  const cellOffset = new Int32Array(width);
  const cellRevenue = new Float64Array(width);
  const { groupStart, groupedTime, groupedNet } = shop;
  const boundaries = grid.boundaries;
  for (let r = 0; r < shop.customers; r++) {
    const cohort = cohortOfRow[r];
    if (cohort < first) continue;
    // base[d]: where row r's cells start in grouping d (cell k = period p − cohort), −1 when in no group.
    let counted = false;
    for (let d = 0; d < groupings.length; d++) {
      const g = groupings[d].groupOfRow[r];
      if (g < 0) {
        base[d] = -1;
        continue;
      }
      const cell = (offset[d] + g) * n + cohort - first;
      size[cell]++;
      base[d] = cell * width;
      counted = true;
    }
    if (!counted) continue;
    // The row's active periods and their revenue first, then added to each of its groups.
    const end = Math.min(periods, cohort + width);
    let cells = 0;
    let p = cohort;
    for (let k = groupStart[r]; k < groupStart[r + 1]; k++) {
      // Times ascend inside a group, so the period only moves forward.
      while (groupedTime[k] >= boundaries[p + 1]) p++;
      if (p >= end) break;
      if (cells === 0 || cellOffset[cells - 1] !== p - cohort) {
        cellOffset[cells] = p - cohort;
        cellRevenue[cells++] = 0;
      }
      cellRevenue[cells - 1] += groupedNet[k];
    }
    for (let d = 0; d < base.length; d++) {
      if (base[d] < 0) continue;
      for (let j = 0; j < cells; j++) {
        active[base[d] + cellOffset[j]]++;
        revenue[base[d] + cellOffset[j]] += cellRevenue[j];
      }
    }
  }
  return groupings.map((grouping, d) => {
    const tables: CohortTable[] = [];
    for (let g = 0; g < grouping.groups; g++) {
      const cohorts: CohortRow[] = [];
      for (let c = 0; c < n; c++) {
        const cell = (offset[d] + g) * n + c;
        const customers = size[cell];
        if (customers === 0) continue;
        const row: CohortRow = { cohort: grid.labels[first + c], customers, activeCustomers: [], retention: [], revenue: [], cumulativeRevenuePerCustomer: [] };
        let cumulative = 0;
        for (let k = 0; k < Math.min(width, n - c); k++) {
          const at = cell * width + k;
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
  });
}

/** cohortTablesByGroupings for one grouping. */
export function cohortTablesByGroup(
  shop: PreparedShop,
  grid: PeriodGrid,
  cohortOfRow: Int32Array,
  groupOfRow: Int32Array,
  groups: number,
  options: CohortGroupOptions = {},
): CohortTable[] {
  return cohortTablesByGroupings(shop, grid, cohortOfRow, [{ groupOfRow, groups }], options)[0];
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
