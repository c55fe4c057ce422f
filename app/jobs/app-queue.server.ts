// The app's one job queue, with every job the app defines. Request handlers only enqueue
// (`appJobQueue()`); jobs run in processes that work the queue: `npm run worker` (startJobWorkers), and
// the web process itself when TSUZUKU_WORK_JOBS=1 (`npm run main`, the embedded default, sets it).
import db, { databaseUrl } from "../db.server";
import { logger } from "../logger.server";
import { createAdminClient } from "../sync/admin-client";
import { shopTransport } from "../sync/admin-transport.server";
import { snapshotJobs } from "../snapshots/jobs";
import { type SyncJobDeps, syncJobs, type SyncJobDefinition } from "../sync/jobs";
import { openSqlWriter, type SqlWriter } from "../sync/write/statements";
import { createJobQueue, type EnqueueOptions, JobRegistry, type JobQueue } from "./job-queue.server";

let writer: SqlWriter | undefined;
type AppJob = SyncJobDefinition | ReturnType<typeof snapshotJobs>[number];
let queue: Promise<JobQueue<AppJob>> | undefined;
let working = false;

function definitions(): readonly AppJob[] {
  return [...syncJobs({
    db,
    writer: () => (writer ??= openSqlWriter(databaseUrl())),
    clientFor: (shop) => createAdminClient({ transport: shopTransport(shop) }),
    enqueue: (async (name: "sync.reconcile" | "metrics.snapshot", data: never, options: EnqueueOptions) =>
      (await appJobQueue()).enqueue(name, data, options)) as SyncJobDeps["enqueue"],
    logger,
    backfillBatchSize: numberFromEnv("TSUZUKU_SYNC_BATCH_SIZE"),
    backfillBatchesPerCommit: numberFromEnv("TSUZUKU_SYNC_BATCHES_PER_COMMIT"),
  }), ...snapshotJobs({ db })];
}

/** The started queue (jobs are enqueued here; they run wherever workers run). */
export function appJobQueue(): Promise<JobQueue<AppJob>> {
  queue ??= (async () => {
    const created = await createJobQueue<AppJob>(databaseUrl(), {
      registry: new JobRegistry(definitions()),
      logger,
      lockTimeoutMs: numberFromEnv("TSUZUKU_JOB_LOCK_TIMEOUT_MS"),
      expireInSeconds: numberFromEnv("TSUZUKU_JOB_EXPIRE_SECONDS"),
      maintenanceIntervalSeconds: numberFromEnv("TSUZUKU_JOB_MAINTENANCE_SECONDS"),
      pollIntervalMs: numberFromEnv("TSUZUKU_JOB_POLL_MS"),
    });
    // TSUZUKU_WORK_JOBS=1: this web process runs jobs too (the embedded default, `npm run main`).
    if (working || process.env.TSUZUKU_WORK_JOBS === "1") await created.workAll();
    await created.start();
    return created;
  })();
  return queue;
}

/** Runs every job in this process too. Call before the first enqueue (the process entry point does). */
export async function startJobWorkers(): Promise<JobQueue<AppJob>> {
  working = true;
  if (queue) throw new Error("startJobWorkers() must run before the queue is first used");
  return appJobQueue();
}

export async function stopJobQueue(): Promise<void> {
  const started = queue;
  queue = undefined;
  working = false;
  if (started) await (await started).stop();
  await writer?.close();
  writer = undefined;
}

function numberFromEnv(name: string): number | undefined {
  const value = process.env[name];
  if (value === undefined || value === "") return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`${name} must be a positive number of ${name.endsWith("SECONDS") ? "seconds" : "milliseconds"}`);
  return parsed;
}
