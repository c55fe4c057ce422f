// Webhooks from the emulator to the app's real code: every delivery goes through the app's webhook route
// (or, for topics it has no route for yet, its `authenticate.webhook`), so the library's own HMAC and
// header checks decide. Then the faults: duplicates, reordering, drops, delays, and the retry schedule.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../app/db.server";
import { startApp, TEST_APP_URL } from "../helpers/app";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { startShopifyEmulator, type ShopifyEmulator } from "./emulator";
import { adminGraphQL, appWebhookTransport, EMULATOR_APP, graphqlUrl, handBuiltShop, offlineTokenFor, type ReceivedDelivery } from "./fixtures";
import { type DeliveryRecord, WebhookDispatcher } from "./webhooks/dispatcher";
import { NO_FAULTS } from "./webhooks/faults";
import { customersRedactPayload } from "./webhooks/payloads";
import { attemptOffsets, SHOPIFY_RETRY_DELAYS_MS } from "./webhooks/retry-schedule";

const SHOP = "tsuzuku-webhooks.myshopify.com";
const MINUTE = 60_000;
// One emulated hour per real millisecond: Shopify's four-hour retry cycle takes a few milliseconds.
const TIME_SCALE = 3_600_000;

let database: TestDatabase;
let db: Db;
let app: Awaited<ReturnType<typeof startApp>>;
let emulator: ShopifyEmulator;
let accessToken: string;
const received: ReceivedDelivery[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  app = await startApp(database.url);
  emulator = await startShopifyEmulator({
    shops: [handBuiltShop(SHOP)],
    app: EMULATOR_APP,
    webhooks: { timeScale: TIME_SCALE, send: appWebhookTransport(app.shopify.authenticate.webhook, received) },
  });
  accessToken = (await offlineTokenFor(emulator, SHOP)).body.access_token as string;
});

afterAll(async () => {
  await emulator?.close();
  await app?.stop();
  await database?.drop();
});

beforeEach(() => {
  received.length = 0;
  Object.assign(emulator.webhooks.faults, structuredClone(NO_FAULTS));
});

const gql = async (query: string, variables?: Record<string, unknown>) => {
  const answer = await adminGraphQL(graphqlUrl(emulator, SHOP), accessToken, query, variables);
  expect(answer.body.errors).toBeUndefined();
  return answer.body.data!;
};
const topicOf = (delivery: ReceivedDelivery) => delivery.headers["x-shopify-topic"];
// The first test's deliveries, one of every topic, kept for the payload checks.
let everyTopic: ReceivedDelivery[] = [];
const bodiesOf = (topic: string) => everyTopic.filter((d) => topicOf(d) === topic).map((d) => JSON.parse(d.body) as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any
const bodyOf = (topic: string) => bodiesOf(topic)[0];
const deliveriesOf = (eventId: string) => emulator.webhooks.deliveries.filter((d) => d.eventId === eventId);
const ledger = (eventId: string) => db.webhookDelivery.findUnique({ where: { shop_eventId: { shop: SHOP, eventId } } });

async function settle() {
  emulator.webhooks.flush();
  await emulator.webhooks.idle();
}

describe("deliveries the library accepts", () => {
  it("every topic arrives with Shopify's header set and a signature the app's own check verifies", async () => {
    await gql(`mutation($order: OrderCreateOrderInput!) { orderCreate(order: $order) { order { id } userErrors { message } } }`, {
      order: {
        financialStatus: "PAID",
        customer: { toAssociate: { id: "gid://shopify/Customer/1" } },
        lineItems: [{ variantId: "gid://shopify/ProductVariant/5", title: "Beans", quantity: 1, priceSet: { shopMoney: { amount: "1500", currencyCode: "JPY" } } }],
      },
    });
    await gql(`mutation { orderUpdate(input: { id: "gid://shopify/Order/1", tags: ["gift"] }) { userErrors { message } } }`);
    await gql(`mutation { refundCreate(input: { orderId: "gid://shopify/Order/2", refundLineItems: [{ lineItemId: "gid://shopify/LineItem/201", quantity: 1 }] }) { userErrors { message } } }`);
    await gql(`mutation { orderCancel(orderId: "gid://shopify/Order/3", reason: CUSTOMER, restock: false, refund: false) { userErrors { message } } }`);
    await gql(`mutation { subscriptionContractPause(subscriptionContractId: "gid://shopify/SubscriptionContract/17") { userErrors { message } } }`);
    const dataRequest = emulator.requestCustomerData(SHOP, 1, [1]);
    const redact = emulator.redactCustomer(SHOP, 2, [2]);
    await settle();

    expect(received.map(topicOf).sort()).toEqual([
      "customers/data_request", "customers/redact",
      "orders/cancelled", "orders/create", "orders/paid", "orders/updated", "orders/updated", "orders/updated",
      "refunds/create", "subscription_contracts/pause", "subscription_contracts/update",
    ]);
    expect(received.filter((d) => d.status !== 200)).toEqual([]);
    for (const delivery of received) {
      expect(delivery.path).toBe(`/webhooks/${topicOf(delivery)}`);
      expect(delivery.headers).toMatchObject({
        "content-type": "application/json",
        "x-shopify-shop-domain": SHOP,
        "x-shopify-api-version": "2026-07",
        "x-shopify-hmac-sha256": expect.stringMatching(/^[A-Za-z0-9+/]+=*$/),
        "x-shopify-webhook-id": expect.stringMatching(/^[0-9a-f-]{36}$/),
        "x-shopify-event-id": expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
      expect(new Date(delivery.headers["x-shopify-triggered-at"]).toISOString()).toBe(delivery.headers["x-shopify-triggered-at"]);
    }
    expect(new Set(received.map((d) => d.headers["x-shopify-event-id"])).size).toBe(received.length);
    everyTopic = [...received];
    // The compliance topics went through the app's real routes and were recorded in its ledger.
    expect(await ledger(dataRequest)).toMatchObject({ topic: "customers/data_request", status: "applied", resourceId: "gid://shopify/Customer/1" });
    expect(await ledger(redact)).toMatchObject({ topic: "customers/redact", status: "applied", resourceId: "gid://shopify/Customer/2" });
  });

  it("payloads have Shopify's REST shapes, customers by id only", () => {
    const created = bodyOf("orders/create");
    expect(created).toMatchObject({
      admin_graphql_api_id: `gid://shopify/Order/${created.id}`,
      currency: "JPY",
      presentment_currency: "JPY",
      total_price: "1500",
      financial_status: "paid",
      source_name: "web",
      test: false,
      cancelled_at: null,
      refunds: [],
      line_items: [{ variant_id: 5, quantity: 1, price: "1500", selling_plan_allocation: null }],
    });
    expect(created.customer).toEqual({ id: 1, admin_graphql_api_id: "gid://shopify/Customer/1" });
    expect(created.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$/);

    const subscriptionOrder = bodiesOf("orders/updated").find((body) => body.id === 1)!;
    expect(subscriptionOrder.line_items[0].selling_plan_allocation).toEqual({ selling_plan_id: 55, selling_plan_name: "毎月お届け", subscription_contract_id: 17 });
    expect(subscriptionOrder.tags).toBe("gift");

    expect(bodyOf("refunds/create")).toMatchObject({
      order_id: 2,
      refund_line_items: [{ line_item_id: 201, quantity: 1, subtotal: "2160", line_item: { id: 201 } }],
    });
    expect(bodyOf("orders/cancelled")).toMatchObject({ id: 3, cancel_reason: "customer", customer: null });
    expect(bodyOf("subscription_contracts/pause")).toMatchObject({
      admin_graphql_api_id: "gid://shopify/SubscriptionContract/17",
      id: 17,
      status: "paused",
      customer_id: 1,
      origin_order_id: 1,
      currency_code: "JPY",
      billing_policy: { interval: "month", interval_count: 1 },
      delivery_policy: { interval: "month", interval_count: 1 },
    });
    expect(bodyOf("customers/redact")).toEqual({ shop_id: 77, shop_domain: SHOP, customer: { id: 2, email: null, phone: null }, orders_to_redact: [2] });
    expect(bodyOf("customers/data_request")).toMatchObject({ shop_domain: SHOP, orders_requested: [1], data_request: { id: 1 } });
  });

  it("a delivery whose body was changed after signing is refused by the library (401)", async () => {
    emulator.redactCustomer(SHOP, 1, [1]);
    await settle();
    const [original] = received;
    const replay = (body: string) =>
      app.shopify.authenticate.webhook(new Request(`${TEST_APP_URL}${original.path}`, { method: "POST", headers: original.headers, body })).then(
        () => 200,
        (thrown: unknown) => (thrown as Response).status,
      );
    expect(await replay(original.body)).toBe(200);
    expect(await replay(original.body.replace('"id":1', '"id":2'))).toBe(401);
  });

  it("app/uninstalled goes through the app's route: shop marked uninstalled, tokens revoked", async () => {
    await db.shop.upsert({ where: { shop: SHOP }, create: { shop: SHOP, installState: "installed" }, update: {} });
    const eventId = emulator.uninstallApp(SHOP);
    await settle();
    expect(received.map((d) => [topicOf(d), d.status])).toEqual([["app/uninstalled", 200]]);
    expect(JSON.parse(received[0].body)).toMatchObject({ id: 77, myshopify_domain: SHOP, currency: "JPY", iana_timezone: "Asia/Tokyo" });
    expect((await db.shop.findUniqueOrThrow({ where: { shop: SHOP } })).installState).toBe("uninstalled");
    expect(await ledger(eventId)).toMatchObject({ status: "applied" });
    expect((await adminGraphQL(graphqlUrl(emulator, SHOP), accessToken, "{ shop { id } }")).status).toBe(401);

    // Uninstalled: order events reach nobody; the compliance topics still do.
    emulator.contexts.get(SHOP)!.emit({ topic: "orders/updated", kind: "order", id: 1 });
    emulator.redactShop(SHOP);
    await settle();
    expect(received.map(topicOf)).toEqual(["app/uninstalled", "shop/redact"]);

    emulator.installApp(SHOP);
    accessToken = (await offlineTokenFor(emulator, SHOP)).body.access_token as string;
  });
});

describe("faults", () => {
  it("duplicates share the event id (each with its own webhook id) and the app applies them once", async () => {
    emulator.webhooks.faults.duplicateRate = 1;
    const eventId = emulator.redactCustomer(SHOP, 1, [1]);
    await settle();
    const [first, second] = deliveriesOf(eventId);
    expect(second.duplicateOf).toBe(first.webhookId);
    expect(received.map((d) => d.headers["x-shopify-event-id"])).toEqual([eventId, eventId]);
    expect(new Set(received.map((d) => d.headers["x-shopify-webhook-id"])).size).toBe(2);
    expect(received.map((d) => d.body)).toEqual([received[0].body, received[0].body]);
    expect(received.map((d) => d.status)).toEqual([200, 200]);
    expect(await db.webhookDelivery.count({ where: { shop: SHOP, eventId } })).toBe(1);
  });

  it("out of order: a window of deliveries is released shuffled; nothing is lost", async () => {
    // Held until all five wait: at this time scale any hold time would pass between two mutations.
    Object.assign(emulator.webhooks.faults, { reorderWindow: 5, reorderHoldMs: null });
    for (const tag of ["t1", "t2", "t3", "t4", "t5"]) {
      await gql(`mutation { orderUpdate(input: { id: "gid://shopify/Order/1", tags: ["${tag}"] }) { userErrors { message } } }`);
    }
    await emulator.webhooks.idle();
    const triggered = emulator.webhooks.deliveries.slice(-5);
    const arrivedTags = received.map((d) => JSON.parse(d.body).tags as string);
    expect([...arrivedTags].sort()).toEqual(["t1", "t2", "t3", "t4", "t5"]);
    expect(arrivedTags).not.toEqual(["t1", "t2", "t3", "t4", "t5"]);
    expect(received.map((d) => d.headers["x-shopify-event-id"])).not.toEqual(triggered.map((d) => d.eventId));
    expect(received.every((d) => d.status === 200)).toBe(true);
  });

  it("a window that never fills is released after the hold time, still shuffled", async () => {
    Object.assign(emulator.webhooks.faults, { reorderWindow: 10, reorderHoldMs: 5 * MINUTE });
    const first = emulator.redactCustomer(SHOP, 1, []);
    const second = emulator.redactCustomer(SHOP, 2, []);
    await emulator.webhooks.idle();
    expect(received.map((d) => d.headers["x-shopify-event-id"])).toEqual([second, first]);
  });

  it("dropped deliveries never reach the app; switching the fault off restores delivery", async () => {
    emulator.webhooks.faults.dropRate = 1;
    const lost = emulator.redactCustomer(SHOP, 1, [1]);
    await settle();
    expect(received).toEqual([]);
    expect(deliveriesOf(lost).map((d) => d.state)).toEqual(["dropped"]);

    emulator.webhooks.faults.dropRate = 0;
    const kept = emulator.redactCustomer(SHOP, 1, [1]);
    await settle();
    expect(received.map((d) => d.headers["x-shopify-event-id"])).toEqual([kept]);
  });

  it("a delay postpones the first attempt by emulated time; the payload keeps its trigger time", async () => {
    emulator.webhooks.faults.delayMs = { min: 90 * MINUTE, max: 90 * MINUTE };
    const eventId = emulator.redactCustomer(SHOP, 1, [1]);
    await settle();
    const [delivery] = deliveriesOf(eventId);
    expect(delivery.attempts.map((a) => a.dueOffsetMs)).toEqual([90 * MINUTE]);
    expect(received[0].headers["x-shopify-triggered-at"]).toBe(new Date(delivery.triggeredAt).toISOString());
  });

  it("a subscription the app registers through webhookSubscriptionCreate gets its own delivery of the same event", async () => {
    const created = await gql(`mutation { webhookSubscriptionCreate(topic: ORDERS_UPDATED, webhookSubscription: { uri: "${TEST_APP_URL}/hooks/orders", includeFields: ["id", "line_items.id"] }) {
      webhookSubscription { id topic uri } userErrors { message } } }`);
    expect(created.webhookSubscriptionCreate.webhookSubscription).toMatchObject({ topic: "ORDERS_UPDATED", uri: `${TEST_APP_URL}/hooks/orders` });
    await gql(`mutation { orderUpdate(input: { id: "gid://shopify/Order/2", tags: ["api"] }) { userErrors { message } } }`);
    await settle();
    const eventIds = received.map((d) => d.headers["x-shopify-event-id"]);
    expect(received.map((d) => [d.path, d.status]).sort()).toEqual([["/hooks/orders", 200], ["/webhooks/orders/updated", 200]]);
    expect(eventIds[0]).toBe(eventIds[1]);
    expect(JSON.parse(received.find((d) => d.path === "/hooks/orders")!.body)).toEqual({ id: 2, line_items: [{ id: 201 }] });
    const listed = await gql("{ webhookSubscriptions(first: 5) { nodes { topic uri } } }");
    expect(listed.webhookSubscriptions.nodes).toEqual([{ topic: "ORDERS_UPDATED", uri: `${TEST_APP_URL}/hooks/orders` }]);
  });
});

describe("retries", () => {
  it("the schedule: 8 retries after the first try, doubling from 1 minute, the last about 4 hours later", () => {
    // "retried a total of 8 times over 4 hours using an exponential backoff schedule"
    // (https://shopify.dev/changelog/updates-to-webhook-retry-mechanism)
    expect(SHOPIFY_RETRY_DELAYS_MS).toHaveLength(8);
    SHOPIFY_RETRY_DELAYS_MS.slice(1).forEach((delay, i) => expect(delay).toBe(2 * SHOPIFY_RETRY_DELAYS_MS[i]));
    const last = attemptOffsets().at(-1)!;
    expect(last).toBe(255 * MINUTE);
    expect(last / 3_600_000).toBeCloseTo(4, 0);
  });

  /** A dispatcher of its own, so the app's answers can be scripted per attempt. */
  function scriptedDispatcher(apiSecret: string, answer: (attempt: number, request: Request) => Promise<Response>) {
    let attempt = 0;
    return new WebhookDispatcher({
      apiSecret,
      appUrl: TEST_APP_URL,
      registry: emulator.subscriptions,
      timeScale: TIME_SCALE,
      send: (request) => answer(++attempt, request),
    });
  }
  const redactOnce = (dispatcher: WebhookDispatcher) =>
    dispatcher.publish(emulator.contexts.get(SHOP)!.store.shop, "customers/redact", customersRedactPayload(emulator.contexts.get(SHOP)!.store.shop, 1, []));

  it("on non-2xx: 9 tries at Shopify's offsets, then failed; every try is the same delivery", async () => {
    const seen: Request[] = [];
    const dispatcher = scriptedDispatcher(EMULATOR_APP.apiSecret, async (_n, request) => {
      seen.push(request);
      return new Response(null, { status: 503 });
    });
    redactOnce(dispatcher);
    await dispatcher.idle();
    const [delivery] = dispatcher.deliveries as DeliveryRecord[];
    expect(delivery.state).toBe("failed");
    expect(delivery.attempts.map((a) => a.dueOffsetMs)).toEqual([0, 1, 3, 7, 15, 31, 63, 127, 255].map((m) => m * MINUTE));
    expect(delivery.attempts.map((a) => a.status)).toEqual(Array(9).fill(503));
    for (const header of ["x-shopify-webhook-id", "x-shopify-event-id", "x-shopify-triggered-at", "x-shopify-hmac-sha256"]) {
      expect(new Set(seen.map((r) => r.headers.get(header))).size).toBe(1);
    }
  });

  it("stops retrying once the app answers 2xx; a network error counts as a failure", async () => {
    const dispatcher = scriptedDispatcher(EMULATOR_APP.apiSecret, async (n) => {
      if (n === 1) throw new TypeError("fetch failed");
      return new Response(null, { status: n === 2 ? 500 : 200 });
    });
    redactOnce(dispatcher);
    await dispatcher.idle();
    const [delivery] = dispatcher.deliveries;
    expect(delivery.state).toBe("delivered");
    expect(delivery.attempts.map((a) => [a.status, a.error, a.dueOffsetMs])).toEqual([
      [null, "fetch failed", 0],
      [500, null, 1 * MINUTE],
      [200, null, 3 * MINUTE],
    ]);
  });

  it("deliveries signed with the wrong secret are refused by the app on every try and end failed", async () => {
    const dispatcher = scriptedDispatcher("not-the-app-secret", (_n, request) => appWebhookTransport(app.shopify.authenticate.webhook, received)(request));
    redactOnce(dispatcher);
    await dispatcher.idle();
    expect(dispatcher.deliveries[0].state).toBe("failed");
    expect(received.map((d) => d.status)).toEqual(Array(9).fill(401));
  });
});
