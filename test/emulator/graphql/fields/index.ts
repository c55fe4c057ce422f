// Every type the emulator serves, by GraphQL type name, and the one `resolveField` both execution
// paths call. Types in PLAIN are already shaped like their GraphQL object (money, page info,
// payloads, small value objects), so their fields are the object's own properties.
import { bulkMutations } from "../../bulk/mutations";
import { orderMutations } from "../mutations/orders";
import { subscriptionMutations } from "../mutations/subscriptions";
import { webhookMutations } from "../mutations/webhooks";
import { metafieldFields, metafieldMutations, metafieldsSetUserErrorFields, shopMetafieldFields } from "../mutations/metafields";
import { notImplemented, type FieldEnv, type FieldMap } from "./field-map";
import {
  customerJourneySummaryFields, customerVisitFields, lineItemFields, orderFields, productFields, productVariantFields,
  refundFields, refundLineItemFields,
} from "./order";
import { queryRootFields } from "./query-root";
import {
  bulkOperationFields, customerFields, shopFields, subscriptionContractFields, subscriptionLineFields,
  webhookSubscriptionFields,
} from "./shop";

export const FIELD_MAPS: Readonly<Record<string, FieldMap<never>>> = {
  QueryRoot: queryRootFields,
  Mutation: { ...orderMutations, ...subscriptionMutations, ...bulkMutations, ...webhookMutations, ...metafieldMutations },
  Shop: { ...shopFields, ...shopMetafieldFields },
  Metafield: metafieldFields,
  MetafieldsSetUserError: metafieldsSetUserErrorFields,
  Order: orderFields,
  LineItem: lineItemFields,
  Product: productFields,
  ProductVariant: productVariantFields,
  Refund: refundFields,
  RefundLineItem: refundLineItemFields,
  CustomerJourneySummary: customerJourneySummaryFields,
  CustomerVisit: customerVisitFields,
  Customer: customerFields,
  SubscriptionContract: subscriptionContractFields,
  SubscriptionLine: subscriptionLineFields,
  BulkOperation: bulkOperationFields,
  WebhookSubscription: webhookSubscriptionFields,
};

const PLAIN = new Set([
  "MoneyBag", "MoneyV2", "PageInfo", "UTMParameters", "ShopPlan", "LineItemSellingPlan", "SubscriptionBillingPolicy",
  "SubscriptionDeliveryPolicy", "Count", "Job", "ApiVersion", "UserError", "BulkOperationUserError", "OrderCancelUserError",
  "OrderCreateUserError", "OrderCustomerSetUserError", "OrderCustomerRemoveUserError", "SubscriptionContractStatusUpdateUserError",
]);

export function isPlainType(typeName: string): boolean {
  return PLAIN.has(typeName) || typeName.endsWith("Payload") || typeName.endsWith("Connection") || typeName.endsWith("Edge");
}

/** The value of `typeName.fieldName` for `source`, or an error naming what the emulator lacks. */
export function resolveField(typeName: string, fieldName: string, source: unknown, args: Record<string, unknown>, env: FieldEnv): unknown {
  const map = FIELD_MAPS[typeName] as FieldMap<unknown> | undefined;
  if (map) {
    const fn = map[fieldName];
    if (!fn) throw notImplemented(typeName, fieldName);
    return fn(source, args, env);
  }
  if (isPlainType(typeName) && typeof source === "object" && source !== null && fieldName in source) {
    return (source as Record<string, unknown>)[fieldName];
  }
  throw notImplemented(typeName, fieldName);
}
