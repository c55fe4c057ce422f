// Boots the real app against a sync harness's emulator and installs it the way a merchant does: the
// first admin load exchanges a session token for an offline token, and afterAuth enqueues the backfills.
import { expect } from "vitest";
import type * as AppQueue from "../../app/jobs/app-queue.server";
import { startApp } from "../helpers/app";
import { bearerRequest, respond, sessionToken } from "../helpers/shopify-requests";
import type { SyncHarness } from "./harness";

export interface InstalledApp {
  app: Awaited<ReturnType<typeof startApp>>;
  jobs: typeof AppQueue;
  stop(): Promise<void>;
}

export async function installApp(harness: SyncHarness, options: { runJobsHere: boolean }): Promise<InstalledApp> {
  process.env.SHOPIFY_ADMIN_EMULATOR_URL = harness.emulator.url;
  const app = await startApp(harness.database.url);
  const jobs = await import("../../app/jobs/app-queue.server");
  if (options.runJobsHere) await jobs.startJobWorkers();
  const { loader } = await import("../../app/routes/app.sync");
  const opened = await respond(async () => loader({ request: bearerRequest("/app/sync", await sessionToken({ shop: harness.shop })), params: {}, context: {} }));
  expect(opened.status).toBe(200);
  return {
    app,
    jobs,
    async stop() {
      await jobs.stopJobQueue();
      await app.stop();
      delete process.env.SHOPIFY_ADMIN_EMULATOR_URL;
    },
  };
}
