// Date → text for the bulk writers, which convert millions of dates a backfill:
// - isoString: the ISO 8601 text Prisma stores (`2026-11-28T09:30:00.000Z`, what Date#toISOString
//   gives);
// - timestampText: PostgreSQL's own timestamp text (`2026-11-28 09:30:00`, with `.005` when it has
//   milliseconds), which COPY reads fastest. timestamp(3) without time zone holds UTC (as Prisma writes
//   it) and would ignore a `Z`; its input function parses that `Z` as a zone name, and the `T` and
//   `.000` as fields of their own. Per value in PostgreSQL 15 (2,000,000 casts on this machine):
//   0.235 µs for `2026-11-28T09:30:00.123Z`, 0.195 for `2026-11-28 09:30:00.123`, 0.14 for
//   `2026-11-28 09:30:00`; Shopify's times are whole seconds.
// toISOString is a runtime call of about 0.45 µs; here a day's prefix is kept (a shop's orders fall on a
// few thousand days) and the time of day is joined from small tables: about 0.07 µs (1,000,000 dates,
// measured on this machine). Outside years 0000–9999 (and for an invalid Date, which throws)
// toISOString itself answers, in both cases (PostgreSQL reads ISO 8601 too).

const DAY_MS = 86_400_000;
/** 0000-01-01T00:00:00.000Z and 10000-01-01T00:00:00.000Z. */
const FIRST = -62_167_219_200_000;
const END = 253_402_300_800_000;
const PAD2 = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, "0"));
const PAD3 = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, "0"));
/** Day number → "YYYY-MM-DD"; cleared when it grows past this many days. */
const MAX_DAYS = 4096;
const dayPrefixes = new Map<number, string>();

/** The date as ISO 8601 (`iso`) or as PostgreSQL's timestamp text. */
function dateText(date: Date, iso: boolean): string {
  const time = date.getTime();
  if (!(time >= FIRST && time < END)) return date.toISOString();
  const day = Math.floor(time / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    if (dayPrefixes.size >= MAX_DAYS) dayPrefixes.clear();
    prefix = date.toISOString().slice(0, 10);
    dayPrefixes.set(day, prefix);
  }
  let rest = time - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const ms = rest - seconds * 1000;
  const clock = `${PAD2[hours]}:${PAD2[minutes]}:${PAD2[seconds]}`;
  if (iso) return `${prefix}T${clock}.${PAD3[ms]}Z`;
  return ms === 0 ? `${prefix} ${clock}` : `${prefix} ${clock}.${PAD3[ms]}`;
}

export const isoString = (date: Date): string => dateText(date, true);

export const timestampText = (date: Date): string => dateText(date, false);

/**
 * The formatter, remembering the last Date converted: many rows share one Date object (a batch's
 * syncedAt, the bulk lines' UNVERSIONED).
 */
function remembering(format: (date: Date) => string): (date: Date) => string {
  let lastDate: Date | null = null;
  let lastTime = Number.NaN;
  let lastText = "";
  return (date) => {
    const time = date.getTime();
    if (date !== lastDate || time !== lastTime) {
      lastText = format(date);
      lastDate = date;
      lastTime = time;
    }
    return lastText;
  };
}

/** isoString, remembering the last Date converted. */
export const isoOf = remembering(isoString);

/** timestampText, remembering the last Date converted. */
export const timestampOf = remembering(timestampText);
