// The Cohorts page's view: retention, revenue per customer and cumulative LTV by first-order month or
// week, for all customers and for the largest values of each segment dimension (acquisition channel,
// first product, first discount code, subscriber, survey answers), so switching is client-side only.
// Capped to stay small (≤ 300 KB on a 1M-order shop): the latest 24 months (24 offsets) and 26 weeks
// (13 offsets), the 5 largest values of a dimension; survey dimensions leave out customers without an
// answer ("all customers" is the baseline).
import { subscriberRows } from "../../metrics/analyze";
import { cohortGrid, cohortTablesByGroupings, type CohortGroupOptions, type CohortTable, type RowGrouping } from "../../metrics/cohorts";
import { customerSegmentations, type RowSegmentation, SURVEY_PREFIX } from "../../metrics/customer-segments";
import { NO_VALUE } from "../../metrics/historical-ltv";
import type { PeriodUnit } from "../../metrics/period-grid";
import type { PreparedShop } from "../../metrics/prepare";
import { preparedShopOf } from "./prepared-shop";
import { productTitles } from "./product-titles";
import type { ViewInput } from "./view-input";

export const COHORT_UNITS = ["month", "week"] as const satisfies readonly PeriodUnit[];
export type CohortUnit = (typeof COHORT_UNITS)[number];
export const COHORT_LIMITS: Record<CohortUnit, Required<CohortGroupOptions>> = {
  month: { lastCohorts: 24, maxPeriods: 24 },
  week: { lastCohorts: 26, maxPeriods: 13 },
};
/** Values shown per dimension: those with the most customers in the shown months. */
export const TOP_SEGMENT_VALUES = 5;
export const ALL_DIMENSION = "all";
export const COHORT_DIMENSIONS = [
  ALL_DIMENSION,
  "channel",
  "firstProduct",
  "firstDiscountCode",
  "subscriber",
  `${SURVEY_PREFIX}satisfactionBand`,
  `${SURVEY_PREFIX}attributionChannel`,
  `${SURVEY_PREFIX}purchaseReason`,
] as const;
export type CohortDimension = (typeof COHORT_DIMENSIONS)[number];

/** One segment's cohorts, row i ↔ the unit's `cohorts[i]`; k = periods since the first order. */
export interface CohortHeatmap {
  /** Cohort size; 0 when the segment has no customer in that cohort (its value rows are then empty). */
  customers: number[];
  /** Share of the cohort's customers with an order in period k, to 0.1 % (0.123 = 12.3 %). */
  retention: number[][];
  /** Net revenue in period k per cohort customer, whole minor units. */
  revenuePerCustomer: number[][];
  /** Net revenue in periods 0..k per cohort customer (the cohort LTV curve), whole minor units. */
  cumulativeLtv: number[][];
}

export interface CohortSegmentView {
  /** The dimension's value ("instagram", a product id, "subscriber"…) or NO_VALUE. */
  key: string;
  /** The product's title for first-product segments, when known; null otherwise. */
  label: string | null;
  /** Customers of the segment in the shown months. */
  customers: number;
  month: CohortHeatmap;
  week: CohortHeatmap;
}

export interface CohortDimensionView {
  key: CohortDimension;
  /** Largest first; empty when no customer has a value (e.g. no survey answers yet). */
  segments: CohortSegmentView[];
  /** Distinct values among the customers of the shown months (more than TOP_SEGMENT_VALUES: some left out). */
  values: number;
}

export interface CohortAxis {
  /** Cohort labels shown, oldest first: "2024-01" (month) or the Monday "2024-01-01" (week). */
  cohorts: string[];
  cohortsShown: number;
  /** Cohort periods the shop has in all (the page says when fewer are shown). */
  cohortsTotal: number;
  /** The last offset shown (columns k = 0 … maxOffset). */
  maxOffset: number;
}

export interface CohortsView {
  month: CohortAxis;
  week: CohortAxis;
  topValues: number;
  dimensions: CohortDimensionView[];
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Aligns a table (cohorts with customers only) to the shown labels, rounded for display. */
function heatmap(table: CohortTable, labels: string[]): CohortHeatmap {
  const byLabel = new Map(table.cohorts.map((row) => [row.cohort, row]));
  const out: CohortHeatmap = { customers: [], retention: [], revenuePerCustomer: [], cumulativeLtv: [] };
  for (const label of labels) {
    const row = byLabel.get(label);
    out.customers.push(row?.customers ?? 0);
    out.retention.push(row ? row.retention.map(round3) : []);
    out.revenuePerCustomer.push(row ? row.revenue.map((r) => Math.round(r / row.customers)) : []);
    out.cumulativeLtv.push(row ? row.cumulativeRevenuePerCustomer.map(Math.round) : []);
  }
  return out;
}

interface UnitGrid {
  unit: CohortUnit;
  grid: NonNullable<ReturnType<typeof cohortGrid>["grid"]>;
  cohortOfRow: Int32Array;
  labels: string[];
}

interface DimensionGroups extends RowGrouping {
  key: CohortDimension;
  /** Segment key and size of each group. */
  keys: string[];
  sizes: number[];
  values: number;
}

/**
 * The largest values of a dimension among the customers of the shown months, as groups; rows outside
 * the shown months, of a smaller value, or without a value when `noValue` is false are in none.
 */
function topGroups(key: CohortDimension, keyOfRow: Int32Array, labels: readonly string[], inWindow: (row: number) => boolean, noValue: boolean): DimensionGroups {
  // counts[value + 1]: slot 0 counts the customers without a value.
  const counts = new Float64Array(labels.length + 1);
  for (let r = 0; r < keyOfRow.length; r++) if (inWindow(r)) counts[keyOfRow[r] + 1]++;
  if (!noValue) counts[0] = 0;
  const keyLabel = (value: number) => (value < 0 ? NO_VALUE : labels[value]);
  const ranked = [...counts.keys()].filter((slot) => counts[slot] > 0).sort((a, b) => counts[b] - counts[a] || keyLabel(a - 1).localeCompare(keyLabel(b - 1)));
  const shown = ranked.slice(0, TOP_SEGMENT_VALUES);
  const groupOfSlot = new Int32Array(counts.length).fill(-1);
  shown.forEach((slot, g) => (groupOfSlot[slot] = g));
  const groupOfRow = new Int32Array(keyOfRow.length);
  for (let r = 0; r < keyOfRow.length; r++) groupOfRow[r] = inWindow(r) ? groupOfSlot[keyOfRow[r] + 1] : -1;
  return { key, groupOfRow, groups: shown.length, keys: shown.map((slot) => keyLabel(slot - 1)), sizes: shown.map((slot) => counts[slot]), values: ranked.length };
}

/** The dimension's groups, or null when no customer of the shown months has a value (no answers yet, no subscriber). */
function dimensionGroups(key: CohortDimension, shop: PreparedShop, segmentations: Map<string, RowSegmentation>, inWindow: (row: number) => boolean): DimensionGroups | null {
  if (key === ALL_DIMENSION) return topGroups(key, new Int32Array(shop.customers), [ALL_DIMENSION], inWindow, true);
  const segmentation = segmentations.get(key);
  if (!segmentation) return null;
  // A value other than the default: a subscriber, or any value at all.
  const lowest = key === "subscriber" ? 1 : 0;
  if (!segmentation.keyOfRow.some((value, row) => value >= lowest && inWindow(row))) return null;
  return topGroups(key, segmentation.keyOfRow, segmentation.labels, inWindow, !key.startsWith(SURVEY_PREFIX));
}

export function buildCohortsView(input: ViewInput): CohortsView {
  const shop = preparedShopOf(input);
  const grids: UnitGrid[] = [];
  const axes = {} as Record<CohortUnit, CohortAxis>;
  for (const unit of COHORT_UNITS) {
    const { grid, cohortOfRow } = cohortGrid(shop, unit, input.dataset.timeZone);
    const labels = grid ? grid.labels.slice(-COHORT_LIMITS[unit].lastCohorts) : [];
    axes[unit] = { cohorts: labels, cohortsShown: labels.length, cohortsTotal: grid?.labels.length ?? 0, maxOffset: COHORT_LIMITS[unit].maxPeriods - 1 };
    if (grid) grids.push({ unit, grid, cohortOfRow, labels });
  }
  if (grids.length < COHORT_UNITS.length) return { ...axes, topValues: TOP_SEGMENT_VALUES, dimensions: [] };
  // Segments are ranked among the customers of the shown months (which cover the shown weeks).
  const firstMonth = grids[0].grid.labels.length - grids[0].labels.length;
  const monthOfRow = grids[0].cohortOfRow;
  const inWindow = (row: number) => monthOfRow[row] >= firstMonth;
  const segmentations = new Map(customerSegmentations(input.dataset, shop, subscriberRows(input.dataset, shop)).map((s) => [s.name, s]));
  const groups = COHORT_DIMENSIONS.map((key) => ({ key, groups: dimensionGroups(key, shop, segmentations, inWindow) }));
  const present = groups.flatMap((g) => (g.groups ? [g.groups] : []));
  const [month, week] = grids.map((g) => cohortTablesByGroupings(shop, g.grid, g.cohortOfRow, present, COHORT_LIMITS[g.unit]));
  const titles = productTitles(input.dataset);
  const dimensions = groups.map(({ key, groups: dimension }): CohortDimensionView => {
    if (!dimension) return { key, segments: [], values: 0 };
    const d = present.indexOf(dimension);
    return {
      key,
      segments: dimension.keys.map((segmentKey, g) => ({
        key: segmentKey,
        label: key === "firstProduct" ? (titles.get(segmentKey) ?? null) : null,
        customers: dimension.sizes[g],
        month: heatmap(month[d][g], grids[0].labels),
        week: heatmap(week[d][g], grids[1].labels),
      })),
      values: dimension.values,
    };
  });
  return { ...axes, topValues: TOP_SEGMENT_VALUES, dimensions };
}
