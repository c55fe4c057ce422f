// Money and times as Shopify's REST resources (and so webhook payloads) write them: decimal strings at
// the currency's ISO 4217 precision ("4800" JPY, "48.00" USD, "4.800" KWD), and ISO 8601 instants in
// the shop's time zone with its offset ("2026-05-01T09:00:00+09:00").
// https://shopify.dev/docs/api/admin-rest/latest/resources/order (money strings, *_set objects)
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { currencyDecimals } from "../graphql/money";

/** Minor-unit digits of an ISO 4217 currency (JPY 0, USD 2, KWD 3); the GraphQL side's definition. */
export const currencyDigits = currencyDecimals;

/** Integer minor units as Shopify's decimal string. */
export function decimalAmount(minorUnits: number, currency: string): string {
  const digits = currencyDigits(currency);
  return (minorUnits / 10 ** digits).toFixed(digits);
}

/**
 * Shop-currency minor units converted to the presentment currency at the order's rate, rescaled between
 * the two currencies' precisions (JPY 0 digits to USD 2 digits multiplies by 100).
 */
export function presentmentMinorUnits(shopMinorUnits: number, rate: number, shopCurrency: string, presentmentCurrency: string): number {
  return Math.round(shopMinorUnits * rate * 10 ** (currencyDigits(presentmentCurrency) - currencyDigits(shopCurrency)));
}

export interface MoneyContext {
  shopCurrency: string;
  presentmentCurrency: string;
  rate: number;
}

/** A REST `*_set` object: the amount in shop and presentment money. */
export function moneySet(shopMinorUnits: number, money: MoneyContext) {
  return {
    shop_money: { amount: decimalAmount(shopMinorUnits, money.shopCurrency), currency_code: money.shopCurrency },
    presentment_money: {
      amount: decimalAmount(presentmentMinorUnits(shopMinorUnits, money.rate, money.shopCurrency, money.presentmentCurrency), money.presentmentCurrency),
      currency_code: money.presentmentCurrency,
    },
  };
}

/** Epoch milliseconds as a REST timestamp in the shop's time zone; null stays null. */
export function shopTime(epochMs: number | null, timeZone: string): string | null {
  if (epochMs === null) return null;
  return format(new TZDate(epochMs, timeZone), "yyyy-MM-dd'T'HH:mm:ssxxx");
}

export const gid = (type: string, id: number) => `gid://shopify/${type}/${id}`;
