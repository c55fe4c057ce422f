// A worker process killed with SIGKILL in the middle of a backfill, then started again, ends in the
// same exact state as an uninterrupted run: nothing lost, nothing written twice.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_API_KEY, TEST_API_SECRET, TEST_APP_URL, configuredScopes } from "../helpers/app";
import { ORDER_CUSTOMER_INDEX } from "../../app/sync/orders/order-rows";
import { indexNames } from "../helpers/database";
import { waitFor } from "../helpers/wait-for";
import { installApp, type InstalledApp } from "./app-install";
import { expectStoredShopEqualsShopify, startSyncHarness, type SyncHarness } from "./harness";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const ORDERS = 6_000;

let harness: SyncHarness;
let installed: InstalledApp;
const workers: ChildProcess[] = [];

// A dead worker's job is taken up again within seconds: SQLite's lock timeout, pg-boss's expiry
// (set when the job is enqueued, so the enqueuing process needs it too) and maintenance interval.
const QUICK_RECOVERY = {
  TSUZUKU_JOB_POLL_MS: "500",
  TSUZUKU_JOB_LOCK_TIMEOUT_MS: "3000",
  TSUZUKU_JOB_EXPIRE_SECONDS: "8",
  TSUZUKU_JOB_MAINTENANCE_SECONDS: "1",
};

function startWorker(): ChildProcess {
  const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      ...QUICK_RECOVERY,
      SHOPIFY_API_KEY: TEST_API_KEY,
      SHOPIFY_API_SECRET: TEST_API_SECRET,
      SHOPIFY_APP_URL: TEST_APP_URL,
      SCOPES: configuredScopes(),
      DATABASE_URL: harness.database.url,
      SHOPIFY_ADMIN_EMULATOR_URL: harness.emulator.url,
      LOG_LEVEL: "warn",
      // Small transactions, so the kill lands between many checkpoints.
      TSUZUKU_SYNC_BATCH_SIZE: "100",
      TSUZUKU_SYNC_BATCHES_PER_COMMIT: "2",
    },
  });
  workers.push(worker);
  return worker;
}

beforeAll(async () => {
  harness = await startSyncHarness({ orders: ORDERS, seed: 23 });
  Object.assign(process.env, QUICK_RECOVERY);
  // Installing enqueues the backfills; no job runs in this process, only in the worker processes.
  installed = await installApp(harness, { runJobsHere: false });
}, 60_000);

afterAll(async () => {
  for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill("SIGKILL");
  await installed?.stop();
  await harness?.close();
  for (const name of Object.keys(QUICK_RECOVERY)) delete process.env[name];
});

describe("a worker killed mid-backfill", () => {
  it("resumes from its last checkpoint and ends with the shop stored exactly", async () => {
    const { db } = harness.database;
    const cursorOf = () => db.syncCursor.findUnique({ where: { shop_resource: { shop: harness.shop, resource: "orders" } } });

    // A first backfill of a shop alone in the database drops Order's customer index while it writes
    // the orders (app/sync/backfill/deferred-indexes.ts): the resumed run must build it again.
    const orderIndexes = await indexNames(harness.database, "Order");
    expect(orderIndexes).toContain(ORDER_CUSTOMER_INDEX.name);
    const first = startWorker();
    await waitFor("the orders backfill to be writing", async () => ((await cursorOf())?.bulkLinesConsumed ?? 0) > 0, { timeoutMs: 60_000, intervalMs: 10 });
    first.kill("SIGKILL");
    await once(first, "exit");

    const atKill = await cursorOf();
    const ordersAtKill = await db.order.count({ where: { shop: harness.shop } });
    expect(atKill?.bulkOperationId).toMatch(/^gid:\/\/shopify\/BulkOperation\//);
    expect(ordersAtKill).toBeLessThan(ORDERS);

    const second = startWorker();
    await waitFor(
      "both backfills to succeed",
      async () => (await db.syncRun.count({ where: { shop: harness.shop, kind: "backfill", status: "succeeded" } })) === 2,
      { timeoutMs: 90_000, intervalMs: 100 },
    );
    second.kill("SIGTERM");
    await once(second, "exit");

    await expectStoredShopEqualsShopify(harness);
    expect(await indexNames(harness.database, "Order")).toEqual(orderIndexes);
    // The interrupted run was resumed, not restarted: one bulk operation, one run, its count exact.
    const run = await db.syncRun.findFirstOrThrow({ where: { shop: harness.shop, resource: "orders", kind: "backfill" } });
    expect(run).toMatchObject({ status: "succeeded", doneCount: ORDERS, expectedCount: ORDERS });
    expect(await db.syncRun.count({ where: { shop: harness.shop, resource: "orders", kind: "backfill" } })).toBe(1);
  }, 180_000);
});
