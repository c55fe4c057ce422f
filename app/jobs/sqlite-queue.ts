// The embedded runner: jobs live in the Prisma `Job` table and are polled in-process.
//
// Durable: a job survives a restart. One that was running when its process died is reclaimed once its
// lock is older than the lock timeout; live workers renew their locks well within it.
// At most once at a time: every claim and every outcome is one conditional UPDATE (status, lock holder
// and attempt count in the WHERE), and SQLite runs each statement under its write lock, so even two
// processes sharing one database file cannot both claim a job or record an outcome for a lost lock.
import { randomUUID } from "node:crypto";
import os from "node:os";
import { type Db } from "../db.server";
import { type Job as JobRow } from "../generated/prisma-sqlite/client.ts";
import { BaseJobQueue, type ClaimedJob, type NewJob, type RunOutcome } from "./base-queue";
import { PollLoop } from "./poll-loop";
import { type JobQueueOptions, type JobRecord, type JobStatus } from "./queue";
import { type AnyJobDefinition, type JobHandler } from "./registry";

export interface SqliteJobQueueOptions<Defs extends AnyJobDefinition> extends JobQueueOptions<Defs> {
  /** A client of its own is best: the adapter shares one connection between a transaction and every other query. */
  db: Db;
  /** A running job whose lock is older than this is taken to belong to a dead process (default 5 min). */
  lockTimeoutMs?: number;
  /** Identifies this process in `Job.lockedBy` (default host:pid:random). */
  workerId?: string;
  /** Called at the end of stop(), e.g. to disconnect a client the queue was given to own. */
  onStop?: () => Promise<void>;
}

const DEFAULT_LOCK_TIMEOUT_MS = 5 * 60_000;
const MAX_RETRY_DELAY_MS = 60 * 60_000;
/** Candidates read per claim: enough that losing a race to another process still finds work. */
const CLAIM_CANDIDATES = 8;

type NewRow = Pick<JobRow, "id" | "shop" | "name" | "data" | "maxAttempts" | "runAfter" | "createdAt">;
type Candidate = Pick<JobRow, "id" | "status" | "lockedBy" | "attempts" | "maxAttempts" | "data">;

export class SqliteJobQueue<Defs extends AnyJobDefinition = AnyJobDefinition> extends BaseJobQueue<Defs> {
  readonly kind = "sqlite";
  readonly workerId: string;
  readonly #db: Db;
  readonly #lockTimeoutMs: number;
  readonly #onStop?: () => Promise<void>;
  readonly #loops = new Map<string, PollLoop<ClaimedJob>[]>();

  constructor(options: SqliteJobQueueOptions<Defs>) {
    super(options);
    this.#db = options.db;
    this.#lockTimeoutMs = options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
    this.workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.#onStop = options.onStop;
  }

  async start(): Promise<void> {
    if (this.state !== "new") throw new Error(`The job queue cannot start: it is ${this.state}`);
    this.state = "started";
    for (const loop of this.#allLoops()) loop.start();
    this.log.info({ kind: this.kind, workerId: this.workerId }, "queue.started");
  }

  async stop(): Promise<void> {
    if (this.state === "stopping" || this.state === "stopped") return;
    this.state = "stopping";
    const finished = Promise.all(this.#allLoops().map((loop) => loop.stop())).then(() => true);
    const timedOut = new Promise<false>((resolve) => setTimeout(resolve, this.stopTimeoutMs, false).unref());
    if (!(await Promise.race([finished, timedOut]))) {
      // Their locks are no longer renewed, so another process reclaims them after the lock timeout.
      this.log.warn({ workerId: this.workerId, stopTimeoutMs: this.stopTimeoutMs }, "queue.stop_timed_out");
    }
    this.state = "stopped";
    this.log.info({ kind: this.kind, workerId: this.workerId }, "queue.stopped");
    await this.#onStop?.();
  }

  async getJob(_name: Defs["name"], id: string): Promise<JobRecord | null> {
    const row = await this.#db.job.findUnique({ where: { id } });
    if (!row) return null;
    return {
      id: row.id,
      name: row.name,
      status: row.status as JobStatus,
      data: JSON.parse(row.data),
      attempts: row.attempts,
      maxAttempts: row.maxAttempts,
      runAfter: row.runAfter,
      lastError: row.lastError,
      finishedAt: row.finishedAt,
    };
  }

  protected async insert(job: NewJob): Promise<string | null> {
    const createdAt = new Date();
    const row: NewRow = {
      id: randomUUID(),
      shop: job.shop,
      name: job.name,
      data: JSON.stringify(job.data),
      maxAttempts: job.maxAttempts,
      runAfter: new Date(createdAt.getTime() + job.startAfterMs),
      createdAt,
    };
    if (job.singletonKey === null) {
      await this.#db.job.create({ data: row });
    } else if (!(await this.#insertSingleton(row, job.singletonKey, job.singletonWhile === "queuedOrRunning"))) {
      return null;
    }
    this.#wake(job.name);
    return row.id;
  }

  async #insertSingleton(row: NewRow, singletonKey: string, runningBlocks: boolean): Promise<boolean> {
    // Check and insert in one statement, so they hold the write lock together: two processes
    // enqueueing the same key at once cannot both see "none queued".
    const inserted = await this.#db.$executeRaw`
      INSERT INTO "Job" ("id", "shop", "name", "data", "singletonKey", "maxAttempts", "runAfter", "createdAt",
                         "status", "attempts")
      SELECT ${row.id}, ${row.shop}, ${row.name}, ${row.data}, ${singletonKey}, ${row.maxAttempts}, ${row.runAfter},
             ${row.createdAt}, 'pending', 0
      WHERE NOT EXISTS (
        SELECT 1 FROM "Job"
        WHERE "name" = ${row.name} AND "singletonKey" = ${singletonKey}
          AND ("status" = 'pending' OR ("status" = 'running' AND ${runningBlocks ? 1 : 0} = 1))
      )`;
    return inserted === 1;
  }

  protected async addWorker(name: string, handler: JobHandler<unknown>, concurrency: number): Promise<void> {
    const loop = new PollLoop<ClaimedJob>({
      concurrency,
      pollIntervalMs: this.pollIntervalMs,
      claim: () => this.#claim(name),
      run: (job) => this.#run(job, handler),
      onError: (error) => this.log.error({ job: name, error: String(error) }, "queue.poll_failed"),
    });
    this.#loops.set(name, [...(this.#loops.get(name) ?? []), loop]);
    if (this.state === "started") loop.start();
  }

  #allLoops(): PollLoop<ClaimedJob>[] {
    return [...this.#loops.values()].flat();
  }

  #wake(name: string): void {
    for (const loop of this.#loops.get(name) ?? []) loop.wake();
  }

  async #claim(name: string): Promise<ClaimedJob | null> {
    const now = new Date();
    const staleBefore = new Date(now.getTime() - this.#lockTimeoutMs);
    const candidates: Candidate[] = await this.#db.job.findMany({
      where: {
        name,
        OR: [
          { status: "pending", runAfter: { lte: now } },
          { status: "running", lockedAt: { lt: staleBefore } },
        ],
      },
      orderBy: [{ runAfter: "asc" }, { createdAt: "asc" }],
      take: CLAIM_CANDIDATES,
      select: { id: true, status: true, lockedBy: true, attempts: true, maxAttempts: true, data: true },
    });
    for (const candidate of candidates) {
      const stale = candidate.status === "running";
      // `attempts` in the WHERE acts as a version: it changes on every claim, so a job that was
      // claimed, failed and rescheduled since we read it is not taken early.
      const unchanged = stale
        ? {
            id: candidate.id,
            status: "running",
            lockedBy: candidate.lockedBy,
            attempts: candidate.attempts,
            lockedAt: { lt: staleBefore },
          }
        : { id: candidate.id, status: "pending", attempts: candidate.attempts, runAfter: { lte: now } };
      if (stale && candidate.attempts >= candidate.maxAttempts) {
        await this.#db.job.updateMany({
          where: unchanged,
          data: { ...finished("failed", now), lastError: "Abandoned: its worker stopped during the last attempt" },
        });
        this.log.error({ job: name, jobId: candidate.id, attempts: candidate.attempts }, "job.abandoned");
        continue;
      }
      const { count } = await this.#db.job.updateMany({
        where: unchanged,
        data: { status: "running", lockedBy: this.workerId, lockedAt: now, attempts: { increment: 1 } },
      });
      if (count !== 1) continue; // another worker took it first
      if (stale) this.log.warn({ job: name, jobId: candidate.id, previousWorker: candidate.lockedBy }, "job.reclaimed");
      const attempt = candidate.attempts + 1;
      return {
        id: candidate.id,
        name,
        attempt,
        maxAttempts: candidate.maxAttempts,
        readData: () => JSON.parse(candidate.data),
      };
    }
    return null;
  }

  async #run(job: ClaimedJob, handler: JobHandler<unknown>): Promise<void> {
    const mine = { id: job.id, status: "running", lockedBy: this.workerId, attempts: job.attempt };
    const heartbeat = setInterval(() => {
      this.#db.job
        .updateMany({ where: mine, data: { lockedAt: new Date() } })
        .catch((error) => this.log.warn({ jobId: job.id, error: String(error) }, "job.heartbeat_failed"));
    }, this.#lockTimeoutMs / 3);
    heartbeat.unref();
    let outcome: RunOutcome;
    try {
      outcome = await this.runHandler(job, handler);
    } finally {
      clearInterval(heartbeat);
    }
    const { count } = await this.#db.job.updateMany({ where: mine, data: this.#outcomeUpdate(job, outcome) });
    if (count !== 1) this.log.error({ job: job.name, jobId: job.id, attempt: job.attempt }, "job.lock_lost");
  }

  #outcomeUpdate(job: ClaimedJob, outcome: RunOutcome) {
    const now = new Date();
    if (outcome.ok) return { ...finished("completed", now), lastError: null };
    if (job.attempt >= job.maxAttempts) return { ...finished("failed", now), lastError: outcome.error };
    const runAfter = new Date(now.getTime() + retryDelay(this.retryDelayMs, job.attempt));
    return { status: "pending", runAfter, lockedBy: null, lockedAt: null, lastError: outcome.error };
  }
}

function finished(status: "completed" | "failed", at: Date) {
  return { status, finishedAt: at, lockedBy: null, lockedAt: null };
}

/** Exponential backoff with "equal jitter", so retries of jobs that failed together spread out. */
function retryDelay(baseMs: number, attempt: number): number {
  const ceiling = Math.min(MAX_RETRY_DELAY_MS, baseMs * 2 ** (attempt - 1));
  return ceiling / 2 + (Math.random() * ceiling) / 2;
}
