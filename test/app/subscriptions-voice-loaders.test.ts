// The Subscriptions and Voice of customer loaders through the real auth path (App Bridge session tokens
// signed with the app secret, the offline session from Prisma storage): a synced shop with contracts and
// satisfaction answers, one metrics snapshot, and each loader returning exactly the stored view; then the
// same shop without readable contracts, its subscriptions inferred from orders.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Session } from "@shopify/shopify-app-remix/server";
import type { loader as SubscriptionsLoader } from "../../app/routes/app.subscriptions";
import type { loader as VoiceLoader } from "../../app/routes/app.voice";
import { computeSnapshot } from "../../app/snapshots/jobs";
import { loadPageView } from "../../app/snapshots/page-views.server";
import { createSurvey } from "../../app/surveys/store.server";
import { template } from "../../app/surveys/templates";
import { subscriptionSignal } from "../../app/sync/orders/subscription-signals";
import { seedShop } from "../factories/commerce";
import { startApp } from "../helpers/app";
import { bearerRequest, respond, sessionToken } from "../helpers/shopify-requests";
import { startSyncHarness, type SyncHarness } from "../sync/harness";

const OTHER_SHOP = "no-snapshot-yet.myshopify.com";
const ANSWERING_CUSTOMERS = 80;

let harness: SyncHarness;
let app: Awaited<ReturnType<typeof startApp>>;
let subscriptionsLoader: typeof SubscriptionsLoader;
let voiceLoader: typeof VoiceLoader;

/** CSAT answers from one counted order of each of the first customers: scores 1..5 in turn. */
async function answerSatisfaction() {
  const { db } = harness.database;
  const survey = await createSurvey(db, harness.shop, template("satisfaction"));
  const csat = await db.surveyQuestion.findFirstOrThrow({ where: { shop: harness.shop, surveyId: survey.id, key: "csat" } });
  const withCustomer = await db.order.findMany({ where: { shop: harness.shop, customerId: { not: null }, cancelledAt: null, test: false }, orderBy: { id: "asc" }, select: { id: true, customerId: true } });
  const orders = [...new Map(withCustomer.map((order) => [order.customerId, order])).values()].slice(0, ANSWERING_CUSTOMERS);
  for (const [i, order] of orders.entries()) {
    const response = await db.surveyResponse.create({
      data: { shop: harness.shop, surveyId: survey.id, surveyVersion: 1, orderId: order.id, customerId: order.customerId, placement: "thank-you", locale: "ja" },
    });
    await db.surveyAnswer.create({ data: { shop: harness.shop, responseId: response.id, questionId: csat.id, score: 1 + (i % 5) } });
  }
  return orders.length;
}

beforeAll(async () => {
  harness = await startSyncHarness({ orders: 800, seed: 23 });
  for (const resource of ["orders", "subscriptionContracts"] as const) await harness.backfill(resource);
  expect(await answerSatisfaction()).toBe(ANSWERING_CUSTOMERS);
  await computeSnapshot(harness.database.db, harness.shop);
  app = await startApp(harness.database.url);
  await app.shopify.sessionStorage.storeSession(
    new Session({ id: `offline_${harness.shop}`, shop: harness.shop, state: "", isOnline: false, scope: "read_orders", accessToken: harness.accessToken }),
  );
  await seedShop(harness.database.db, OTHER_SHOP, 5);
  subscriptionsLoader = (await import("../../app/routes/app.subscriptions")).loader;
  voiceLoader = (await import("../../app/routes/app.voice")).loader;
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await harness?.close();
});

const loaderArgs = (request: Request) => ({ request, params: {}, context: {} });

describe("Subscriptions loader", () => {
  it("returns the stored view: own contracts, their movements and the subscription orders", async () => {
    const token = await sessionToken({ shop: harness.shop });
    const result = await respond(() => subscriptionsLoader(loaderArgs(bearerRequest("/app/subscriptions", token))));
    expect(result.status).toBe(200);
    const stored = await loadPageView(harness.database.db, harness.shop, "subscriptions");
    expect(result.data?.stored).toEqual(stored);
    const view = stored!.view;
    expect(view.ownContracts).toBe(true);
    expect(view.activity?.source).toBe("own");
    expect(view.activity!.subscribers).toBeGreaterThan(0);
    expect(view.activity!.months.length).toBeLessThanOrEqual(24);
    expect(Number.isInteger(view.activity!.mrr)).toBe(true);
    expect(view.meta).toMatchObject({ currency: "JPY", timeZone: "Asia/Tokyo" });
  });

  it("gives a shop without a snapshot nothing of another shop's", async () => {
    const result = await respond(async () => subscriptionsLoader(loaderArgs(bearerRequest("/app/subscriptions", await sessionToken({ shop: OTHER_SHOP })))));
    expect(result).toMatchObject({ status: 200, data: { stored: null } });
  });
});

describe("Subscriptions loader for a shop whose subscriptions run on another app", () => {
  it("infers subscribers from the synced subscription orders, with MRR not available", async () => {
    const { db } = harness.database;
    // No contract Tsuzuku can read (read_own_subscription_contracts): only the orders say who subscribes.
    await db.subscriptionContract.deleteMany({ where: { shop: harness.shop } });
    await computeSnapshot(db, harness.shop, new Date(Date.now() + 3_600_000));
    const token = await sessionToken({ shop: harness.shop });
    const result = await respond(() => subscriptionsLoader(loaderArgs(bearerRequest("/app/subscriptions", token))));
    const view = result.data!.stored!.view;
    expect(result.data?.stored).toEqual(await loadPageView(db, harness.shop, "subscriptions"));

    // Counted from the emulator's records with the sync's own signal rules, independently of the engine.
    const subscriptionOrders = [...harness.store.orders()].filter(
      (order) =>
        !order.test &&
        order.cancelledAt === null &&
        subscriptionSignal({ hasSubscriptionLine: order.lineItems.some((line) => line.sellingPlan !== null), sourceName: order.sourceName, tags: JSON.stringify(order.tags) }) !== null,
    );
    const subscribers = new Set(subscriptionOrders.flatMap((order) => (order.customerId === null ? [] : [order.customerId])));
    expect(subscriptionOrders.length).toBeGreaterThan(0);
    expect(view.ownContracts).toBe(false);
    expect(view.orders).toMatchObject({ subscriptionOrders: subscriptionOrders.length, subscribers: subscribers.size });
    expect(view.activity).toMatchObject({ source: "inferred", subscribers: subscribers.size, mrr: null, projectedSubscriberLtv: null });
    expect(view.activity!.months.every((month) => month.mrr === null)).toBe(true);
  });
});

describe("Voice of customer loader", () => {
  it("returns the stored view: satisfaction bands of the answering customers, answered vs not", async () => {
    const token = await sessionToken({ shop: harness.shop });
    const result = await respond(() => voiceLoader(loaderArgs(bearerRequest("/app/voice", token))));
    expect(result.status).toBe(200);
    const stored = await loadPageView(harness.database.db, harness.shop, "voice");
    expect(result.data?.stored).toEqual(stored);
    const view = stored!.view;
    expect(view.respondents).toBe(ANSWERING_CUSTOMERS);
    const bands = view.dimensions.find((d) => d.name === "satisfactionBand")!;
    // Scores 1..5 in turn: 1–2 low (32), 3 neutral (16), 4–5 high (32).
    expect(Object.fromEntries(bands.groups.filter((g) => g.key !== "(none)").map((g) => [g.key, g.customers]))).toEqual({ low: 32, neutral: 16, high: 32 });
    expect(view.dimensions.find((d) => d.name === "answered")!.groups[0]).toMatchObject({ key: "answered", customers: ANSWERING_CUSTOMERS });
  });

  it("gives a shop without a snapshot nothing of another shop's", async () => {
    const result = await respond(async () => voiceLoader(loaderArgs(bearerRequest("/app/voice", await sessionToken({ shop: OTHER_SHOP })))));
    expect(result).toMatchObject({ status: 200, data: { stored: null } });
  });
});
