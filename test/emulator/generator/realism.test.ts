import { TZDate } from "@date-fns/tz";
import { describe, expect, it } from "vitest";
import { orderTotals } from "../store/shop-store";
import type { Channel } from "../store/types";
import { CHANNELS, generateShop, netRevenueByCustomer, topShare } from "./index";
import { REALISTIC_ORDERS, countWhere, realisticOrders, realisticShop, share } from "./test-shops";

const shop = realisticShop();
const orders = realisticOrders();
const a = shop.truth.aggregates;

describe("generated shop realism (bounds documented in docs/emulator-shop.md)", () => {
  it("lets the top 20% of customers carry most of the revenue", () => {
    expect(topShare(netRevenueByCustomer(orders).values(), 0.2)).toBeGreaterThan(0.55);
  });

  it("has heavy-tailed order values and frequencies", () => {
    const values = Float64Array.from(orders.filter((o) => o.sourceName !== "subscription_contract"), (o) => orderTotals(o).totalPrice).sort();
    const quantile = (q: number) => values[Math.floor(q * (values.length - 1))];
    expect(quantile(0.99) / quantile(0.5)).toBeGreaterThan(3);
    const counts = [...shop.customers()].map((c) => shop.truth.customer(c.id)!.orderCount);
    expect(share(countWhere(counts, (n) => n === 1), counts.length)).toBeGreaterThan(0.4);
    expect(Math.max(...counts)).toBeGreaterThan(30);
  });

  it("mixes channels as configured and their customers repeat differently", () => {
    for (const { channel, share: expected } of CHANNELS) expect(Math.abs(share(a.customersByChannel[channel], a.customers) - expected)).toBeLessThan(0.02);
    const rate = a.repeatRateByChannel;
    expect(rate.line).toBeGreaterThan(rate.instagram + 0.05);
    expect(rate.instagram).toBeGreaterThan(rate.tiktok + 0.1);
    expect(rate.direct).toBeGreaterThan(rate.influencer + 0.05);
    const lowest = (Object.keys(rate) as Channel[]).reduce((low, c) => (rate[c] < rate[low] ? c : low));
    expect(lowest).toBe("tiktok");
  });

  it("makes the first product matter: consumables bring customers back, gifts and impulse buys do not", () => {
    const repeatRate = (handles: string[]) => {
      const group = [...shop.customers()].map((c) => shop.truth.customer(c.id)!).filter((t) => handles.includes(t.firstProductHandle));
      return share(countWhere(group, (t) => t.orderCount > 1), group.length);
    };
    expect(repeatRate(["aojiru-30", "lactobacillus-30", "all-in-one-gel"])).toBeGreaterThan(repeatRate(["lip-tint", "facial-roller", "gift-set"]) + 0.15);
  });

  it("keeps each kind of order within its documented share", () => {
    const n = REALISTIC_ORDERS;
    expect(a.ordersByKind.guest).toBe(n * 0.05);
    expect(a.ordersByKind.test).toBe(n * 0.005);
    expect(share(a.ordersBySource.pos, n)).toBeGreaterThan(0.02);
    expect(share(a.ordersBySource.pos, n)).toBeLessThan(0.05);
    expect(share(a.ordersBySource.shopify_draft_order, n)).toBeGreaterThan(0.005);
    expect(share(a.ordersBySource.shopify_draft_order, n)).toBeLessThan(0.02);
    expect(share(a.ordersBySource.subscription_contract, n)).toBeGreaterThan(0.1);
    expect(share(a.refundedOrders, n)).toBeGreaterThan(0.03);
    expect(share(a.refundedOrders, n)).toBeLessThan(0.05);
    expect(share(a.lateRefundedOrders, a.refundedOrders)).toBeGreaterThan(0.25);
    expect(share(a.cancelledOrders, n)).toBeGreaterThan(0.01);
    expect(share(a.cancelledOrders, n)).toBeLessThan(0.02);
    expect(share(a.crossBorderWebOrders, a.webOrders)).toBeGreaterThan(0.05);
    expect(share(a.crossBorderWebOrders, a.webOrders)).toBeLessThan(0.1);
    expect(share(a.subscribers, a.customers)).toBeGreaterThan(0.15);
    expect(share(a.subscribers, a.customers)).toBeLessThan(0.25);
    const web = orders.filter((o) => o.sourceName === "web" && !o.test);
    expect(share(countWhere(web, (o) => o.journey !== null), web.length)).toBeGreaterThan(0.65);
    expect(share(countWhere(web, (o) => o.journey !== null), web.length)).toBeLessThan(0.85);
    expect(share(countWhere(orders, (o) => o.discountCodes.length > 0), n)).toBeGreaterThan(0.05);
    // The aggregates agree with the materialised orders.
    expect(countWhere(orders, (o) => o.cancelledAt !== null)).toBe(a.cancelledOrders);
    expect(countWhere(orders, (o) => o.cancelledAt === null && o.refunds.length > 0)).toBe(a.refundedOrders);
    expect(countWhere(orders, (o) => o.sourceName === "pos")).toBe(a.ordersBySource.pos);
  });

  it("grows: more customers arrive in the last year than in the first", () => {
    const { start, end } = shop.truth.window;
    const year = 365 * 86_400_000;
    const created = [...shop.customers()].map((c) => c.createdAt);
    expect(countWhere(created, (t) => t >= end - year)).toBeGreaterThan(1.8 * countWhere(created, (t) => t < start + year));
  });
});

describe("generated shop time zone", () => {
  const hourHistogram = (list: typeof orders, timezone: string) => {
    const hours = new Array<number>(24).fill(0);
    for (const order of list) hours[new TZDate(order.processedAt, timezone).getHours()]++;
    return hours.map((h) => h / Math.max(1, list.length));
  };
  const sum = (values: number[], from: number, to: number) => values.slice(from, to).reduce((s, v) => s + v, 0);

  it("places online orders in Tokyo daytime and evening, renewals at 9–11h, POS in opening hours", () => {
    const web = hourHistogram(orders.filter((o) => o.sourceName === "web"), "Asia/Tokyo");
    expect(sum(web, 2, 6)).toBeLessThan(0.06);
    expect(sum(web, 20, 24)).toBeGreaterThan(0.25);
    expect(sum(hourHistogram(orders.filter((o) => o.sourceName === "subscription_contract"), "Asia/Tokyo"), 9, 11)).toBe(1);
    expect(sum(hourHistogram(orders.filter((o) => o.sourceName === "pos"), "Asia/Tokyo"), 11, 20)).toBe(1);
  });

  it("follows the configured zone's wall clock through DST changes", () => {
    const newYork = generateOther({ timezone: "America/New_York" });
    const list = [...newYork.orders()];
    expect(sum(hourHistogram(list.filter((o) => o.sourceName === "subscription_contract"), "America/New_York"), 9, 11)).toBe(1);
    expect(sum(hourHistogram(list.filter((o) => o.sourceName === "web"), "America/New_York"), 2, 6)).toBeLessThan(0.06);
    expect(new TZDate(newYork.truth.window.end, "America/New_York").getHours()).toBe(0);
  });

  it("counts cohort months in the shop's zone: 42 months of arrivals", () => {
    const months = new Set([...shop.customers()].map((c) => {
      const local = new TZDate(c.createdAt, "Asia/Tokyo");
      return local.getFullYear() * 12 + local.getMonth();
    }));
    expect(months.size).toBe(42);
  });
});

describe("generated shop currency", () => {
  it("prices a USD shop in cents and presents abroad in TWD/HKD/JPY", () => {
    const usd = generateOther({ currency: "USD" });
    const list = [...usd.orders()];
    expect(list.every((o) => o.currencyCode === "USD")).toBe(true);
    const lotion = list.flatMap((o) => o.lineItems).find((l) => l.sku === "TZK-002" && l.sellingPlan === null);
    expect(lotion?.unitPrice).toBe(2650); // ¥3,980 / 150 = $26.53 → $26.50
    expect(new Set(list.map((o) => o.presentmentCurrencyCode))).toEqual(new Set(["USD", "TWD", "HKD", "JPY"]));
  });

  it("uses three decimals for KWD", () => {
    const kwd = generateOther({ currency: "KWD" });
    const lotion = [...kwd.orders()].flatMap((o) => o.lineItems).find((l) => l.sku === "TZK-002" && l.sellingPlan === null);
    expect(lotion?.unitPrice).toBe(8120); // ¥3,980 / 490 = 8.122 KWD → 8.120 in fils
  });
});

function generateOther(options: { currency?: string; timezone?: string }) {
  return generateShop({ seed: 21, orders: 8_000, ...options });
}
