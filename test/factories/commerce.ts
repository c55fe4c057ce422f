// Builders for a tiny, fully-specified shop: every model with every field set, so round-trip tests
// can compare what was written with what is read back.
import type { Db } from "../../app/db.server";

export const at = (iso: string) => new Date(iso);

export function shopRow(shop: string, over: Record<string, unknown> = {}) {
  return {
    shop,
    shopGid: `gid://shopify/Shop/${shop.length}`,
    name: "Tsuzuku Test Shop",
    installState: "installed",
    installedAt: at("2026-01-05T00:00:00.000Z"),
    scopes: "read_orders,read_all_orders",
    currencyCode: "JPY",
    ianaTimezone: "Asia/Tokyo",
    planName: "Basic",
    shopifyPlus: false,
    locale: "ja",
    ...over,
  };
}

/** Seeds one customer with one order (two lines, a refund with a line), a subscription and a survey answer. */
export async function seedShop(db: Db, shop: string, n = 1) {
  await db.shop.create({ data: shopRow(shop) });
  const customerId = `gid://shopify/Customer/${n}00`;
  const orderId = `gid://shopify/Order/${n}000`;
  await db.customer.create({
    data: {
      shop,
      id: customerId,
      firstOrderId: orderId,
      firstOrderAt: at("2026-02-01T03:00:00.000Z"),
      ordersCount: 1,
      acquisitionChannel: "instagram",
      firstVisitSource: "instagram",
      firstUtmSource: "ig",
      firstUtmMedium: "social",
      firstUtmCampaign: "spring",
      firstDiscountCode: "WELCOME10",
      firstProductId: "gid://shopify/Product/1",
      countryCode: "JP",
      shopifyCreatedAt: at("2026-01-31T00:00:00.000Z"),
      shopifyUpdatedAt: at("2026-02-01T03:00:00.000Z"),
    },
  });
  await db.order.create({
    data: {
      shop,
      id: orderId,
      name: `#${n}001`,
      customerId,
      createdAt: at("2026-02-01T03:00:00.000Z"),
      processedAt: at("2026-02-01T03:00:00.000Z"),
      shopifyUpdatedAt: at("2026-02-03T00:00:00.000Z"),
      test: false,
      sourceName: "web",
      discountCodes: JSON.stringify(["WELCOME10"]),
      tags: JSON.stringify(["first"]),
      customerOrderIndex: 0,
      firstVisitSource: "instagram",
      utmSource: "ig",
      currencyCode: "JPY",
      subtotalAmount: 12_000n,
      totalDiscountsAmount: 1_200n,
      totalPriceAmount: 10_800n,
      currentTotalPriceAmount: 9_800n,
      totalRefundedAmount: 1_000n,
      presentmentCurrencyCode: "USD",
      presentmentTotalAmount: 7_299n,
      hasSubscriptionLine: true,
      refunds: {
        create: [
          {
            id: `gid://shopify/Refund/${n}9`,
            createdAt: at("2026-03-15T00:00:00.000Z"),
            totalAmount: 1_000n,
            currencyCode: "JPY",
            orderUpdatedAt: at("2026-03-15T00:00:00.000Z"),
            lines: {
              create: [{ id: `gid://shopify/RefundLineItem/${n}91`, lineItemId: `gid://shopify/LineItem/${n}0001`, quantity: 1, subtotalAmount: 1_000n }],
            },
          },
        ],
      },
    },
  });
  // Lines have no relation to their order in the schema (no foreign key): written on their own.
  await db.orderLine.create({
    data: {
      shop,
      orderId,
      id: `gid://shopify/LineItem/${n}0001`,
      productId: "gid://shopify/Product/1",
      variantId: "gid://shopify/ProductVariant/11",
      quantity: 2,
      currentQuantity: 1,
      originalUnitPriceAmount: 6_000n,
      discountedTotalAmount: 10_800n,
      sellingPlanId: "gid://shopify/SellingPlan/5",
      sellingPlanName: "毎月お届け",
      contractId: `gid://shopify/SubscriptionContract/${n}7`,
      orderUpdatedAt: at("2026-03-15T00:00:00.000Z"),
    },
  });
  await db.subscriptionContract.create({
    data: {
      shop,
      id: `gid://shopify/SubscriptionContract/${n}7`,
      customerId,
      originOrderId: orderId,
      status: "ACTIVE",
      billingIntervalUnit: "MONTH",
      billingIntervalCount: 1,
      nextBillingDate: at("2026-03-01T00:00:00.000Z"),
      currencyCode: "JPY",
      shopifyCreatedAt: at("2026-02-01T03:00:00.000Z"),
      shopifyUpdatedAt: at("2026-02-01T03:00:00.000Z"),
      lines: { create: [{ id: `gid://shopify/SubscriptionLine/${n}71`, quantity: 1, currentPriceAmount: 5_400n }] },
      history: { create: [{ toStatus: "ACTIVE", changedAt: at("2026-02-01T03:00:00.000Z"), source: "backfill" }] },
    },
  });
  const survey = await db.survey.create({
    data: {
      shop,
      name: "How did you hear about us?",
      status: "active",
      questions: {
        create: [{ surveyVersion: 1, key: "heard_from", position: 0, kind: "single", prompt: JSON.stringify({ en: "How did you hear about us?", ja: "当店を何で知りましたか？" }) }],
      },
    },
    include: { questions: true },
  });
  const response = await db.surveyResponse.create({
    data: { shop, surveyId: survey.id, surveyVersion: 1, orderId, customerId, placement: "thank-you", locale: "ja" },
  });
  await db.surveyAnswer.create({
    data: { shop, responseId: response.id, questionId: survey.questions[0].id, optionIds: JSON.stringify(["instagram"]) },
  });
  await db.metricSnapshot.create({
    data: { shop, kind: "overview", asOf: at("2026-03-31T15:00:00.000Z"), engineVersion: "test", payload: JSON.stringify({ customers: 1 }) },
  });
  await db.syncRun.create({ data: { shop, kind: "backfill", resource: "orders", phase: "done", status: "succeeded", expectedCount: 1, doneCount: 1 } });
  await db.syncCursor.create({ data: { shop, resource: "orders", updatedAtCursor: at("2026-02-03T00:00:00.000Z") } });
  await db.shopSettings.create({ data: { shop } }); // the defaults, stored
  await db.redactedCustomer.create({ data: { shop, id: `gid://shopify/Customer/${n}99` } }); // redacted earlier
  await db.webhookDelivery.create({
    data: { shop, eventId: `evt-${n}`, webhookId: `wh-${n}`, topic: "orders/updated", apiVersion: "2026-07", resourceId: orderId },
  });
  await db.session.create({ data: { id: `offline_${shop}`, shop, state: "", accessToken: `token-${n}`, scope: "read_orders" } });
  return { customerId, orderId, surveyId: survey.id };
}
