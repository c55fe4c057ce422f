// The Subscriptions page's view: subscribers, MRR and its movements, churn, lifetimes, subscriber LTV and
// the sBG projection — from the contracts Tsuzuku can read ("own") or, for shops whose subscriptions run
// on another app, inferred from subscription orders ("inferred"), where MRR cannot be known.
import { computeInferredSubscriptions, type InferredActivity } from "../../metrics/inferred-subscriptions";
import type { SubscriptionMetrics } from "../../metrics/subscriptions";
import { preparedShopOf } from "./prepared-shop";
import type { ViewInput } from "./view-input";

/** The months the trend charts and table show (the latest ones). */
export const SUBSCRIPTION_MONTHS_SHOWN = 24;

export type SubscriptionSource = "own" | "inferred";

export interface SubscriptionMonthView {
  month: string;
  activeSubscribers: number;
  /** Null when inferred from orders (amounts per billing are unknown). */
  mrr: number | null;
  new: number;
  reactivated: number;
  churned: number;
  churnRate: number | null;
}

export interface SubscriptionActivityView {
  source: SubscriptionSource;
  subscribers: number;
  activeSubscribers: number;
  mrr: number | null;
  averageMonthlyChurnRate: number | null;
  expectedLifetimeMonths: number | null;
  averageObservedLifetimeMonths: number | null;
  subscriberLtv: number | null;
  projectedSubscriberLtv: number | null;
  /** The latest SUBSCRIPTION_MONTHS_SHOWN months, oldest first; monthsTotal counts them all. */
  months: SubscriptionMonthView[];
  monthsShown: number;
  monthsTotal: number;
  /** sBG on all subscribers: share still subscribed after 0..12 months; null when it could not be fitted. */
  survival: { subscribers: number; churned: number; alpha: number; beta: number; projected: number[] } | null;
}

export interface SubscriptionOrdersView {
  subscriptionOrders: number;
  subscriptionNetRevenue: number;
  subscribers: number;
  repeatSubscribers: number;
  repeatRate: number | null;
  subscriptionOrdersPerSubscriber: number | null;
}

export interface SubscriptionsView {
  /** Contracts Tsuzuku can read exist (read_own_subscription_contracts). */
  ownContracts: boolean;
  /** Activity from own contracts when there are any, else inferred from orders; null without either. */
  activity: SubscriptionActivityView | null;
  /** Figures from subscription orders (always inferred); null without subscription orders. */
  orders: SubscriptionOrdersView | null;
}

export function buildSubscriptionsView(input: ViewInput): SubscriptionsView {
  const own = input.analysis.subscriptions;
  const inferred = computeInferredSubscriptions(input.dataset, preparedShopOf(input));
  const activity = own ? activityView("own", own) : inferred ? activityView("inferred", inferred.activity) : null;
  return {
    ownContracts: own !== null,
    activity,
    orders: inferred && {
      subscriptionOrders: inferred.subscriptionOrders,
      subscriptionNetRevenue: inferred.subscriptionNetRevenue,
      subscribers: inferred.subscribers,
      repeatSubscribers: inferred.repeatSubscribers,
      repeatRate: inferred.repeatRate,
      subscriptionOrdersPerSubscriber: inferred.subscriptionOrdersPerSubscriber,
    },
  };
}

function activityView(source: SubscriptionSource, metrics: SubscriptionMetrics | InferredActivity): SubscriptionActivityView {
  const money = (value: number | null) => (value === null ? null : Math.round(value));
  const mrrOf = (row: object) => ("mrr" in row && typeof row.mrr === "number" ? Math.round(row.mrr) : null);
  const { all } = metrics.sbg;
  const months = metrics.months.slice(-SUBSCRIPTION_MONTHS_SHOWN);
  return {
    source,
    subscribers: metrics.subscribers,
    activeSubscribers: metrics.activeSubscribers,
    mrr: mrrOf(metrics),
    averageMonthlyChurnRate: metrics.averageMonthlyChurnRate,
    expectedLifetimeMonths: metrics.expectedLifetimeMonths,
    averageObservedLifetimeMonths: metrics.averageObservedLifetimeMonths,
    subscriberLtv: money(metrics.subscriberLtv),
    projectedSubscriberLtv: "projectedSubscriberLtv" in metrics ? money(metrics.projectedSubscriberLtv) : null,
    months: months.map((row) => ({
      month: row.month,
      activeSubscribers: row.activeSubscribers,
      mrr: mrrOf(row),
      new: row.new,
      reactivated: row.reactivated,
      churned: row.churned,
      churnRate: row.churnRate,
    })),
    monthsShown: months.length,
    monthsTotal: metrics.months.length,
    survival: all.params && all.projectedSurvival
      ? { subscribers: all.subscribers, churned: all.churned, alpha: all.params.alpha, beta: all.params.beta, projected: all.projectedSurvival }
      : null,
  };
}
