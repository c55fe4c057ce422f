// What only the embedded runner has to prove itself: jobs in the Job table outlive the process that
// held them. Always runs on SQLite, whatever TEST_DATABASE says (SQLite needs no server).
import pino from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  createJobQueue,
  defineJob,
  JobRegistry,
  type JobContext,
  type JobQueue,
} from "../../app/jobs/job-queue.server";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { waitFor } from "../helpers/wait-for";

let database: TestDatabase;
const openQueues: JobQueue[] = [];
const runs: JobContext<{ shop: string }>[] = [];
const syncShop = defineJob({
  name: "test.sync_shop",
  schema: z.object({ shop: z.string() }),
  handler: async (job) => {
    runs.push(job);
  },
});

beforeAll(async () => {
  database = await createTestDatabase("sqlite");
});

afterEach(async () => {
  await Promise.all(openQueues.splice(0).map((queue) => queue.stop()));
  await database.db.job.deleteMany();
  runs.length = 0;
});

afterAll(async () => {
  await database.drop();
});

async function openQueue(): Promise<JobQueue<typeof syncShop>> {
  const queue = await createJobQueue(database.url, {
    registry: new JobRegistry([syncShop]),
    logger: pino({ level: "silent" }),
    pollIntervalMs: 50,
    lockTimeoutMs: 60_000,
  });
  openQueues.push(queue);
  await queue.start();
  return queue;
}

/** A job row as a process that died mid-run leaves it. */
async function leftRunning(id: string, lockedAt: Date, attempts: number) {
  await database.db.job.create({
    data: {
      id,
      name: "test.sync_shop",
      data: JSON.stringify({ shop: `${id}.myshopify.com` }),
      status: "running",
      lockedBy: "dead-host:4242:deadbeef",
      lockedAt,
      attempts,
      maxAttempts: 3,
    },
  });
}

describe("SQLite job queue across restarts", () => {
  it("runs, after a restart, a job enqueued before it", async () => {
    const before = await openQueue();
    const id = await before.enqueue("test.sync_shop", { shop: "a.myshopify.com" });
    await before.stop();

    const after = await openQueue();
    await after.workAll();
    await waitFor(
      "the job to complete",
      async () => (await after.getJob("test.sync_shop", id!))?.status === "completed",
    );
    expect(runs.map((run) => run.id)).toEqual([id]);
  });

  it("reclaims a job whose worker died once its lock times out, and leaves live locks alone", async () => {
    await leftRunning("stale", new Date(Date.now() - 10 * 60_000), 1);
    await leftRunning("live", new Date(), 1);

    const queue = await openQueue();
    await queue.workAll();
    const reclaimed = await waitFor("the stale job to complete", async () => {
      const job = await queue.getJob("test.sync_shop", "stale");
      return job?.status === "completed" ? job : null;
    });

    expect(runs).toEqual([{ id: "stale", name: "test.sync_shop", data: { shop: "stale.myshopify.com" }, attempt: 2 }]);
    expect(reclaimed.attempts).toBe(2);
    const live = await database.db.job.findUniqueOrThrow({ where: { id: "live" } });
    expect(live).toMatchObject({ status: "running", lockedBy: "dead-host:4242:deadbeef", attempts: 1 });
  });

  it("marks failed, without running it again, a stale job that was on its last attempt", async () => {
    await leftRunning("last-try", new Date(Date.now() - 10 * 60_000), 3);

    const queue = await openQueue();
    await queue.workAll();
    const failed = await waitFor("the stale job to be failed", async () => {
      const job = await queue.getJob("test.sync_shop", "last-try");
      return job?.status === "failed" ? job : null;
    });

    expect(failed.lastError).toMatch(/worker stopped/);
    expect(runs).toEqual([]);
  });

  it("writes singleton rows' dates exactly as Prisma writes them (they are compared as text)", async () => {
    const queue = await openQueue();
    await queue.enqueue("test.sync_shop", { shop: "a.myshopify.com" });
    await queue.enqueue("test.sync_shop", { shop: "b.myshopify.com" }, { singletonKey: "b" });

    const rows: { runAfter: string; createdAt: string; singletonKey: string | null }[] = await database.db
      .$queryRaw`SELECT CAST("runAfter" AS TEXT) AS "runAfter", CAST("createdAt" AS TEXT) AS "createdAt", "singletonKey"
                 FROM "Job" ORDER BY "singletonKey"`;
    const prismaFormat = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/;
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.runAfter).toMatch(prismaFormat);
      expect(row.createdAt).toMatch(prismaFormat);
    }
  });
});
