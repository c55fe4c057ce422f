// Shopify prints money as decimal strings ("1500.0", "12.5", "0.125"); Tsuzuku stores integer minor
// units of the currency (JPY 0 decimals, USD 2, KWD 3). The conversion is exact string arithmetic:
// never through a float.
import { currencyDecimals } from "../metrics/dataset";

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** "1500.0" JPY → 1500n; "12.5" USD → 1250n. Throws on malformed text or on more precision than the currency has. */
export function toMinorUnits(amount: string, currency: string): bigint {
  const match = DECIMAL.exec(amount);
  if (!match) throw new RangeError(`not a decimal amount: ${JSON.stringify(amount)}`);
  const [, sign, whole, fraction = ""] = match;
  const digits = currencyDecimals(currency);
  const significant = fraction.replace(/0+$/, "");
  if (significant.length > digits) throw new RangeError(`${amount} ${currency} has more than ${digits} decimal places`);
  const minor = BigInt(whole + significant.padEnd(digits, "0"));
  return sign === "-" ? -minor : minor;
}
