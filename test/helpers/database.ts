// Real databases for tests. TEST_DATABASE=sqlite (default) gives each test file its own SQLite file;
// TEST_DATABASE=postgres gives it its own database on the PostgreSQL server at TEST_POSTGRES_URL.
// Both are copies of a template migrated once per run by test/global-setup.ts with the committed
// migrations, so every test runs against exactly what `npm run setup` builds.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type Db } from "../../app/db.server";

export type TestDatabaseKind = "sqlite" | "postgres";

export const testDatabaseKind: TestDatabaseKind =
  process.env.TEST_DATABASE === "postgres" ? "postgres" : "sqlite";

export const POSTGRES_ADMIN_URL =
  process.env.TEST_POSTGRES_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/postgres";

/** The migrated PostgreSQL template of this vitest run (per run, so concurrent runs never collide). */
export function postgresTemplateName(): string {
  const name = process.env.TSUZUKU_PG_TEMPLATE;
  if (!name) throw new Error("TSUZUKU_PG_TEMPLATE is not set: run tests through vitest (test/global-setup.ts)");
  return name;
}

export function postgresUrlFor(database: string): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Where global-setup leaves the migrated SQLite template (shared through the environment). */
export function sqliteTemplatePath(): string {
  const file = process.env.TSUZUKU_SQLITE_TEMPLATE;
  if (!file) throw new Error("TSUZUKU_SQLITE_TEMPLATE is not set: run tests through vitest (test/global-setup.ts)");
  return file;
}

export interface TestDatabase {
  kind: TestDatabaseKind;
  url: string;
  db: Db;
  /** Disconnects and deletes the database. */
  drop(): Promise<void>;
}

let counter = 0;

export async function createTestDatabase(kind: TestDatabaseKind = testDatabaseKind): Promise<TestDatabase> {
  counter += 1;
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tsuzuku-test-"));
    const file = path.join(dir, "test.db");
    copyFileSync(sqliteTemplatePath(), file);
    const url = `file:${file}`;
    const db = createDb(url);
    return {
      kind,
      url,
      db,
      async drop() {
        await db.$disconnect();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `tsuzuku_test_${process.pid}_${counter}_${Date.now().toString(36)}`;
  await copyPostgresTemplate(name);
  const url = postgresUrlFor(name);
  const db = createDb(url);
  return {
    kind,
    url,
    db,
    async drop() {
      await db.$disconnect();
      await withPostgresAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

// PostgreSQL copies a template only while nobody else is connected to it, and a copy in progress counts:
// test files starting in parallel take turns (SQLSTATE 55006, object_in_use) instead of failing.
async function copyPostgresTemplate(name: string, attempts = 50): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await withPostgresAdmin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${postgresTemplateName()}"`));
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt === attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 150));
    }
  }
}

export async function withPostgresAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The names of the indexes on `table`, read from the database's catalog, sorted. */
export async function indexNames(database: TestDatabase, table: string): Promise<string[]> {
  const rows =
    database.kind === "sqlite"
      ? await database.db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?`, table)
      : await database.db.$queryRawUnsafe<{ name: string }[]>(`SELECT indexname::text AS name FROM pg_indexes WHERE tablename = $1`, table);
  return rows.map((row) => row.name).sort();
}
