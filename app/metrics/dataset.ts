// The engine's one input: a shop's orders, refunds and subscriptions as columns (typed arrays), with the
// dictionaries their small-integer codes point into. The app's database adapter and the CLI's file
// readers both build this; nothing here knows about Shopify, Prisma or files. See docs/metrics.md.

/** One row per order (cancelled and test orders included: the engine excludes them, so counts can say so). */
export interface OrderColumns {
  /** Customer index in [0, ShopDataset.customerCount), or −1 for an order without a customer (guest). */
  customer: Int32Array;
  /** processedAt as epoch milliseconds (UTC instant). */
  processedAt: Float64Array;
  /** Order total at checkout in integer minor units of the shop currency (Float64 is exact to 2^53). */
  grossAmount: Float64Array;
  /** 1 when the order was cancelled (at any time): excluded from every metric. */
  cancelled: Uint8Array;
  /** 1 for test orders: excluded from every metric. */
  test: Uint8Array;
  /** 1 when the order has a subscription (selling-plan) line. */
  subscription: Uint8Array;
  /** Acquisition channel / source code into `dictionaries.channel`, −1 when unknown. */
  channel: Int32Array;
  /** First discount code applied, into `dictionaries.discountCode`, −1 when none. */
  discountCode: Int32Array;
  /** Product of the first line, into `dictionaries.product`, −1 when unknown. */
  firstProduct: Int32Array;
  /** Billing / shipping country, into `dictionaries.country`, −1 when unknown. */
  country: Int32Array;
}

/** One row per refund, at its own instant (possibly long after its order). */
export interface RefundColumns {
  /** Row index into OrderColumns. */
  order: Int32Array;
  /** Epoch milliseconds; refunds after the as-of instant are ignored. */
  processedAt: Float64Array;
  /** Refunded amount, integer minor units, positive. */
  amount: Float64Array;
}

export interface Dictionaries {
  channel: string[];
  discountCode: string[];
  product: string[];
  country: string[];
}

export const BILLING_INTERVAL_UNITS = ["DAY", "WEEK", "MONTH", "YEAR"] as const;
export type BillingIntervalUnit = (typeof BILLING_INTERVAL_UNITS)[number];

/**
 * One row per span during which a subscription contract was active. A contract cancelled and later
 * reactivated is two rows; a pause ends a span. The adapter derives spans from the status history.
 */
export interface SubscriptionColumns {
  /** Who subscribes: the customer index when known, otherwise any index unique to the contract (≥ 0). */
  subscriber: Int32Array;
  /** Customer index for joining orders, −1 when unknown. */
  customer: Int32Array;
  startedAt: Float64Array;
  /** End of the span (epoch ms); NaN while still active. */
  endedAt: Float64Array;
  /** Index into BILLING_INTERVAL_UNITS. */
  billingIntervalUnit: Uint8Array;
  billingIntervalCount: Int32Array;
  /** Amount charged per billing, integer minor units. */
  amountPerBilling: Float64Array;
}

/** A per-customer categorical segment from survey answers (e.g. attributionChannel). */
export interface CustomerSegmentColumn {
  name: string;
  /** Per customer index: index into `values`, −1 when the customer has no answer. */
  valueByCustomer: Int32Array;
  values: string[];
}

export interface ShopDataset {
  /** IANA time zone of the shop: every day, week and month boundary is computed in it. */
  timeZone: string;
  /** ISO 4217 code of every amount. */
  currency: string;
  /** Number of customer indices (an upper bound on OrderColumns.customer + 1). */
  customerCount: number;
  orders: OrderColumns;
  refunds?: RefundColumns;
  dictionaries: Dictionaries;
  subscriptions?: SubscriptionColumns;
  surveySegments?: CustomerSegmentColumn[];
  /** The source's id of each customer index (Shopify customer GIDs in the app), for lists of top customers. */
  customerIds?: string[];
  /** Title of each product code (parallel to dictionaries.product) when the source knows it, for display only. */
  productTitles?: string[];
}

/** Allocates empty order columns for `n` rows (dictionary codes −1, flags 0), for adapters to fill. */
export function allocateOrderColumns(n: number): OrderColumns {
  return {
    customer: new Int32Array(n),
    processedAt: new Float64Array(n),
    grossAmount: new Float64Array(n),
    cancelled: new Uint8Array(n),
    test: new Uint8Array(n),
    subscription: new Uint8Array(n),
    channel: new Int32Array(n).fill(-1),
    discountCode: new Int32Array(n).fill(-1),
    firstProduct: new Int32Array(n).fill(-1),
    country: new Int32Array(n).fill(-1),
  };
}

export function emptyDictionaries(): Dictionaries {
  return { channel: [], discountCode: [], product: [], country: [] };
}

const decimalsByCurrency = new Map<string, number>();

/** Number of decimals of an ISO 4217 currency (JPY 0, USD 2, KWD 3), from Intl; cached, readers call it per row. */
export function currencyDecimals(currency: string): number {
  let decimals = decimalsByCurrency.get(currency);
  if (decimals === undefined) {
    decimals = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    decimalsByCurrency.set(currency, decimals);
  }
  return decimals;
}
