// What both runners share: enqueue-time validation, the handler call with its log lines, and the
// started/stopped bookkeeping. Storage, claiming and retries are each runner's own.
import { type Logger } from "pino";
import { logger as appLogger } from "../logger.server";
import {
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_POLL_INTERVAL_MS,
  DEFAULT_RETRY_DELAY_MS,
  DEFAULT_STOP_TIMEOUT_MS,
  type EnqueueOptions,
  type JobQueue,
  type JobQueueOptions,
  type JobRecord,
  type SingletonWhile,
  type WorkOptions,
} from "./queue";
import { type AnyJobDefinition, type JobData, type JobHandler, type JobInput, type JobRegistry } from "./registry";

/** A validated job on its way to storage. */
export interface NewJob {
  name: string;
  data: unknown;
  maxAttempts: number;
  startAfterMs: number;
  singletonKey: string | null;
  singletonWhile: SingletonWhile;
  shop: string | null;
}

/** A job this process has claimed and is about to run. */
export interface ClaimedJob {
  id: string;
  name: string;
  attempt: number;
  maxAttempts: number;
  /** The stored data; may throw (corrupt JSON), which fails the attempt like a handler error. */
  readData(): unknown;
}

export type RunOutcome = { ok: true } | { ok: false; error: string };

type QueueState = "new" | "started" | "stopping" | "stopped";

const MAX_ERROR_LENGTH = 1_000;

export abstract class BaseJobQueue<Defs extends AnyJobDefinition> implements JobQueue<Defs> {
  abstract readonly kind: "sqlite" | "postgres";
  protected readonly registry: JobRegistry<Defs>;
  protected readonly log: Logger;
  protected readonly pollIntervalMs: number;
  protected readonly retryDelayMs: number;
  protected readonly stopTimeoutMs: number;
  protected state: QueueState = "new";

  constructor(options: JobQueueOptions<Defs>) {
    this.registry = options.registry;
    this.log = options.logger ?? appLogger.child({ component: "jobs" });
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    this.retryDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
    this.stopTimeoutMs = options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
  }

  abstract start(): Promise<void>;
  abstract stop(): Promise<void>;
  abstract getJob(name: Defs["name"], id: string): Promise<JobRecord | null>;
  /** Stores the job; returns its id, or null when a singleton with its key is pending or running. */
  protected abstract insert(job: NewJob): Promise<string | null>;
  /** Starts running `handler` for jobs of this name (called once the queue has started). */
  protected abstract addWorker(name: string, handler: JobHandler<unknown>, concurrency: number): Promise<void>;

  async enqueue<Name extends Defs["name"]>(
    name: Name,
    data: JobInput<Defs, Name>,
    options: EnqueueOptions = {},
  ): Promise<string | null> {
    if (this.state !== "started") throw new Error(`Cannot enqueue "${name}": the job queue is ${this.state}`);
    const definition = this.registry.get(name);
    const parsed = this.registry.parse(name, data);
    const maxAttempts = options.maxAttempts ?? definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    const startAfterMs = options.startAfterMs ?? 0;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new Error(`maxAttempts must be an integer ≥ 1`);
    if (!(startAfterMs >= 0)) throw new Error(`startAfterMs must be ≥ 0`);
    const singletonKey = options.singletonKey ?? null;
    const shop = options.shop ?? null;

    const singletonWhile = options.singletonWhile ?? "queuedOrRunning";
    const id = await this.insert({ name, data: parsed, maxAttempts, startAfterMs, singletonKey, singletonWhile, shop });
    if (id === null) {
      this.log.info({ job: name, shop, singletonKey }, "job.singleton_already_queued");
    } else {
      this.log.info({ job: name, jobId: id, shop, singletonKey, startAfterMs, maxAttempts }, "job.enqueued");
    }
    return id;
  }

  async work<Name extends Defs["name"]>(
    name: Name,
    handler: JobHandler<JobData<Defs, Name>>,
    options: WorkOptions = {},
  ): Promise<void> {
    this.registry.get(name);
    const concurrency = options.concurrency ?? 1;
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`concurrency must be an integer ≥ 1`);
    if (this.state === "stopping" || this.state === "stopped") {
      throw new Error(`Cannot work "${name}": the job queue is ${this.state}`);
    }
    await this.addWorker(name, handler as JobHandler<unknown>, concurrency);
  }

  async workAll(): Promise<void> {
    for (const definition of this.registry.definitions()) {
      await this.work(definition.name, definition.handler, { concurrency: definition.concurrency });
    }
  }

  /** Runs one claimed job's handler on re-validated data, and logs how it went. Never throws. */
  protected async runHandler(job: ClaimedJob, handler: JobHandler<unknown>): Promise<RunOutcome> {
    const fields = { job: job.name, jobId: job.id, attempt: job.attempt, maxAttempts: job.maxAttempts };
    const startedAt = performance.now();
    this.log.info(fields, "job.started");
    try {
      const data = this.registry.parse(job.name, job.readData());
      await handler({ id: job.id, name: job.name, data, attempt: job.attempt });
      this.log.info({ ...fields, durationMs: Math.round(performance.now() - startedAt) }, "job.completed");
      return { ok: true };
    } catch (thrown) {
      const error = errorMessage(thrown);
      const retrying = job.attempt < job.maxAttempts;
      // The message only: stack traces and error objects can carry request or customer data.
      this.log[retrying ? "warn" : "error"]({ ...fields, error }, retrying ? "job.attempt_failed" : "job.failed");
      return { ok: false, error };
    }
  }
}

export function errorMessage(thrown: unknown): string {
  const message = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
  return message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH - 1)}…` : message;
}
