// Round-trips of every model on a real database (SQLite file or PostgreSQL server, per TEST_DATABASE),
// exact money, cascades, and the tenancy guard.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { seedShop } from "../factories/commerce";
import { CrossTenantWriteError, forShop } from "../../app/db/tenant";

const A = "shop-a.myshopify.com";
const B = "shop-b.myshopify.com";

let t: TestDatabase;
let seededA: Awaited<ReturnType<typeof seedShop>>;

beforeAll(async () => {
  t = await createTestDatabase();
  seededA = await seedShop(t.db, A, 1);
  await seedShop(t.db, B, 2);
});
afterAll(() => t.drop());

describe(`every model round-trips (${process.env.TEST_DATABASE ?? "sqlite"})`, () => {
  it("reads back each model exactly as written", async () => {
    const { db } = t;
    const order = await db.order.findUniqueOrThrow({
      where: { shop_id: { shop: A, id: seededA.orderId } },
      include: { refunds: { include: { lines: true } } },
    });
    const lines = await db.orderLine.findMany({ where: { shop: A, orderId: seededA.orderId } });
    expect(order).toMatchObject({
      shop: A,
      name: "#1001",
      customerId: seededA.customerId,
      processedAt: new Date("2026-02-01T03:00:00.000Z"),
      cancelledAt: null,
      test: false,
      currencyCode: "JPY",
      totalPriceAmount: 10_800n,
      currentTotalPriceAmount: 9_800n,
      presentmentCurrencyCode: "USD",
      presentmentTotalAmount: 7_299n,
      hasSubscriptionLine: true,
    });
    expect(JSON.parse(order.discountCodes)).toEqual(["WELCOME10"]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ quantity: 2, originalUnitPriceAmount: 6_000n, sellingPlanName: "毎月お届け" });
    expect(order.refunds[0]).toMatchObject({ totalAmount: 1_000n, createdAt: new Date("2026-03-15T00:00:00.000Z") });
    expect(order.refunds[0].lines[0]).toMatchObject({ quantity: 1, subtotalAmount: 1_000n });

    const customer = await db.customer.findUniqueOrThrow({ where: { shop_id: { shop: A, id: seededA.customerId } } });
    expect(customer).toMatchObject({ acquisitionChannel: "instagram", firstDiscountCode: "WELCOME10", countryCode: "JP", ordersCount: 1 });

    const contract = await db.subscriptionContract.findFirstOrThrow({
      where: { shop: A },
      include: { lines: true, history: true },
    });
    expect(contract).toMatchObject({ status: "ACTIVE", billingIntervalUnit: "MONTH", billingIntervalCount: 1, source: "own" });
    expect(contract.lines[0].currentPriceAmount).toBe(5_400n);
    expect(contract.history[0]).toMatchObject({ toStatus: "ACTIVE", source: "backfill" });

    const response = await db.surveyResponse.findFirstOrThrow({
      where: { shop: A },
      include: { answers: true, survey: { include: { questions: true } } },
    });
    expect(response.orderId).toBe(seededA.orderId);
    expect(JSON.parse(response.answers[0].optionIds!)).toEqual(["instagram"]);
    expect(JSON.parse(response.survey.questions[0].prompt).ja).toBe("当店を何で知りましたか？");

    const shop = await db.shop.findUniqueOrThrow({ where: { shop: A } });
    expect(shop).toMatchObject({ currencyCode: "JPY", ianaTimezone: "Asia/Tokyo", installState: "installed", locale: "ja" });
    expect(await db.metricSnapshot.count({ where: { shop: A } })).toBe(1);
    expect(await db.syncRun.count({ where: { shop: A } })).toBe(1);
    expect(await db.syncCursor.count({ where: { shop: A } })).toBe(1);
    expect(await db.webhookDelivery.count({ where: { shop: A } })).toBe(1);
    expect(await db.session.count({ where: { shop: A } })).toBe(1);
  });

  it("keeps money exact: beyond 2^31 and 2^53, three-decimal currencies, sums", async () => {
    const { db } = t;
    const shop = "money.myshopify.com";
    const big = 2n ** 53n + 1n; // not representable as a double
    const base = {
      shop, createdAt: new Date(), processedAt: new Date(), shopifyUpdatedAt: new Date(),
      presentmentCurrencyCode: "KWD",
    };
    await db.order.createMany({
      data: [
        { ...base, id: "gid://shopify/Order/1", currencyCode: "KWD", totalPriceAmount: 1_234n }, // 1.234 KWD
        { ...base, id: "gid://shopify/Order/2", currencyCode: "KWD", totalPriceAmount: big },
        { ...base, id: "gid://shopify/Order/3", currencyCode: "KWD", totalPriceAmount: 3_000_000_000n }, // > 2^31
      ],
    });
    const rows = await db.order.findMany({ where: { shop }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.totalPriceAmount)).toEqual([1_234n, big, 3_000_000_000n]);
    const sum = await db.order.aggregate({ where: { shop }, _sum: { totalPriceAmount: true } });
    expect(sum._sum.totalPriceAmount).toBe(1_234n + big + 3_000_000_000n);
  });

  it("cascades an order's refunds, keeps its lines (no foreign key), keeps one response per order and survey", async () => {
    const { db } = t;
    await expect(
      db.surveyResponse.create({
        data: { shop: A, surveyId: seededA.surveyId, surveyVersion: 1, orderId: seededA.orderId, placement: "order-status" },
      }),
    ).rejects.toThrow();
    const other = await seedShop(t.db, "cascade.myshopify.com", 3);
    await db.order.delete({ where: { shop_id: { shop: "cascade.myshopify.com", id: other.orderId } } });
    expect(await db.refund.count({ where: { shop: "cascade.myshopify.com" } })).toBe(0);
    expect(await db.refundLine.count({ where: { shop: "cascade.myshopify.com" } })).toBe(0);
    // Lines are deleted by whoever deletes orders (shop/redact deletes them first; nothing else does).
    expect(await db.orderLine.count({ where: { shop: "cascade.myshopify.com" } })).toBe(1);
  });
});

describe("tenancy: a shop-scoped client never sees another shop's rows", () => {
  it("filters every read by shop", async () => {
    const a = forShop(t.db, A);
    expect(await a.order.count()).toBe(1);
    expect((await a.order.findMany()).every((o) => o.shop === A)).toBe(true);
    // B's order, asked for by its own key, is invisible to A.
    const bOrder = await t.db.order.findFirstOrThrow({ where: { shop: B } });
    expect(await a.order.findFirst({ where: { id: bOrder.id } })).toBeNull();
    expect(await a.order.findUnique({ where: { shop_id: { shop: B, id: bOrder.id } } })).toBeNull();
    expect(await a.surveyAnswer.count()).toBe(1);
    const sums = await a.order.aggregate({ _sum: { totalPriceAmount: true } });
    expect(sums._sum.totalPriceAmount).toBe(10_800n);
  });

  it("cannot change or delete another shop's rows", async () => {
    const a = forShop(t.db, A);
    const updated = await a.order.updateMany({ data: { financialStatus: "PAID" } });
    expect(updated.count).toBe(1);
    const bOrders = await t.db.order.findMany({ where: { shop: B } });
    expect(bOrders.every((o) => o.financialStatus === null)).toBe(true);
    const deleted = await a.webhookDelivery.deleteMany({ where: { topic: "orders/updated" } });
    expect(deleted.count).toBe(1);
    expect(await t.db.webhookDelivery.count({ where: { shop: B } })).toBe(1);
  });

  it("stamps its shop on creates and refuses a write naming another shop", async () => {
    const a = forShop(t.db, A);
    const row = await a.metricSnapshot.create({
      data: { shop: A, kind: "repeat", asOf: new Date(), engineVersion: "t", payload: "{}" },
    });
    expect(row.shop).toBe(A);
    await expect(
      a.metricSnapshot.create({ data: { shop: B, kind: "repeat", asOf: new Date(), engineVersion: "t", payload: "{}" } }),
    ).rejects.toBeInstanceOf(CrossTenantWriteError);
    await expect(a.order.updateMany({ data: { shop: B } })).rejects.toBeInstanceOf(CrossTenantWriteError);
    expect(await t.db.metricSnapshot.count({ where: { shop: B, kind: "repeat" } })).toBe(0);
  });
});
