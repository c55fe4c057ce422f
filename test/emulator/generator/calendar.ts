// The shop's calendar in its IANA time zone, built once with date-fns + @date-fns/tz: the UTC start
// of every local day from the first month of the window to well past its end, with each day's local
// date. The generator then places a million orders with table look-ups instead of a time-zone
// computation per order: an instant is "local day d, second s", and month arithmetic (billing
// cycles) is "same day-of-month, n months later" in the table.
import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, startOfDay, startOfMonth } from "date-fns";

const DAY_MS = 86_400_000;
/** Billing dates (with pauses) can fall this far past the window's end. */
const MONTHS_AFTER_END = 18;

export class ShopCalendar {
  /** UTC start of local day i; one extra entry closes the last day. */
  readonly dayStart: Float64Array;
  readonly year: Int16Array;
  readonly month: Uint8Array; // 0..11
  readonly dayOfMonth: Uint8Array; // 1..31
  readonly weekday: Uint8Array; // 0 = Sunday
  /** Window [windowStart, windowEnd) as day indices into the table. */
  readonly firstWindowDay: number;
  readonly endWindowDay: number;
  private readonly firstMonthOrdinal: number;
  private readonly monthFirstDay: Int32Array;

  constructor(readonly timezone: string, windowStart: number, windowEnd: number) {
    const first = startOfMonth(new TZDate(windowStart, timezone));
    const last = addMonths(startOfMonth(new TZDate(windowEnd, timezone)), MONTHS_AFTER_END);
    const starts: number[] = [];
    const dates: TZDate[] = [];
    for (let day = first; day.getTime() < last.getTime(); day = addDays(day, 1)) {
      starts.push(day.getTime());
      dates.push(day);
    }
    starts.push(last.getTime());
    this.dayStart = Float64Array.from(starts);
    this.year = Int16Array.from(dates, (d) => d.getFullYear());
    this.month = Uint8Array.from(dates, (d) => d.getMonth());
    this.dayOfMonth = Uint8Array.from(dates, (d) => d.getDate());
    this.weekday = Uint8Array.from(dates, (d) => d.getDay());
    this.firstMonthOrdinal = this.year[0] * 12 + this.month[0];
    const monthCount = this.monthOrdinal(dates.length - 1) - this.firstMonthOrdinal + 2;
    this.monthFirstDay = new Int32Array(monthCount).fill(-1);
    for (let i = dates.length - 1; i >= 0; i--) this.monthFirstDay[this.monthOrdinal(i) - this.firstMonthOrdinal] = i;
    this.monthFirstDay[monthCount - 1] = dates.length;
    this.firstWindowDay = this.dayOf(windowStart);
    this.endWindowDay = this.dayOf(windowEnd);
  }

  get days(): number {
    return this.year.length;
  }

  get windowStart(): number {
    return this.dayStart[this.firstWindowDay];
  }

  get windowEnd(): number {
    return this.dayStart[this.endWindowDay];
  }

  private monthOrdinal(day: number): number {
    return this.year[day] * 12 + this.month[day];
  }

  /** The local day containing an instant (clamped to the table). */
  dayOf(instant: number): number {
    let low = 0;
    let high = this.days - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.dayStart[mid] <= instant) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** The instant at local wall-clock second `second` (0..86399) of day `day`. */
  instant(day: number, second: number): number {
    const start = this.dayStart[day];
    const end = this.dayStart[day + 1];
    // On a day without a clock change, local seconds map one to one onto the day's UTC span; only
    // days with a DST transition need the time-zone library.
    if (end - start === DAY_MS) return start + second * 1000;
    const h = Math.floor(second / 3600);
    const m = Math.floor((second % 3600) / 60);
    const wall = new TZDate(this.year[day], this.month[day], this.dayOfMonth[day], h, m, second % 60, this.timezone).getTime();
    return Math.min(Math.max(wall, start), end - 1000);
  }

  /** Local second of day of an instant (what a shop clock shows), for tests and hour histograms. */
  localSecond(instant: number): number {
    const d = new TZDate(instant, this.timezone);
    return d.getHours() * 3600 + d.getMinutes() * 60 + d.getSeconds();
  }

  /** Same day of month, `months` later (clamped to the month's last day); -1 past the table. */
  addMonths(day: number, months: number): number {
    const target = this.monthOrdinal(day) + months - this.firstMonthOrdinal;
    if (target < 0 || target >= this.monthFirstDay.length - 1) return -1;
    const first = this.monthFirstDay[target];
    const length = this.monthFirstDay[target + 1] - first;
    return first + Math.min(this.dayOfMonth[day], length) - 1;
  }

  /** Days since 1970-01-01 of a local day, a stable index for day-level series (FX rates). */
  epochDay(day: number): number {
    return Math.floor(this.dayStart[day] / DAY_MS);
  }
}

/** The window the generator uses when none is given: 42 months ending 2026-11-01 00:00 shop time. */
export function defaultWindow(timezone: string): { start: number; end: number } {
  const end = new TZDate(2026, 10, 1, timezone);
  return { start: addMonths(end, -42).getTime(), end: end.getTime() };
}

/** Rounds a bound down to the start of its local day, so the window is whole shop days. */
export function startOfShopDay(instant: number, timezone: string): number {
  return startOfDay(new TZDate(instant, timezone)).getTime();
}
