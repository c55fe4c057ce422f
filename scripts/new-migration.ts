// `npm run db:migration -- <name>`: after editing prisma/schema.prisma, derive the PostgreSQL schema
// and write one new migration per database (prisma/migrations and prisma/postgres/migrations) holding
// exactly the difference between what the committed migrations build and the schema.
// Needs a PostgreSQL server: TEST_POSTGRES_URL (default postgres://postgres:postgres@127.0.0.1:5432/postgres).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { expectedPostgresSchema, MIGRATIONS, POSTGRES_SCHEMA } from "./prisma-schemas";
import { migrateDatabase } from "./prisma-cli";
import { diffDatabaseToSchema } from "./migration-state";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name in snake_case>");
  process.exit(2);
}
const adminUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/postgres";
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = `${stamp}_${name}`;

writeFileSync(POSTGRES_SCHEMA, expectedPostgresSchema());

function write(kind: "sqlite" | "postgres", sql: string) {
  if (!sql.trim()) return console.log(`${kind}: no changes`);
  const dir = path.join(MIGRATIONS[kind], folder);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
  console.log(`${kind}: wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), "tsuzuku-migration-"));
try {
  const sqliteUrl = `file:${path.join(tmp, "current.db")}`;
  migrateDatabase(sqliteUrl);
  write("sqlite", diffDatabaseToSchema(sqliteUrl, "sqlite"));

  const database = `tsuzuku_migration_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    migrateDatabase(url.toString());
    write("postgres", diffDatabaseToSchema(url.toString(), "postgres"));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
