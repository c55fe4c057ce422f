// The money of a materialised order: discount allocation, shipping, consumption tax and refunds,
// all in shop-currency minor units. Totals go through the store's orderTotals/lineNetAmount so the
// generator and the emulator agree on every sum.
import { lineNetAmount, orderTotals } from "../store/shop-store";
import type { EmLineItem, EmOrder, EmRefund } from "../store/types";
import { CATALOGUE, taxRateOf } from "./catalogue";
import type { DiscountChoice } from "./discounts";
import { ID_BASE, refundId, refundLineId } from "./ids";
import type { OrderEvents } from "./order-events";
import type { ShopPricing } from "./pricing";

const productOf = (line: EmLineItem) => CATALOGUE[line.productId - ID_BASE.product];

/** Spreads a code over the lines it applies to (selling-plan lines already carry their discount). */
export function allocateDiscount(lines: EmLineItem[], choice: DiscountChoice, pricing: ShopPricing): boolean {
  const eligible = lines.filter((line) => line.sellingPlan === null);
  const gross = eligible.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
  if (gross === 0) return false;
  if (choice.percentOff > 0) {
    for (const line of eligible) line.discount = Math.round((line.unitPrice * line.quantity * choice.percentOff) / 100);
    return true;
  }
  const amount = Math.min(gross, pricing.fromJpy(choice.fixedJpy));
  let left = amount;
  eligible.forEach((line, i) => {
    const share = i === eligible.length - 1 ? left : Math.floor((amount * line.unitPrice * line.quantity) / gross);
    line.discount = share;
    left -= share;
  });
  return true;
}

export function shippingFor(lines: EmLineItem[], charged: boolean, pricing: ShopPricing): number {
  if (!charged) return 0;
  const net = lines.reduce((sum, line) => sum + line.unitPrice * line.quantity - line.discount, 0);
  return net >= pricing.freeShippingFrom ? 0 : pricing.shippingFee;
}

/** Japanese consumption tax, rounded once per rate: 8% on food, 10% on everything else and shipping. */
export function taxFor(lines: EmLineItem[], shipping: number, exempt: boolean): number {
  if (exempt) return 0;
  let standard = shipping;
  let reduced = 0;
  for (const line of lines) {
    const net = line.unitPrice * line.quantity - line.discount;
    if (taxRateOf(productOf(line)) === 0.08) reduced += net;
    else standard += net;
  }
  return Math.round(standard * 0.1) + Math.round(reduced * 0.08);
}

/**
 * Refunds from the order's events. A cancellation restocks every line (refunding the whole order,
 * or nothing when the payment was voided); a partial refund returns some units of one line with
 * their tax; a full or second refund returns everything left, shipping included. Mutates the lines'
 * currentQuantity.
 */
export function buildRefunds(order: EmOrder, events: OrderEvents, taxExempt: boolean): EmRefund[] {
  if (events.cancelledAt === null && events.refundsAt.length === 0) return []; // 95% of orders: skip the set-up
  const totalPrice = orderTotals(order).totalPrice;
  const refunds: EmRefund[] = [];
  let refunded = 0;
  let refundLines = 0;
  const refundRest = (at: number, note: string, total: number) => {
    const lines = order.lineItems.filter((line) => line.currentQuantity > 0).map((line) => {
      const quantity = line.currentQuantity;
      line.currentQuantity = 0;
      return { id: refundLineId(order.id, refundLines++), lineItemId: line.id, quantity, subtotal: lineNetAmount(line, quantity) };
    });
    refunds.push({ id: refundId(order.id, refunds.length), createdAt: at, note, lines, total });
    refunded += total;
  };
  if (events.cancelledAt !== null) {
    refundRest(events.cancelledAt, "キャンセル", events.voided ? 0 : totalPrice);
    return refunds;
  }
  const rng = events.rng;
  const units = order.lineItems.reduce((sum, line) => sum + line.quantity, 0);
  events.refundsAt.forEach((at, r) => {
    if (r > 0 || events.firstRefundFull || units === 1) {
      refundRest(at, r === 0 ? "返品・全額返金" : "残額返金", totalPrice - refunded);
      return;
    }
    const line = order.lineItems[rng.int(order.lineItems.length)];
    const quantity = rng.intBetween(1, line.quantity === units ? line.quantity - 1 : line.quantity);
    line.currentQuantity -= quantity;
    const subtotal = lineNetAmount(line, quantity);
    const total = subtotal + (taxExempt ? 0 : Math.round(subtotal * taxRateOf(productOf(line))));
    refunds.push({ id: refundId(order.id, r), createdAt: at, note: "一部返品", lines: [{ id: refundLineId(order.id, refundLines++), lineItemId: line.id, quantity, subtotal }], total });
    refunded += total;
  });
  return refunds;
}

export function financialStatusOf(order: EmOrder, events: OrderEvents): EmOrder["financialStatus"] {
  if (events.cancelledAt !== null) return events.voided ? "VOIDED" : "REFUNDED";
  if (events.paidAt === null) return "PENDING";
  const { totalPrice, totalRefunded } = orderTotals(order);
  if (totalRefunded === 0) return "PAID";
  return totalRefunded >= totalPrice ? "REFUNDED" : "PARTIALLY_REFUNDED";
}
