// Shopify order JSON (bulk JSONL line or ordinary answer node) → the rows Tsuzuku stores. One mapping
// for every path (backfill, webhook refresh, reconciliation), so each stores the same facts.
import { NodeReader } from "../node-reader";
import type { TableIndex, TableSpec } from "../write/upsert-sql";

export interface OrderRow {
  shop: string;
  id: string;
  name: string | null;
  customerId: string | null;
  createdAt: Date;
  processedAt: Date;
  shopifyUpdatedAt: Date;
  cancelledAt: Date | null;
  cancelReason: string | null;
  closedAt: Date | null;
  test: boolean;
  sourceName: string | null;
  financialStatus: string | null;
  fulfillmentStatus: string | null;
  tags: string;
  discountCodes: string;
  customerOrderIndex: number | null;
  daysToConversion: number | null;
  firstVisitSource: string | null;
  firstVisitSourceType: string | null;
  firstVisitReferrerHost: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmContent: string | null;
  utmTerm: string | null;
  currencyCode: string;
  subtotalAmount: bigint;
  totalDiscountsAmount: bigint;
  totalShippingAmount: bigint;
  totalTaxAmount: bigint;
  totalPriceAmount: bigint;
  currentTotalPriceAmount: bigint;
  totalRefundedAmount: bigint;
  presentmentCurrencyCode: string;
  presentmentTotalAmount: bigint;
  syncedAt: Date;
  /**
   * Whether a line of the order is sold on a selling plan. The order's JSON does not tell, its lines
   * do: `mapOrder` makes it false, and whoever maps the lines sets it before the row is written (a
   * field of the row from the start, not added later: a property added to a made object slowed the
   * backfill's COPY encoding of every order).
   */
  hasSubscriptionLine: boolean;
}

export interface OrderLineRow {
  shop: string;
  id: string;
  orderId: string;
  productId: string | null;
  variantId: string | null;
  sku: string | null;
  title: string | null;
  quantity: number;
  currentQuantity: number;
  originalUnitPriceAmount: bigint;
  discountedTotalAmount: bigint;
  sellingPlanId: string | null;
  sellingPlanName: string | null;
  contractId: string | null;
  orderUpdatedAt: Date;
}

export interface RefundRow {
  shop: string;
  id: string;
  orderId: string;
  createdAt: Date;
  processedAt: Date | null;
  totalAmount: bigint;
  currencyCode: string;
  note: string | null;
  orderUpdatedAt: Date;
}

/** Version of rows read from the bulk export, which does not give a line its order's updatedAt. */
export const UNVERSIONED = new Date(0);

export const ORDER_TABLE: TableSpec<OrderRow> = {
  table: "Order",
  key: ["shop", "id"],
  guard: "shopifyUpdatedAt",
  columns: [
    "shop", "id", "name", "customerId", "createdAt", "processedAt", "shopifyUpdatedAt", "cancelledAt", "cancelReason",
    "closedAt", "test", "sourceName", "financialStatus", "fulfillmentStatus", "tags", "discountCodes",
    "customerOrderIndex", "daysToConversion", "firstVisitSource", "firstVisitSourceType", "firstVisitReferrerHost",
    "utmSource", "utmMedium", "utmCampaign", "utmContent", "utmTerm", "currencyCode", "subtotalAmount",
    "totalDiscountsAmount", "totalShippingAmount", "totalTaxAmount", "totalPriceAmount", "currentTotalPriceAmount",
    "totalRefundedAmount", "presentmentCurrencyCode", "presentmentTotalAmount", "syncedAt", "hasSubscriptionLine",
  ],
};

/** `Order`'s customer index (prisma/schema.prisma), which a backfill may build after its orders (deferred-indexes.ts). */
export const ORDER_CUSTOMER_INDEX: TableIndex = {
  name: "Order_shop_customerId_processedAt_idx",
  table: "Order",
  columns: ["shop", "customerId", "processedAt"],
};

export const ORDER_LINE_TABLE: TableSpec<OrderLineRow> = {
  table: "OrderLine",
  key: ["shop", "id"],
  guard: "orderUpdatedAt",
  columns: [
    "shop", "id", "orderId", "productId", "variantId", "sku", "title", "quantity", "currentQuantity",
    "originalUnitPriceAmount", "discountedTotalAmount", "sellingPlanId", "sellingPlanName", "contractId",
    "orderUpdatedAt",
  ],
};

export const REFUND_TABLE: TableSpec<RefundRow> = {
  table: "Refund",
  key: ["shop", "id"],
  guard: "orderUpdatedAt",
  columns: ["shop", "id", "orderId", "createdAt", "processedAt", "totalAmount", "currencyCode", "note", "orderUpdatedAt"],
};

export interface MappedOrder {
  order: OrderRow;
  refunds: RefundRow[];
}

export function mapOrder(shop: string, json: unknown, syncedAt: Date, where = "order"): MappedOrder {
  const node = NodeReader.of(json, where);
  const id = node.string("id");
  const o = new NodeReader(node.node, `order ${id}`);
  const journey = o.optionalObject("customerJourneySummary");
  const visit = journey?.optionalObject("firstVisit") ?? null;
  const utm = visit?.optionalObject("utmParameters") ?? null;
  const total = o.object("totalPriceSet");
  const order: OrderRow = {
    shop,
    id,
    name: o.optionalString("name"),
    customerId: o.optionalRefId("customer"),
    createdAt: o.instant("createdAt"),
    processedAt: o.instant("processedAt"),
    shopifyUpdatedAt: o.instant("updatedAt"),
    cancelledAt: o.optionalInstant("cancelledAt"),
    cancelReason: o.optionalString("cancelReason"),
    closedAt: o.optionalInstant("closedAt"),
    test: o.boolean("test"),
    sourceName: o.optionalString("sourceName"),
    financialStatus: o.optionalString("displayFinancialStatus"),
    fulfillmentStatus: o.optionalString("displayFulfillmentStatus"),
    tags: JSON.stringify(o.strings("tags")),
    discountCodes: JSON.stringify(o.strings("discountCodes")),
    customerOrderIndex: journey?.optionalInt("customerOrderIndex") ?? null,
    daysToConversion: journey?.optionalInt("daysToConversion") ?? null,
    firstVisitSource: visit?.optionalString("source") ?? null,
    firstVisitSourceType: visit?.optionalString("sourceType") ?? null,
    firstVisitReferrerHost: referrerHost(visit?.optionalString("referrerUrl") ?? null),
    utmSource: utm?.optionalString("source") ?? null,
    utmMedium: utm?.optionalString("medium") ?? null,
    utmCampaign: utm?.optionalString("campaign") ?? null,
    utmContent: utm?.optionalString("content") ?? null,
    utmTerm: utm?.optionalString("term") ?? null,
    currencyCode: o.string("currencyCode"),
    subtotalAmount: o.shopMoney("subtotalPriceSet"),
    totalDiscountsAmount: o.shopMoney("totalDiscountsSet"),
    totalShippingAmount: o.shopMoney("totalShippingPriceSet"),
    totalTaxAmount: o.shopMoney("totalTaxSet"),
    totalPriceAmount: total.object("shopMoney").money(),
    currentTotalPriceAmount: o.shopMoney("currentTotalPriceSet"),
    totalRefundedAmount: o.shopMoney("totalRefundedSet"),
    presentmentCurrencyCode: o.string("presentmentCurrencyCode"),
    presentmentTotalAmount: total.object("presentmentMoney").money(),
    syncedAt,
    hasSubscriptionLine: false,
  };
  const refunds = o.list("refunds").map((refund): RefundRow => {
    const totalRefunded = refund.object("totalRefundedSet").object("shopMoney");
    return {
      shop,
      id: refund.string("id"),
      orderId: id,
      createdAt: refund.instant("createdAt"),
      processedAt: null,
      totalAmount: totalRefunded.money(),
      currencyCode: totalRefunded.string("currencyCode"),
      note: refund.optionalString("note"),
      orderUpdatedAt: order.shopifyUpdatedAt,
    };
  });
  return { order, refunds };
}

export function mapLineItem(shop: string, orderId: string, orderUpdatedAt: Date, json: unknown, where = "line item"): OrderLineRow {
  const line = NodeReader.of(json, where);
  const sellingPlan = line.optionalObject("sellingPlan");
  return {
    shop,
    id: line.string("id"),
    orderId,
    productId: line.optionalRefId("product"),
    variantId: line.optionalRefId("variant"),
    sku: line.optionalString("sku"),
    title: line.optionalString("title"),
    quantity: line.int("quantity"),
    currentQuantity: line.int("currentQuantity"),
    originalUnitPriceAmount: line.shopMoney("originalUnitPriceSet"),
    discountedTotalAmount: line.shopMoney("discountedTotalSet"),
    sellingPlanId: sellingPlan?.optionalString("sellingPlanId") ?? null,
    sellingPlanName: sellingPlan?.optionalString("name") ?? null,
    contractId: line.optionalRefId("contract"),
    orderUpdatedAt,
  };
}

/** The referrer's host only: a full URL can carry a shopper's search terms or ids. */
function referrerHost(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}
