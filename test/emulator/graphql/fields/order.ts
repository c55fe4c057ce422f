// Order, its line items, refunds and customer journey, read from EmOrder records.
import { lineNetAmount, orderTotals } from "../../store/shop-store";
import type { EmJourney, EmLineItem, EmOrder, EmRefund, EmRefundLine } from "../../store/types";
import { arrayConnection } from "../connections";
import { gid } from "../gid";
import { orderMoneyBag } from "../money";
import { isoDateTime } from "../time";
import { notImplemented, tagType, type FieldMap } from "./field-map";

export interface LineItemSource {
  order: EmOrder;
  line: EmLineItem;
}
export interface RefundSource {
  order: EmOrder;
  refund: EmRefund;
}
export interface RefundLineSource extends RefundSource {
  refundLine: EmRefundLine;
}
export interface JourneySource {
  order: EmOrder;
  journey: EmJourney;
}

const refundedLinesSubtotal = (order: EmOrder) =>
  order.refunds.reduce((sum, r) => sum + r.lines.reduce((s, l) => s + l.subtotal, 0), 0);

export const orderFields: FieldMap<EmOrder> = {
  id: (o) => gid("Order", o.id),
  legacyResourceId: (o) => String(o.id),
  name: (o) => o.name,
  createdAt: (o) => isoDateTime(o.createdAt),
  updatedAt: (o) => isoDateTime(o.updatedAt),
  processedAt: (o) => isoDateTime(o.processedAt),
  cancelledAt: (o) => isoDateTime(o.cancelledAt),
  cancelReason: (o) => o.cancelReason,
  closed: (o) => o.closedAt !== null,
  closedAt: (o) => isoDateTime(o.closedAt),
  test: (o) => o.test,
  sourceName: (o) => o.sourceName,
  tags: (o) => o.tags,
  discountCode: (o) => o.discountCodes[0] ?? null,
  discountCodes: (o) => o.discountCodes,
  currencyCode: (o) => o.currencyCode,
  presentmentCurrencyCode: (o) => o.presentmentCurrencyCode,
  displayFinancialStatus: (o) => o.financialStatus,
  displayFulfillmentStatus: (o) => o.fulfillmentStatus,
  subtotalLineItemsQuantity: (o) => o.lineItems.reduce((n, l) => n + l.quantity, 0),
  currentSubtotalLineItemsQuantity: (o) => o.lineItems.reduce((n, l) => n + l.currentQuantity, 0),
  totalPriceSet: (o) => orderMoneyBag(o, orderTotals(o).totalPrice),
  currentTotalPriceSet: (o) => orderMoneyBag(o, orderTotals(o).currentTotalPrice),
  subtotalPriceSet: (o) => orderMoneyBag(o, orderTotals(o).subtotal),
  currentSubtotalPriceSet: (o) => orderMoneyBag(o, orderTotals(o).subtotal - refundedLinesSubtotal(o)),
  totalDiscountsSet: (o) => orderMoneyBag(o, orderTotals(o).totalDiscounts),
  totalShippingPriceSet: (o) => orderMoneyBag(o, orderTotals(o).totalShipping),
  totalTaxSet: (o) => orderMoneyBag(o, orderTotals(o).totalTax),
  totalRefundedSet: (o) => orderMoneyBag(o, orderTotals(o).totalRefunded),
  lineItems: (o) => arrayConnection(o.lineItems.map((line) => ({ order: o, line })), (s) => s.line.id),
  // A plain list on Order (not a connection): bulk exports keep refunds nested in the order's line.
  refunds: (o, args) => {
    const first = typeof args.first === "number" ? args.first : undefined;
    return o.refunds.slice(0, first).map((refund): RefundSource => ({ order: o, refund }));
  },
  customer: (o, _args, env) => {
    if (o.customerId === null) return null;
    const customer = env.ctx.store.getCustomer(o.customerId);
    return customer ? tagType(customer, "Customer") : null;
  },
  customerJourneySummary: (o) => (o.journey ? { order: o, journey: o.journey } : null),
};

export const lineItemFields: FieldMap<LineItemSource> = {
  id: (s) => gid("LineItem", s.line.id),
  name: (s) => s.line.title,
  title: (s) => s.line.title,
  sku: (s) => s.line.sku,
  quantity: (s) => s.line.quantity,
  currentQuantity: (s) => s.line.currentQuantity,
  refundableQuantity: (s) => s.line.currentQuantity,
  product: (s) => ({ id: s.line.productId, title: s.line.title }),
  variant: (s) => ({ id: s.line.variantId, sku: s.line.sku }),
  originalUnitPriceSet: (s) => orderMoneyBag(s.order, s.line.unitPrice),
  originalTotalSet: (s) => orderMoneyBag(s.order, s.line.unitPrice * s.line.quantity),
  totalDiscountSet: (s) => orderMoneyBag(s.order, s.line.discount),
  discountedTotalSet: (s) => orderMoneyBag(s.order, s.line.unitPrice * s.line.quantity - s.line.discount),
  discountedUnitPriceSet: (s) => orderMoneyBag(s.order, lineNetAmount(s.line, 1)),
  sellingPlan: (s) =>
    s.line.sellingPlan ? { name: s.line.sellingPlan.name, sellingPlanId: gid("SellingPlan", s.line.sellingPlan.id) } : null,
  contract: (s, _args, env) => {
    if (s.line.contractId === null) return null;
    return env.ctx.store.getContract(s.line.contractId) ?? null;
  },
};

export const productFields: FieldMap<{ id: number; title: string }> = {
  id: (p) => gid("Product", p.id),
};

export const productVariantFields: FieldMap<{ id: number; sku: string }> = {
  id: (v) => gid("ProductVariant", v.id),
  sku: (v) => v.sku,
};

export const refundFields: FieldMap<RefundSource> = {
  id: (s) => gid("Refund", s.refund.id),
  legacyResourceId: (s) => String(s.refund.id),
  createdAt: (s) => isoDateTime(s.refund.createdAt),
  updatedAt: (s) => isoDateTime(s.refund.createdAt),
  note: (s) => s.refund.note,
  totalRefundedSet: (s) => orderMoneyBag(s.order, s.refund.total),
  order: (s) => s.order,
  refundLineItems: (s) =>
    arrayConnection(s.refund.lines.map((refundLine): RefundLineSource => ({ ...s, refundLine })), (r) => r.refundLine.id),
};

export const refundLineItemFields: FieldMap<RefundLineSource> = {
  id: (s) => gid("RefundLineItem", s.refundLine.id),
  quantity: (s) => s.refundLine.quantity,
  subtotalSet: (s) => orderMoneyBag(s.order, s.refundLine.subtotal),
  priceSet: (s) => {
    const line = s.order.lineItems.find((l) => l.id === s.refundLine.lineItemId);
    return orderMoneyBag(s.order, line?.unitPrice ?? 0);
  },
  totalTaxSet: (s) => orderMoneyBag(s.order, 0),
  restockType: () => "NO_RESTOCK",
  restocked: () => false,
  lineItem: (s) => {
    const line = s.order.lineItems.find((l) => l.id === s.refundLine.lineItemId);
    if (!line) throw notImplemented("RefundLineItem", "lineItem (line item missing from order)");
    return { order: s.order, line };
  },
};

export const customerJourneySummaryFields: FieldMap<JourneySource> = {
  customerOrderIndex: (s) => s.journey.customerOrderIndex,
  daysToConversion: (s) => s.journey.daysToConversion,
  ready: () => true,
  firstVisit: (s) => (s.journey.firstVisit ? s : null),
};

const DAY_MS = 86_400_000;

export const customerVisitFields: FieldMap<JourneySource> = {
  id: (s) => gid("CustomerVisit", s.order.id),
  source: (s) => s.journey.firstVisit!.source,
  sourceType: (s) => s.journey.firstVisit!.sourceType,
  referrerUrl: (s) => s.journey.firstVisit!.referrerUrl,
  landingPage: (s) => s.journey.firstVisit!.landingPage,
  // The generator records days to conversion, not the visit's instant; the visit is that many days
  // before the order was processed.
  occurredAt: (s) => isoDateTime(s.order.processedAt - s.journey.daysToConversion * DAY_MS),
  utmParameters: (s) => s.journey.firstVisit!.utm,
};
