// Which orders are subscription orders, for shops whose subscriptions Tsuzuku cannot read.
//
// read_own_subscription_contracts shows only contracts this app owns, and most shops bill through
// another subscription app (Shopify Subscriptions, Recharge, Bold, Appstle, Seal, Loop, and in Japan
// 定期購買 apps). Their orders still say what they are: a line sold on a selling plan, the
// `subscription_contract` source of renewals Shopify creates, or the tags those apps write. Each signal
// is named, so every subscription figure can say where it comes from.
export type SubscriptionSignal = "selling_plan" | "renewal_source" | "recurring_tag" | "first_subscription_tag";

export interface OrderSubscriptionFacts {
  hasSubscriptionLine: boolean;
  sourceName: string | null;
  /** Tags as stored: a JSON array of strings. */
  tags: string;
}

// Tags written by widely used subscription apps on renewal and first orders (lower-cased).
const RECURRING_TAGS = new Set([
  "subscription recurring order", // Recharge
  "recurring order",
  "subscription_recurring_order",
  "appstle_subscription_recurring_order", // Appstle
  "seal subscriptions recurring order", // Seal
  "loop_subscription_recurring", // Loop
  "定期購買", // Japanese subscription apps (定期購買 = recurring purchase)
  "定期便",
  "定期購入",
]);
const FIRST_ORDER_TAGS = new Set([
  "subscription first order", // Recharge
  "subscription_first_order",
  "appstle_subscription_first_order",
  "seal subscriptions first order",
  "loop_subscription_first",
  "定期購買初回",
  "定期初回",
]);

/** The strongest signal that the order belongs to a subscription, or null for a one-time order. */
export function subscriptionSignal(order: OrderSubscriptionFacts): SubscriptionSignal | null {
  if (order.sourceName === "subscription_contract") return "renewal_source";
  if (order.hasSubscriptionLine) return "selling_plan";
  const tags = parseTags(order.tags);
  if (tags.some((tag) => RECURRING_TAGS.has(tag))) return "recurring_tag";
  if (tags.some((tag) => FIRST_ORDER_TAGS.has(tag))) return "first_subscription_tag";
  return null;
}

/** A renewal (a second or later subscription charge), as opposed to the order that started it. */
export function isRenewal(signal: SubscriptionSignal | null): boolean {
  return signal === "renewal_source" || signal === "recurring_tag";
}

function parseTags(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((tag): tag is string => typeof tag === "string").map((tag) => tag.trim().toLowerCase()) : [];
  } catch {
    return [];
  }
}
