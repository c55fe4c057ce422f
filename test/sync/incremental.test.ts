// The whole sync through the app's real parts: install by token exchange (afterAuth enqueues the
// backfills), the job worker, the webhook routes with real HMAC deliveries from the emulator, the
// ledger, refresh jobs, reconciliation. After every storm the database equals the emulator's shop.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as AppQueue from "../../app/jobs/app-queue.server";
import { ThrottleBucket } from "../emulator/graphql/throttle";
import { adminGraphQL, appWebhookTransport, graphqlUrl, type ReceivedDelivery } from "../emulator/fixtures";
import { sessionToken } from "../helpers/shopify-requests";
import { installApp, type InstalledApp } from "./app-install";
import { waitFor } from "../helpers/wait-for";
import { expectStoredShopEqualsShopify, startSyncHarness, storedShopMatchesShopify, type SyncHarness } from "./harness";

let harness: SyncHarness;
let installed: InstalledApp;
let jobs: typeof AppQueue;
const received: ReceivedDelivery[] = [];
let deliverToApp: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 });

beforeAll(async () => {
  harness = await startSyncHarness({
    orders: 400,
    seed: 11,
    emulator: { webhooks: { timeScale: 3_600_000, seed: 5, send: (request) => deliverToApp(request) } },
  });
  process.env.TSUZUKU_JOB_POLL_MS = "50";
  installed = await installApp(harness, { runJobsHere: true });
  jobs = installed.jobs;
  deliverToApp = appWebhookTransport(installed.app.shopify.authenticate.webhook, received);
  await waitFor("both backfills", async () =>
    (await harness.database.db.syncRun.count({ where: { shop: harness.shop, kind: "backfill", status: "succeeded" } })) === 2, { timeoutMs: 60_000 });
}, 120_000);

afterAll(async () => {
  await installed?.stop();
  await harness?.close();
});

/** The merchant's (or another app's) changes; retried when the shop's bucket is empty, so each one lands. */
async function admin(query: string, variables?: Record<string, unknown>) {
  for (;;) {
    const answer = await adminGraphQL(graphqlUrl(harness.emulator, harness.shop), harness.accessToken, query, variables);
    if (!JSON.stringify(answer.body.errors ?? []).includes("THROTTLED")) return answer;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const matchesShopify = () => storedShopMatchesShopify(harness);

async function expectDatabaseEqualsShopify() {
  await waitFor("the database to equal the emulator's shop", matchesShopify, { timeoutMs: 60_000, intervalMs: 200 }).catch(() => undefined);
  await expectStoredShopEqualsShopify(harness);
}

/**
 * Changes a slice of the shop through the Admin API: tags, refunds, cancellations, orders moved to
 * another customer or made guest orders, contract pauses and cancels.
 */
async function changeShop(round: number) {
  const orders = [...harness.store.orders()].filter((order) => !order.test && order.cancelledAt === null);
  const pick = (offset: number, count: number) => orders.slice(offset + round * 40, offset + round * 40 + count);
  for (const order of pick(0, 10)) {
    await admin(`mutation { orderUpdate(input: { id: "gid://shopify/Order/${order.id}", tags: ["round-${round}", "vip"] }) { userErrors { message } } }`);
  }
  for (const order of pick(10, 8)) {
    const line = order.lineItems.find((l) => l.currentQuantity > 0);
    if (!line) continue;
    await admin(`mutation R($input: RefundInput!) { refundCreate(input: $input) { userErrors { message } } }`, {
      input: { orderId: `gid://shopify/Order/${order.id}`, note: "肌に合わない", refundLineItems: [{ lineItemId: `gid://shopify/LineItem/${line.id}`, quantity: 1 }] },
    });
  }
  for (const order of pick(20, 6).filter((o) => o.sourceName === "web" && o.lineItems.every((l) => l.sellingPlan === null))) {
    await admin(`mutation { orderCancel(orderId: "gid://shopify/Order/${order.id}", reason: CUSTOMER, restock: false, refund: true) { orderCancelUserErrors { message } } }`);
  }
  // Orders moved between customers (a merchant fixing who placed them) and made guest orders: both the
  // customer who lost the order and the one who gained it change.
  const owned = pick(26, 6).filter((order) => order.customerId !== null);
  for (const [index, order] of owned.entries()) {
    const to = owned[(index + 1) % owned.length].customerId!;
    await (index % 3 === 2 || to === order.customerId
      ? admin(`mutation { orderCustomerRemove(orderId: "gid://shopify/Order/${order.id}") { userErrors { message } } }`)
      : admin(`mutation { orderCustomerSet(orderId: "gid://shopify/Order/${order.id}", customerId: "gid://shopify/Customer/${to}") { userErrors { message } } }`));
  }
  const active = [...harness.store.contracts()].filter((contract) => contract.status === "ACTIVE").slice(round * 4, round * 4 + 4);
  for (const [index, contract] of active.entries()) {
    const mutation = index % 2 === 0 ? "subscriptionContractPause" : "subscriptionContractCancel";
    await admin(`mutation { ${mutation}(subscriptionContractId: "gid://shopify/SubscriptionContract/${contract.id}") { userErrors { message } } }`);
  }
}

async function deliveriesSettled() {
  harness.emulator.webhooks.flush();
  await harness.emulator.webhooks.idle();
}

describe("incremental sync", () => {
  it("the backfill ran as jobs after install and stored the shop exactly", async () => {
    await expectDatabaseEqualsShopify();
  });

  it("converges with every delivery sent three times, in shuffled order", async () => {
    Object.assign(harness.emulator.webhooks.faults, { duplicateRate: 1, reorderWindow: 12, reorderHoldMs: 60_000 });
    const before = received.length;
    await changeShop(0);
    await deliveriesSettled();
    // A third copy of each: Shopify may redeliver any event again later.
    for (const delivery of received.slice(before)) {
      await deliverToApp(new Request(`https://tsuzuku.test${delivery.path}`, { method: "POST", headers: delivery.headers, body: delivery.body }));
    }
    await expectDatabaseEqualsShopify();
    const events = new Set(received.slice(before).map((d) => d.headers["x-shopify-event-id"]));
    expect(received.length - before).toBeGreaterThanOrEqual(events.size * 3);
    expect(await harness.database.db.webhookDelivery.count({ where: { shop: harness.shop, eventId: { in: [...events] }, status: "applied" } })).toBe(events.size);
  });

  it("heals dropped deliveries by reconciliation", async () => {
    Object.assign(harness.emulator.webhooks.faults, { duplicateRate: 0, reorderWindow: 0, dropRate: 1 });
    await changeShop(1);
    await deliveriesSettled();
    expect(await matchesShopify()).toBe(false);
    const queue = await jobs.appJobQueue();
    await queue.enqueue("sync.reconcile", { shop: harness.shop, resource: "orders" });
    await queue.enqueue("sync.reconcile", { shop: harness.shop, resource: "subscriptionContracts" });
    await expectDatabaseEqualsShopify();
  });

  it("paces itself through a THROTTLED storm and still converges", async () => {
    Object.assign(harness.emulator.webhooks.faults, { dropRate: 0 });
    const ctx = harness.emulator.contexts.get(harness.shop)! as unknown as { throttle: ThrottleBucket };
    // A bucket far smaller than any plan's: most refresh reads find it empty.
    const bucket = new ThrottleBucket(400, 150, Date.now());
    let refused = 0;
    const tryTake = bucket.tryTake.bind(bucket);
    bucket.tryTake = (cost, now) => tryTake(cost, now) || (refused++, false);
    ctx.throttle = bucket;
    bucket.tryTake(400, Date.now()); // empty: the storm starts against a drained bucket
    await changeShop(2);
    await deliveriesSettled();
    await expectDatabaseEqualsShopify();
    expect(refused).toBeGreaterThan(0);
  });

  it("the merchant's Resync reads the whole shop again and ends exact", async () => {
    const { action } = await import("../../app/routes/app.sync");
    const request = new Request("https://tsuzuku.test/app?index", {
      method: "POST",
      headers: { Authorization: `Bearer ${await sessionToken({ shop: harness.shop })}` },
    });
    expect(await action({ request, params: {}, context: {} })).toEqual({ resyncQueued: true });
    await waitFor("both resyncs", async () =>
      (await harness.database.db.syncRun.count({ where: { shop: harness.shop, kind: "resync", status: "succeeded" } })) === 2, { timeoutMs: 60_000 });
    await expectDatabaseEqualsShopify();
  });

  it("uninstalling stops the shop's sync: its jobs do nothing", async () => {
    harness.emulator.uninstallApp(harness.shop);
    await deliveriesSettled();
    await waitFor("the uninstall to be recorded", async () =>
      (await harness.database.db.shop.findUnique({ where: { shop: harness.shop } }))?.installState === "uninstalled");
    const [order] = [...harness.store.orders()].filter((o) => !o.test && o.cancelledAt === null);
    harness.store.updateOrder(order.id, { tags: ["after-uninstall"] }, Date.now());
    const queue = await jobs.appJobQueue();
    const id = await queue.enqueue("sync.refresh", { shop: harness.shop, resource: "orders", ids: [`gid://shopify/Order/${order.id}`] });
    await waitFor("the refresh job to finish", async () => (await queue.getJob("sync.refresh", id!))?.status === "completed");
    const stored = await harness.database.db.order.findUniqueOrThrow({ where: { shop_id: { shop: harness.shop, id: `gid://shopify/Order/${order.id}` } } });
    expect(stored.tags).not.toContain("after-uninstall");
  });
});
