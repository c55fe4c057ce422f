// The PostgreSQL runner, on pg-boss 10 (its tables live in the `pgboss` schema of the app's database).
// pg-boss claims with SELECT … FOR UPDATE SKIP LOCKED, so any number of app and worker processes
// share one queue and each job is handed to one of them at a time.
import { setTimeout as sleep } from "node:timers/promises";
import PgBoss from "pg-boss";
import pg from "pg";
import { BaseJobQueue, type NewJob } from "./base-queue";
import { type JobQueueOptions, type JobRecord, type JobStatus, type SingletonWhile } from "./queue";
import { type AnyJobDefinition, type JobHandler } from "./registry";

export interface PgBossJobQueueOptions<Defs extends AnyJobDefinition> extends JobQueueOptions<Defs> {
  connectionString: string;
  /**
   * pg-boss fails an active job after this long (taking its worker for dead) and retries it, so it
   * must exceed the longest job: a backfill can run for many minutes (default 1 h; pg-boss allows < 24 h).
   */
  expireInSeconds?: number;
  /**
   * How often pg-boss looks for expired jobs (those of dead workers) and retries them (default 120 s).
   * A job's retry after its worker died waits up to expireInSeconds plus this.
   */
  maintenanceIntervalSeconds?: number;
}

const SCHEMA = "pgboss";
const DEFAULT_EXPIRE_IN_SECONDS = 60 * 60;
const CREATE_QUEUE_ATTEMPTS = 5;
const DEADLOCK_DETECTED = "40P01";
const UNIQUE_VIOLATION = "23505";

const STATUS_BY_STATE: Record<PgBoss.JobWithMetadata["state"], JobStatus> = {
  created: "pending",
  retry: "pending",
  active: "running",
  completed: "completed",
  cancelled: "failed",
  failed: "failed",
};

export class PgBossJobQueue<Defs extends AnyJobDefinition = AnyJobDefinition> extends BaseJobQueue<Defs> {
  readonly kind = "postgres";
  readonly #boss: PgBoss;
  readonly #connectionString: string;
  readonly #expireInSeconds: number;
  readonly #queuesCreated = new Map<string, Promise<void>>();
  /** pg-boss worker ids by job name, to wake them when this process enqueues. */
  readonly #workerIds = new Map<string, string[]>();
  readonly #workersToAdd: Array<() => Promise<void>> = [];
  /** Connections for singleton enqueues, which need a transaction of their own (opened on first use). */
  #singletonPool: pg.Pool | null = null;

  constructor(options: PgBossJobQueueOptions<Defs>) {
    super(options);
    this.#connectionString = options.connectionString;
    this.#expireInSeconds = options.expireInSeconds ?? DEFAULT_EXPIRE_IN_SECONDS;
    this.#boss = new PgBoss({
      connectionString: options.connectionString,
      schema: SCHEMA,
      application_name: "tsuzuku-jobs",
      // No cron jobs yet; the scheduler would only add a polling loop.
      schedule: false,
      ...(options.maintenanceIntervalSeconds ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds } : {}),
    });
    this.#boss.on("error", (error) => this.log.error({ error: error.message }, "queue.error"));
  }

  async start(): Promise<void> {
    if (this.state !== "new") throw new Error(`The job queue cannot start: it is ${this.state}`);
    await this.#boss.start();
    this.state = "started";
    for (const addWorker of this.#workersToAdd.splice(0)) await addWorker();
    this.log.info({ kind: this.kind }, "queue.started");
  }

  async stop(): Promise<void> {
    if (this.state === "stopping" || this.state === "stopped") return;
    const wasStarted = this.state === "started";
    this.state = "stopping";
    // Graceful: pg-boss stops fetching, waits for the running handlers (each has recorded its outcome
    // before it returns), then fails any still running at the timeout so another process retries them.
    if (wasStarted) await this.#boss.stop({ graceful: true, wait: true, timeout: this.stopTimeoutMs });
    await this.#singletonPool?.end();
    this.state = "stopped";
    this.log.info({ kind: this.kind }, "queue.stopped");
  }

  async getJob(name: Defs["name"], id: string): Promise<JobRecord | null> {
    const job = await this.#boss.getJobById<unknown>(name, id, { includeArchive: true });
    if (!job) return null;
    return {
      id: job.id,
      name: job.name,
      status: STATUS_BY_STATE[job.state],
      data: job.data,
      // retryCount goes up when a retry starts, so a job that has started has run retryCount + 1 times.
      attempts: job.startedOn ? job.retryCount + 1 : 0,
      maxAttempts: job.retryLimit + 1,
      runAfter: job.startAfter,
      lastError: outputError(job.output),
      finishedAt: job.completedOn,
    };
  }

  protected async insert(job: NewJob): Promise<string | null> {
    await this.#createQueue(job.name);
    const options: PgBoss.SendOptions = {
      singletonKey: job.singletonKey ?? undefined,
      startAfter: job.startAfterMs > 0 ? new Date(Date.now() + job.startAfterMs) : undefined,
      retryLimit: job.maxAttempts - 1,
      retryDelay: Math.max(1, Math.round(this.retryDelayMs / 1000)),
      retryBackoff: true,
      expireInSeconds: this.#expireInSeconds,
    };
    const data = job.data as object;
    const id =
      job.singletonKey === null
        ? await this.#boss.send(job.name, data, options)
        : await this.#sendSingleton(job.name, job.singletonKey, job.singletonWhile, data, options);
    if (id !== null) this.#wake(job.name);
    return id;
  }

  /**
   * pg-boss's own singleton policies are per queue and none means "one pending or running per key", so
   * the check is ours: under a transaction-scoped advisory lock on (name, key), look, then insert.
   */
  async #sendSingleton(name: string, key: string, blockedWhile: SingletonWhile, data: object, options: PgBoss.SendOptions): Promise<string | null> {
    const client = await this.#singletonConnections().connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`tsuzuku.job:${name}:${key}`]);
      const queued = await client.query(
        // pg-boss states are an ordered enum: created < retry < active < completed < …
        `SELECT 1 FROM ${SCHEMA}.job WHERE name = $1 AND singleton_key = $2 AND state < $3 LIMIT 1`,
        [name, key, blockedWhile === "queued" ? "active" : "completed"],
      );
      const db = { executeSql: (text: string, values: unknown[]) => client.query(text, values) };
      const id = queued.rowCount ? null : await this.#boss.send(name, data, { ...options, db });
      await client.query("COMMIT");
      return id;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  #singletonConnections(): pg.Pool {
    if (!this.#singletonPool) {
      this.#singletonPool = new pg.Pool({
        connectionString: this.#connectionString,
        max: 2,
        application_name: "tsuzuku-jobs",
      });
      // An idle connection dropped by the server must not crash the process; the next query reconnects.
      this.#singletonPool.on("error", (error) => this.log.warn({ error: error.message }, "queue.connection_lost"));
    }
    return this.#singletonPool;
  }

  protected async addWorker(name: string, handler: JobHandler<unknown>, concurrency: number): Promise<void> {
    if (this.state !== "started") {
      this.#workersToAdd.push(() => this.addWorker(name, handler, concurrency));
      return;
    }
    await this.#createQueue(name);
    const workOptions = {
      batchSize: 1,
      includeMetadata: true as const,
      pollingIntervalSeconds: Math.max(0.5, this.pollIntervalMs / 1000),
    };
    // One pg-boss worker per slot: each fetches and runs one job at a time.
    for (let slot = 0; slot < concurrency; slot += 1) {
      const worker = { id: "" }; // known once work() resolves, which is before its first job can end
      worker.id = await this.#boss.work<unknown>(name, workOptions, async ([job]) => {
        await this.#runOne(job, handler);
        // pg-boss waits a full polling interval between fetches; while there is work, fetch at once.
        if (worker.id) this.#boss.notifyWorker(worker.id);
      });
      this.#workerIds.set(name, [...(this.#workerIds.get(name) ?? []), worker.id]);
    }
  }

  /** Runs the handler and records the outcome itself, so it is stored before pg-boss sees the job done. */
  async #runOne(job: PgBoss.JobWithMetadata<unknown>, handler: JobHandler<unknown>): Promise<void> {
    const claimed = {
      id: job.id,
      name: job.name,
      attempt: job.retryCount + 1,
      maxAttempts: job.retryLimit + 1,
      readData: () => job.data,
    };
    const outcome = await this.runHandler(claimed, handler);
    // fail() schedules the retry with backoff, or marks the job failed after its last attempt.
    if (outcome.ok) await this.#boss.complete(job.name, job.id);
    else await this.#boss.fail(job.name, job.id, { message: outcome.error });
  }

  /** pg-boss needs a queue created before jobs are sent to it or worked; once per name per process. */
  #createQueue(name: string): Promise<void> {
    let created = this.#queuesCreated.get(name);
    if (!created) {
      created = this.#createQueueRacing(name);
      created.catch(() => this.#queuesCreated.delete(name));
      this.#queuesCreated.set(name, created);
    }
    return created;
  }

  /**
   * pg-boss 10's create_queue inserts the queue row and then creates and attaches its partition, so two
   * processes creating one queue at once (every process at a fresh deploy) can deadlock. PostgreSQL
   * aborts one; that one tries again and finds the queue made by the other.
   */
  async #createQueueRacing(name: string): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      if (await this.#boss.getQueue(name)) return;
      try {
        await this.#boss.createQueue(name);
        return;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt === CREATE_QUEUE_ATTEMPTS || !(code === DEADLOCK_DETECTED || code === UNIQUE_VIOLATION))
          throw error;
        this.log.warn({ job: name, code, attempt }, "queue.create_retried");
        await sleep(20 + Math.random() * 100);
      }
    }
  }

  #wake(name: string): void {
    for (const workerId of this.#workerIds.get(name) ?? []) this.#boss.notifyWorker(workerId);
  }
}

/** The message stored by our fail(), or by pg-boss itself ({ value: … } on expiry or shutdown). */
function outputError(output: unknown): string | null {
  if (!output || typeof output !== "object") return null;
  const { message, value } = output as { message?: unknown; value?: unknown };
  if (typeof message === "string") return message;
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && typeof (value as { message?: unknown }).message === "string") {
    return (value as { message: string }).message;
  }
  return null;
}
