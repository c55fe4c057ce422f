// Subscriptions seen only through orders: for shops whose subscriptions run on another app (no contract
// Tsuzuku can read), the orders flagged as subscription orders (selling plan, renewal source, recurring
// tags) say who subscribes and roughly when they stop. Each subscriber's runs of subscription orders
// become inferred active spans, read by the same monthly movements, churn, lifetimes and sBG as
// contracts; amounts per billing are unknown, so there is no MRR. Definitions in docs/metrics.md.
import type { ShopDataset, SubscriptionColumns } from "./dataset.ts";
import { DAY_MS, type PreparedShop } from "./prepare.ts";
import { quantileSorted } from "./stats.ts";
import { computeSubscriptions, type SubscriptionMetrics, type SubscriptionMonth } from "./subscriptions.ts";

/** A subscriber's usual interval when they have only one subscription order (a monthly plan). */
export const DEFAULT_INTERVAL_DAYS = 30;
/** A run of subscription orders ends when the next one is later than this many usual intervals. */
export const LAPSE_FACTOR = 1.5;

export type InferredActivity = Omit<SubscriptionMetrics, "mrr" | "projectedSubscriberLtv" | "months"> & {
  months: Array<Omit<SubscriptionMonth, "mrr">>;
};

export interface InferredSubscriptionMetrics {
  /** Counted orders flagged as subscription orders (guest orders included) and their net amount. */
  subscriptionOrders: number;
  subscriptionNetRevenue: number;
  /** Customers with at least one counted subscription order. */
  subscribers: number;
  /** Of those, customers with ≥ 2 counted orders of any kind. */
  repeatSubscribers: number;
  repeatRate: number | null;
  /** Subscription orders of customers / subscribers. */
  subscriptionOrdersPerSubscriber: number | null;
  /** Movements, churn, lifetimes, subscriber LTV and sBG on the inferred spans. */
  activity: InferredActivity;
}

/**
 * One span per run of a customer's subscription orders: it starts at the run's first order and ends
 * LAPSE_FACTOR usual intervals after its last (open, NaN, when that is after asOf). The usual interval
 * is the median gap between the customer's subscription orders at least a day apart, else
 * DEFAULT_INTERVAL_DAYS. Null when no customer has a counted subscription order.
 */
export function inferSubscriptionSpans(data: ShopDataset, shop: PreparedShop): SubscriptionColumns | null {
  const customer: number[] = [];
  const startedAt: number[] = [];
  const endedAt: number[] = [];
  const times: number[] = [];
  const gaps = new Float64Array(shop.countedCustomerOrders);
  for (let r = 0; r < shop.customers; r++) {
    times.length = 0;
    for (let k = shop.groupStart[r]; k < shop.groupStart[r + 1]; k++) {
      if (data.orders.subscription[shop.groupedOrder[k]]) times.push(shop.groupedTime[k]);
    }
    if (times.length === 0) continue;
    let gapCount = 0;
    for (let i = 1; i < times.length; i++) if (times[i] - times[i - 1] >= DAY_MS) gaps[gapCount++] = times[i] - times[i - 1];
    const median = quantileSorted(gaps.subarray(0, gapCount).sort(), 0.5);
    const lapse = LAPSE_FACTOR * (median ?? DEFAULT_INTERVAL_DAYS * DAY_MS);
    let start = times[0];
    for (let i = 1; i <= times.length; i++) {
      if (i < times.length && times[i] - times[i - 1] <= lapse) continue;
      const end = times[i - 1] + lapse;
      customer.push(shop.customerIndex[r]);
      startedAt.push(start);
      endedAt.push(end > shop.asOf ? Number.NaN : end);
      if (i < times.length) start = times[i];
    }
  }
  if (customer.length === 0) return null;
  return {
    subscriber: Int32Array.from(customer),
    customer: Int32Array.from(customer),
    startedAt: Float64Array.from(startedAt),
    endedAt: Float64Array.from(endedAt),
    // Amounts are unknown from orders: zero-amount daily placeholders, MRR left out of the result.
    billingIntervalUnit: new Uint8Array(customer.length),
    billingIntervalCount: new Int32Array(customer.length).fill(1),
    amountPerBilling: new Float64Array(customer.length),
  };
}

export function computeInferredSubscriptions(data: ShopDataset, shop: PreparedShop): InferredSubscriptionMetrics | null {
  const spans = inferSubscriptionSpans(data, shop);
  if (!spans) return null;
  const contractsLike = computeSubscriptions({ ...data, subscriptions: spans }, shop);
  if (!contractsLike) return null;
  const { mrr: _mrr, projectedSubscriberLtv: _projected, months, ...activity } = contractsLike;

  let subscriptionOrders = 0;
  let subscriptionNetRevenue = 0;
  let customerSubscriptionOrders = 0;
  const { subscription, customer, cancelled, test, processedAt } = data.orders;
  for (let i = 0; i < subscription.length; i++) {
    if (!subscription[i] || cancelled[i] || test[i] || !(processedAt[i] <= shop.asOf)) continue;
    subscriptionOrders++;
    subscriptionNetRevenue += shop.netByOrder[i];
    if (customer[i] >= 0) customerSubscriptionOrders++;
  }
  let subscribers = 0;
  let repeatSubscribers = 0;
  let previous = -1;
  for (let s = 0; s < spans.customer.length; s++) {
    const c = spans.customer[s];
    if (c === previous) continue; // a customer's spans are consecutive
    previous = c;
    subscribers++;
    if (shop.orderCount[shop.rowByCustomer[c]] >= 2) repeatSubscribers++;
  }
  return {
    subscriptionOrders,
    subscriptionNetRevenue,
    subscribers,
    repeatSubscribers,
    repeatRate: repeatSubscribers / subscribers,
    subscriptionOrdersPerSubscriber: customerSubscriptionOrders / subscribers,
    activity: { ...activity, months: months.map(({ mrr: _monthMrr, ...month }) => month) },
  };
}
