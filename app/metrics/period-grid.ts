// Calendar periods (day, ISO week from Monday, month) in the shop's time zone. Boundaries come from
// date-fns on TZDate, so DST and odd offsets are right; each instant is then placed by binary search
// over the boundary column, which keeps the per-order cost to a few comparisons.
import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, addWeeks, startOfDay, startOfMonth, startOfWeek } from "date-fns";

export type PeriodUnit = "day" | "week" | "month";

export interface PeriodGrid {
  unit: PeriodUnit;
  timeZone: string;
  /** Start instant (epoch ms) of each period, ascending, plus the end of the last one. */
  boundaries: Float64Array;
  /** Label of each period in the shop's zone: "2024-01" for months, the first day "2024-01-01" otherwise. */
  labels: string[];
}

function startOf(unit: PeriodUnit, date: TZDate): TZDate {
  if (unit === "month") return startOfMonth(date);
  if (unit === "week") return startOfWeek(date, { weekStartsOn: 1 });
  return startOfDay(date);
}

function next(unit: PeriodUnit, date: TZDate): TZDate {
  if (unit === "month") return addMonths(date, 1);
  if (unit === "week") return addWeeks(date, 1);
  return addDays(date, 1);
}

const pad = (n: number) => String(n).padStart(2, "0");

function label(unit: PeriodUnit, date: TZDate): string {
  const month = `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
  return unit === "month" ? month : `${month}-${pad(date.getDate())}`;
}

/** The periods covering [fromMs, toMs] (both inclusive). */
export function periodGrid(unit: PeriodUnit, timeZone: string, fromMs: number, toMs: number): PeriodGrid {
  if (!(fromMs <= toMs)) throw new RangeError("periodGrid needs fromMs <= toMs");
  const starts: number[] = [];
  const labels: string[] = [];
  let cursor = startOf(unit, new TZDate(fromMs, timeZone));
  while (cursor.getTime() <= toMs) {
    starts.push(cursor.getTime());
    labels.push(label(unit, cursor));
    cursor = next(unit, cursor);
  }
  starts.push(cursor.getTime());
  return { unit, timeZone, boundaries: Float64Array.from(starts), labels };
}

/** Index of the period holding `time`; −1 before the grid, labels.length after it. */
export function periodIndex(grid: PeriodGrid, time: number): number {
  const b = grid.boundaries;
  if (time < b[0]) return -1;
  let lo = 0;
  let hi = b.length - 1;
  if (time >= b[hi]) return hi;
  // Invariant: b[lo] <= time < b[hi].
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (b[mid] <= time) lo = mid;
    else hi = mid;
  }
  return lo;
}
