// Display formatting, the only place amounts leave integer minor units: money in the shop's currency
// (¥ with no decimals for JPY), shares as percentages, instants in the shop's time zone.
import type { Locale } from "../locales/i18n";

export interface ViewMeta {
  currency: string;
  /** Minor-unit decimals: every amount in a view is an integer count of 10^−decimals units. */
  currencyDecimals: number;
  timeZone: string;
  /** ISO instant the figures are as of. */
  asOf: string;
}

export interface Formatters {
  money(minor: number | null): string;
  /** Short amounts for chart axes: "¥12K", "¥1.2万". */
  moneyCompact(minor: number | null): string;
  /** A ratio (0.25) as a percentage ("25.0%"). */
  percent(ratio: number | null, digits?: number): string;
  /** A value already in percent points (CSAT 82.5, NPS −12). */
  points(value: number | null, digits?: number): string;
  count(value: number | null): string;
  /** A count axis tick: whole numbers only ("" for the 0.5 steps a small scale draws, which would round to repeats). */
  countTick(value: number): string;
  decimal(value: number | null, digits?: number): string;
  days(value: number | null): string;
  months(value: number | null): string;
  date(iso: string | null): string;
  dateTime(iso: string | null): string;
}

export const MISSING = "—";

export function formatters(locale: Locale, meta: Pick<ViewMeta, "currency" | "currencyDecimals" | "timeZone">): Formatters {
  const money = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: meta.currency,
    minimumFractionDigits: meta.currencyDecimals,
    maximumFractionDigits: meta.currencyDecimals,
  });
  const moneyShort = new Intl.NumberFormat(locale, { style: "currency", currency: meta.currency, notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 });
  const scale = 10 ** meta.currencyDecimals;
  const counts = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percents = new Map<number, Intl.NumberFormat>();
  const percentFormat = (digits: number) => {
    let format = percents.get(digits);
    if (!format) percents.set(digits, (format = new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits })));
    return format;
  };
  const decimals = (digits: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const unit = (name: "day" | "month") => new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "long", maximumFractionDigits: 1 });
  const day = unit("day");
  const month = unit("month");
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: meta.timeZone });
  const dateTimes = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: meta.timeZone });
  const present = <T,>(value: T | null | undefined, format: (value: T) => string) =>
    value === null || value === undefined || (typeof value === "number" && !Number.isFinite(value)) ? MISSING : format(value);
  return {
    money: (minor) => present(minor, (v) => money.format(v / scale)),
    moneyCompact: (minor) => present(minor, (v) => moneyShort.format(v / scale)),
    percent: (ratio, digits = 1) => present(ratio, (v) => percentFormat(digits).format(v)),
    points: (value, digits = 1) => present(value, (v) => decimals(digits).format(v)),
    count: (value) => present(value, (v) => counts.format(v)),
    countTick: (value) => (Number.isInteger(value) ? counts.format(value) : ""),
    decimal: (value, digits = 2) => present(value, (v) => decimals(digits).format(v)),
    days: (value) => present(value, (v) => day.format(v)),
    months: (value) => present(value, (v) => month.format(v)),
    date: (iso) => present(iso, (v) => dates.format(new Date(v))),
    dateTime: (iso) => present(iso, (v) => dateTimes.format(new Date(v))),
  };
}
