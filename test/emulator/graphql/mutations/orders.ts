// Order mutations that move a shop through time: create, tag, set or remove the customer, cancel,
// refund. Each applies to the store at the context clock and reports the webhook topics Shopify would
// send.
import { randomUUID } from "node:crypto";
import { InvalidMutationError } from "../../store/shop-store";
import type { EmLineItem, EmOrder } from "../../store/types";
import type { AdminContext } from "../context";
import { notImplemented, type FieldMap } from "../fields/field-map";
import { gid, parseGid } from "../gid";
import { parseAmount } from "../money";

type Input = Record<string, unknown>;
type MoneyBagInput = { shopMoney?: { amount?: string; currencyCode?: string }; presentmentMoney?: { amount?: string } };

const userError = (field: string[] | null, message: string, code?: string) => (code ? { field, message, code } : { field, message });

function idOfType(value: unknown, type: string): number | undefined {
  const parsed = typeof value === "string" ? parseGid(value) : undefined;
  return parsed && parsed.type === type ? parsed.id : undefined;
}

function shopAmount(ctx: AdminContext, bag: MoneyBagInput | undefined): number | undefined {
  const amount = bag?.shopMoney?.amount;
  return amount === undefined ? undefined : parseAmount(String(amount), ctx.store.shop.currencyCode);
}

const FINANCIAL: Record<string, EmOrder["financialStatus"]> = {
  PAID: "PAID", PENDING: "PENDING", AUTHORIZED: "PENDING", PARTIALLY_PAID: "PENDING", EXPIRED: "VOIDED",
  VOIDED: "VOIDED", REFUNDED: "REFUNDED", PARTIALLY_REFUNDED: "PARTIALLY_REFUNDED",
};

function orderCreate(ctx: AdminContext, args: Input) {
  const input = args.order as Input;
  const shop = ctx.store.shop;
  const now = ctx.now();
  const errors: ReturnType<typeof userError>[] = [];
  const lines = (input.lineItems as Input[] | undefined) ?? [];
  if (lines.length === 0) errors.push(userError(["order", "lineItems"], "Line items can't be blank", "INVALID"));
  const lineItems: EmLineItem[] = lines.map((line, i) => {
    const unitPrice = shopAmount(ctx, line.priceSet as MoneyBagInput | undefined);
    if (unitPrice === undefined) {
      // Shopify would take the variant's price; the emulator has no product catalogue.
      errors.push(userError(["order", "lineItems", String(i), "priceSet"], "The Shopify emulator needs priceSet on every line item", "INVALID"));
    }
    const quantity = Number(line.quantity);
    return {
      id: 0,
      productId: idOfType(line.productId, "Product") ?? 0,
      variantId: idOfType(line.variantId, "ProductVariant") ?? 0,
      title: String(line.title ?? "Custom item"),
      sku: String(line.sku ?? ""),
      quantity,
      currentQuantity: quantity,
      unitPrice: unitPrice ?? 0,
      discount: 0,
      sellingPlan: null,
      contractId: null,
    };
  });
  const customer = input.customer as { toAssociate?: { id?: string }; toUpsert?: unknown } | undefined;
  if (customer?.toUpsert) throw notImplemented("OrderCreateCustomerInput", "toUpsert");
  const customerGid = customer?.toAssociate?.id ?? (input.customerId as string | undefined);
  const customerId = customerGid === undefined ? null : (idOfType(customerGid, "Customer") ?? -1);
  if (customerId !== null && !ctx.store.getCustomer(customerId)) {
    errors.push(userError(["order", "customer"], "Customer does not exist", "INVALID"));
  }
  const discountCodes: string[] = [];
  let shippingPrice = ((input.shippingLines as Input[] | undefined) ?? []).reduce(
    (sum, l) => sum + (shopAmount(ctx, l.priceSet as MoneyBagInput) ?? 0), 0);
  const discount = input.discountCode as Input | undefined;
  if (discount) {
    const gross = lineItems.map((l) => l.unitPrice * l.quantity);
    const total = gross.reduce((a, b) => a + b, 0);
    const fixed = discount.itemFixedDiscountCode as { code: string; amountSet?: MoneyBagInput } | undefined;
    const percent = discount.itemPercentageDiscountCode as { code: string; percentage?: number } | undefined;
    const freeShipping = discount.freeShippingDiscountCode as { code: string } | undefined;
    if (fixed) {
      const amount = Math.min(total, shopAmount(ctx, fixed.amountSet) ?? 0);
      let left = amount;
      lineItems.forEach((l, i) => {
        const share = i === lineItems.length - 1 ? left : Math.round((amount * gross[i]) / Math.max(1, total));
        l.discount = share;
        left -= share;
      });
      discountCodes.push(fixed.code);
    } else if (percent) {
      lineItems.forEach((l, i) => (l.discount = Math.round((gross[i] * (percent.percentage ?? 0)) / 100)));
      discountCodes.push(percent.code);
    } else if (freeShipping) {
      shippingPrice = 0;
      discountCodes.push(freeShipping.code);
    }
  }
  if (errors.length) return { order: null, userErrors: errors };
  const taxTotal = ((input.taxLines as Input[] | undefined) ?? []).reduce((s, t) => s + (shopAmount(ctx, t.priceSet as MoneyBagInput) ?? 0), 0);
  // As of 2026-07, processedAt in the future is clamped to now (OrderCreateOrderInput.processedAt).
  const processedAt = input.processedAt ? Math.min(Date.parse(String(input.processedAt)), now) : now;
  const transactions = (input.transactions as unknown[] | undefined) ?? [];
  const financialStatus = input.financialStatus ? FINANCIAL[String(input.financialStatus)] : transactions.length ? "PAID" : "PENDING";
  const order = ctx.store.createOrder(
    {
      createdAt: now,
      processedAt,
      cancelledAt: null,
      cancelReason: null,
      closedAt: input.closedAt ? Date.parse(String(input.closedAt)) : null,
      test: Boolean(input.test ?? false),
      sourceName: (input.sourceName as EmOrder["sourceName"] | undefined) ?? "web",
      customerId,
      discountCodes,
      tags: (input.tags as string[] | undefined) ?? [],
      currencyCode: shop.currencyCode,
      presentmentCurrencyCode: (input.presentmentCurrency as string | undefined) ?? shop.currencyCode,
      presentmentRate: 1,
      shippingPrice,
      taxTotal,
      lineItems,
      journey: null,
      financialStatus,
      fulfillmentStatus: input.fulfillmentStatus === "FULFILLED" ? "FULFILLED" : "UNFULFILLED",
    },
    now,
  );
  ctx.emit({ topic: "orders/create", kind: "order", id: order.id });
  if (order.financialStatus === "PAID") ctx.emit({ topic: "orders/paid", kind: "order", id: order.id });
  return { order, userErrors: [] };
}

function orderUpdate(ctx: AdminContext, args: Input) {
  const input = args.input as Input;
  for (const key of Object.keys(input)) if (key !== "id" && key !== "tags") throw notImplemented("OrderInput", key);
  const id = idOfType(input.id, "Order");
  if (id === undefined || !ctx.store.getOrder(id)) return { order: null, userErrors: [userError(["id"], "Order does not exist")] };
  const order = input.tags === undefined ? ctx.store.getOrder(id)! : ctx.store.updateOrder(id, { tags: input.tags as string[] }, ctx.now());
  ctx.emit({ topic: "orders/updated", kind: "order", id });
  return { order, userErrors: [] };
}

/** orderCustomerSet / orderCustomerRemove: the order moves to another customer, or becomes a guest order. */
function orderCustomer(ctx: AdminContext, args: Input, customer: "set" | "remove") {
  const id = idOfType(args.orderId, "Order");
  if (id === undefined || !ctx.store.getOrder(id)) return { order: null, userErrors: [userError(["orderId"], "Order does not exist", "NOT_FOUND")] };
  let customerId: number | null = null;
  if (customer === "set") {
    customerId = idOfType(args.customerId, "Customer") ?? null;
    if (customerId === null || !ctx.store.getCustomer(customerId)) return { order: null, userErrors: [userError(["customerId"], "Customer does not exist", "NOT_FOUND")] };
  }
  const order = ctx.store.setOrderCustomer(id, customerId, ctx.now());
  ctx.emit({ topic: "orders/updated", kind: "order", id });
  return { order, userErrors: [] };
}

function refundAll(ctx: AdminContext, order: EmOrder) {
  const lines = order.lineItems.filter((l) => l.currentQuantity > 0).map((l) => ({ lineItemId: l.id, quantity: l.currentQuantity }));
  if (!lines.length) return;
  const { refund } = ctx.store.refundOrder(order.id, lines, ctx.now());
  ctx.emit({ topic: "refunds/create", kind: "refund", id: refund.id });
}

/** Shopify cancels asynchronously and answers with a Job (done: false); messages are live 2026-04 captures. */
function orderCancel(ctx: AdminContext, args: Input) {
  const fail = (field: string[], message: string, code: string) => ({
    job: null,
    orderCancelUserErrors: [userError(field, message, code)],
    userErrors: [userError(field, message)],
  });
  if (typeof args.staffNote === "string" && args.staffNote.length > 255) {
    return fail(["staffNote"], "Staff note is too long. Maximum length is 255 characters.", "INVALID");
  }
  if (args.refund !== undefined && args.refund !== null && args.refundMethod) {
    return fail(["refund"], "Only one of the arguments `refund` or `refund_method` is allowed.", "INVALID");
  }
  const id = idOfType(args.orderId, "Order");
  const order = id === undefined ? undefined : ctx.store.getOrder(id);
  if (!order) return fail(["orderId"], "Order does not exist", "NOT_FOUND");
  if (order.cancelledAt !== null) return fail(["orderId"], "Cannot cancel an order that has already been canceled", "INVALID");
  // Refund first: cancelling removes the items (current quantities drop to 0), leaving nothing to refund.
  const refundMethod = args.refundMethod as { originalPaymentMethodsRefund?: boolean } | undefined;
  if (args.refund === true || refundMethod?.originalPaymentMethodsRefund) refundAll(ctx, order);
  ctx.store.cancelOrder(order.id, args.reason as NonNullable<EmOrder["cancelReason"]>, ctx.now());
  ctx.emit({ topic: "orders/cancelled", kind: "order", id: order.id });
  ctx.emit({ topic: "orders/updated", kind: "order", id: order.id });
  return { job: { id: gid("Job", randomUUID()), done: false, query: {} }, orderCancelUserErrors: [], userErrors: [] };
}

function refundCreate(ctx: AdminContext, args: Input) {
  const input = args.input as Input;
  const shipping = input.shipping as { amount?: string; fullRefund?: boolean } | undefined;
  if (shipping && (shipping.fullRefund || Number(shipping.amount ?? 0) > 0)) throw notImplemented("RefundInput", "shipping");
  const id = idOfType(input.orderId, "Order");
  if (id === undefined || !ctx.store.getOrder(id)) {
    return { order: null, refund: null, userErrors: [userError(["orderId"], "Order does not exist")] };
  }
  const lines = ((input.refundLineItems as Input[] | undefined) ?? []).map((l) => ({
    lineItemId: idOfType(l.lineItemId, "LineItem") ?? -1,
    quantity: Number(l.quantity),
  }));
  try {
    const { order, refund } = ctx.store.refundOrder(id, lines, ctx.now(), (input.note as string | undefined) ?? null);
    ctx.emit({ topic: "refunds/create", kind: "refund", id: refund.id });
    ctx.emit({ topic: "orders/updated", kind: "order", id });
    return { order, refund: { order, refund }, userErrors: [] };
  } catch (error) {
    if (error instanceof InvalidMutationError) {
      return { order: null, refund: null, userErrors: [userError(["refundLineItems"], error.message)] };
    }
    throw error;
  }
}

export const orderMutations: FieldMap<unknown> = {
  orderCreate: (_root, args, env) => orderCreate(env.ctx, args),
  orderUpdate: (_root, args, env) => orderUpdate(env.ctx, args),
  orderCancel: (_root, args, env) => orderCancel(env.ctx, args),
  orderCustomerSet: (_root, args, env) => orderCustomer(env.ctx, args, "set"),
  orderCustomerRemove: (_root, args, env) => orderCustomer(env.ctx, args, "remove"),
  refundCreate: (_root, args, env) => refundCreate(env.ctx, args),
};

