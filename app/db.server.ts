// The Prisma client. DATABASE_URL chooses the database and its driver adapter:
// `file:…` → SQLite through better-sqlite3 (the embedded default), `postgres://…` → PostgreSQL
// through node-postgres. Both clients are generated from the same models (prisma/schema.prisma and
// its derived PostgreSQL twin), so they share one TypeScript shape.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/prisma-sqlite/client.ts";
import { PrismaClient as PostgresClient } from "./generated/prisma-postgres/client.ts";
import { databaseKind, DEFAULT_DATABASE_URL, type DatabaseKind } from "./db/database-url";

export type Db = SqliteClient;
export { databaseKind, type DatabaseKind };

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
}

/** A new client for the given URL. The app uses the shared `db` below; tests and workers make their own. */
export function createDb(url: string = databaseUrl()): Db {
  if (databaseKind(url) === "postgres") {
    const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    // Same models, same generated shape; only the provider differs.
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  // A writer waits up to 10 s for another connection's write lock instead of failing at once.
  const adapter = new PrismaBetterSQLite3({ url, timeout: 10_000 });
  return new SqliteClient({ adapter });
}

/**
 * Per-connection settings for SQLite: WAL lets readers (admin pages) run while a writer (sync) writes.
 * journal_mode is persistent in the file, so setting it once per process is enough.
 */
export async function prepareDb(client: Db, url: string = databaseUrl()): Promise<void> {
  if (databaseKind(url) === "sqlite") {
    await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await client.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  }
}

declare global {
  // Survives Vite's module reloads in development, so one client (and one pool) is kept.
  var tsuzukuDb: Db | undefined;
}

const db: Db = globalThis.tsuzukuDb ?? createDb();
if (process.env.NODE_ENV !== "production") globalThis.tsuzukuDb = db;

export default db;
