import { describe, expect, it } from "vitest";
import { orderTotals } from "../store/shop-store";
import type { Channel } from "../store/types";
import { CATALOGUE, ID_BASE } from "./index";
import { problemsOf, realisticOrders, realisticShop } from "./test-shops";

const shop = realisticShop();
const orders = realisticOrders();
const { start, end } = shop.truth.window;
const taxRateOfProduct = (productId: number) => (CATALOGUE[productId - ID_BASE.product].category === "food" ? 0.08 : 0.1);

describe("generated orders: money", () => {
  it("lines, discounts, shipping and tax add up", () => {
    const problems = problemsOf(orders, (order, problem) => {
      if (order.lineItems.length === 0) problem(`${order.name}: no lines`);
      for (const line of order.lineItems) {
        if (line.quantity < 1) problem(`${order.name}: line ${line.id} quantity ${line.quantity}`);
        if (!Number.isInteger(line.unitPrice) || line.unitPrice <= 0) problem(`${order.name}: line ${line.id} unit price ${line.unitPrice}`);
        if (!Number.isInteger(line.discount) || line.discount < 0 || line.discount > line.unitPrice * line.quantity) problem(`${order.name}: line ${line.id} discount ${line.discount}`);
      }
      const totals = orderTotals(order);
      if (totals.totalPrice !== totals.subtotal + order.shippingPrice + order.taxTotal) problem(`${order.name}: total ${totals.totalPrice}`);
      if (order.shippingPrice !== 0 && order.shippingPrice !== 600) problem(`${order.name}: shipping ${order.shippingPrice}`);
      const maxTax = order.presentmentCurrencyCode !== order.currencyCode ? 0 : Math.round((totals.subtotal + order.shippingPrice) * 0.1) + 1;
      if (order.taxTotal < 0 || order.taxTotal > maxTax) problem(`${order.name}: tax ${order.taxTotal} above ${maxTax}`);
      if (order.discountCodes.length > 0 !== totals.totalDiscounts > 0) problem(`${order.name}: codes ${order.discountCodes} vs discounts ${totals.totalDiscounts}`);
    });
    expect(problems).toEqual([]);
  });

  it("refunds never exceed the order, and quantities follow the refunds", () => {
    const problems = problemsOf(orders, (order, problem) => {
      const { totalPrice, totalRefunded } = orderTotals(order);
      if (totalRefunded > totalPrice) problem(`${order.name}: refunded ${totalRefunded} > ${totalPrice}`);
      const refundedUnits = new Map<number, number>();
      let previous = order.processedAt;
      for (const refund of order.refunds) {
        if (refund.createdAt < previous || refund.createdAt >= end) problem(`${order.name}: refund ${refund.id} at ${refund.createdAt}`);
        if (refund.total < 0) problem(`${order.name}: refund ${refund.id} total ${refund.total}`);
        previous = refund.createdAt;
        for (const line of refund.lines) refundedUnits.set(line.lineItemId, (refundedUnits.get(line.lineItemId) ?? 0) + line.quantity);
      }
      for (const line of order.lineItems) {
        if (line.currentQuantity !== line.quantity - (refundedUnits.get(line.id) ?? 0)) problem(`${order.name}: line ${line.id} current quantity ${line.currentQuantity}`);
      }
      // A refund that leaves units behind returns exactly its lines and their consumption tax.
      const unitsLeft = order.lineItems.reduce((n, line) => n + line.currentQuantity, 0);
      for (const refund of unitsLeft > 0 ? order.refunds : []) {
        const exempt = order.presentmentCurrencyCode !== order.currencyCode;
        const expected = refund.lines.reduce((sum, refundLine) => {
          const line = order.lineItems.find((l) => l.id === refundLine.lineItemId)!;
          return sum + refundLine.subtotal + (exempt ? 0 : Math.round(refundLine.subtotal * taxRateOfProduct(line.productId)));
        }, 0);
        if (refund.total !== expected) problem(`${order.name}: partial refund ${refund.id} total ${refund.total}, expected ${expected}`);
      }
      const expected = order.refunds.length === 0 ? ["PAID", "PENDING"]
        : order.cancelledAt !== null ? ["VOIDED", "REFUNDED"]
        : totalRefunded === totalPrice ? ["REFUNDED"] : ["PARTIALLY_REFUNDED"];
      if (!expected.includes(order.financialStatus)) problem(`${order.name}: ${order.financialStatus}, expected ${expected}`);
    });
    expect(problems).toEqual([]);
  });

  it("cancelled orders are closed, unfulfilled and restocked; voided ones refund nothing", () => {
    const cancelled = orders.filter((o) => o.cancelledAt !== null);
    expect(cancelled.length).toBeGreaterThan(0);
    for (const order of orders) {
      if (order.cancelledAt === null) {
        expect(order.cancelReason).toBeNull();
        continue;
      }
      expect(order.cancelledAt).toBeGreaterThan(order.processedAt);
      expect(order.cancelReason).not.toBeNull();
      expect(order.closedAt).toBe(order.cancelledAt);
      expect(order.fulfillmentStatus).toBe("UNFULFILLED");
      expect(order.lineItems.every((l) => l.currentQuantity === 0)).toBe(true);
      expect(order.refunds).toHaveLength(1);
      expect(order.refunds[0].total).toBe(order.financialStatus === "VOIDED" ? 0 : orderTotals(order).totalPrice);
      expect(order.sourceName).not.toBe("subscription_contract"); // only one-time and guest orders get cancelled
      expect(order.tags).toEqual([]);
    }
  });
});

describe("generated orders: who, where and when", () => {
  it("guest and test orders have no customer; test orders are flagged", () => {
    const { ordersByKind } = shop.truth.aggregates;
    const anonymous = orders.filter((o) => o.customerId === null);
    expect(anonymous.length).toBe(ordersByKind.guest + ordersByKind.test);
    expect(orders.filter((o) => o.test).every((o) => o.customerId === null && o.journey === null)).toBe(true);
    expect(anonymous.filter((o) => !o.test).every((o) => o.sourceName === "web" || o.sourceName === "pos")).toBe(true);
  });

  it("every event lies inside the window and updatedAt is the latest of them", () => {
    const problems = problemsOf(orders, (order, problem) => {
      if (order.processedAt < start || order.processedAt >= end) problem(`${order.name}: processed at ${order.processedAt}`);
      if (order.createdAt !== order.processedAt) problem(`${order.name}: created at ${order.createdAt}`);
      const events = [order.processedAt, order.cancelledAt, order.closedAt, ...order.refunds.map((r) => r.createdAt)];
      for (const at of events) if (at !== null && (at >= end || at > order.updatedAt)) problem(`${order.name}: event at ${at}, updated at ${order.updatedAt}`);
      if (order.updatedAt >= end) problem(`${order.name}: updated at ${order.updatedAt}`);
      if (shop.orderUpdatedAt(order.id) !== order.updatedAt) problem(`${order.name}: orderUpdatedAt ${shop.orderUpdatedAt(order.id)}`);
      if (order.financialStatus === "PENDING" && order.closedAt !== null) problem(`${order.name}: closed while pending`);
    });
    expect(problems).toEqual([]);
  });

  it("presents cross-border web orders in USD/TWD/HKD at a plausible rate, everything else in JPY", () => {
    for (const order of orders) {
      expect(order.currencyCode).toBe("JPY");
      if (order.presentmentCurrencyCode === "JPY") {
        expect(order.presentmentRate).toBe(1);
        continue;
      }
      expect(order.sourceName).toBe("web");
      const reference = { USD: 1 / 150, TWD: 1 / 4.7, HKD: 1 / 19.2 }[order.presentmentCurrencyCode];
      expect(reference).toBeDefined();
      expect(Math.abs(order.presentmentRate / reference! - 1)).toBeLessThanOrEqual(0.051);
    }
  });

  it("numbers each customer's orders 1, 2, 3… and puts journeys only on web orders", () => {
    const seen = new Map<number, number>();
    for (const order of orders) {
      if (order.sourceName !== "web" || order.test) expect(order.journey).toBeNull();
      if (order.customerId === null) continue;
      const index = (seen.get(order.customerId) ?? 0) + 1;
      seen.set(order.customerId, index);
      if (order.journey) expect(order.journey.customerOrderIndex).toBe(index);
    }
    for (const [customerId, count] of seen) expect(shop.truth.customer(customerId)?.orderCount).toBe(count);
  });

  it("gives a customer's first order a first visit that matches their acquisition channel", () => {
    const sources: Record<Channel, string[]> = {
      instagram: ["instagram"], x: ["x"], facebook: ["facebook"], line: ["line"], tiktok: ["tiktok"], youtube: ["youtube"],
      influencer: ["instagram", "youtube", "tiktok"], search: ["google", "yahoo"], direct: ["direct"],
    };
    let checked = 0;
    for (const order of orders) {
      if (order.customerId === null || order.journey?.customerOrderIndex !== 1) continue;
      const truth = shop.truth.customer(order.customerId)!;
      const visit = order.journey.firstVisit!;
      expect(sources[truth.channel]).toContain(visit.source);
      if (truth.channel === "influencer") expect(visit.utm?.campaign).toBe(truth.influencerCode!.toLowerCase());
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("uses discount codes where the process puts them", () => {
    const campaign = /^(NEWYEAR|SUMMER|BF|HOLIDAY)\d{4}$/;
    for (const order of orders) {
      for (const code of order.discountCodes) {
        const truth = order.customerId === null ? null : shop.truth.customer(order.customerId)!;
        if (code === "WELCOME10" || code === "LINE500") expect(order.journey?.customerOrderIndex ?? 1).toBe(1);
        if (code === "LINE500") expect(truth?.channel).toBe("line");
        if (!campaign.test(code) && code !== "WELCOME10" && code !== "LINE500") expect(code).toBe(truth?.influencerCode);
      }
    }
  });
});

describe("generated customers", () => {
  it("were created by their first order and updated by their last activity", () => {
    const firstOrderAt = new Map<number, number>();
    const lastOrderAt = new Map<number, number>();
    for (const order of orders) {
      if (order.customerId === null) continue;
      if (!firstOrderAt.has(order.customerId)) firstOrderAt.set(order.customerId, order.processedAt);
      lastOrderAt.set(order.customerId, order.processedAt);
    }
    for (const customer of shop.customers()) {
      expect(customer.createdAt).toBe(firstOrderAt.get(customer.id));
      expect(customer.updatedAt).toBeGreaterThanOrEqual(lastOrderAt.get(customer.id)!);
      const truth = shop.truth.customer(customer.id)!;
      expect(customer.truth.channel).toBe(truth.channel);
      expect(customer.truth.segment).toBe(truth.subscriber ? "subscriber" : truth.orderCount > 1 ? "repeat" : "one-time");
    }
  });
});
