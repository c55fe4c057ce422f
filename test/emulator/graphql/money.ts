// Money as the Admin API serialises it. Records hold integer minor units; `MoneyV2.amount` is a
// Decimal string. Live 2026-04 responses print the shortest decimal with at least one fractional
// digit ("25.0", "12.5", "30.03", "3000.0"), which is Ruby's BigDecimal#to_s — recorded in
// airhorns/shopify-draft-proxy fixtures/conformance/**/orders/*.json. Decimals per currency come
// from ISO 4217 via Intl (JPY 0, USD 2, KWD 3).
import type { EmOrder } from "../store/types";

const decimalsCache = new Map<string, number>();

export function currencyDecimals(currencyCode: string): number {
  let decimals = decimalsCache.get(currencyCode);
  if (decimals === undefined) {
    decimals = new Intl.NumberFormat("en", { style: "currency", currency: currencyCode }).resolvedOptions()
      .maximumFractionDigits ?? 2;
    decimalsCache.set(currencyCode, decimals);
  }
  return decimals;
}

/** Minor units → Shopify Decimal string, exact (no floating point). */
export function formatAmount(minorUnits: number, currencyCode: string): string {
  const decimals = currencyDecimals(currencyCode);
  const sign = minorUnits < 0 ? "-" : "";
  const digits = String(Math.abs(Math.round(minorUnits))).padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, "");
  return `${sign}${whole}.${fraction || "0"}`;
}

/** Shopify Decimal string (input) → minor units; undefined when it has more decimals than the currency. */
export function parseAmount(amount: string, currencyCode: string): number | undefined {
  const decimals = currencyDecimals(currencyCode);
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) return undefined;
  const fraction = (match[3] ?? "").replace(/0+$/, "");
  if (fraction.length > decimals) return undefined;
  const minor = Number(match[2]) * 10 ** decimals + Number(fraction.padEnd(decimals, "0") || "0");
  return match[1] === "-" ? -minor : minor;
}

export interface MoneyV2Value {
  amount: string;
  currencyCode: string;
}

export interface MoneyBagValue {
  shopMoney: MoneyV2Value;
  presentmentMoney: MoneyV2Value;
}

export function moneyV2(minorUnits: number, currencyCode: string): MoneyV2Value {
  return { amount: formatAmount(minorUnits, currencyCode), currencyCode };
}

/** Shop-currency minor units of an order → its MoneyBag, presentment derived with the order's rate. */
export function orderMoneyBag(order: EmOrder, shopMinorUnits: number): MoneyBagValue {
  const shopDecimals = currencyDecimals(order.currencyCode);
  const presentmentDecimals = currencyDecimals(order.presentmentCurrencyCode);
  const presentmentMinor = Math.round(shopMinorUnits * order.presentmentRate * 10 ** (presentmentDecimals - shopDecimals));
  return {
    shopMoney: moneyV2(shopMinorUnits, order.currencyCode),
    presentmentMoney: moneyV2(presentmentMinor, order.presentmentCurrencyCode),
  };
}
