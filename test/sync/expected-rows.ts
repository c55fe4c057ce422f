// What the database must hold for an emulated shop, computed from the emulator's own records (not
// from any GraphQL or JSONL text), so a sync test compares two independent paths record by record.
import { orderMoneyBag } from "../emulator/graphql/money";
import { orderTotals } from "../emulator/store/shop-store";
import type { EmContract, EmOrder, ShopStore } from "../emulator/store/types";

const gid = (type: string, id: number) => `gid://shopify/${type}/${id}`;
// Shopify's timestamps are whole seconds (the emulator's mutations keep milliseconds internally).
const second = (ms: number) => new Date(Math.floor(ms / 1000) * 1000);
const instant = (ms: number | null) => (ms === null ? null : second(ms));
const presentment = (order: EmOrder, minor: number) => {
  const bag = orderMoneyBag(order, minor);
  const digits = new Intl.NumberFormat("en", { style: "currency", currency: order.presentmentCurrencyCode }).resolvedOptions().maximumFractionDigits ?? 2;
  return BigInt(Math.round(Number(bag.presentmentMoney.amount) * 10 ** digits));
};

export function expectedOrder(shop: string, order: EmOrder) {
  const totals = orderTotals(order);
  const visit = order.journey?.firstVisit ?? null;
  return {
    shop,
    id: gid("Order", order.id),
    name: order.name,
    customerId: order.customerId === null ? null : gid("Customer", order.customerId),
    createdAt: second(order.createdAt),
    processedAt: second(order.processedAt),
    shopifyUpdatedAt: second(order.updatedAt),
    cancelledAt: instant(order.cancelledAt),
    cancelReason: order.cancelReason,
    closedAt: instant(order.closedAt),
    test: order.test,
    sourceName: order.sourceName,
    financialStatus: order.financialStatus,
    fulfillmentStatus: order.fulfillmentStatus,
    tags: JSON.stringify(order.tags),
    discountCodes: JSON.stringify(order.discountCodes),
    customerOrderIndex: order.journey?.customerOrderIndex ?? null,
    daysToConversion: order.journey?.daysToConversion ?? null,
    firstVisitSource: visit?.source ?? null,
    firstVisitSourceType: visit?.sourceType ?? null,
    firstVisitReferrerHost: visit?.referrerUrl ? new URL(visit.referrerUrl).host : null,
    utmSource: visit?.utm?.source ?? null,
    utmMedium: visit?.utm?.medium ?? null,
    utmCampaign: visit?.utm?.campaign ?? null,
    utmContent: visit?.utm?.content ?? null,
    utmTerm: visit?.utm?.term ?? null,
    hasSubscriptionLine: order.lineItems.some((line) => line.sellingPlan !== null),
    currencyCode: order.currencyCode,
    subtotalAmount: BigInt(totals.subtotal),
    totalDiscountsAmount: BigInt(totals.totalDiscounts),
    totalShippingAmount: BigInt(totals.totalShipping),
    totalTaxAmount: BigInt(totals.totalTax),
    totalPriceAmount: BigInt(totals.totalPrice),
    currentTotalPriceAmount: BigInt(totals.currentTotalPrice),
    totalRefundedAmount: BigInt(totals.totalRefunded),
    presentmentCurrencyCode: order.presentmentCurrencyCode,
    presentmentTotalAmount: presentment(order, totals.totalPrice),
  };
}

export function expectedLines(shop: string, order: EmOrder) {
  return order.lineItems.map((line) => ({
    shop,
    id: gid("LineItem", line.id),
    orderId: gid("Order", order.id),
    productId: gid("Product", line.productId),
    variantId: gid("ProductVariant", line.variantId),
    sku: line.sku,
    title: line.title,
    quantity: line.quantity,
    currentQuantity: line.currentQuantity,
    originalUnitPriceAmount: BigInt(line.unitPrice),
    discountedTotalAmount: BigInt(line.unitPrice * line.quantity - line.discount),
    sellingPlanId: line.sellingPlan ? gid("SellingPlan", line.sellingPlan.id) : null,
    sellingPlanName: line.sellingPlan?.name ?? null,
    contractId: line.contractId === null ? null : gid("SubscriptionContract", line.contractId),
  }));
}

export function expectedRefunds(shop: string, order: EmOrder) {
  return order.refunds.map((refund) => ({
    shop,
    id: gid("Refund", refund.id),
    orderId: gid("Order", order.id),
    createdAt: second(refund.createdAt),
    totalAmount: BigInt(refund.total),
    currencyCode: order.currencyCode,
    note: refund.note,
  }));
}

export function expectedContract(shop: string, contract: EmContract) {
  return {
    shop,
    id: gid("SubscriptionContract", contract.id),
    customerId: gid("Customer", contract.customerId),
    originOrderId: gid("Order", contract.originOrderId),
    status: contract.status,
    billingIntervalUnit: contract.billingInterval,
    billingIntervalCount: contract.billingIntervalCount,
    deliveryIntervalUnit: contract.deliveryInterval,
    deliveryIntervalCount: contract.deliveryIntervalCount,
    nextBillingDate: instant(contract.nextBillingDate),
    lastPaymentStatus: contract.lastPaymentStatus,
    currencyCode: contract.currencyCode,
    source: "own",
    shopifyCreatedAt: second(contract.createdAt),
    shopifyUpdatedAt: second(contract.updatedAt),
    lines: contract.lines.map((line) => ({
      shop,
      id: gid("SubscriptionLine", line.id),
      contractId: gid("SubscriptionContract", contract.id),
      productId: gid("Product", line.productId),
      variantId: gid("ProductVariant", line.variantId),
      quantity: line.quantity,
      currentPriceAmount: BigInt(line.currentPrice),
      sellingPlanId: gid("SellingPlan", line.sellingPlanId),
      sellingPlanName: line.sellingPlanName,
    })),
  };
}

/** Customers as facts of their counted orders (not test, not cancelled): first order, count, first journey. */
export function expectedCustomers(shop: string, orders: EmOrder[]) {
  const byCustomer = new Map<number, EmOrder[]>();
  for (const order of orders) {
    if (order.customerId === null || order.test || order.cancelledAt !== null) continue;
    byCustomer.set(order.customerId, [...(byCustomer.get(order.customerId) ?? []), order]);
  }
  return [...byCustomer.entries()].map(([customerId, own]) => {
    const first = [...own].sort((a, b) => second(a.processedAt).getTime() - second(b.processedAt).getTime() || (gid("Order", a.id) < gid("Order", b.id) ? -1 : 1))[0];
    const utm = first.journey?.firstVisit?.utm ?? null;
    return {
      shop,
      id: gid("Customer", customerId),
      firstOrderId: gid("Order", first.id),
      firstOrderAt: second(first.processedAt),
      ordersCount: own.length,
      firstVisitSource: first.journey?.firstVisit?.source ?? null,
      firstUtmSource: utm?.source ?? null,
      firstUtmMedium: utm?.medium ?? null,
      firstUtmCampaign: utm?.campaign ?? null,
      firstDiscountCode: first.discountCodes[0] ?? null,
    };
  });
}

/** Every order of the store, as the database must hold it (orders sorted by id as strings). */
export function expectedShop(shop: string, store: ShopStore) {
  const orders = [...store.orders()];
  return {
    customers: expectedCustomers(shop, orders),
    orders: orders.map((order) => expectedOrder(shop, order)),
    lines: orders.flatMap((order) => expectedLines(shop, order)),
    refunds: orders.flatMap((order) => expectedRefunds(shop, order)),
    contracts: [...store.contracts()].map((contract) => expectedContract(shop, contract)),
  };
}
