// A document that misuses the schema fails as Shopify answers it: graphql-ruby wording and codes,
// HTTP 200, no data and no cost (live captures in airhorns/shopify-draft-proxy
// fixtures/conformance/harry-test-heelo.myshopify.com/2025-01/admin-platform/graphql-base-validation-unhappy-paths.json).
import { describe, expect, it } from "vitest";
import { executeAdminGraphQL } from "./execute";
import { gql } from "./helpers.test-util";
import { order, testShop } from "./test-shop";

describe("schema misuse", () => {
  it("rejects a field Order does not have, before any cost is taken", async () => {
    const { ctx } = testShop({ orders: [order(1)] });
    const response = await executeAdminGraphQL(ctx, { query: "{ orders(first:10){ nodes { id price } } }" });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      errors: [{
        message: "Field 'price' doesn't exist on type 'Order'",
        locations: [{ line: 1, column: 32 }],
        path: ["query", "orders", "nodes", "price"],
        extensions: { code: "undefinedField", typeName: "Order", fieldName: "price" },
      }],
    });
    expect(ctx.throttle.status(ctx.now()).currentlyAvailable).toBe(2000);
  });

  it("names the operation in the path and reports missing subselections and arguments", async () => {
    const { ctx } = testShop();
    const noSelection = await gql(ctx, "query ShopOnly {\n  shop\n}");
    expect(noSelection.errors).toEqual([{
      message: "Field must have selections (field 'shop' returns Shop but has no selections. Did you mean 'shop { ... }'?)",
      locations: [{ line: 2, column: 3 }],
      path: ["query ShopOnly", "shop"],
      extensions: { code: "selectionMismatch", nodeName: "field 'shop'", typeName: "Shop" },
    }]);
    const missingArg = await gql(ctx, "mutation { bulkOperationCancel { userErrors { message } } }");
    expect(missingArg.errors?.[0]).toMatchObject({
      message: "Field 'bulkOperationCancel' is missing required arguments: id",
      extensions: { code: "missingRequiredArguments", className: "Field", name: "bulkOperationCancel", arguments: "id" },
    });
  });

  it("answers a syntax error with PARSE_ERROR", async () => {
    const { ctx } = testShop();
    const body = await gql(ctx, "query Broken {\n  shop {\n    id\n");
    expect(body).toEqual({
      errors: [{ message: "syntax error, unexpected end of file at [4, 1]", locations: [{ line: 4, column: 1 }], extensions: { code: "PARSE_ERROR" } }],
    });
  });

  it("requires first or last on every connection, and not both", async () => {
    const { ctx } = testShop({ orders: [order(1)] });
    const missing = await gql(ctx, "{\n  orders { nodes { id } }\n}");
    expect(missing.data).toBeNull();
    expect(missing.errors).toEqual([{
      message: "you must provide one of first or last",
      locations: [{ line: 2, column: 3 }],
      extensions: { code: "BAD_REQUEST" },
      path: ["orders"],
    }]);
    expect(missing.extensions?.cost).toMatchObject({ requestedQueryCost: 2, actualQueryCost: 2 });
    const both = await gql(ctx, "{ orders(first: 1, last: 1) { nodes { id } } }");
    expect(both.errors?.[0].message).toBe("providing both first and last is not supported");
    const nested = await gql(ctx, "{ orders(first: 1) { nodes { lineItems { nodes { id } } } } }");
    expect(nested.errors?.[0]).toMatchObject({ message: "you must provide one of first or last", path: ["orders", "nodes", "lineItems"] });
  });

  it("reports bad variables as INVALID_VARIABLE", async () => {
    const { ctx } = testShop();
    const body = await gql(ctx, "query One($id: ID!) { order(id: $id) { id } }", {});
    expect(body.errors?.[0]).toMatchObject({
      message: "Variable $id of type ID! was provided invalid value",
      extensions: { code: "INVALID_VARIABLE", value: null, problems: [{ path: [], explanation: "Expected value to not be null" }] },
    });
  });

  it("says plainly when a valid field is not emulated, instead of inventing data", async () => {
    const { ctx } = testShop({ orders: [order(1)] });
    const body = await gql(ctx, '{ order(id: "gid://shopify/Order/1") { id email } }');
    expect(body.data).toEqual({ order: { id: "gid://shopify/Order/1", email: null } });
    expect(body.errors?.[0]).toMatchObject({
      message: "The Shopify emulator does not implement Order.email",
      path: ["order", "email"],
      extensions: { code: "EMULATOR_NOT_IMPLEMENTED" },
    });
  });

  it("rejects ids of the wrong type like Shopify", async () => {
    const { ctx } = testShop();
    const body = await gql(ctx, '{ bulkOperation(id: "gid://shopify/Product/1") { id } }');
    expect(body.data).toEqual({ bulkOperation: null });
    expect(body.errors?.[0]).toMatchObject({ message: "Invalid id: gid://shopify/Product/1", extensions: { code: "RESOURCE_NOT_FOUND" } });
  });
});
