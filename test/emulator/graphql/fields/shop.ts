// Shop, Customer, SubscriptionContract and the other small record types the app reads.
import type { EmContract, EmContractLine, EmCustomer, EmShop } from "../../store/types";
import type { BulkOperationRecord } from "../../bulk/registry";
import type { WebhookSubscriptionRecord } from "../context";
import { arrayConnection } from "../connections";
import { gid } from "../gid";
import { moneyV2 } from "../money";
import { isoDateTime } from "../time";
import type { FieldMap } from "./field-map";

export const shopFields: FieldMap<EmShop> = {
  id: (s) => gid("Shop", s.id),
  name: (s) => s.name,
  myshopifyDomain: (s) => s.domain,
  currencyCode: (s) => s.currencyCode,
  ianaTimezone: (s) => s.ianaTimezone,
  createdAt: (s) => isoDateTime(s.createdAt),
  plan: (s) => ({
    displayName: s.planDisplayName,
    publicDisplayName: s.planDisplayName,
    shopifyPlus: s.planTier === "plus" || s.planTier === "enterprise",
    partnerDevelopment: false,
  }),
};

export const customerFields: FieldMap<EmCustomer> = {
  id: (c) => gid("Customer", c.id),
  legacyResourceId: (c) => String(c.id),
  createdAt: (c) => isoDateTime(c.createdAt),
  updatedAt: (c) => isoDateTime(c.updatedAt),
};

export interface ContractLineSource {
  contract: EmContract;
  line: EmContractLine;
}

export const subscriptionContractFields: FieldMap<EmContract> = {
  id: (c) => gid("SubscriptionContract", c.id),
  status: (c) => c.status,
  createdAt: (c) => isoDateTime(c.createdAt),
  updatedAt: (c) => isoDateTime(c.updatedAt),
  nextBillingDate: (c) => isoDateTime(c.nextBillingDate),
  currencyCode: (c) => c.currencyCode,
  lastPaymentStatus: (c) => c.lastPaymentStatus,
  billingPolicy: (c) => ({ interval: c.billingInterval, intervalCount: c.billingIntervalCount }),
  deliveryPolicy: (c) => ({ interval: c.deliveryInterval, intervalCount: c.deliveryIntervalCount }),
  linesCount: (c) => ({ count: c.lines.length, precision: "EXACT" }),
  lines: (c) => arrayConnection(c.lines.map((line): ContractLineSource => ({ contract: c, line })), (s) => s.line.id),
  originOrder: (c, _args, env) => env.ctx.store.getOrder(c.originOrderId) ?? null,
  customer: (c, _args, env) => env.ctx.store.getCustomer(c.customerId) ?? null,
};

export const subscriptionLineFields: FieldMap<ContractLineSource> = {
  // Shopify's line ids are UUIDs; the emulator's are numbers, which the GID format still carries.
  id: (s) => gid("SubscriptionLine", s.line.id),
  title: (s) => s.line.title,
  quantity: (s) => s.line.quantity,
  currentPrice: (s) => moneyV2(s.line.currentPrice, s.contract.currencyCode),
  productId: (s) => gid("Product", s.line.productId),
  variantId: (s) => gid("ProductVariant", s.line.variantId),
  sellingPlanId: (s) => gid("SellingPlan", s.line.sellingPlanId),
  sellingPlanName: (s) => s.line.sellingPlanName,
};

/** What a BulkOperation shows depends on the context (its file URL), so resolve through env. */
export const bulkOperationFields: FieldMap<BulkOperationRecord> = {
  id: (b) => gid("BulkOperation", b.id),
  type: (b) => b.type,
  status: (b) => b.status,
  errorCode: (b) => b.errorCode,
  createdAt: (b) => isoDateTime(b.createdAt),
  completedAt: (b) => isoDateTime(b.completedAt),
  // UnsignedInt64 is sent as a string ("1456"), as live responses show.
  objectCount: (b) => String(b.objectCount),
  rootObjectCount: (b) => String(b.rootObjectCount),
  fileSize: (b) => (b.fileSize === null ? null : String(b.fileSize)),
  url: (b, _args, env) => (b.status === "COMPLETED" && b.fileToken ? env.ctx.bulkFileUrl(b.fileToken) : null),
  partialDataUrl: (b, _args, env) =>
    b.status === "FAILED" && b.partialFileToken ? env.ctx.bulkFileUrl(b.partialFileToken) : null,
  query: (b) => b.query,
};

/** "orders/create" → ORDERS_CREATE, the WebhookSubscriptionTopic enum value. */
export const topicEnum = (topic: string) => topic.toUpperCase().replace(/[/.]/g, "_");

export const webhookSubscriptionFields: FieldMap<WebhookSubscriptionRecord> = {
  id: (w) => gid("WebhookSubscription", w.id),
  topic: (w) => topicEnum(w.topic),
  uri: (w) => w.uri,
  format: (w) => w.format ?? "JSON",
  createdAt: (w) => isoDateTime(w.createdAt),
  updatedAt: (w) => isoDateTime(w.updatedAt ?? w.createdAt),
  filter: (w) => w.filter,
  includeFields: (w) => w.includeFields,
  apiVersion: (w) => ({ handle: w.apiVersion, displayName: w.apiVersion, supported: true }),
};

export const webhookSubscriptionsArray = (records: WebhookSubscriptionRecord[]) => arrayConnection(records, (w) => w.id);
