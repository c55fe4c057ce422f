// Bad data from Shopify fails with a message naming the object and the path to the field.
import { describe, expect, it } from "vitest";
import { mapOrder } from "../../app/sync/orders/order-rows";
import { NodeReader, ShopifyDataError } from "../../app/sync/node-reader";

describe("NodeReader", () => {
  it("names the nested path and list position of a bad field", () => {
    const order = NodeReader.of({ id: "gid://shopify/Order/1", refunds: [{ id: "r1" }, { id: "r2", totalRefundedSet: { shopMoney: { amount: "1.5x", currencyCode: "JPY" } } }] }, "line 3");
    const refund = order.list("refunds")[1];
    expect(() => refund.object("totalRefundedSet").object("shopMoney").money()).toThrow(
      new ShopifyDataError('line 3.refunds[1].totalRefundedSet.shopMoney.amount: not a decimal amount: "1.5x"'),
    );
    expect(() => order.list("refunds")[0].object("totalRefundedSet")).toThrow('line 3.refunds[0]: field "totalRefundedSet" is missing');
    expect(() => order.list("id")).toThrow('line 3: field "id" is not a list');
  });

  it("names the order by its id when a mapped order's field is wrong", () => {
    expect(() => mapOrder("shop.myshopify.com", { id: "gid://shopify/Order/9", name: 5 }, new Date())).toThrow('order gid://shopify/Order/9: field "totalPriceSet" is missing');
  });
});
