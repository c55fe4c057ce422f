// Webhook routes with deliveries signed as Shopify signs them (HMAC-SHA256 of the raw body with the app
// secret): the effect lands on the right shop, once per event id, and a bad signature changes nothing.
import type { ActionFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../app/db.server";
import { seedShop } from "../factories/commerce";
import { startApp } from "../helpers/app";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { webhookRequest, type WebhookOptions } from "../helpers/shopify-requests";

const SHOP = "tsuzuku-hooks.myshopify.com";
const OTHER_SHOP = "neighbour.myshopify.com";
// seedShop(db, shop, 1) gives both shops a customer with this id and this order: the same GIDs in two
// shops, so a delivery for one shop must not touch the other's rows.
const CUSTOMER = { numeric: 100, gid: "gid://shopify/Customer/100" };
const ORDER = { numeric: 1000, gid: "gid://shopify/Order/1000" };

type Action = (args: ActionFunctionArgs) => Promise<Response>;
const routes: Record<string, Action> = {};
let database: TestDatabase;
let db: Db;
let app: Awaited<ReturnType<typeof startApp>>;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  app = await startApp(database.url);
  for (const topic of ["app/uninstalled", "app/scopes_update", "customers/data_request", "customers/redact", "shop/redact"]) {
    routes[topic] = (await import(`../../app/routes/webhooks.${topic.replace("/", ".")}.tsx`)).action;
  }
});

afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

beforeEach(async () => {
  for (const shop of [SHOP, OTHER_SHOP]) {
    const { redactShop } = await import("../../app/privacy/redact.server");
    await redactShop(db, shop);
    await seedShop(db, shop, 1);
    await db.job.create({ data: { shop, name: "metrics.refresh", data: "{}" } });
  }
});

/** Posts to the route the toml points the topic at; a thrown Response (the library's 401) is a status too. */
async function deliver(options: WebhookOptions & { route?: string }): Promise<number> {
  const action = routes[options.route ?? options.topic];
  try {
    return (await action({ request: webhookRequest(options), params: {}, context: {} })).status;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

const shopRow = (shop: string) => db.shop.findUniqueOrThrow({ where: { shop } });
const ledger = (shop: string, eventId: string) => db.webhookDelivery.findUnique({ where: { shop_eventId: { shop, eventId } } });

describe("app/uninstalled", () => {
  it("marks the shop uninstalled, deletes its sessions, and records the delivery", async () => {
    expect(await deliver({ topic: "app/uninstalled", shop: SHOP, payload: { id: 1, domain: SHOP }, eventId: "evt-uninstall" })).toBe(200);

    const shop = await shopRow(SHOP);
    expect(shop.installState).toBe("uninstalled");
    expect(shop.uninstalledAt).toBeInstanceOf(Date);
    expect(await db.session.count({ where: { shop: SHOP } })).toBe(0);
    expect(await ledger(SHOP, "evt-uninstall")).toMatchObject({ topic: "app/uninstalled", apiVersion: "2026-07", status: "applied", attempts: 1 });

    expect((await shopRow(OTHER_SHOP)).installState).toBe("installed");
    expect(await db.session.count({ where: { shop: OTHER_SHOP } })).toBe(1);
  });

  it("applies a duplicate delivery of the same event once", async () => {
    await deliver({ topic: "app/uninstalled", shop: SHOP, payload: {}, eventId: "evt-twice" });
    const first = (await shopRow(SHOP)).uninstalledAt;
    expect(await deliver({ topic: "app/uninstalled", shop: SHOP, payload: {}, eventId: "evt-twice" })).toBe(200);
    expect((await shopRow(SHOP)).uninstalledAt).toEqual(first);
    expect(await ledger(SHOP, "evt-twice")).toMatchObject({ status: "applied", attempts: 1 });
  });
});

describe("app/scopes_update", () => {
  it("stores the granted scopes on the shop and its sessions; a replayed older event does not undo a newer one", async () => {
    const grant = (eventId: string, current: string[]) =>
      deliver({ topic: "app/scopes_update", shop: SHOP, payload: { id: 1, previous: [], current, updated_at: "2026-06-01T00:00:00Z" }, eventId });

    expect(await grant("evt-scopes-1", ["read_orders", "read_customers"])).toBe(200);
    expect((await shopRow(SHOP)).scopes).toBe("read_orders,read_customers");
    expect(await grant("evt-scopes-2", ["read_orders"])).toBe(200);
    expect(await grant("evt-scopes-1", ["read_orders", "read_customers"])).toBe(200);

    expect((await shopRow(SHOP)).scopes).toBe("read_orders");
    expect((await db.session.findUniqueOrThrow({ where: { id: `offline_${SHOP}` } })).scope).toBe("read_orders");
    expect((await shopRow(OTHER_SHOP)).scopes).toBe("read_orders,read_all_orders");
  });
});

describe("customers/redact", () => {
  it("removes the customer and their answers, unlinks their orders and contracts, in that shop only", async () => {
    const payload = { shop_id: 1, shop_domain: SHOP, customer: { id: CUSTOMER.numeric, email: "a@example.com", phone: "+81 90 0000 0000" }, orders_to_redact: [ORDER.numeric] };
    expect(await deliver({ topic: "customers/redact", shop: SHOP, payload, eventId: "evt-redact-customer" })).toBe(200);

    expect(await db.customer.count({ where: { shop: SHOP } })).toBe(0);
    expect((await db.order.findUniqueOrThrow({ where: { shop_id: { shop: SHOP, id: ORDER.gid } } })).customerId).toBeNull();
    expect(await db.subscriptionContract.count({ where: { shop: SHOP, customerId: { not: null } } })).toBe(0);
    expect(await db.surveyResponse.count({ where: { shop: SHOP } })).toBe(0);
    expect(await db.surveyAnswer.count({ where: { shop: SHOP } })).toBe(0);
    // Orders stay for the shop's totals.
    expect(await db.order.count({ where: { shop: SHOP } })).toBe(1);
    expect(await ledger(SHOP, "evt-redact-customer")).toMatchObject({ resourceId: CUSTOMER.gid, status: "applied", payload: null });
    // Kept as redacted, so the sync never links it again (test/sync/redacted-customer.test.ts).
    expect(await db.redactedCustomer.count({ where: { shop: SHOP, id: CUSTOMER.gid } })).toBe(1);

    const neighbour = { shop: OTHER_SHOP };
    expect(await db.customer.count({ where: neighbour })).toBe(1);
    expect((await db.order.findUniqueOrThrow({ where: { shop_id: { shop: OTHER_SHOP, id: ORDER.gid } } })).customerId).toBe(CUSTOMER.gid);
    expect(await db.surveyAnswer.count({ where: neighbour })).toBe(1);
    expect(await db.redactedCustomer.count({ where: { ...neighbour, id: CUSTOMER.gid } })).toBe(0);
  });

  it("answers 400 naming the field when the payload has no customer id, and changes nothing", async () => {
    expect(await deliver({ topic: "customers/redact", shop: SHOP, payload: { shop_domain: SHOP, orders_to_redact: [] } })).toBe(400);
    expect(await db.customer.count({ where: { shop: SHOP } })).toBe(1);
  });
});

describe("customers/data_request", () => {
  it("collects what is held for the customer, records the delivery, and changes nothing", async () => {
    const payload = { shop_id: 1, shop_domain: SHOP, customer: { id: CUSTOMER.numeric, email: "a@example.com" }, orders_requested: [ORDER.numeric], data_request: { id: 9 } };
    expect(await deliver({ topic: "customers/data_request", shop: SHOP, payload, eventId: "evt-data-request" })).toBe(200);
    expect(await ledger(SHOP, "evt-data-request")).toMatchObject({ resourceId: CUSTOMER.gid, status: "applied" });
    expect(await db.customer.count({ where: { shop: SHOP } })).toBe(1);

    const { collectCustomerData } = await import("../../app/privacy/redact.server");
    const report = await collectCustomerData(db, SHOP, CUSTOMER.gid, [ORDER.gid]);
    expect(report.customer).toMatchObject({ id: CUSTOMER.gid, acquisitionChannel: "instagram" });
    expect(report.orderIds).toEqual([ORDER.gid]);
    expect(report.subscriptionContractIds).toEqual(["gid://shopify/SubscriptionContract/17"]);
    expect(report.surveyResponses).toHaveLength(1);
    expect(report.surveyResponses[0]).toMatchObject({ orderId: ORDER.gid, answers: [{ optionIds: '["instagram"]' }] });
  });
});

describe("shop/redact", () => {
  it("deletes every row of the shop in every table and leaves the other shop whole", async () => {
    const { SHOP_REDACT_MODELS } = await import("../../app/privacy/redact.server");
    const rowsOf = async (shop: string) =>
      Object.fromEntries(
        await Promise.all(
          SHOP_REDACT_MODELS.map(async (model) => {
            const delegate = (db as unknown as Record<string, { count(args: object): Promise<number> }>)[model[0].toLowerCase() + model.slice(1)];
            return [model, await delegate.count({ where: { shop } })] as const;
          }),
        ),
      );
    const neighbourBefore = await rowsOf(OTHER_SHOP);
    // The seed fills every table, so "every table emptied" below is not vacuous.
    expect(Object.entries(await rowsOf(SHOP)).filter(([, n]) => n === 0)).toEqual([]);

    expect(await deliver({ topic: "shop/redact", shop: SHOP, payload: { shop_id: 1, shop_domain: SHOP }, eventId: "evt-shop-redact" })).toBe(200);

    expect(Object.values(await rowsOf(SHOP)).every((n) => n === 0)).toBe(true);
    expect(await rowsOf(OTHER_SHOP)).toEqual(neighbourBefore);
  });

  it("covers every model in the schema", async () => {
    const { SHOP_REDACT_MODELS } = await import("../../app/privacy/redact.server");
    const { Prisma } = await import("../../app/generated/prisma-sqlite/client");
    expect([...SHOP_REDACT_MODELS].sort()).toEqual(Object.values(Prisma.ModelName).sort());
  });
});

describe("deliveries that must be refused", () => {
  const uninstall = { topic: "app/uninstalled", shop: SHOP, payload: { id: 1 } };

  it("a body changed after signing: 401, nothing applied or recorded", async () => {
    expect(await deliver({ ...uninstall, eventId: "evt-tampered", tamperedBody: JSON.stringify({ id: 2 }) })).toBe(401);
    expect((await shopRow(SHOP)).installState).toBe("installed");
    expect(await ledger(SHOP, "evt-tampered")).toBeNull();
  });

  it("a signature made with another secret: 401, nothing applied or recorded", async () => {
    expect(await deliver({ ...uninstall, eventId: "evt-forged", secret: "not-the-app-secret" })).toBe(401);
    expect((await shopRow(SHOP)).installState).toBe("installed");
    expect(await ledger(SHOP, "evt-forged")).toBeNull();
  });

  it("a genuine delivery of another topic posted to this route: 400, nothing applied", async () => {
    expect(await deliver({ topic: "orders/create", route: "app/uninstalled", shop: SHOP, payload: { id: 1 }, eventId: "evt-misrouted" })).toBe(400);
    expect((await shopRow(SHOP)).installState).toBe("installed");
    expect(await ledger(SHOP, "evt-misrouted")).toBeNull();
  });
});
