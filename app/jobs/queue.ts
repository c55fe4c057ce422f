// The job queue both runners implement: SqliteJobQueue (the Job table, polled in-process) and
// PgBossJobQueue (pg-boss, shared by every app and worker process on one PostgreSQL database).
import { type Logger } from "pino";
import { type AnyJobDefinition, type JobData, type JobHandler, type JobInput, type JobRegistry } from "./registry";

export type SingletonWhile = "queued" | "queuedOrRunning";

export interface EnqueueOptions {
  /** At most one job per (name, key) is pending or running; enqueue returns null while one is. */
  singletonKey?: string;
  /**
   * "queuedOrRunning" (default): a running job blocks the key too. "queued": only a pending one does, so a
   * job asked for while another runs (on data that has changed since it started) still gets queued.
   */
  singletonWhile?: SingletonWhile;
  /** Do not run before this many milliseconds from now. */
  startAfterMs?: number;
  /** Runs allowed, the first included (default: the definition's, else 3). */
  maxAttempts?: number;
  /** The shop the job works for, for logs (and the Job table on SQLite). */
  shop?: string;
}

export interface WorkOptions {
  /** Handlers of this job running at once in this process (default 1). */
  concurrency?: number;
}

export type JobStatus = "pending" | "running" | "completed" | "failed";

/** A job as stored, for status pages and tests. */
export interface JobRecord {
  id: string;
  name: string;
  status: JobStatus;
  data: unknown;
  /** Runs started so far. */
  attempts: number;
  maxAttempts: number;
  runAfter: Date;
  lastError: string | null;
  finishedAt: Date | null;
}

export interface JobQueue<Defs extends AnyJobDefinition = AnyJobDefinition> {
  readonly kind: "sqlite" | "postgres";
  /** Opens the queue: needed before enqueue, and before handlers registered with `work` run. */
  start(): Promise<void>;
  /** Stops taking jobs and waits for running handlers to finish (up to the stop timeout). */
  stop(): Promise<void>;
  /** Validates `data` with the job's schema and stores the job; null when a singleton is already queued. */
  enqueue<Name extends Defs["name"]>(
    name: Name,
    data: JobInput<Defs, Name>,
    options?: EnqueueOptions,
  ): Promise<string | null>;
  /** Runs `handler` for jobs of this name, in this process. */
  work<Name extends Defs["name"]>(
    name: Name,
    handler: JobHandler<JobData<Defs, Name>>,
    options?: WorkOptions,
  ): Promise<void>;
  /** `work` for every registered job, with the definition's own handler and concurrency. */
  workAll(): Promise<void>;
  getJob(name: Defs["name"], id: string): Promise<JobRecord | null>;
}

/** Settings shared by both runners; each has a few of its own. */
export interface JobQueueOptions<Defs extends AnyJobDefinition = AnyJobDefinition> {
  registry: JobRegistry<Defs>;
  logger?: Logger;
  /** How often an idle worker looks for due jobs (default 2 s; pg-boss needs at least 500 ms). */
  pollIntervalMs?: number;
  /** First retry delay; later retries double it, with jitter (default 5 s; pg-boss rounds to ≥ 1 s). */
  retryDelayMs?: number;
  /** How long `stop()` waits for running handlers (default 30 s). */
  stopTimeoutMs?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 3;
export const DEFAULT_POLL_INTERVAL_MS = 2_000;
export const DEFAULT_RETRY_DELAY_MS = 5_000;
export const DEFAULT_STOP_TIMEOUT_MS = 30_000;
