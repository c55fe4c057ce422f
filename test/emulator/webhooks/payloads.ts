// Webhook bodies in Shopify's REST resource shapes, built from the emulated shop's records at the moment
// the event happens (Shopify retries with "the original payload from the time they were triggered":
// https://shopify.dev/changelog/updates-to-webhook-retry-mechanism).
// Topic payloads: https://shopify.dev/docs/api/webhooks?reference=toml (orders/*, refunds/create,
// subscription_contracts/*, app/uninstalled). Customers appear by id only: the emulator holds no names,
// emails or addresses, and the app must not need them.
import { orderTotals } from "../store/shop-store";
import type { EmContract, EmLineItem, EmOrder, EmRefund, EmShop } from "../store/types";
import { decimalAmount, gid, type MoneyContext, moneySet, shopTime } from "./rest-format";

const lower = <T extends string | null>(value: T) => (value === null ? null : value.toLowerCase());

export function orderPayload(shop: EmShop, order: EmOrder) {
  const money: MoneyContext = { shopCurrency: order.currencyCode, presentmentCurrency: order.presentmentCurrencyCode, rate: order.presentmentRate };
  const time = (ms: number | null) => shopTime(ms, shop.ianaTimezone);
  const totals = orderTotals(order);
  const amount = (minor: number) => decimalAmount(minor, order.currencyCode);
  const lineItemsPrice = totals.subtotal + totals.totalDiscounts;
  return {
    id: order.id,
    admin_graphql_api_id: gid("Order", order.id),
    name: order.name,
    order_number: Number(order.name.replace(/\D/g, "")) || order.id,
    created_at: time(order.createdAt),
    updated_at: time(order.updatedAt),
    processed_at: time(order.processedAt),
    cancelled_at: time(order.cancelledAt),
    cancel_reason: lower(order.cancelReason),
    closed_at: time(order.closedAt),
    test: order.test,
    source_name: order.sourceName,
    tags: order.tags.join(", "),
    currency: order.currencyCode,
    presentment_currency: order.presentmentCurrencyCode,
    financial_status: order.financialStatus.toLowerCase(),
    fulfillment_status: order.fulfillmentStatus === "FULFILLED" ? "fulfilled" : null,
    total_price: amount(totals.totalPrice),
    total_price_set: moneySet(totals.totalPrice, money),
    subtotal_price: amount(totals.subtotal),
    subtotal_price_set: moneySet(totals.subtotal, money),
    total_line_items_price: amount(lineItemsPrice),
    total_line_items_price_set: moneySet(lineItemsPrice, money),
    total_discounts: amount(totals.totalDiscounts),
    total_discounts_set: moneySet(totals.totalDiscounts, money),
    total_tax: amount(totals.totalTax),
    total_tax_set: moneySet(totals.totalTax, money),
    total_shipping_price_set: moneySet(totals.totalShipping, money),
    current_total_price: amount(totals.currentTotalPrice),
    current_total_price_set: moneySet(totals.currentTotalPrice, money),
    // The store keeps one discount total per order, not per code: it is carried by the first code.
    discount_codes: order.discountCodes.map((code, index) => ({
      code,
      amount: amount(index === 0 ? totals.totalDiscounts : 0),
      type: "fixed_amount",
    })),
    customer: order.customerId === null ? null : { id: order.customerId, admin_graphql_api_id: gid("Customer", order.customerId) },
    line_items: order.lineItems.map((line) => lineItemPayload(line, money)),
    shipping_lines: [],
    refunds: order.refunds.map((refund) => refundPayload(shop, order, refund)),
  };
}

function lineItemPayload(line: EmLineItem, money: MoneyContext) {
  const amount = (minor: number) => decimalAmount(minor, money.shopCurrency);
  return {
    id: line.id,
    admin_graphql_api_id: gid("LineItem", line.id),
    product_id: line.productId,
    variant_id: line.variantId,
    title: line.title,
    sku: line.sku,
    quantity: line.quantity,
    current_quantity: line.currentQuantity,
    price: amount(line.unitPrice),
    price_set: moneySet(line.unitPrice, money),
    total_discount: amount(line.discount),
    total_discount_set: moneySet(line.discount, money),
    // Not in Shopify's published REST line item; modelled on the GraphQL LineItem.sellingPlan
    // (sellingPlanId, name) so subscription orders can be told apart from the webhook alone.
    selling_plan_allocation: line.sellingPlan
      ? {
          selling_plan_id: line.sellingPlan.id,
          selling_plan_name: line.sellingPlan.name,
          subscription_contract_id: line.contractId,
        }
      : null,
  };
}

/** refunds/create, and each entry of an order's `refunds`. */
export function refundPayload(shop: EmShop, order: EmOrder, refund: EmRefund) {
  const money: MoneyContext = { shopCurrency: order.currencyCode, presentmentCurrency: order.presentmentCurrencyCode, rate: order.presentmentRate };
  const amount = (minor: number) => decimalAmount(minor, order.currencyCode);
  const linesById = new Map(order.lineItems.map((line) => [line.id, line]));
  return {
    id: refund.id,
    admin_graphql_api_id: gid("Refund", refund.id),
    order_id: order.id,
    created_at: shopTime(refund.createdAt, shop.ianaTimezone),
    processed_at: shopTime(refund.createdAt, shop.ianaTimezone),
    note: refund.note,
    restock: false,
    user_id: null,
    refund_line_items: refund.lines.map((refundLine) => {
      const line = linesById.get(refundLine.lineItemId);
      return {
        id: refundLine.id,
        line_item_id: refundLine.lineItemId,
        quantity: refundLine.quantity,
        restock_type: "no_restock",
        subtotal: amount(refundLine.subtotal),
        subtotal_set: moneySet(refundLine.subtotal, money),
        total_tax: amount(0),
        total_tax_set: moneySet(0, money),
        line_item: line ? lineItemPayload(line, money) : null,
      };
    }),
    transactions: [
      {
        kind: "refund",
        status: "success",
        amount: amount(refund.total),
        currency: order.currencyCode,
        created_at: shopTime(refund.createdAt, shop.ianaTimezone),
      },
    ],
    order_adjustments: [],
  };
}

/** subscription_contracts/create|update|activate|pause|cancel|expire|fail. */
export function subscriptionContractPayload(shop: EmShop, contract: EmContract) {
  return {
    admin_graphql_api_id: gid("SubscriptionContract", contract.id),
    id: contract.id,
    billing_policy: { interval: contract.billingInterval.toLowerCase(), interval_count: contract.billingIntervalCount, min_cycles: null, max_cycles: null },
    currency_code: contract.currencyCode,
    customer_id: contract.customerId,
    admin_graphql_api_customer_id: gid("Customer", contract.customerId),
    delivery_policy: { interval: contract.deliveryInterval.toLowerCase(), interval_count: contract.deliveryIntervalCount },
    status: contract.status.toLowerCase(),
    admin_graphql_api_origin_order_id: gid("Order", contract.originOrderId),
    origin_order_id: contract.originOrderId,
    revision_id: String(contract.updatedAt),
    created_at: shopTime(contract.createdAt, shop.ianaTimezone),
    updated_at: shopTime(contract.updatedAt, shop.ianaTimezone),
  };
}

/** app/uninstalled carries the shop resource. */
export function shopPayload(shop: EmShop, now: number) {
  return {
    id: shop.id,
    name: shop.name,
    domain: shop.domain,
    myshopify_domain: shop.domain,
    currency: shop.currencyCode,
    iana_timezone: shop.ianaTimezone,
    plan_name: shop.planTier,
    plan_display_name: shop.planDisplayName,
    created_at: shopTime(shop.createdAt, shop.ianaTimezone),
    updated_at: shopTime(now, shop.ianaTimezone),
  };
}

// Mandatory compliance topics: https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance
// The documented payloads carry the customer's email and phone; the emulator has none to send.

export function customersDataRequestPayload(shop: EmShop, customerId: number, orderIds: number[], dataRequestId: number) {
  return {
    shop_id: shop.id,
    shop_domain: shop.domain,
    orders_requested: orderIds,
    customer: { id: customerId, email: null, phone: null },
    data_request: { id: dataRequestId },
  };
}

export function customersRedactPayload(shop: EmShop, customerId: number, orderIds: number[]) {
  return {
    shop_id: shop.id,
    shop_domain: shop.domain,
    customer: { id: customerId, email: null, phone: null },
    orders_to_redact: orderIds,
  };
}

export function shopRedactPayload(shop: EmShop) {
  return { shop_id: shop.id, shop_domain: shop.domain };
}
