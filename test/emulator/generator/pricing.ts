// The shop's price list in its own currency's minor units, computed once from the JPY catalogue.
import { CATALOGUE, SUBSCRIPTION_PRICE_FACTOR } from "./catalogue";
import { assertSupportedCurrency, crossBorderCurrencies, currencyDecimals, fromJpy } from "./money";
import { PROCESS } from "./process";

export class ShopPricing {
  readonly decimals: number;
  readonly unitPrice: readonly number[];
  readonly subscriptionPrice: readonly number[];
  readonly shippingFee: number;
  readonly freeShippingFrom: number;
  readonly lineCoupon: number;
  /** Presentment currencies by index; index 0 is the shop currency. */
  readonly presentmentCurrencies: readonly string[];

  constructor(readonly currency: string) {
    assertSupportedCurrency(currency);
    this.decimals = currencyDecimals(currency);
    this.unitPrice = CATALOGUE.map((p) => fromJpy(p.priceJpy, currency));
    this.subscriptionPrice = this.unitPrice.map((price) => Math.round(price * SUBSCRIPTION_PRICE_FACTOR));
    this.shippingFee = fromJpy(PROCESS.shipping.feeJpy, currency);
    this.freeShippingFrom = fromJpy(PROCESS.shipping.freeFromJpy, currency);
    this.lineCoupon = fromJpy(PROCESS.discounts.lineCouponJpy, currency);
    this.presentmentCurrencies = [currency, ...crossBorderCurrencies(currency)];
  }

  /** A JPY amount (a spend target) in shop minor units. */
  fromJpy(amountJpy: number): number {
    return fromJpy(amountJpy, this.currency);
  }
}
