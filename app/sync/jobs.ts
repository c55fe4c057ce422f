// The sync's jobs. Webhook routes and afterAuth enqueue them; a worker (the app process on SQLite, any
// app or worker process on PostgreSQL) runs them. Each job checks that the shop is still installed:
// uninstalling stops a shop's sync; reinstalling starts a resync.
import { z } from "zod";
import type { Db } from "../db.server";
import { defineJob, type EnqueueOptions } from "../jobs/job-queue.server";
import type { Logger } from "pino";
import type { AdminClient } from "./admin-client";
import { snapshotOptions } from "../snapshots/jobs";
import { runBackfill } from "./backfill/backfill";
import { reconcile } from "./reconcile";
import { refreshContracts, refreshOrders } from "./refresh";
import type { SqlWriter } from "./write/statements";

export interface SyncJobDeps {
  db: Db;
  writer: () => SqlWriter;
  clientFor: (shop: string) => AdminClient;
  /** Enqueues a follow-up job on the queue running these jobs. */
  enqueue: FollowUp;
  logger: Logger;
  /** Records per backfill batch, each written with its checkpoint (default DEFAULT_BATCH_SIZE). */
  backfillBatchSize?: number;
  /** Backfill batches per transaction (default: the writer's, BATCHES_PER_COMMIT). */
  backfillBatchesPerCommit?: number;
  /** How long after one reconciliation the next one runs (default 15 min). */
  reconcileEveryMs?: number;
}

type FollowUp = {
  (name: "sync.reconcile", data: { shop: string; resource: "orders" | "subscriptionContracts" }, options: EnqueueOptions): Promise<string | null>;
  (name: "metrics.snapshot", data: { shop: string }, options: EnqueueOptions): Promise<string | null>;
};

/** After changes, the shop's metrics are recomputed once things settle (one pending job per shop). */
const SNAPSHOT_DEBOUNCE_MS = 30_000;

const resource = z.enum(["orders", "subscriptionContracts"]);
export const SYNC_RESOURCES = ["orders", "subscriptionContracts"] as const;

export function syncJobs(deps: SyncJobDeps) {
  const installed = async (shop: string) =>
    (await deps.db.shop.findUnique({ where: { shop }, select: { installState: true } }))?.installState === "installed";
  const skip = (job: string, shop: string) => deps.logger.info({ event: "sync_skipped", job, shop, reason: "not installed" }, "sync job skipped");

  const backfill = defineJob({
    name: "sync.backfill",
    schema: z.object({ shop: z.string().min(1), resource, kind: z.enum(["backfill", "resync"]).default("backfill") }),
    maxAttempts: 5,
    async handler({ data }) {
      if (!(await installed(data.shop))) return skip("sync.backfill", data.shop);
      await runBackfill({
        db: deps.db, writer: deps.writer(), client: deps.clientFor(data.shop), shop: data.shop, resource: data.resource,
        kind: data.kind, batchSize: deps.backfillBatchSize,
        batchesPerCommit: deps.backfillBatchesPerCommit,
      });
      // Heal what changed while the export ran, then keep reconciling on schedule; recompute the metrics.
      await deps.enqueue("sync.reconcile", { shop: data.shop, resource: data.resource }, { singletonKey: `${data.shop}:${data.resource}`, shop: data.shop });
      await deps.enqueue("metrics.snapshot", { shop: data.shop }, snapshotOptions(data.shop));
    },
  });

  const refresh = defineJob({
    name: "sync.refresh",
    schema: z.object({ shop: z.string().min(1), resource, ids: z.array(z.string().startsWith("gid://shopify/")).min(1).max(250) }),
    maxAttempts: 8,
    concurrency: 2,
    async handler({ data }) {
      if (!(await installed(data.shop))) return skip("sync.refresh", data.shop);
      const client = deps.clientFor(data.shop);
      const outcome = data.resource === "orders"
        ? await refreshOrders(client, deps.writer(), data.shop, data.ids)
        : await refreshContracts(client, deps.writer(), data.shop, data.ids);
      if (outcome.written > 0) await deps.enqueue("metrics.snapshot", { shop: data.shop }, { ...snapshotOptions(data.shop), startAfterMs: SNAPSHOT_DEBOUNCE_MS });
      if (outcome.missing.length > 0) deps.logger.warn({ event: "sync_missing", shop: data.shop, ids: outcome.missing }, "records not found on Shopify");
    },
  });

  const reconcileJob = defineJob({
    name: "sync.reconcile",
    schema: z.object({ shop: z.string().min(1), resource }),
    maxAttempts: 3,
    async handler({ data }) {
      if (!(await installed(data.shop))) return skip("sync.reconcile", data.shop);
      try {
        await reconcile({ db: deps.db, client: deps.clientFor(data.shop), writer: deps.writer(), shop: data.shop, resource: data.resource });
      } finally {
        await deps.enqueue("sync.reconcile", data, {
          singletonKey: `${data.shop}:${data.resource}:next`, startAfterMs: deps.reconcileEveryMs ?? 15 * 60_000, shop: data.shop,
        });
      }
    },
  });

  return [backfill, refresh, reconcileJob] as const;
}

export type SyncJobDefinition = ReturnType<typeof syncJobs>[number];
