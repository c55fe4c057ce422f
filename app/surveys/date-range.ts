// A results range as the merchant picks it: whole days in the shop's time zone, `to` inclusive.
import { TZDate } from "@date-fns/tz";
import { addDays, format, subDays } from "date-fns";
import type { DateRange } from "./results.server";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function startOfDayIn(day: string, timeZone: string): Date | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const date = new TZDate(Number(match[1]), Number(match[2]) - 1, Number(match[3]), timeZone);
  return Number.isNaN(date.getTime()) ? null : new Date(date.getTime());
}

/** `from` and `to` as YYYY-MM-DD in the shop's zone (default: the last 30 days up to today). */
export function dayRange(fromParam: string | null, toParam: string | null, timeZone: string, now = new Date()): { range: DateRange; from: string; to: string } {
  const today = format(new TZDate(now.getTime(), timeZone), "yyyy-MM-dd");
  const to = toParam && startOfDayIn(toParam, timeZone) ? toParam : today;
  const defaultFrom = format(subDays(new TZDate(startOfDayIn(to, timeZone)!.getTime(), timeZone), 29), "yyyy-MM-dd");
  const from = fromParam && startOfDayIn(fromParam, timeZone) && fromParam <= to ? fromParam : defaultFrom;
  const end = addDays(new TZDate(startOfDayIn(to, timeZone)!.getTime(), timeZone), 1);
  return { range: { from: startOfDayIn(from, timeZone)!, to: new Date(end.getTime()) }, from, to };
}
