// Requested costs match what Shopify charged live (2026-04 captures in airhorns/shopify-draft-proxy
// fixtures), and webhookSubscriptions / webhookSubscriptionCreate speak to the webhooks registry.
import { Kind, parse, type OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import type { WebhookSubscriptionRecord } from "./context";
import { createAdminContext } from "./context";
import { queryCost } from "./cost";
import { gql } from "./helpers.test-util";
import { adminSchema } from "./schema";
import { testShop } from "./test-shop";

const requested = (query: string, variables: Record<string, unknown> = {}) => {
  const doc = parse(query);
  const op = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  return queryCost(adminSchema(), op, new Map(), variables);
};

describe("calculated query cost", () => {
  it.each([
    ["{ shop { currencyCode } }", 1],
    ["{ bulkOperations(first: 1) { nodes { id } } }", 3],
    ["{ bulkOperations(first: 5) { nodes { id } } }", 5],
    ["{ products(first: 250) { nodes { id } pageInfo { hasNextPage endCursor } } }", 13],
    ["{ products(first: 50) { nodes { id title status vendor productType } } }", 9],
    ["{ bulkOperations(first: 5) { edges { cursor node { id } } nodes { id } pageInfo { hasNextPage } } }", 8],
    ['{ order(id: "gid://shopify/Order/1") { id totalPriceSet { shopMoney { amount currencyCode } } } }', 1],
    ['{ order(id: "gid://shopify/Order/1") { id } orders(first: 5) { nodes { id } } ordersCount { count precision } }', 16],
    ['mutation { orderCreate(order: { lineItems: [] }) { order { id lineItems(first: 5) { nodes { id title quantity } } } userErrors { field message } } }', 15],
    ['mutation { bulkOperationRunQuery(query: "{}") { bulkOperation { id status } userErrors { field message } } }', 10],
  ])("%s costs %i", (query, cost) => {
    expect(requested(query)).toBe(cost);
  });
});

describe("webhook subscriptions", () => {
  it("lists the registry's subscriptions with enum topics and creates through it", async () => {
    const { store } = testShop();
    const records: WebhookSubscriptionRecord[] = [
      { id: 1, topic: "orders/create", uri: "https://app.example/webhooks", createdAt: 0, filter: null, includeFields: [], apiVersion: "2026-07" },
    ];
    const ctx = createAdminContext({
      store,
      now: () => 1_000,
      webhookSubscriptions: () => records,
      createWebhookSubscription: (input) => {
        const record = { id: records.length + 1, createdAt: 1_000, filter: null, includeFields: [], apiVersion: "2026-07", ...input };
        records.push(record);
        return record;
      },
    });
    const created = await gql(ctx, `mutation { webhookSubscriptionCreate(topic: SUBSCRIPTION_CONTRACTS_UPDATE, webhookSubscription: { uri: "https://app.example/w" }) {
      webhookSubscription { id topic uri format } userErrors { message } } }`);
    expect(created.data!.webhookSubscriptionCreate).toEqual({
      webhookSubscription: { id: "gid://shopify/WebhookSubscription/2", topic: "SUBSCRIPTION_CONTRACTS_UPDATE", uri: "https://app.example/w", format: "JSON" },
      userErrors: [],
    });
    expect(records[1].topic).toBe("subscription_contracts/update");
    const listed = await gql(ctx, "{ webhookSubscriptions(first: 10, topics: [ORDERS_CREATE]) { nodes { topic uri } } }");
    expect(listed.data!.webhookSubscriptions.nodes).toEqual([{ topic: "ORDERS_CREATE", uri: "https://app.example/webhooks" }]);
  });
});
