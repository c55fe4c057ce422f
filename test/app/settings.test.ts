// The Settings page behind real App Bridge session tokens: defaults for a shop without settings, a bad
// form refused with every bad field named and nothing saved, a good one saved with a metrics job queued,
// and shop A's settings never reaching shop B.
import { Session } from "@shopify/shopify-app-remix/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as AppQueue from "../../app/jobs/app-queue.server";
import type * as SettingsRoute from "../../app/routes/app.settings";
import { DEFAULT_SETTINGS } from "../../app/settings/shop-settings";
import { seedShop, shopRow } from "../factories/commerce";
import { startApp } from "../helpers/app";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { bearerRequest, respond, sessionToken } from "../helpers/shopify-requests";

const SHOP = "tsuzuku-settings.myshopify.com";
const OTHER_SHOP = "settings-neighbour.myshopify.com";

let database: TestDatabase;
let app: Awaited<ReturnType<typeof startApp>>;
let route: typeof SettingsRoute;
let jobs: typeof AppQueue;

const good = {
  intent: "save",
  excludeTestOrders: "on",
  excludePos: "on",
  excludeDraftOrders: "on",
  otherSources: "rakuten",
  excludedTags: "wholesale, B2B",
  cohortGranularity: "week",
  clvHorizonDays: "180",
  annualDiscountRatePercent: "8",
  language: "ja",
};

async function post(shop: string, fields: Record<string, string>) {
  const token = await sessionToken({ shop });
  const request = new Request(bearerRequest("/app/settings", token).url, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
  const result = await respond(() => route.action({ request, params: {}, context: {} }));
  expect(result.status).toBe(200);
  const response = result.data as unknown as Response;
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function load(shop: string) {
  const result = await respond(async () => route.loader({ request: bearerRequest("/app/settings", await sessionToken({ shop })), params: {}, context: {} }));
  expect(result.status).toBe(200);
  return result.data!;
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startApp(database.url);
  route = await import("../../app/routes/app.settings");
  jobs = await import("../../app/jobs/app-queue.server");
  await database.db.shop.create({ data: shopRow(SHOP, { locale: "en" }) });
  await seedShop(database.db, OTHER_SHOP, 5);
  for (const shop of [SHOP, OTHER_SHOP]) {
    await app.shopify.sessionStorage.storeSession(
      new Session({ id: `offline_${shop}`, shop, state: "", isOnline: false, scope: "read_orders,read_all_orders", accessToken: "shpat_offline_token_for_tests" }),
    );
  }
});

afterAll(async () => {
  await jobs?.stopJobQueue();
  await app?.stop();
  await database?.drop();
});

describe("settings page", () => {
  it("shows the defaults to a shop that never saved settings", async () => {
    expect(await load(SHOP)).toEqual({ settings: DEFAULT_SETTINGS, language: "en" });
  });

  it("refuses a bad form, naming each bad field, and saves nothing", async () => {
    const refused = await post(SHOP, { ...good, clvHorizonDays: "ten", annualDiscountRatePercent: "120" });
    expect(refused).toEqual({ status: 400, body: { errors: ["clvHorizonDays", "annualDiscountRatePercent"] } });
    expect(await database.db.shopSettings.findUnique({ where: { shop: SHOP } })).toBeNull();
    expect((await database.db.shop.findUniqueOrThrow({ where: { shop: SHOP } })).locale).toBe("en");
  });

  it("saves a good form, queues the shop's metrics job, and leaves the other shop alone", async () => {
    const neighbourBefore = await database.db.shopSettings.findUniqueOrThrow({ where: { shop: OTHER_SHOP } });
    const saved = await post(SHOP, good);
    expect(saved.status).toBe(200);
    expect(saved.body.saved).toBe(true);
    const job = await (await jobs.appJobQueue()).getJob("metrics.snapshot", String(saved.body.snapshotJob));
    expect(job?.data).toEqual({ shop: SHOP });

    expect(await load(SHOP)).toEqual({
      language: "ja",
      settings: {
        exclusions: { testOrders: true, sourceNames: ["pos", "shopify_draft_order", "rakuten"], tags: ["wholesale", "b2b"] },
        cohortGranularity: "week",
        clvHorizonDays: 180,
        annualDiscountRate: 0.08,
      },
    });
    // The neighbour's own row (seeded with the defaults) is untouched.
    expect(await load(OTHER_SHOP)).toEqual({ settings: DEFAULT_SETTINGS, language: "ja" });
    expect(await database.db.shopSettings.findUniqueOrThrow({ where: { shop: OTHER_SHOP } })).toEqual(neighbourBefore);
  });

  it("queues a resync from the privacy section", async () => {
    expect(await post(SHOP, { intent: "resync" })).toEqual({ status: 200, body: { resyncQueued: true } });
  });

  it("refuses a request without a valid session token", async () => {
    const token = await sessionToken({ shop: SHOP, expiresIn: -120 });
    const result = await respond(() => route.loader({ request: bearerRequest("/app/settings", token), params: {}, context: {} }));
    expect(result.status).toBe(401);
  });
});
