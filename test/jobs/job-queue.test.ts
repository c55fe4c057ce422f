// The job queue's contract, run against the database TEST_DATABASE names: SqliteJobQueue on a real
// SQLite file, or PgBossJobQueue on a real PostgreSQL database.
import pino from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  createJobQueue,
  defineJob,
  JobDataError,
  JobRegistry,
  UnknownJobError,
  type AnyJobDefinition,
  type JobContext,
  type JobQueue,
} from "../../app/jobs/job-queue.server";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../helpers/database";
import { gate, waitFor } from "../helpers/wait-for";

let database: TestDatabase;
const openQueues: JobQueue<AnyJobDefinition>[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});

afterEach(async () => {
  await Promise.all(openQueues.splice(0).map((queue) => queue.stop()));
});

afterAll(async () => {
  await database.drop();
});

async function openQueue<Defs extends AnyJobDefinition>(
  definitions: Defs[],
  logger = pino({ level: "silent" }),
): Promise<JobQueue<Defs>> {
  const queue = await createJobQueue(database.url, {
    registry: new JobRegistry(definitions),
    logger,
    pollIntervalMs: 100,
    retryDelayMs: 50,
  });
  openQueues.push(queue as unknown as JobQueue<AnyJobDefinition>);
  await queue.start();
  return queue;
}

/** Jobs of this name in storage, whatever their state. */
async function storedJobCount(name: string): Promise<number> {
  const rows: { count: unknown }[] =
    database.kind === "sqlite"
      ? await database.db.$queryRaw`SELECT COUNT(*) AS count FROM "Job" WHERE "name" = ${name}`
      : await database.db.$queryRaw`SELECT COUNT(*) AS count FROM pgboss.job WHERE name = ${name}`;
  return Number(rows[0].count);
}

const shopSchema = z.object({ shop: z.string().min(1), pages: z.number().int().default(1) });

/** A test job whose runs are collected; `onRun` decides what each run does. */
function recordingJob<Name extends string>(
  name: Name,
  onRun: (job: JobContext<z.output<typeof shopSchema>>) => Promise<void> = async () => {},
) {
  const runs: JobContext<z.output<typeof shopSchema>>[] = [];
  const definition = defineJob({
    name,
    schema: shopSchema,
    handler: async (job) => {
      runs.push(job);
      await onRun(job);
    },
  });
  return { definition, runs };
}

async function statusOf(queue: JobQueue<AnyJobDefinition>, name: string, id: string, status: string) {
  return waitFor(`job ${id} to be ${status}`, async () => {
    const job = await queue.getJob(name, id);
    return job?.status === status ? job : null;
  });
}

describe(`job queue on ${testDatabaseKind === "postgres" ? "PostgreSQL" : "SQLite"}`, () => {
  it("runs an enqueued job once, with its validated data, and records it completed", async () => {
    const { definition, runs } = recordingJob("test.run_once");
    const queue = await openQueue([definition]);
    await queue.workAll();

    const id = await queue.enqueue("test.run_once", { shop: "a.myshopify.com" }, { shop: "a.myshopify.com" });
    expect(id).toEqual(expect.any(String));
    const job = await statusOf(queue, "test.run_once", id!, "completed");

    expect(runs).toEqual([{ id, name: "test.run_once", data: { shop: "a.myshopify.com", pages: 1 }, attempt: 1 }]);
    expect(job).toMatchObject({ attempts: 1, lastError: null, data: { shop: "a.myshopify.com", pages: 1 } });
    expect(job.finishedAt).toBeInstanceOf(Date);
  });

  it("logs one JSON line per event, with ids and never the job's data", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => lines.push(line) });
    const { definition } = recordingJob("test.logged", async ({ attempt }) => {
      if (attempt === 1) throw new Error("transient");
    });
    const queue = await openQueue([definition], logger);
    await queue.workAll();

    const id = await queue.enqueue("test.logged", { shop: "a.myshopify.com", pages: 987654321 });
    await statusOf(queue, "test.logged", id!, "completed");

    const events = lines.map((line) => JSON.parse(line) as { msg: string; jobId?: string });
    expect(events.filter((event) => event.jobId === id).map((event) => event.msg)).toEqual([
      "job.enqueued",
      "job.started",
      "job.attempt_failed",
      "job.started",
      "job.completed",
    ]);
    expect(lines.join("")).not.toContain("987654321");
  });

  it("retries a failing job, then marks it failed with the last error message", async () => {
    const { definition, runs } = recordingJob("test.always_fails", async ({ attempt }) => {
      throw new Error(`shop API unavailable on attempt ${attempt}`);
    });
    const queue = await openQueue([definition]);
    await queue.workAll();

    const id = await queue.enqueue("test.always_fails", { shop: "a.myshopify.com" }, { maxAttempts: 3 });
    const job = await statusOf(queue, "test.always_fails", id!, "failed");

    expect(runs.map((run) => run.attempt)).toEqual([1, 2, 3]);
    expect(job.attempts).toBe(3);
    expect(job.maxAttempts).toBe(3);
    expect(job.lastError).toContain("shop API unavailable on attempt 3");
  });

  it("completes a job whose retry succeeds", async () => {
    const { definition, runs } = recordingJob("test.fails_once", async ({ attempt }) => {
      if (attempt === 1) throw new Error("transient");
    });
    const queue = await openQueue([definition]);
    await queue.workAll();

    const id = await queue.enqueue("test.fails_once", { shop: "a.myshopify.com" });
    const job = await statusOf(queue, "test.fails_once", id!, "completed");

    expect(runs.map((run) => run.attempt)).toEqual([1, 2]);
    expect(job.attempts).toBe(2);
  });

  it("rejects bad data with an error naming the field, and stores nothing", async () => {
    const { definition, runs } = recordingJob("test.validated");
    const queue = await openQueue([definition]);

    // @ts-expect-error: the data's type comes from the job's schema
    const badShop = queue.enqueue("test.validated", { shop: 42 });
    await expect(badShop).rejects.toThrow(JobDataError);
    await expect(badShop).rejects.toThrow(/data\.shop: Expected string, received number/);
    // @ts-expect-error: pages must be a number
    await expect(queue.enqueue("test.validated", { shop: "a.myshopify.com", pages: "2" })).rejects.toThrow(
      /data\.pages/,
    );
    // @ts-expect-error: only registered job names are accepted
    await expect(queue.enqueue("test.not_registered", {})).rejects.toThrow(UnknownJobError);
    expect(await storedJobCount("test.validated")).toBe(0);

    await queue.workAll();
    const id = await queue.enqueue("test.validated", { shop: "a.myshopify.com" });
    await statusOf(queue, "test.validated", id!, "completed");
    expect(runs.map((run) => run.id)).toEqual([id]);
    expect(await storedJobCount("test.validated")).toBe(1);
  });

  it("keeps one job per singleton key pending or running, and accepts a new one once it is done", async () => {
    const release = gate();
    const { definition, runs } = recordingJob("test.singleton", () => release.opened);
    const queue = await openQueue([definition]);
    const enqueue = (key: string) => queue.enqueue("test.singleton", { shop: key }, { singletonKey: key });

    const first = await enqueue("a.myshopify.com");
    expect(first).toEqual(expect.any(String));
    expect(await enqueue("a.myshopify.com")).toBeNull(); // pending
    expect(await enqueue("b.myshopify.com")).toEqual(expect.any(String)); // another key
    // Two queues (as two processes would) racing for the same keys: one job per key gets in.
    const other = await openQueue([definition]);
    const keys = ["c", "d", "e", "f", "g"].map((letter) => `${letter}.myshopify.com`);
    const racing = await Promise.all(
      keys.flatMap((key) =>
        [queue, other, queue, other].map((q) => q.enqueue("test.singleton", { shop: key }, { singletonKey: key })),
      ),
    );
    expect(racing.filter((id) => id !== null)).toHaveLength(keys.length);

    await queue.work("test.singleton", definition.handler, { concurrency: 2 });
    await waitFor("the singleton job to start", () => runs.find((run) => run.id === first));
    expect(await enqueue("a.myshopify.com")).toBeNull(); // running

    release.open();
    await statusOf(queue, "test.singleton", first!, "completed");
    expect(await enqueue("a.myshopify.com")).toEqual(expect.any(String));
  });

  it("with singletonWhile 'queued', a running job does not block its key but a pending one does", async () => {
    const release = gate();
    const { definition, runs } = recordingJob("test.queuedSingleton", () => release.opened);
    const queue = await openQueue([definition]);
    const enqueue = () => queue.enqueue("test.queuedSingleton", { shop: "a.myshopify.com" }, { singletonKey: "a", singletonWhile: "queued" });

    const first = await enqueue();
    expect(await enqueue()).toBeNull(); // pending
    await queue.work("test.queuedSingleton", definition.handler, { concurrency: 1 });
    await waitFor("the first job to start", () => runs.find((run) => run.id === first));
    const second = await enqueue(); // the first is running: the change it may have missed gets its own run
    expect(second).toEqual(expect.any(String));
    expect(await enqueue()).toBeNull(); // the second is pending

    release.open();
    await statusOf(queue, "test.queuedSingleton", first!, "completed");
    await statusOf(queue, "test.queuedSingleton", second!, "completed");
  });

  it("does not run a delayed job before its start time", async () => {
    const { definition, runs } = recordingJob("test.delayed");
    const queue = await openQueue([definition]);
    await queue.workAll();

    const enqueuedAt = Date.now();
    const later = await queue.enqueue("test.delayed", { shop: "later.myshopify.com" }, { startAfterMs: 60 * 60_000 });
    const soon = await queue.enqueue("test.delayed", { shop: "soon.myshopify.com" }, { startAfterMs: 200 });
    const now = await queue.enqueue("test.delayed", { shop: "now.myshopify.com" });
    await statusOf(queue, "test.delayed", soon!, "completed");
    await statusOf(queue, "test.delayed", now!, "completed");

    const delayed = await queue.getJob("test.delayed", later!);
    expect(delayed).toMatchObject({ status: "pending", attempts: 0 });
    expect(delayed!.runAfter.getTime()).toBeGreaterThanOrEqual(enqueuedAt + 59 * 60_000);
    expect(runs.map((run) => run.id)).not.toContain(later);
  });

  it("runs up to `concurrency` handlers of one job at once", async () => {
    const release = gate();
    let running = 0;
    const { definition } = recordingJob("test.concurrent", async () => {
      running += 1;
      await release.opened;
    });
    const queue = await openQueue([definition]);
    await queue.work("test.concurrent", definition.handler, { concurrency: 3 });

    const ids = await Promise.all(
      [1, 2, 3].map((n) => queue.enqueue("test.concurrent", { shop: `${n}.myshopify.com` })),
    );
    await waitFor("three handlers running at once", () => running === 3);
    release.open();
    for (const id of ids) await statusOf(queue, "test.concurrent", id!, "completed");
  });

  it("lets several processes' queues start working one new job name at the same moment", async () => {
    // pg-boss 10 can deadlock when two processes create the same queue at once (a fresh deploy).
    const { definition, runs } = recordingJob("test.started_together");
    const queues = await Promise.all([1, 2, 3, 4].map(() => openQueue([definition])));
    await Promise.all(queues.map((queue) => queue.workAll()));

    const id = await queues[0].enqueue("test.started_together", { shop: "a.myshopify.com" });
    await statusOf(queues[1], "test.started_together", id!, "completed");
    expect(runs.map((run) => run.id)).toEqual([id]);
  });

  it("stops gracefully: waits for the running handler, which completes its job", async () => {
    const release = gate();
    const { definition, runs } = recordingJob("test.graceful", () => release.opened);
    const queue = await openQueue([definition]);
    await queue.workAll();
    const id = await queue.enqueue("test.graceful", { shop: "a.myshopify.com" });
    await waitFor("the handler to start", () => runs.length === 1);

    const stopped = queue.stop().then(() => "stopped");
    const stillRunning = new Promise((resolve) => setTimeout(resolve, 300, "waiting for the handler"));
    expect(await Promise.race([stopped, stillRunning])).toBe("waiting for the handler");
    release.open();
    expect(await stopped).toBe("stopped");

    const inspector = await openQueue([definition]);
    expect(await inspector.getJob("test.graceful", id!)).toMatchObject({ status: "completed", attempts: 1 });
    expect(runs).toHaveLength(1);
  });
});
