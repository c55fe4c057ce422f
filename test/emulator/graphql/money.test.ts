// MoneyBag amounts: exact decimal strings by currency, printed as Shopify does ("25.0", "12.5").
import { describe, expect, it } from "vitest";
import { gql } from "./helpers.test-util";
import { currencyDecimals, formatAmount, parseAmount } from "./money";
import { line, order, testShop } from "./test-shop";

describe("money", () => {
  it("knows each currency's decimals", () => {
    expect([currencyDecimals("JPY"), currencyDecimals("USD"), currencyDecimals("KWD")]).toEqual([0, 2, 3]);
  });

  it("formats minor units like Shopify's Decimal", () => {
    expect(formatAmount(1500, "JPY")).toBe("1500.0");
    expect(formatAmount(2500, "USD")).toBe("25.0");
    expect(formatAmount(1250, "USD")).toBe("12.5");
    expect(formatAmount(3003, "USD")).toBe("30.03");
    expect(formatAmount(5, "USD")).toBe("0.05");
    expect(formatAmount(1234, "KWD")).toBe("1.234");
    expect(formatAmount(1230, "KWD")).toBe("1.23");
    expect(formatAmount(-200, "USD")).toBe("-2.0");
    expect(formatAmount(0, "KWD")).toBe("0.0");
    expect(parseAmount("12.50", "USD")).toBe(1250);
    expect(parseAmount("1.234", "KWD")).toBe(1234);
    expect(parseAmount("1.5", "JPY")).toBeUndefined();
  });

  it("serves shop and presentment money on an order", async () => {
    const { ctx } = testShop({
      shop: { currencyCode: "USD" },
      orders: [
        order(1, {
          currencyCode: "USD", presentmentCurrencyCode: "KWD", presentmentRate: 0.307,
          lineItems: [line(101, { unitPrice: 1999, quantity: 2, currentQuantity: 2, discount: 399 })], shippingPrice: 500,
        }),
      ],
    });
    const body = await gql(ctx, `{ order(id: "gid://shopify/Order/1") {
      currencyCode presentmentCurrencyCode
      totalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
      lineItems(first: 5) { nodes { originalUnitPriceSet { shopMoney { amount } } discountedTotalSet { shopMoney { amount } } } }
    } }`);
    expect(body.data!.order).toEqual({
      currencyCode: "USD",
      presentmentCurrencyCode: "KWD",
      // 39.98 - 3.99 + 5.00 = 40.99 USD; × 0.307 → 12.584 KWD (12584 fils, rounded)
      totalPriceSet: { shopMoney: { amount: "40.99", currencyCode: "USD" }, presentmentMoney: { amount: "12.584", currencyCode: "KWD" } },
      lineItems: { nodes: [{ originalUnitPriceSet: { shopMoney: { amount: "19.99" } }, discountedTotalSet: { shopMoney: { amount: "35.99" } } }] },
    });
  });
});
