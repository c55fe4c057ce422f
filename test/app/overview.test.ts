// The Overview loader behind a real App Bridge session token: the shop's stored overview view (as the
// metrics job wrote it) and its live sync activity, never another shop's.
import { Session } from "@shopify/shopify-app-remix/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as OverviewRoute from "../../app/routes/app._index";
import { computeSnapshot } from "../../app/snapshots/jobs";
import { loadPageView } from "../../app/snapshots/page-views.server";
import { seedShop } from "../factories/commerce";
import { startApp } from "../helpers/app";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { bearerRequest, respond, sessionToken } from "../helpers/shopify-requests";

const SHOP = "tsuzuku-overview.myshopify.com";
const OTHER_SHOP = "overview-neighbour.myshopify.com";

let database: TestDatabase;
let app: Awaited<ReturnType<typeof startApp>>;
let route: typeof OverviewRoute;

async function load(shop: string) {
  const result = await respond(async () => route.loader({ request: bearerRequest("/app", await sessionToken({ shop })), params: {}, context: {} }));
  expect(result.status).toBe(200);
  return result.data!;
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startApp(database.url);
  route = await import("../../app/routes/app._index");
  await seedShop(database.db, SHOP, 3);
  await seedShop(database.db, OTHER_SHOP, 4);
  for (const shop of [SHOP, OTHER_SHOP]) {
    await app.shopify.sessionStorage.storeSession(
      new Session({ id: `offline_${shop}`, shop, state: "", isOnline: false, scope: "read_orders,read_all_orders", accessToken: "shpat_offline_token_for_tests" }),
    );
  }
  const { db } = database;
  await db.syncRun.create({
    data: { shop: SHOP, kind: "backfill", resource: "orders", phase: "done", status: "succeeded", doneCount: 1, expectedCount: 1, startedAt: new Date("2026-05-03T00:00:00Z"), finishedAt: new Date("2026-05-03T00:05:00Z") },
  });
  await db.syncRun.create({
    data: { shop: SHOP, kind: "reconcile", resource: "orders", phase: "writing", status: "running", doneCount: 40, expectedCount: 100, startedAt: new Date("2026-05-04T00:00:00Z") },
  });
  await computeSnapshot(db, SHOP);
});

afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

describe("overview loader", () => {
  it("returns the shop's stored overview view and its sync activity", async () => {
    const data = await load(SHOP);
    const stored = await loadPageView(database.db, SHOP, "overview");
    expect(data.stored).toEqual(JSON.parse(JSON.stringify(stored)));
    expect(data.stored?.view.customers.customers.current).toBe(1);
    expect(data.stored?.view.sales.orders.current).toBe(1);
    expect(data.sync.lastFinishedAt).toBe("2026-05-03T00:05:00.000Z");
    expect(data.sync.running.map((run) => [run.kind, run.doneCount, run.expectedCount])).toEqual([["reconcile", 40, 100]]);
  });

  it("gives another shop only its own view and sync activity", async () => {
    const data = await load(OTHER_SHOP);
    // seedShop stores a placeholder overview payload; the neighbour's snapshot was never computed here.
    expect(data.stored?.view).toEqual({ customers: 1 });
    expect(data.sync).toEqual({ running: [], lastFinishedAt: null });
  });
});
