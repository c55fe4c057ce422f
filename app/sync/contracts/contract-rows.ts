// Shopify subscription contract JSON → the rows Tsuzuku stores (source "own": read from Shopify, which
// shows only contracts this app owns).
import { randomUUID } from "node:crypto";
import { NodeReader } from "../node-reader";
import type { TableSpec } from "../write/upsert-sql";

export interface ContractRow {
  shop: string;
  id: string;
  customerId: string | null;
  originOrderId: string | null;
  status: string;
  billingIntervalUnit: string;
  billingIntervalCount: number;
  deliveryIntervalUnit: string | null;
  deliveryIntervalCount: number | null;
  nextBillingDate: Date | null;
  lastPaymentStatus: string | null;
  currencyCode: string;
  source: string;
  shopifyCreatedAt: Date;
  shopifyUpdatedAt: Date;
  syncedAt: Date;
}

export interface ContractLineRow {
  shop: string;
  id: string;
  contractId: string;
  productId: string | null;
  variantId: string | null;
  quantity: number;
  currentPriceAmount: bigint;
  sellingPlanId: string | null;
  sellingPlanName: string | null;
}

export interface StatusChangeRow {
  shop: string;
  id: string;
  contractId: string;
  fromStatus: string | null;
  toStatus: string;
  changedAt: Date;
  source: string;
}

export const CONTRACT_TABLE: TableSpec<ContractRow> = {
  table: "SubscriptionContract",
  key: ["shop", "id"],
  guard: "shopifyUpdatedAt",
  columns: [
    "shop", "id", "customerId", "originOrderId", "status", "billingIntervalUnit", "billingIntervalCount",
    "deliveryIntervalUnit", "deliveryIntervalCount", "nextBillingDate", "lastPaymentStatus", "currencyCode", "source",
    "shopifyCreatedAt", "shopifyUpdatedAt", "syncedAt",
  ],
};

export const CONTRACT_LINE_TABLE: TableSpec<ContractLineRow> = {
  table: "SubscriptionLine",
  key: ["shop", "id"],
  columns: ["shop", "id", "contractId", "productId", "variantId", "quantity", "currentPriceAmount", "sellingPlanId", "sellingPlanName"],
};

export const STATUS_CHANGE_TABLE: TableSpec<StatusChangeRow> = {
  table: "SubscriptionStatusChange",
  key: ["shop", "contractId", "changedAt", "toStatus"],
  keepExisting: true,
  columns: ["shop", "id", "contractId", "fromStatus", "toStatus", "changedAt", "source"],
};

export function mapContract(shop: string, json: unknown, syncedAt: Date, where = "subscription contract"): ContractRow {
  const node = NodeReader.of(json, where);
  const id = node.string("id");
  const c = new NodeReader(node.node, `subscription contract ${id}`);
  const billing = c.object("billingPolicy");
  const delivery = c.optionalObject("deliveryPolicy");
  return {
    shop,
    id,
    customerId: c.optionalRefId("customer"),
    originOrderId: c.optionalRefId("originOrder"),
    status: c.string("status"),
    billingIntervalUnit: billing.string("interval"),
    billingIntervalCount: billing.int("intervalCount"),
    deliveryIntervalUnit: delivery?.optionalString("interval") ?? null,
    deliveryIntervalCount: delivery?.optionalInt("intervalCount") ?? null,
    nextBillingDate: c.optionalInstant("nextBillingDate"),
    lastPaymentStatus: c.optionalString("lastPaymentStatus"),
    currencyCode: c.string("currencyCode"),
    source: "own",
    shopifyCreatedAt: c.instant("createdAt"),
    shopifyUpdatedAt: c.instant("updatedAt"),
    syncedAt,
  };
}

export function mapContractLine(shop: string, contractId: string, json: unknown, where = "subscription line"): ContractLineRow {
  const line = NodeReader.of(json, where);
  return {
    shop,
    id: line.string("id"),
    contractId,
    productId: line.optionalString("productId"),
    variantId: line.optionalString("variantId"),
    quantity: line.int("quantity"),
    currentPriceAmount: line.object("currentPrice").money(),
    sellingPlanId: line.optionalString("sellingPlanId"),
    sellingPlanName: line.optionalString("sellingPlanName"),
  };
}

/**
 * What a snapshot of a contract says about its history: it became ACTIVE when created and, if it is
 * no longer active, took its status at its last update. Webhooks add the steps in between as they come.
 */
export function observedStatusChanges(contract: ContractRow, source: string): StatusChangeRow[] {
  const created: StatusChangeRow = {
    shop: contract.shop, id: randomUUID(), contractId: contract.id, fromStatus: null, toStatus: "ACTIVE", changedAt: contract.shopifyCreatedAt, source,
  };
  if (contract.status === "ACTIVE") return [created];
  return [created, { ...created, id: randomUUID(), fromStatus: null, toStatus: contract.status, changedAt: contract.shopifyUpdatedAt }];
}
