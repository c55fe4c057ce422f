// Shopify prints money as decimal strings ("1500.0", "12.5", "0.125"); Tsuzuku stores integer minor
// units of the currency (JPY 0 decimals, USD 2, KWD 3). The conversion is exact string arithmetic:
// never through a float.
import { currencyDecimals } from "../metrics/dataset";

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const ZERO = 48;
const NINE = 57;
const DOT = 46;
const MINUS = 45;
/** Below 2^53: integers of up to 15 digits are exact as numbers. */
const EXACT_DIGITS = 15;

/** "1500.0" JPY → 1500n; "12.5" USD → 1250n. Throws on malformed text or on more precision than the currency has. */
export function toMinorUnits(amount: string, currency: string): bigint {
  const digits = currencyDecimals(currency);
  const minor = smallMinorUnits(amount, digits);
  return minor === null ? exactMinorUnits(amount, currency, digits) : BigInt(minor);
}

/**
 * The common case read in one scan (a backfill converts some twelve amounts per order): a well-formed
 * amount of at most 15 significant digits, in a number. Null for anything else, which the exact path
 * reads (or rejects with its message).
 */
function smallMinorUnits(amount: string, decimals: number): number | null {
  const length = amount.length;
  let i = 0;
  const negative = length > 0 && amount.charCodeAt(0) === MINUS;
  if (negative) i = 1;
  let value = 0;
  let used = 0;
  const wholeStart = i;
  for (; i < length; i++) {
    const c = amount.charCodeAt(i);
    if (c < ZERO || c > NINE) break;
    value = value * 10 + (c - ZERO);
    used++;
  }
  if (i === wholeStart) return null;
  let fraction = 0;
  if (i < length) {
    if (amount.charCodeAt(i) !== DOT || i + 1 === length) return null;
    for (i++; i < length; i++, fraction++) {
      const c = amount.charCodeAt(i);
      if (c < ZERO || c > NINE) return null;
      if (fraction >= decimals) {
        if (c !== ZERO) return null; // more precision than the currency has: the exact path says so
        continue;
      }
      value = value * 10 + (c - ZERO);
      used++;
    }
  }
  for (; fraction < decimals; fraction++, used++) value *= 10;
  if (used > EXACT_DIGITS) return null;
  return negative ? -value : value;
}

function exactMinorUnits(amount: string, currency: string, digits: number): bigint {
  const match = DECIMAL.exec(amount);
  if (!match) throw new RangeError(`not a decimal amount: ${JSON.stringify(amount)}`);
  const [, sign, whole, fraction = ""] = match;
  const significant = fraction.replace(/0+$/, "");
  if (significant.length > digits) throw new RangeError(`${amount} ${currency} has more than ${digits} decimal places`);
  const minor = BigInt(whole + significant.padEnd(digits, "0"));
  return sign === "-" ? -minor : minor;
}
