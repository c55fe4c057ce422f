// The app's entry point to the job runner: the database URL picks the runner.
//   file:…        → SqliteJobQueue, jobs in the Job table, run by this process.
//   postgres://…  → PgBossJobQueue, jobs in pg-boss, run by whichever app or worker process takes them.
import { createDb, databaseKind, prepareDb, type Db } from "../db.server";
import { PgBossJobQueue, type PgBossJobQueueOptions } from "./pg-boss-queue";
import { type JobQueue, type JobQueueOptions } from "./queue";
import { type AnyJobDefinition } from "./registry";
import { SqliteJobQueue, type SqliteJobQueueOptions } from "./sqlite-queue";

export interface CreateJobQueueOptions<Defs extends AnyJobDefinition> extends JobQueueOptions<Defs> {
  /** SQLite only: the client to use. By default the queue opens its own and closes it on stop. */
  db?: Db;
  /** SQLite only: see SqliteJobQueueOptions. */
  lockTimeoutMs?: SqliteJobQueueOptions<Defs>["lockTimeoutMs"];
  /** PostgreSQL only: see PgBossJobQueueOptions. */
  expireInSeconds?: PgBossJobQueueOptions<Defs>["expireInSeconds"];
  /** PostgreSQL only: see PgBossJobQueueOptions. */
  maintenanceIntervalSeconds?: PgBossJobQueueOptions<Defs>["maintenanceIntervalSeconds"];
}

export async function createJobQueue<Defs extends AnyJobDefinition>(
  databaseUrl: string,
  options: CreateJobQueueOptions<Defs>,
): Promise<JobQueue<Defs>> {
  const { db: givenDb, lockTimeoutMs, expireInSeconds, maintenanceIntervalSeconds, ...common } = options;
  if (databaseKind(databaseUrl) === "postgres") {
    return new PgBossJobQueue({ ...common, connectionString: databaseUrl, expireInSeconds, maintenanceIntervalSeconds });
  }
  if (givenDb) return new SqliteJobQueue({ ...common, db: givenDb, lockTimeoutMs });
  // A client of its own: with the SQLite adapter, an interactive transaction elsewhere in the app
  // would otherwise share its connection with the queue's polling.
  const db = createDb(databaseUrl);
  await prepareDb(db, databaseUrl);
  return new SqliteJobQueue({ ...common, db, lockTimeoutMs, onStop: () => db.$disconnect() });
}

export { defineJob, JobDataError, JobRegistry, UnknownJobError } from "./registry";
export type { AnyJobDefinition, JobContext, JobDefinition, JobHandler } from "./registry";
export type { EnqueueOptions, JobQueue, JobRecord, JobStatus, WorkOptions } from "./queue";
