// Bulk operations: lifecycle, Shopify's JSONL shape, limits, cancel / fail / expire.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { bulkOperationSettled, expireBulkOperation, failBulkOperation, resolveBulkFile } from "../bulk/hooks";
import { gql } from "./helpers.test-util";
import { contract, line, order, testShop } from "./test-shop";

const RUN = `mutation Run($query: String!) { bulkOperationRunQuery(query: $query, groupObjects: false) {
  bulkOperation { id status type errorCode createdAt completedAt objectCount rootObjectCount fileSize url partialDataUrl query }
  userErrors { field message code } } }`;
const POLL = `query Poll($id: ID!) { bulkOperation(id: $id) { id status errorCode objectCount rootObjectCount fileSize url partialDataUrl completedAt } }`;

const ORDERS_EXPORT = `{
  orders(query: "test:false") {
    edges { node {
      id name discountCodes
      refunds { id totalRefundedSet { shopMoney { amount } } }
      lineItems { edges { node { id quantity sellingPlan { name sellingPlanId } } } }
    } }
  }
}`;

const bulkShop = (autoStart = false) =>
  testShop({
    bulk: { autoStart },
    orders: [
      order(1, {
        discountCodes: ["WELCOME"],
        lineItems: [line(101, { sellingPlan: { id: 55, name: "毎月お届け", intervalUnit: "MONTH", intervalCount: 1 }, contractId: 31 }), line(102, { quantity: 2, currentQuantity: 2 })],
        refunds: [{ id: 501, createdAt: Date.parse("2026-01-03T00:00:00Z"), note: null, lines: [{ id: 502, lineItemId: 102, quantity: 1, subtotal: 1000 }], total: 1000 }],
      }),
      order(2, { lineItems: [line(201)] }),
      order(3, { test: true }),
    ],
    contracts: [contract(31)],
  });

const numericId = (gidText: string) => Number(gidText.split("/").pop());

describe("bulk operations", () => {
  it("goes CREATED → COMPLETED and writes Shopify's JSONL: children as their own lines with __parentId", async () => {
    const { ctx } = bulkShop();
    const run = (await gql(ctx, RUN, { query: ORDERS_EXPORT })).data!.bulkOperationRunQuery;
    expect(run.userErrors).toEqual([]);
    expect(run.bulkOperation).toEqual({
      id: run.bulkOperation.id, status: "CREATED", type: "QUERY", errorCode: null, createdAt: new Date(ctx.now()).toISOString().replace(".000Z", "Z"),
      completedAt: null, objectCount: "0", rootObjectCount: "0", fileSize: null, url: null, partialDataUrl: null, query: ORDERS_EXPORT,
    });
    const id = run.bulkOperation.id;
    expect((await gql(ctx, POLL, { id })).data!.bulkOperation.status).toBe("CREATED");

    await bulkOperationSettled(ctx, numericId(id));
    const done = (await gql(ctx, POLL, { id })).data!.bulkOperation;
    expect(done).toMatchObject({ status: "COMPLETED", errorCode: null, objectCount: "5", rootObjectCount: "2", partialDataUrl: null });
    const token = /bulk-operations\/([0-9a-f]+)\.jsonl$/.exec(done.url)![1];
    const file = (await resolveBulkFile(ctx, token))!;
    expect(done.fileSize).toBe(String(file.size));
    const text = await readFile(file.path, "utf8");
    expect(text.split("\n")).toEqual([
      String.raw`{"id":"gid:\/\/shopify\/Order\/1","name":"#1001","discountCodes":["WELCOME"],"refunds":[{"id":"gid:\/\/shopify\/Refund\/501","totalRefundedSet":{"shopMoney":{"amount":"1000.0"}}}]}`,
      String.raw`{"id":"gid:\/\/shopify\/LineItem\/101","quantity":1,"sellingPlan":{"name":"毎月お届け","sellingPlanId":"gid:\/\/shopify\/SellingPlan\/55"},"__parentId":"gid:\/\/shopify\/Order\/1"}`,
      String.raw`{"id":"gid:\/\/shopify\/LineItem\/102","quantity":2,"sellingPlan":null,"__parentId":"gid:\/\/shopify\/Order\/1"}`,
      String.raw`{"id":"gid:\/\/shopify\/Order\/2","name":"#1002","discountCodes":[],"refunds":[]}`,
      String.raw`{"id":"gid:\/\/shopify\/LineItem\/201","quantity":1,"sellingPlan":null,"__parentId":"gid:\/\/shopify\/Order\/2"}`,
      "",
    ]);
    // The same operation through node, the status-filtered list and the deprecated current operation.
    const reads = await gql(ctx, `query R($id: ID!) {
      node(id: $id) { ... on BulkOperation { status } }
      bulkOperations(first: 5, query: "status:completed") { nodes { id } }
      running: bulkOperations(first: 5, query: "status:running") { nodes { id } }
      currentBulkOperation { id status }
    }`, { id });
    expect(reads.data).toEqual({
      node: { status: "COMPLETED" },
      bulkOperations: { nodes: [{ id }] },
      running: { nodes: [] },
      currentBulkOperation: { id, status: "COMPLETED" },
    });
  });

  it("runs by itself when autoStart is on, and an empty export has no url", async () => {
    const { ctx } = bulkShop(true);
    const run = (await gql(ctx, RUN, { query: '{ orders(query: "tag:none") { edges { node { id } } } }' })).data!.bulkOperationRunQuery;
    await bulkOperationSettled(ctx, numericId(run.bulkOperation.id));
    const done = (await gql(ctx, POLL, { id: run.bulkOperation.id })).data!.bulkOperation;
    expect(done).toMatchObject({ status: "COMPLETED", objectCount: "0", url: null, fileSize: null });
  });

  it("refuses a sixth concurrent bulk query from 2026-01, a second one before", async () => {
    const { ctx } = bulkShop();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await gql(ctx, RUN, { query: ORDERS_EXPORT })).data!.bulkOperationRunQuery.bulkOperation.id);
    const sixth = (await gql(ctx, RUN, { query: ORDERS_EXPORT })).data!.bulkOperationRunQuery;
    expect(sixth).toEqual({
      bulkOperation: null,
      userErrors: [{ field: null, message: `A bulk query operation for this app and shop is already in progress: ${ids.join(", ")}.`, code: "OPERATION_IN_PROGRESS" }],
    });
    const older = testShop({ bulk: { autoStart: false } });
    await gql(older.ctx, RUN, { query: ORDERS_EXPORT }, "2025-10");
    const second = (await gql(older.ctx, RUN, { query: ORDERS_EXPORT }, "2025-10")).data!.bulkOperationRunQuery;
    expect(second.userErrors[0].code).toBe("OPERATION_IN_PROGRESS");
  });

  it("validates the inner query with Shopify's messages", async () => {
    const { ctx } = bulkShop();
    const errorsFor = async (query: string) => (await gql(ctx, RUN, { query })).data!.bulkOperationRunQuery.userErrors;
    const invalid = (message: string) => [{ field: ["query"], message, code: "INVALID" }];
    // Both from Shopify's own 2026-04 answers (airhorns/shopify-draft-proxy bulk-operation-run-query-validators.json).
    expect(await errorsFor(`{ collections { edges { node { id products { edges { node { id variants { edges { node { id metafields { edges { node { id } } } } } } } } } } } } }`))
      .toEqual(invalid("Bulk queries cannot contain connections with a nesting depth greater than 2."));
    expect(await errorsFor(`{ products { edges { node { id variants { edges { node { id } } } metafields { edges { node { id } } } collections { edges { node { id } } } media { edges { node { id } } } sellingPlanGroups { edges { node { id } } } } } } }`))
      .toEqual(invalid("Bulk queries cannot contain more than 5 connections."));
    expect(await errorsFor("{ shop { id } }")).toEqual(invalid("Bulk queries must contain at least one connection."));
    expect(await errorsFor("{ orders { nodes { id } } }")).toEqual(invalid(
      "All connection fields in a bulk query must select their contents using 'edges' > 'node', e.g: 'orders { edges { node {'. Selecting via 'nodes' is not supported. Invalid connection fields: 'orders'.",
    ));
    expect(await errorsFor("{ orders { edges { node { name lineItems { edges { node { id } } } } } } }")).toEqual(invalid(
      "The parent 'node' field for a nested connection must select the 'id' field without an alias and must be of 'ID' return type. Connection fields without 'id': orders.",
    ));
    expect(await errorsFor('mutation { orderUpdate(input: { id: "gid://shopify/Order/1" }) { userErrors { message } } }'))
      .toEqual(invalid("Invalid operation type. Only `query` operations are supported."));
    expect(await errorsFor("")).toEqual(invalid("Invalid bulk query: syntax error, unexpected end of file"));
    expect(await errorsFor("{ orders { edges { node { id price } } } }")).toEqual(invalid("Invalid bulk query: Field 'price' doesn't exist on type 'Order'"));
    expect(ctx.bulk.list()).toEqual([]);
  });

  it("cancels: CANCELING at once, CANCELED when the runner stops; a finished one cannot be canceled", async () => {
    const { ctx } = bulkShop();
    const id = (await gql(ctx, RUN, { query: ORDERS_EXPORT })).data!.bulkOperationRunQuery.bulkOperation.id;
    const CANCEL = `mutation C($id: ID!) { bulkOperationCancel(id: $id) { bulkOperation { status } userErrors { field message } } }`;
    expect((await gql(ctx, CANCEL, { id })).data!.bulkOperationCancel).toEqual({ bulkOperation: { status: "CANCELING" }, userErrors: [] });
    await bulkOperationSettled(ctx, numericId(id));
    expect((await gql(ctx, POLL, { id })).data!.bulkOperation).toMatchObject({ status: "CANCELED", url: null });
    expect((await gql(ctx, CANCEL, { id })).data!.bulkOperationCancel).toEqual({
      bulkOperation: { status: "CANCELED" },
      userErrors: [{ field: null, message: "A bulk operation cannot be canceled when it is canceled" }],
    });
    expect((await gql(ctx, CANCEL, { id: "gid://shopify/BulkOperation/1" })).data!.bulkOperationCancel).toEqual({
      bulkOperation: null,
      userErrors: [{ field: ["id"], message: "Bulk operation does not exist" }],
    });
  });

  it("fails on demand with partial data, and expires on demand", async () => {
    const { ctx } = bulkShop();
    const failing = (await gql(ctx, RUN, { query: ORDERS_EXPORT })).data!.bulkOperationRunQuery.bulkOperation.id;
    failBulkOperation(ctx, numericId(failing), { errorCode: "TIMEOUT", afterRootObjects: 1 });
    await bulkOperationSettled(ctx, numericId(failing));
    const failed = (await gql(ctx, POLL, { id: failing })).data!.bulkOperation;
    expect(failed).toMatchObject({ status: "FAILED", errorCode: "TIMEOUT", url: null, objectCount: "3", rootObjectCount: "1" });
    const partial = await resolveBulkFile(ctx, /([0-9a-f]+)\.jsonl$/.exec(failed.partialDataUrl)![1]);
    expect((await readFile(partial!.path, "utf8")).trim().split("\n")).toHaveLength(3);

    const expiring = (await gql(ctx, RUN, { query: ORDERS_EXPORT })).data!.bulkOperationRunQuery.bulkOperation.id;
    await bulkOperationSettled(ctx, numericId(expiring));
    await expireBulkOperation(ctx, numericId(expiring));
    expect((await gql(ctx, POLL, { id: expiring })).data!.bulkOperation).toMatchObject({ status: "EXPIRED", url: null });
  });

  it("exports customers and subscription contracts with their lines", async () => {
    const { ctx } = bulkShop();
    const query = "{ subscriptionContracts { edges { node { id status lines { edges { node { id sellingPlanName currentPrice { amount currencyCode } } } } } } } }";
    const id = (await gql(ctx, RUN, { query })).data!.bulkOperationRunQuery.bulkOperation.id;
    await bulkOperationSettled(ctx, numericId(id));
    const url = (await gql(ctx, POLL, { id })).data!.bulkOperation.url;
    const file = await resolveBulkFile(ctx, /([0-9a-f]+)\.jsonl$/.exec(url)![1]);
    expect((await readFile(file!.path, "utf8")).trim().split("\n").map((l) => JSON.parse(l))).toEqual([
      { id: "gid://shopify/SubscriptionContract/31", status: "ACTIVE" },
      { id: "gid://shopify/SubscriptionLine/931", sellingPlanName: "Monthly", currentPrice: { amount: "3000.0", currencyCode: "JPY" }, __parentId: "gid://shopify/SubscriptionContract/31" },
    ]);
  });
});
