// The Subscriptions page's view: subscribers, MRR and its movements, churn, lifetime, sBG projection.
import type { ViewInput } from "./view-input";

export function buildSubscriptionsView({ analysis }: ViewInput) {
  return { subscriptions: analysis.subscriptions };
}
