// Mutations change the shop and report webhook topics, so tests can drive a shop through time.
import { describe, expect, it } from "vitest";
import { gql } from "./helpers.test-util";
import { setContractStatusForTest } from "./mutations/subscriptions";
import { contract, line, order, testShop } from "./test-shop";

const CREATE = `mutation Create($order: OrderCreateOrderInput!) {
  orderCreate(order: $order) {
    order { id name processedAt test discountCodes customer { id } currentTotalPriceSet { shopMoney { amount currencyCode } }
      lineItems(first: 5) { nodes { id quantity discountedTotalSet { shopMoney { amount } } } } }
    userErrors { field message code }
  }
}`;

describe("order mutations", () => {
  it("creates an order with lines, customer, discount code and a past processedAt", async () => {
    const { ctx, events, clock } = testShop();
    const body = await gql(ctx, CREATE, {
      order: {
        processedAt: "2025-12-24T10:00:00Z",
        test: true,
        customer: { toAssociate: { id: "gid://shopify/Customer/2" } },
        financialStatus: "PAID",
        discountCode: { itemPercentageDiscountCode: { code: "WELCOME10", percentage: 10 } },
        lineItems: [{ variantId: "gid://shopify/ProductVariant/5", title: "Tea", quantity: 2, priceSet: { shopMoney: { amount: "1500", currencyCode: "JPY" } } }],
      },
    });
    const created = body.data!.orderCreate;
    expect(created.userErrors).toEqual([]);
    expect(created.order).toMatchObject({
      processedAt: "2025-12-24T10:00:00Z",
      test: true,
      discountCodes: ["WELCOME10"],
      customer: { id: "gid://shopify/Customer/2" },
      currentTotalPriceSet: { shopMoney: { amount: "2700.0", currencyCode: "JPY" } },
      lineItems: { nodes: [{ quantity: 2, discountedTotalSet: { shopMoney: { amount: "2700.0" } } }] },
    });
    const id = Number(created.order.id.split("/").pop());
    expect(events).toEqual([{ topic: "orders/create", kind: "order", id }, { topic: "orders/paid", kind: "order", id }]);
    // The new order is visible to incremental sync.
    const since = new Date(clock.now - 1000).toISOString();
    const listed = await gql(ctx, `{ orders(first: 5, sortKey: UPDATED_AT, query: "updated_at:>='${since}'") { nodes { id } } }`);
    expect(listed.data!.orders.nodes).toEqual([{ id: created.order.id }]);
  });

  it("returns userErrors instead of creating a broken order", async () => {
    const { ctx, events } = testShop();
    const body = await gql(ctx, CREATE, {
      order: { customer: { toAssociate: { id: "gid://shopify/Customer/404" } }, lineItems: [{ title: "x", quantity: 1 }] },
    });
    expect(body.data!.orderCreate.order).toBeNull();
    expect(body.data!.orderCreate.userErrors.map((e: { field: string[] }) => e.field)).toEqual([
      ["order", "lineItems", "0", "priceSet"],
      ["order", "customer"],
    ]);
    expect(events).toEqual([]);
  });

  it("updates tags and bumps updatedAt", async () => {
    const { ctx, events, clock } = testShop({ orders: [order(1)] });
    const body = await gql(ctx, `mutation { orderUpdate(input: { id: "gid://shopify/Order/1", tags: ["vip"] }) { order { tags updatedAt } userErrors { message } } }`);
    expect(body.data!.orderUpdate).toEqual({ order: { tags: ["vip"], updatedAt: new Date(clock.now).toISOString().replace(".000Z", "Z") }, userErrors: [] });
    expect(events).toEqual([{ topic: "orders/updated", kind: "order", id: 1 }]);
  });

  it("moves an order to another customer, makes it a guest order, and refuses unknown ids", async () => {
    const { ctx, events } = testShop({ orders: [order(1, { customerId: 1 })] });
    const set = (customer: string) =>
      gql(ctx, `mutation { orderCustomerSet(orderId: "gid://shopify/Order/1", customerId: "${customer}") { order { customer { id } } userErrors { field message code } } }`);
    expect((await set("gid://shopify/Customer/2")).data!.orderCustomerSet).toEqual({ order: { customer: { id: "gid://shopify/Customer/2" } }, userErrors: [] });
    const unknown = await set("gid://shopify/Customer/999");
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data!.orderCustomerSet).toEqual({
      order: null,
      userErrors: [{ field: ["customerId"], message: "Customer does not exist", code: "NOT_FOUND" }],
    });
    const removed = await gql(ctx, `mutation { orderCustomerRemove(orderId: "gid://shopify/Order/1") { order { customer { id } } userErrors { message } } }`);
    expect(removed.data!.orderCustomerRemove).toEqual({ order: { customer: null }, userErrors: [] });
    expect(events).toEqual([
      { topic: "orders/updated", kind: "order", id: 1 },
      { topic: "orders/updated", kind: "order", id: 1 },
    ]);
  });

  it("cancels asynchronously (a Job) and refuses a second cancellation", async () => {
    const { ctx, events } = testShop({ orders: [order(1)] });
    const CANCEL = `mutation { orderCancel(orderId: "gid://shopify/Order/1", reason: CUSTOMER, restock: false, refund: true) {
      job { id done } orderCancelUserErrors { field message code } userErrors { field message } } }`;
    const first = (await gql(ctx, CANCEL)).data!.orderCancel;
    expect(first.job).toMatchObject({ done: false });
    expect(first.job.id).toMatch(/^gid:\/\/shopify\/Job\/[0-9a-f-]{36}$/);
    expect(first.orderCancelUserErrors).toEqual([]);
    const read = await gql(ctx, `{ order(id: "gid://shopify/Order/1") { cancelReason closed totalRefundedSet { shopMoney { amount } } refunds { id } } }`);
    expect(read.data!.order).toMatchObject({ cancelReason: "CUSTOMER", closed: true, totalRefundedSet: { shopMoney: { amount: "1000.0" } } });
    expect(events.map((e) => e.topic)).toEqual(["refunds/create", "orders/cancelled", "orders/updated"]);
    const again = (await gql(ctx, CANCEL)).data!.orderCancel;
    expect(again).toEqual({
      job: null,
      orderCancelUserErrors: [{ field: ["orderId"], message: "Cannot cancel an order that has already been canceled", code: "INVALID" }],
      userErrors: [{ field: ["orderId"], message: "Cannot cancel an order that has already been canceled" }],
    });
  });

  it("refunds line items and reports refunds/create", async () => {
    const { ctx, events } = testShop({ orders: [order(1, { lineItems: [line(101, { quantity: 3, currentQuantity: 3, unitPrice: 1200 })] })] });
    const REFUND = `mutation Refund($input: RefundInput!) { refundCreate(input: $input) {
      refund { id note totalRefundedSet { shopMoney { amount } } refundLineItems(first: 5) { nodes { quantity lineItem { id } } } }
      order { displayFinancialStatus currentTotalPriceSet { shopMoney { amount } } }
      userErrors { field message } } }`;
    const body = await gql(ctx, REFUND, { input: { orderId: "gid://shopify/Order/1", note: "damaged", refundLineItems: [{ lineItemId: "gid://shopify/LineItem/101", quantity: 2 }] } });
    expect(body.data!.refundCreate).toMatchObject({
      refund: { note: "damaged", totalRefundedSet: { shopMoney: { amount: "2400.0" } }, refundLineItems: { nodes: [{ quantity: 2, lineItem: { id: "gid://shopify/LineItem/101" } }] } },
      order: { displayFinancialStatus: "PARTIALLY_REFUNDED", currentTotalPriceSet: { shopMoney: { amount: "1200.0" } } },
      userErrors: [],
    });
    expect(events.map((e) => e.topic)).toEqual(["refunds/create", "orders/updated"]);
    const tooMany = await gql(ctx, REFUND, { input: { orderId: "gid://shopify/Order/1", refundLineItems: [{ lineItemId: "gid://shopify/LineItem/101", quantity: 5 }] } });
    expect(tooMany.data!.refundCreate.userErrors).toEqual([{ field: ["refundLineItems"], message: "Line item 101: can refund 1..1, not 5" }]);
  });
});

describe("subscription contract mutations", () => {
  it("pauses, activates and cancels with the 2026-07 names and reports both topics", async () => {
    const { ctx, events } = testShop({ contracts: [contract(31)] });
    const run = (name: string) =>
      gql(ctx, `mutation { ${name}(subscriptionContractId: "gid://shopify/SubscriptionContract/31") { contract { status nextBillingDate } userErrors { field message code } } }`);
    expect((await run("subscriptionContractPause")).data!.subscriptionContractPause).toEqual({ contract: { status: "PAUSED", nextBillingDate: null }, userErrors: [] });
    expect((await run("subscriptionContractActivate")).data!.subscriptionContractActivate.contract.status).toBe("ACTIVE");
    expect((await run("subscriptionContractCancel")).data!.subscriptionContractCancel.contract.status).toBe("CANCELLED");
    expect((await run("subscriptionContractActivate")).data!.subscriptionContractActivate.userErrors[0].code).toBe("CONTRACT_TERMINATED");
    expect(events.map((e) => e.topic)).toEqual([
      "subscription_contracts/pause", "subscription_contracts/update",
      "subscription_contracts/activate", "subscription_contracts/update",
      "subscription_contracts/cancel", "subscription_contracts/update",
    ]);
  });

  it("lets a test expire or fail a contract the way Shopify's billing would", async () => {
    const { ctx, events } = testShop({ contracts: [contract(31), contract(32)] });
    setContractStatusForTest(ctx, 31, "EXPIRED");
    setContractStatusForTest(ctx, 32, "FAILED");
    const body = await gql(ctx, `{ subscriptionContracts(first: 5, query: "status:expired OR status:failed", sortKey: ID) { nodes { id status } } }`);
    expect(body.data!.subscriptionContracts.nodes).toEqual([
      { id: "gid://shopify/SubscriptionContract/31", status: "EXPIRED" },
      { id: "gid://shopify/SubscriptionContract/32", status: "FAILED" },
    ]);
    expect(events.filter((e) => e.topic !== "subscription_contracts/update").map((e) => e.topic)).toEqual([
      "subscription_contracts/expire", "subscription_contracts/fail",
    ]);
  });
});
