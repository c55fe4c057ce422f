// The claim that matters most: with two worker processes on one database, every job runs exactly
// once and both share the work. On PostgreSQL (pg-boss) when TEST_DATABASE=postgres; on one SQLite
// file always, since the SQLite runner's claim is meant to be atomic across processes too.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { createJobQueue, JobRegistry } from "../../app/jobs/job-queue.server";
import { createTestDatabase, testDatabaseKind, type TestDatabase, type TestDatabaseKind } from "../helpers/database";
import { waitFor } from "../helpers/wait-for";
import { CREATE_JOB_RUNS_TABLE, recordRunJob } from "./fixtures/record-run-job";

const WORKER_SCRIPT = fileURLToPath(new URL("./fixtures/job-worker-process.ts", import.meta.url));
const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const JOB_COUNT = 200;

interface WorkerProcess {
  pid: number;
  /** Resolves once the worker takes jobs; rejects, with its stderr, if it exits first. */
  ready: Promise<void>;
  /** SIGTERM (a graceful stop), then its exit code. */
  stop(): Promise<number | null>;
  kill(): void;
}

function startWorker(databaseUrl: string): WorkerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER_SCRIPT], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      if (stdout.includes("ready\n")) resolve();
    });
    void exited.then((code) => reject(new Error(`worker exited (${code}) before it was ready:\n${stderr}`)));
  });
  return {
    pid: child.pid!,
    ready,
    async stop() {
      child.kill("SIGTERM");
      const code = await exited;
      if (code !== 0) throw new Error(`worker ${child.pid} exited with ${code}:\n${stderr}`);
      return code;
    },
    kill() {
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}

async function twoWorkersShareTheJobs(kind: TestDatabaseKind): Promise<void> {
  const database: TestDatabase = await createTestDatabase(kind);
  await database.db.$executeRawUnsafe(CREATE_JOB_RUNS_TABLE);
  // This process only enqueues. Starting it first also installs pg-boss's schema before the workers start.
  const producer = await createJobQueue(database.url, {
    registry: new JobRegistry([recordRunJob(database.db)]),
    logger: pino({ level: "silent" }),
  });
  await producer.start();
  const workers = [startWorker(database.url), startWorker(database.url)];
  try {
    await Promise.all(workers.map((worker) => worker.ready));

    const ids: string[] = [];
    for (let n = 0; n < JOB_COUNT; n += 1) ids.push((await producer.enqueue("test.record_run", { n }))!);
    for (const id of ids) {
      await waitFor(
        `job ${id} to complete`,
        async () => (await producer.getJob("test.record_run", id))?.status === "completed",
        {
          timeoutMs: 90_000,
        },
      );
    }
    // Stopped, the workers can run nothing more: what the table holds now is final.
    await Promise.all(workers.map((worker) => worker.stop()));

    const rows: { job_id: string; worker_pid: unknown }[] = await database.db
      .$queryRaw`SELECT job_id, worker_pid FROM job_runs`;
    const runsByJob = new Map<string, number>();
    for (const row of rows) runsByJob.set(row.job_id, (runsByJob.get(row.job_id) ?? 0) + 1);
    expect(rows).toHaveLength(JOB_COUNT);
    expect([...runsByJob.keys()].sort()).toEqual([...ids].sort());
    expect([...runsByJob.values()].every((runs) => runs === 1)).toBe(true);
    expect(new Set(rows.map((row) => Number(row.worker_pid)))).toEqual(new Set(workers.map((worker) => worker.pid)));
  } finally {
    for (const worker of workers) worker.kill();
    await producer.stop();
    await database.drop();
  }
}

describe("two worker processes on one SQLite file", () => {
  it(
    `run each of ${JOB_COUNT} jobs exactly once, and both take a share`,
    () => twoWorkersShareTheJobs("sqlite"),
    120_000,
  );
});

// pg-boss runs only on PostgreSQL: this suite belongs to the PostgreSQL pass of `npm test`.
if (testDatabaseKind === "postgres") describe("two worker processes on one PostgreSQL database (pg-boss)", () => {
  it(
    `run each of ${JOB_COUNT} jobs exactly once, and both take a share`,
    () => twoWorkersShareTheJobs("postgres"),
    120_000,
  );
});
