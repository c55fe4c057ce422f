// The Subscriptions view: own contracts when Tsuzuku can read them, else figures inferred from
// subscription orders (no MRR), nothing at all for a shop without subscriptions; the trend capped.
import { describe, expect, it } from "vitest";
import { buildSubscriptionsView, SUBSCRIPTION_MONTHS_SHOWN } from "../../../app/snapshots/views/subscriptions";
import { INFERRED_SHOP_AS_OF, inferredSubscriptionShop, order } from "../../metrics/inferred-subscription-shop";
import { tinyShop } from "../../metrics/tiny-shop";
import { viewInputFor } from "./view-input";

describe("subscriptions view", () => {
  it("infers from orders when there are no contracts, with MRR not available", () => {
    const view = buildSubscriptionsView(viewInputFor(inferredSubscriptionShop(), INFERRED_SHOP_AS_OF));
    expect(view.ownContracts).toBe(false);
    expect(view.activity).toMatchObject({
      source: "inferred",
      subscribers: 4,
      activeSubscribers: 3,
      mrr: null,
      projectedSubscriberLtv: null,
      subscriberLtv: 2500,
      monthsShown: 6,
      monthsTotal: 6,
    });
    expect(view.activity!.averageMonthlyChurnRate).toBeCloseTo(1 / 3, 12);
    expect(view.activity!.months.map((m) => [m.month, m.activeSubscribers, m.mrr, m.churned])).toEqual([
      ["2024-01", 2, null, 0],
      ["2024-02", 2, null, 0],
      ["2024-03", 2, null, 0],
      ["2024-04", 0, null, 2],
      ["2024-05", 1, null, 0],
      ["2024-06", 3, null, 0],
    ]);
    expect(view.activity!.survival).toMatchObject({ subscribers: 4, churned: 2 });
    expect(view.activity!.survival!.projected).toHaveLength(13);
    expect(view.activity!.survival!.projected[0]).toBe(1);
    expect(view.orders).toEqual({
      subscriptionOrders: 10,
      subscriptionNetRevenue: 10_000,
      subscribers: 4,
      repeatSubscribers: 3,
      repeatRate: 0.75,
      subscriptionOrdersPerSubscriber: 2.25,
    });
  });

  it("uses own contracts when there are any: MRR in whole minor units, the latest 24 months", () => {
    const shop = tinyShop([order(0, "2022-01-05"), order(1, "2022-01-06", false)], { currency: "JPY", timeZone: "Asia/Tokyo" });
    // Customer 0 pays 1,000 every 3 months from 2022-01-05, still active 30 months later.
    shop.subscriptions = {
      subscriber: Int32Array.from([0]),
      customer: Int32Array.from([0]),
      startedAt: Float64Array.from([Date.parse("2022-01-05T00:00:00Z")]),
      endedAt: Float64Array.from([Number.NaN]),
      billingIntervalUnit: Uint8Array.from([2]),
      billingIntervalCount: Int32Array.from([3]),
      amountPerBilling: Float64Array.from([1000]),
    };
    const view = buildSubscriptionsView(viewInputFor(shop, Date.parse("2024-06-15T00:00:00Z")));
    expect(view.ownContracts).toBe(true);
    expect(view.activity).toMatchObject({ source: "own", subscribers: 1, activeSubscribers: 1, mrr: 333, monthsShown: 24, monthsTotal: 30 });
    expect(view.activity!.months).toHaveLength(SUBSCRIPTION_MONTHS_SHOWN);
    expect(view.activity!.months[0].month).toBe("2022-07");
    expect(view.activity!.months.at(-1)).toMatchObject({ month: "2024-06", activeSubscribers: 1, mrr: 333 });
    // Nobody churned: no sBG fit, no churn-based lifetime.
    expect(view.activity!.survival).toBeNull();
    expect(view.activity!.expectedLifetimeMonths).toBeNull();
    // The order-based figures are still there, labelled as inferred on the page.
    expect(view.orders).toMatchObject({ subscriptionOrders: 1, subscribers: 1 });
  });

  it("has nothing to show for a shop without subscriptions", () => {
    const shop = tinyShop([order(0, "2024-01-01", false), order(0, "2024-02-01", false)]);
    expect(buildSubscriptionsView(viewInputFor(shop, INFERRED_SHOP_AS_OF))).toEqual({ ownContracts: false, activity: null, orders: null });
  });
});
