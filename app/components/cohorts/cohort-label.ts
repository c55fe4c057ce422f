// A cohort's label as the merchant reads it: "2024-01" → "Jan 2024" / "2024年1月", a week's Monday
// "2024-01-01" → "Jan 1, 2024" / "2024年1月1日". The label is already a calendar date in the shop's zone,
// so it is formatted as a UTC date (no second zone conversion).
import type { Locale, Translate } from "../../locales/i18n";

const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: Locale, withDay: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${withDay}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", ...(withDay ? { day: "numeric" } : {}), timeZone: "UTC" });
    formats.set(key, found);
  }
  return found;
}

export function cohortLabel(locale: Locale, label: string): string {
  const [year, month, day] = label.split("-").map(Number);
  if (!year || !month) return label;
  return format(locale, day !== undefined).format(Date.UTC(year, month - 1, day ?? 1));
}

/** Column k of a cohort table: "Month 0" / "初月", "Month 3" / "3か月後". */
export function offsetLabel(t: Translate, unit: "month" | "week", k: number): string {
  if (k === 0) return t(unit === "month" ? "cohorts.offset.month0" : "cohorts.offset.week0");
  return t(unit === "month" ? "cohorts.offset.month" : "cohorts.offset.week", { k });
}
