// Historical LTV: net revenue per customer within N days of the first order, averaged only over customers
// whose first order is at least N days before the as-of instant (younger customers have not had the whole
// window). Reported overall, by monthly cohort and by each acquisition segment of the first order.
import { customerSegmentations } from "./customer-segments.ts";
import type { ShopDataset } from "./dataset.ts";
import { DAY_MS, type PreparedShop } from "./prepare.ts";

export const LTV_WINDOWS_DAYS = [30, 60, 90, 180, 365] as const;

export interface LtvWindow {
  windowDays: number;
  eligibleCustomers: number;
  /** Mean net revenue (minor units) per eligible customer within windowDays; null with none eligible. */
  ltv: number | null;
}

export interface LtvGroup {
  key: string;
  customers: number;
  windows: LtvWindow[];
}

export interface HistoricalLtv {
  overall: LtvWindow[];
  byCohortMonth: LtvGroup[];
  /** Dimension name → groups, largest first. "(none)" holds customers without a value. */
  bySegment: Record<string, LtvGroup[]>;
}

export const NO_VALUE = "(none)";

/** Per customer row: net revenue within each window (NaN when not eligible). Row-major [row][window]. */
export function windowRevenueByCustomer(shop: PreparedShop): Float64Array {
  const w = LTV_WINDOWS_DAYS.length;
  const out = new Float64Array(shop.customers * w);
  const limits = Float64Array.from(LTV_WINDOWS_DAYS, (d) => d * DAY_MS);
  for (let r = 0; r < shop.customers; r++) {
    const first = shop.firstTime[r];
    const age = shop.asOf - first;
    // Orders are in time order and the windows nested: an order counts in every window from the first
    // that reaches it, and once an order is past the longest window so are the rest.
    let shortest = 0;
    for (let k = shop.groupStart[r]; k < shop.groupStart[r + 1]; k++) {
      const since = shop.groupedTime[k] - first;
      while (shortest < w && since > limits[shortest]) shortest++;
      if (shortest === w) break;
      const net = shop.netByOrder[shop.groupedOrder[k]];
      for (let j = shortest; j < w; j++) out[r * w + j] += net;
    }
    for (let j = 0; j < w; j++) if (age < limits[j]) out[r * w + j] = Number.NaN;
  }
  return out;
}

/** Groups customer rows by `keyOfRow` (−1 = no value) and averages each window over eligible rows. */
export function groupLtv(windowRevenue: Float64Array, keyOfRow: Int32Array, labels: readonly string[]): LtvGroup[] {
  const w = LTV_WINDOWS_DAYS.length;
  const groups = labels.length + 1; // last slot: no value
  const customers = new Float64Array(groups);
  const eligible = new Float64Array(groups * w);
  const sums = new Float64Array(groups * w);
  for (let r = 0; r < keyOfRow.length; r++) {
    const g = keyOfRow[r] < 0 ? labels.length : keyOfRow[r];
    customers[g]++;
    for (let j = 0; j < w; j++) {
      const v = windowRevenue[r * w + j];
      if (v === v) {
        eligible[g * w + j]++;
        sums[g * w + j] += v;
      }
    }
  }
  const out: LtvGroup[] = [];
  for (let g = 0; g < groups; g++) {
    if (customers[g] === 0) continue;
    out.push({
      key: g === labels.length ? NO_VALUE : labels[g],
      customers: customers[g],
      windows: LTV_WINDOWS_DAYS.map((windowDays, j) => ({
        windowDays,
        eligibleCustomers: eligible[g * w + j],
        ltv: eligible[g * w + j] === 0 ? null : sums[g * w + j] / eligible[g * w + j],
      })),
    });
  }
  return out;
}

export function computeHistoricalLtv(
  data: ShopDataset,
  shop: PreparedShop,
  monthCohortOfRow: Int32Array,
  monthLabels: readonly string[],
  subscriberRow: Uint8Array,
): HistoricalLtv {
  const windowRevenue = windowRevenueByCustomer(shop);
  const all = groupLtv(windowRevenue, new Int32Array(shop.customers), ["all"]);
  const bySize = (groups: LtvGroup[]) => groups.sort((a, b) => b.customers - a.customers || a.key.localeCompare(b.key));
  const bySegment: Record<string, LtvGroup[]> = {};
  for (const { name, keyOfRow, labels } of customerSegmentations(data, shop, subscriberRow)) {
    const groups = groupLtv(windowRevenue, keyOfRow, labels);
    bySegment[name] = name === "subscriber" ? groups : bySize(groups);
  }
  return {
    overall: all.length ? all[0].windows : LTV_WINDOWS_DAYS.map((windowDays) => ({ windowDays, eligibleCustomers: 0, ltv: null })),
    byCohortMonth: groupLtv(windowRevenue, monthCohortOfRow, monthLabels),
    bySegment,
  };
}
