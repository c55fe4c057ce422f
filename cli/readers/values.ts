// Field parsers shared by the readers; each throws InputError naming the line and column.
import { TZDate } from "@date-fns/tz";
import { InputError } from "../input-error.ts";

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * "2024-01-05", "2024-01-05 10:11:12 +0900", "2024-01-05T01:11:12Z" → epoch ms. Without an offset the
 * wall-clock time is read in the shop's time zone.
 */
export function parseInstant(text: string, timeZone: string, line: number, column: string): number {
  const m = DATE_TIME.exec(text.trim());
  if (!m) throw new InputError(line, column, `bad date "${text}" (expected YYYY-MM-DD[ HH:MM[:SS]][ ±HHMM])`);
  const [, y, mo, d, h = "0", mi = "0", s = "0", offset] = m;
  const parts = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)] as const;
  if (parts[1] > 11 || parts[2] < 1 || parts[2] > 31 || parts[3] > 23 || parts[4] > 59 || parts[5] > 60) {
    throw new InputError(line, column, `bad date "${text}"`);
  }
  let ms: number;
  if (offset === undefined) {
    ms = new TZDate(...parts, timeZone).getTime();
  } else {
    const utc = Date.UTC(...parts);
    const sign = offset === "Z" ? 0 : offset[0] === "-" ? -1 : 1;
    const digits = offset.replace(/[^0-9]/g, "");
    const minutes = offset === "Z" ? 0 : Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
    ms = utc - sign * minutes * 60_000;
  }
  const check = new Date(Date.UTC(parts[0], parts[1], parts[2]));
  if (check.getUTCDate() !== parts[2] || !Number.isFinite(ms)) throw new InputError(line, column, `bad date "${text}"`);
  return ms;
}

/** Decimal money text → integer minor units, exactly (no floating-point rounding). */
export function parseMoney(text: string, decimals: number, line: number, column: string, allowNegative = false): number {
  const m = /^\s*(-)?(\d+)(?:\.(\d*))?\s*$/.exec(text);
  if (!m) throw new InputError(line, column, `bad amount "${text}"`);
  const [, minus, whole, fraction = ""] = m;
  if (minus && !allowNegative) throw new InputError(line, column, `negative amount "${text}"`);
  if (fraction.replace(/0+$/, "").length > decimals) {
    throw new InputError(line, column, `amount "${text}" has more than ${decimals} decimals for the currency`);
  }
  const minor = Number(whole + fraction.padEnd(decimals, "0").slice(0, decimals));
  return minus ? -minor : minor;
}

export function parseQuantity(text: string, line: number, column: string): number {
  if (!/^\s*-?\d+\s*$/.test(text)) throw new InputError(line, column, `bad quantity "${text}"`);
  const quantity = Number(text);
  if (quantity < 0) throw new InputError(line, column, `negative quantity ${quantity}`);
  return quantity;
}
