// Money for the generator: catalogue prices are JPY; a shop in another currency gets them converted
// at a fixed reference rate and rounded to three significant digits (a price a merchant would set),
// in that currency's minor units. Presentment (the buyer's currency) moves with a smooth yearly
// cycle around the reference rate, so the rate differs from order to order like a real FX rate.

/** Yen per major unit: reference rates, roughly 2024–2025 levels. */
const JPY_PER_UNIT: Readonly<Record<string, number>> = {
  JPY: 1, USD: 150, EUR: 162, GBP: 190, CAD: 110, AUD: 98, NZD: 90, SGD: 112, HKD: 19.2, TWD: 4.7,
  KRW: 0.11, CNY: 21, THB: 4.2, KWD: 490, BHD: 398,
};

export const SUPPORTED_CURRENCIES = Object.keys(JPY_PER_UNIT);

/** Buyers' currencies for cross-border orders, in order of preference; the shop's own is skipped. */
const CROSS_BORDER_CURRENCIES = ["USD", "TWD", "HKD", "JPY"];
export const CROSS_BORDER_WEIGHTS = [0.45, 0.3, 0.25];

export function currencyDecimals(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export function assertSupportedCurrency(currency: string): void {
  if (!(currency in JPY_PER_UNIT)) {
    throw new Error(`currency "${currency}" is not supported by the generator; use one of ${SUPPORTED_CURRENCIES.join(", ")}`);
  }
}

function roundToSignificant(value: number, digits: number): number {
  if (value === 0) return 0;
  const magnitude = Math.pow(10, digits - Math.ceil(Math.log10(Math.abs(value))));
  return Math.round(value * magnitude) / magnitude;
}

/** A JPY catalogue amount in the shop currency's minor units (at least one minor unit). */
export function fromJpy(amountJpy: number, currency: string): number {
  if (currency === "JPY") return Math.round(amountJpy);
  const major = roundToSignificant(amountJpy / JPY_PER_UNIT[currency], 3);
  return Math.max(1, Math.round(major * Math.pow(10, currencyDecimals(currency))));
}

/** The shop currency's list of cross-border presentment currencies (index 1..3; 0 means the shop currency). */
export function crossBorderCurrencies(shopCurrency: string): string[] {
  return CROSS_BORDER_CURRENCIES.filter((c) => c !== shopCurrency).slice(0, 3);
}

/**
 * Presentment major units per shop major unit on a given day: the reference cross rate times a yearly
 * swing of ±5% (its phase differs per currency), rounded to 6 significant digits as a bank quote would be.
 */
export function presentmentRate(shopCurrency: string, presentmentCurrency: string, dayNumber: number): number {
  if (shopCurrency === presentmentCurrency) return 1;
  const reference = JPY_PER_UNIT[shopCurrency] / JPY_PER_UNIT[presentmentCurrency];
  const phase = presentmentCurrency.charCodeAt(0) + presentmentCurrency.charCodeAt(2);
  return roundToSignificant(reference * (1 + 0.05 * Math.sin((2 * Math.PI * dayNumber) / 365.25 + phase)), 6);
}
