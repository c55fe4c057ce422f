// The admin loaders behind real App Bridge session tokens: the library verifies the HS256 signature with
// the app secret, the audience and the expiry; the offline session is read from Prisma session storage.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { loader as LayoutLoader } from "../../app/routes/app";
import type { loader as StatusLoader } from "../../app/routes/app.sync";
import { Session } from "@shopify/shopify-app-remix/server";
import { computeSnapshot } from "../../app/snapshots/jobs";
import { seedShop } from "../factories/commerce";
import { startApp, TEST_API_KEY } from "../helpers/app";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { bearerRequest, documentRequest, respond, sessionToken } from "../helpers/shopify-requests";

const SHOP = "tsuzuku-auth.myshopify.com";
const OTHER_SHOP = "someone-else.myshopify.com";

let database: TestDatabase;
let app: Awaited<ReturnType<typeof startApp>>;
let statusLoader: typeof StatusLoader;
let layoutLoader: typeof LayoutLoader;

async function seedSyncedShop() {
  const { db } = database;
  await db.shop.create({ data: { shop: SHOP, locale: "ja", ianaTimezone: "Asia/Tokyo", currencyCode: "JPY" } });
  const order = (n: number) => ({
    shop: SHOP,
    id: `gid://shopify/Order/${n}`,
    createdAt: new Date("2026-05-01T00:00:00Z"),
    processedAt: new Date("2026-05-01T00:00:00Z"),
    shopifyUpdatedAt: new Date("2026-05-02T00:00:00Z"),
    currencyCode: "JPY",
    presentmentCurrencyCode: "JPY",
    totalPriceAmount: 4_800n,
  });
  const lines = (n: number, count: number) =>
    Array.from({ length: count }, (_, i) => ({
      shop: SHOP,
      id: `gid://shopify/LineItem/${n}${i}`,
      orderId: `gid://shopify/Order/${n}`,
      quantity: 1,
      currentQuantity: 1,
      originalUnitPriceAmount: 2_400n,
      discountedTotalAmount: 2_400n,
      orderUpdatedAt: new Date("2026-05-01T00:00:00Z"),
    }));
  await db.order.createMany({ data: [order(501), order(502)] });
  await db.orderLine.createMany({ data: [...lines(501, 2), ...lines(502, 1)] });
  await db.refund.create({
    data: { shop: SHOP, id: "gid://shopify/Refund/9", orderId: "gid://shopify/Order/501", createdAt: new Date(), totalAmount: 2_400n, currencyCode: "JPY", orderUpdatedAt: new Date() },
  });
  // An older, finished backfill and the reconciliation that followed it: the page shows the latter.
  await db.syncRun.create({
    data: { shop: SHOP, kind: "backfill", resource: "orders", phase: "done", status: "succeeded", doneCount: 2, expectedCount: 2, startedAt: new Date("2026-05-03T00:00:00Z"), finishedAt: new Date("2026-05-03T00:05:00Z") },
  });
  await db.syncRun.create({
    data: { shop: SHOP, kind: "reconcile", resource: "orders", phase: "writing", status: "running", doneCount: 120, expectedCount: 300, lastError: "THROTTLED, retried", startedAt: new Date("2026-05-04T00:00:00Z") },
  });
  await app.shopify.sessionStorage.storeSession(
    new Session({
      id: `offline_${SHOP}`,
      shop: SHOP,
      state: "",
      isOnline: false,
      scope: "read_orders,read_all_orders",
      accessToken: "shpat_offline_token_for_tests",
    }),
  );
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startApp(database.url);
  statusLoader = (await import("../../app/routes/app.sync")).loader;
  layoutLoader = (await import("../../app/routes/app")).loader;
  await seedSyncedShop();
  await seedShop(database.db, OTHER_SHOP, 7); // another merchant's data, never to be counted for SHOP
});

afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

const loaderArgs = (request: Request) => ({ request, params: {}, context: {} });

describe("a valid session token", () => {
  it("returns the shop's sync status, and its own record counts only once the metrics job has counted them", async () => {
    const token = await sessionToken({ shop: SHOP });
    const before = await respond(() => statusLoader(loaderArgs(bearerRequest("/app/sync", token))));
    expect(before.data).toMatchObject({ counts: null, countedAt: null, hasData: true });

    const computedAt = new Date("2026-05-04T00:10:00Z");
    await computeSnapshot(database.db, SHOP, computedAt);
    await computeSnapshot(database.db, OTHER_SHOP, computedAt);
    const result = await respond(() => statusLoader(loaderArgs(bearerRequest("/app/sync", token))));

    expect(result.status).toBe(200);
    expect(result.data?.counts).toEqual({
      customers: 0,
      orders: 2,
      orderLines: 3,
      refunds: 1,
      subscriptionContracts: 0,
      surveyResponses: 0,
    });
    expect(result.data?.countedAt).toBe(computedAt.toISOString());
    expect(result.data?.latestRuns).toEqual([
      {
        resource: "orders",
        kind: "reconcile",
        phase: "writing",
        status: "running",
        doneCount: 120,
        expectedCount: 300,
        ratePerSecond: null,
        etaSeconds: null,
        lastError: "THROTTLED, retried",
        startedAt: "2026-05-04T00:00:00.000Z",
        finishedAt: null,
      },
    ]);
    expect(result.data?.hasData).toBe(true);
  });

  it("gives the other shop its own data when it is that shop's token", async () => {
    const result = await respond(async () => statusLoader(loaderArgs(bearerRequest("/app/sync", await sessionToken({ shop: OTHER_SHOP })))));
    expect(result.status).toBe(200);
    expect(result.data?.counts).toMatchObject({ customers: 1, orders: 1, orderLines: 1, refunds: 1, subscriptionContracts: 1, surveyResponses: 1 });
    expect(result.data?.latestRuns.map((run) => [run.resource, run.kind, run.phase])).toEqual([["orders", "backfill", "done"]]);
  });

  it("loads the layout in the shop's language, or in the admin language Shopify passes", async () => {
    // Outside the offline demo, App Bridge comes from Shopify's CDN.
    const APP_BRIDGE_CDN = "https://cdn.shopify.com/shopifycloud/app-bridge.js";
    const token = await sessionToken({ shop: SHOP });
    const stored = await respond(() => layoutLoader(loaderArgs(bearerRequest("/app/sync", token))));
    expect(stored).toEqual({ status: 200, data: { apiKey: TEST_API_KEY, appBridgeUrl: APP_BRIDGE_CDN, locale: "ja", timeZone: "Asia/Tokyo" } });

    const document = await respond(() => layoutLoader(loaderArgs(documentRequest("/app/sync", SHOP, token, { locale: "en-US" }))));
    expect(document).toEqual({ status: 200, data: { apiKey: TEST_API_KEY, appBridgeUrl: APP_BRIDGE_CDN, locale: "en", timeZone: "Asia/Tokyo" } });
  });

  it("is accepted as the id_token of a document request", async () => {
    const result = await respond(async () => statusLoader(loaderArgs(documentRequest("/app/sync", SHOP, await sessionToken({ shop: SHOP })))));
    expect(result.status).toBe(200);
    expect(result.data?.counts?.orders).toBe(2);
  });
});

describe("a token that must be refused", () => {
  const refusals = [
    ["signed with another secret", () => sessionToken({ shop: SHOP, secret: "not-the-app-secret-0123456789abcdef" })],
    ["expired", () => sessionToken({ shop: SHOP, expiresIn: -120 })],
    ["issued to another app", () => sessionToken({ shop: SHOP, audience: "someone-elses-client-id" })],
  ] as const;

  for (const [why, makeToken] of refusals) {
    it(`${why}: a fetch gets 401 with the retry header App Bridge acts on, and no data`, async () => {
      const result = await respond(async () => statusLoader(loaderArgs(bearerRequest("/app/sync", await makeToken()))));
      expect(result.status).toBe(401);
      expect(result.data).toBeUndefined();
      expect(result.response?.headers.get("X-Shopify-Retry-Invalid-Session-Request")).toBe("1");
      expect(await result.response?.text()).toBe("");
    });

    it(`${why}: a document load is sent to the bounce page for a fresh token, with no data`, async () => {
      const result = await respond(async () => layoutLoader(loaderArgs(documentRequest("/app/sync", SHOP, await makeToken()))));
      expect(result.status).toBe(302);
      expect(result.data).toBeUndefined();
      const location = new URL(result.response?.headers.get("Location") ?? "", "https://tsuzuku.test");
      expect(location.pathname).toBe("/auth/session-token");
      expect(location.searchParams.get("id_token")).toBeNull();
      expect(location.searchParams.get("shopify-reload")).toMatch(/^https:\/\/tsuzuku\.test\/app\/sync\?/);
    });
  }

  it("no token and no shop: sent to the login page, with no data", async () => {
    const result = await respond(() => statusLoader(loaderArgs(new Request("https://tsuzuku.test/app"))));
    expect(result.status).toBe(302);
    expect(result.data).toBeUndefined();
    expect(result.response?.headers.get("Location")).toBe("/auth/login");
  });
});
