// Runs the Prisma CLI for one database kind. The CLI reads prisma.config.ts, which picks the schema,
// migrations folder and driver adapter from DATABASE_URL.
import { spawnSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseKind, sqliteFilePath } from "../app/db/database-url";
import { ROOT } from "./prisma-schemas";

const PRISMA_BIN = path.join(ROOT, "node_modules/.bin/prisma");

/** Generating a client never connects; this URL only tells prisma.config.ts which schema to use. */
export const POSTGRES_URL_FOR_GENERATE = "postgres://generate-only@127.0.0.1:1/none";

export function runPrisma(args: string[], databaseUrl: string, opts: { quiet?: boolean } = {}): string {
  const result = spawnSync(PRISMA_BIN, args, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  if (result.status !== 0) {
    throw new Error(`prisma ${args.join(" ")} failed (exit ${result.status}):\n${output.trim()}`);
  }
  if (!opts.quiet) process.stdout.write(output);
  return output;
}

/** The SQLite file of a `file:` URL, relative paths taken from the repository root (the CLI's and the app's cwd). */
export function sqliteFile(databaseUrl: string): string {
  return path.resolve(ROOT, sqliteFilePath(databaseUrl));
}

/**
 * Applies the committed migrations (skipping those applied). A SQLite file also leaves in WAL mode,
 * which the file keeps: the app's connection and the sync's writer thread then never block each other
 * for a read, and no connection has to switch the mode while another one holds a lock. In the default
 * rollback-journal mode that switch, made by the first writer thread while the app's connection was in
 * a transaction, failed with SQLITE_BUSY in about 1 start in 10 (measured, 200 starts).
 */
export function migrateDatabase(databaseUrl: string): void {
  runPrisma(["migrate", "deploy"], databaseUrl, { quiet: true });
  if (databaseKind(databaseUrl) !== "sqlite") return;
  const sqlite = new Database(sqliteFile(databaseUrl), { timeout: 10_000 });
  try {
    sqlite.pragma("journal_mode = WAL");
  } finally {
    sqlite.close();
  }
}

export function generateClients(quiet = false): void {
  runPrisma(["generate"], "file:./prisma/generate-only.db", { quiet });
  runPrisma(["generate"], POSTGRES_URL_FOR_GENERATE, { quiet });
}
