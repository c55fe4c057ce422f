import { describe, expect, it } from "vitest";
import { isRenewal, subscriptionSignal } from "../../app/sync/orders/subscription-signals";

const order = (over: Partial<{ hasSubscriptionLine: boolean; sourceName: string | null; tags: string[] }> = {}) => ({
  hasSubscriptionLine: over.hasSubscriptionLine ?? false,
  sourceName: over.sourceName ?? "web",
  tags: JSON.stringify(over.tags ?? []),
});

describe("subscription signals of an order", () => {
  it("a one-time web order has none", () => {
    expect(subscriptionSignal(order({ tags: ["vip", "ギフト"] }))).toBeNull();
  });

  it("Shopify's renewal source wins over everything else, and is a renewal", () => {
    const signal = subscriptionSignal(order({ sourceName: "subscription_contract", hasSubscriptionLine: true }));
    expect(signal).toBe("renewal_source");
    expect(isRenewal(signal)).toBe(true);
  });

  it("a selling-plan line marks a subscription order (first or renewal unknown)", () => {
    expect(subscriptionSignal(order({ hasSubscriptionLine: true }))).toBe("selling_plan");
    expect(isRenewal("selling_plan")).toBe(false);
  });

  it("other apps' tags: recurring and first orders, case and spacing ignored, Japanese tags too", () => {
    expect(subscriptionSignal(order({ tags: ["Subscription Recurring Order"] }))).toBe("recurring_tag");
    expect(subscriptionSignal(order({ tags: [" 定期購買 "] }))).toBe("recurring_tag");
    expect(subscriptionSignal(order({ tags: ["Subscription First Order"] }))).toBe("first_subscription_tag");
  });

  it("unreadable stored tags count as none instead of failing", () => {
    expect(subscriptionSignal({ hasSubscriptionLine: false, sourceName: "web", tags: "not json" })).toBeNull();
  });
});
