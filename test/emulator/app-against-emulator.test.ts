// The app's real Shopify code paths against the emulator, offline: SHOPIFY_ADMIN_EMULATOR_URL is the only
// switch. An admin load with no stored session makes the library exchange the session token at the
// emulator, afterAuth reads the shop's facts through admin.graphql, an expired token is refreshed, and
// app/uninstalled arrives at the app's webhook route signed by the emulator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../app/db.server";
import type { loader as StatusLoader } from "../../app/routes/app.sync";
import { startApp } from "../helpers/app";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { bearerRequest, respond, sessionToken } from "../helpers/shopify-requests";
import { startShopifyEmulator, type ShopifyEmulator } from "./emulator";
import { appWebhookTransport, EMULATOR_APP, exchangeToken, handBuiltShop, type ReceivedDelivery } from "./fixtures";

const SHOP = "tsuzuku-emulated.myshopify.com";
const STRANGER = "tsuzuku-stranger.myshopify.com";
const OFFLINE_ID = `offline_${SHOP}`;

let database: TestDatabase;
let db: Db;
let app: Awaited<ReturnType<typeof startApp>>;
let emulator: ShopifyEmulator;
let statusLoader: typeof StatusLoader;
let routeShopifyTrafficTo: (url: string | undefined) => void;
const received: ReceivedDelivery[] = [];
// The emulator starts before the app it delivers to; deliveries go through this once the app is up.
let deliverToApp: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 });

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  emulator = await startShopifyEmulator({
    shops: [handBuiltShop(SHOP)],
    app: EMULATOR_APP,
    webhooks: { timeScale: 3_600_000, send: (request) => deliverToApp(request) },
  });
  process.env.SHOPIFY_ADMIN_EMULATOR_URL = emulator.url;
  app = await startApp(database.url);
  deliverToApp = appWebhookTransport(app.shopify.authenticate.webhook, received);
  statusLoader = (await import("../../app/routes/app.sync")).loader;
  ({ routeShopifyTrafficTo } = await import("../../app/shopify/emulator-fetch.server"));
});

afterAll(async () => {
  routeShopifyTrafficTo?.(undefined);
  delete process.env.SHOPIFY_ADMIN_EMULATOR_URL;
  await emulator?.close();
  await app?.stop();
  await database?.drop();
});

const loadAdmin = async (shop: string, token?: string) =>
  respond(async () => statusLoader({ request: bearerRequest("/app/sync", token ?? (await sessionToken({ shop }))), params: {}, context: {} }));

describe("install through token exchange", () => {
  it("a first admin load with no stored session gets its token from the emulator and records the shop's facts", async () => {
    expect(await db.session.count({ where: { shop: SHOP } })).toBe(0);

    const result = await loadAdmin(SHOP);

    expect(result.status).toBe(200);
    expect(await db.shop.findUniqueOrThrow({ where: { shop: SHOP } })).toMatchObject({
      installState: "installed",
      shopGid: "gid://shopify/Shop/77",
      name: "つづく珈琲",
      currencyCode: "JPY",
      ianaTimezone: "Asia/Tokyo",
      planName: "Advanced",
      scopes: EMULATOR_APP.scopes.join(","),
    });
    const [grant] = emulator.tokens.grants(SHOP);
    expect(emulator.tokens.grants(SHOP)).toHaveLength(1);
    const session = await db.session.findUniqueOrThrow({ where: { id: OFFLINE_ID } });
    // future.expiringOfflineAccessTokens: the library asked for, and stored, an expiring token.
    expect(session).toMatchObject({ isOnline: false, accessToken: grant.accessToken, refreshToken: grant.refreshToken });
    expect(session.expires).toBeInstanceOf(Date);
    expect(session.refreshTokenExpires).toBeInstanceOf(Date);
  });

  it("the next load uses the stored session: no second exchange", async () => {
    expect((await loadAdmin(SHOP)).status).toBe(200);
    expect(emulator.tokens.grants(SHOP)).toHaveLength(1);
  });
});

describe("refresh", () => {
  it("an offline token past its expiry is refreshed at the emulator by the library, and the new one works", async () => {
    const before = await db.session.findUniqueOrThrow({ where: { id: OFFLINE_ID } });
    await db.session.update({ where: { id: OFFLINE_ID }, data: { expires: new Date(Date.now() - 60_000) } });

    const { admin } = await app.shopify.unauthenticated.admin(SHOP);
    const facts = (await (await admin.graphql("{ shop { currencyCode ianaTimezone } }")).json()) as { data: { shop: unknown } };

    expect(facts.data.shop).toEqual({ currencyCode: "JPY", ianaTimezone: "Asia/Tokyo" });
    const after = await db.session.findUniqueOrThrow({ where: { id: OFFLINE_ID } });
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after.expires!.getTime()).toBeGreaterThan(Date.now());
    // Refresh tokens rotate: the one the library spent is refused now.
    expect(await exchangeToken(emulator, SHOP, { grant_type: "refresh_token", refresh_token: before.refreshToken })).toMatchObject({
      status: 400,
      body: { error: "invalid_grant" },
    });
  });
});

describe("session tokens that must be refused", () => {
  it("a forged token is refused by the library before Shopify is asked", async () => {
    const forged = await sessionToken({ shop: SHOP, secret: "not-the-app-secret-0123456789abcdef" });
    const grants = emulator.tokens.grants(SHOP).length;
    const result = await loadAdmin(SHOP, forged);
    expect(result.status).toBe(401);
    expect(emulator.tokens.grants(SHOP)).toHaveLength(grants);
  });

  /** Loads the admin for STRANGER against an emulator set up to disagree with the app in one way. */
  async function loadAgainst(disagreement: Partial<Parameters<typeof startShopifyEmulator>[0]>) {
    const strangers = await startShopifyEmulator({ shops: [handBuiltShop(STRANGER)], app: EMULATOR_APP, appConfigSubscriptions: [], ...disagreement });
    try {
      routeShopifyTrafficTo(strangers.url);
      return { result: await loadAdmin(STRANGER), grants: strangers.tokens.grants(STRANGER) };
    } finally {
      routeShopifyTrafficTo(emulator.url);
      await strangers.close();
    }
  }

  it("a token the emulator refuses at the token exchange (here: expired on Shopify's clock) makes the app ask for a fresh one", async () => {
    // The token passes the library's own check on the app's clock; the emulator's clock is 5 minutes
    // ahead, so it answers 400 invalid_subject_token, as Shopify does for an expired session token.
    const { result, grants } = await loadAgainst({ now: () => Date.now() + 5 * 60_000 });
    expect(result.status).toBe(401);
    expect(result.response?.headers.get("X-Shopify-Retry-Invalid-Session-Request")).toBe("1");
    expect(grants).toEqual([]);
    expect(await db.session.count({ where: { shop: STRANGER } })).toBe(0);
  });

  it("client credentials Shopify does not recognise: the library fails the load (500) and stores nothing", async () => {
    const { result, grants } = await loadAgainst({ app: { ...EMULATOR_APP, apiSecret: "a-different-secret-0123456789abcdef" } });
    expect(result.status).toBe(500);
    expect(grants).toEqual([]);
    expect(await db.session.count({ where: { shop: STRANGER } })).toBe(0);
  });
});

describe("uninstall and reinstall", () => {
  it("app/uninstalled from the emulator reaches the app's route; the next load installs again through token exchange", async () => {
    const eventId = emulator.uninstallApp(SHOP);
    await emulator.webhooks.idle();

    expect(received.map((d) => [d.path, d.status])).toEqual([["/webhooks/app/uninstalled", 200]]);
    expect(await db.webhookDelivery.findUnique({ where: { shop_eventId: { shop: SHOP, eventId } } })).toMatchObject({ status: "applied" });
    expect((await db.shop.findUniqueOrThrow({ where: { shop: SHOP } })).installState).toBe("uninstalled");
    expect(await db.session.count({ where: { shop: SHOP } })).toBe(0);

    emulator.installApp(SHOP);
    expect((await loadAdmin(SHOP)).status).toBe(200);
    expect((await db.shop.findUniqueOrThrow({ where: { shop: SHOP } })).installState).toBe("installed");
    const session = await db.session.findUniqueOrThrow({ where: { id: OFFLINE_ID } });
    expect(emulator.tokens.find(SHOP, session.accessToken, Date.now())).toBeDefined();
  });
});
