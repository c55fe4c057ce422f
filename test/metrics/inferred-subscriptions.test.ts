// Subscriptions inferred from orders on the tiny shop of inferred-subscription-shop.ts.
import { describe, expect, it } from "vitest";
import { computeInferredSubscriptions, inferSubscriptionSpans } from "../../app/metrics/inferred-subscriptions.ts";
import { prepareShop } from "../../app/metrics/prepare.ts";
import { at, INFERRED_SHOP_AS_OF as AS_OF, inferredSubscriptionShop, order } from "./inferred-subscription-shop.ts";
import { tinyShop } from "./tiny-shop.ts";

const shop = inferredSubscriptionShop();
const prepared = prepareShop(shop, AS_OF);

describe("subscriptions inferred from orders", () => {
  it("turns each run of subscription orders into a span that lapses 1.5 usual intervals after its last order", () => {
    const spans = inferSubscriptionSpans(shop, prepared)!;
    expect(Array.from(spans.customer)).toEqual([0, 1, 3, 3, 4]);
    expect(Array.from(spans.startedAt)).toEqual(["2024-01-01", "2024-05-20", "2024-01-10", "2024-06-20", "2024-06-25"].map((d) => Date.parse(at(d))));
    expect(Array.from(spans.endedAt)).toEqual([Date.parse(at("2024-04-15")), Number.NaN, Date.parse("2024-04-25T12:00:00Z"), Number.NaN, Number.NaN]);
    expect(Array.from(spans.amountPerBilling)).toEqual([0, 0, 0, 0, 0]);
  });

  it("reads movements, churn, lifetimes and LTV from the inferred spans, with no MRR", () => {
    const inferred = computeInferredSubscriptions(shop, prepared)!;
    expect(inferred).toMatchObject({
      subscriptionOrders: 10,
      subscriptionNetRevenue: 10_000,
      subscribers: 4,
      repeatSubscribers: 3,
      repeatRate: 0.75,
      subscriptionOrdersPerSubscriber: 9 / 4,
    });
    const { activity } = inferred;
    expect(activity.months.map((m) => [m.month, m.activeSubscribers, m.new, m.reactivated, m.churned])).toEqual([
      ["2024-01", 2, 2, 0, 0],
      ["2024-02", 2, 0, 0, 0],
      ["2024-03", 2, 0, 0, 0],
      ["2024-04", 0, 0, 0, 2],
      ["2024-05", 1, 1, 0, 0],
      ["2024-06", 3, 1, 1, 0],
    ]);
    expect(activity.months[0]).not.toHaveProperty("mrr");
    expect(activity).not.toHaveProperty("mrr");
    expect(activity.activeSubscribers).toBe(3);
    // Complete months Feb–May with a base: 0/2, 0/2, 2/2 (May has none) → mean 1/3.
    expect(activity.averageMonthlyChurnRate).toBeCloseTo(1 / 3, 12);
    expect(activity.expectedLifetimeMonths).toBeCloseTo(3, 12);
    // Active days: c0 105, c1 41, c3 106.5 + 10, c4 5 → 267.5 / 4 subscribers, in months of 365.25 / 12 days.
    expect(activity.averageObservedLifetimeMonths).toBeCloseTo(267.5 / 4 / (365.25 / 12), 12);
    // Subscribers' net revenue: 3,000 + 2,000 + 4,000 + 1,000 over 4.
    expect(activity.subscriberLtv).toBe(2500);
    // sBG on first spans: c0 and c3 churned after 3 whole months, c1 and c4 still active.
    expect(activity.sbg.all).toMatchObject({ subscribers: 4, churned: 2 });
  });

  it("is null for a shop without subscription orders", () => {
    const plain = tinyShop([order(0, "2024-01-01", false)]);
    expect(computeInferredSubscriptions(plain, prepareShop(plain, AS_OF))).toBeNull();
  });
});
