// Subscriptions inferred from orders on a tiny shop with no contracts (UTC, as of 2024-06-30, 2024 is a
// leap year). Every order is 1,000.
//  c0: subscription orders Jan 1, Jan 31, Mar 1 (gaps 30, 30 → lapse 45 d): one span, ends Apr 15.
//  c1: subscription order May 20 (no gap → 30 d × 1.5 = 45 d), a one-time order Jun 10: open span.
//  c2: one-time orders only: not a subscriber.
//  c3: subscription orders Jan 10, Feb 10, Mar 10, Jun 20 (gaps 31, 29, 102 → median 31, lapse 46.5 d):
//      a span to Apr 25 12:00 and a reactivation on Jun 20 (open).
//  c4: one subscription order Jun 25: open span.
//  plus a guest subscription order and a cancelled one of c1.
import { describe, expect, it } from "vitest";
import { computeInferredSubscriptions, inferSubscriptionSpans } from "../../app/metrics/inferred-subscriptions.ts";
import { prepareShop } from "../../app/metrics/prepare.ts";
import { tinyShop, type TinyOrder } from "./tiny-shop.ts";

const AS_OF = Date.parse("2024-06-30T00:00:00Z");
const at = (date: string) => `${date}T00:00:00Z`;
const order = (customer: number | null, date: string, subscription = true, extra: Partial<TinyOrder> = {}): TinyOrder => ({ customer, at: at(date), amount: 1000, subscription, ...extra });

const shop = tinyShop([
  order(0, "2024-01-01"), order(0, "2024-01-31"), order(0, "2024-03-01"),
  order(1, "2024-05-20"), order(1, "2024-06-10", false), order(1, "2024-06-12", true, { cancelled: true }),
  order(2, "2024-02-01", false), order(2, "2024-03-01", false),
  order(3, "2024-01-10"), order(3, "2024-02-10"), order(3, "2024-03-10"), order(3, "2024-06-20"),
  order(4, "2024-06-25"),
  order(null, "2024-02-15"),
]);
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
