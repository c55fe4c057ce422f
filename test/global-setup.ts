// Runs once per vitest run: migrates a template database with the committed migrations (through the
// real Prisma CLI, exactly as `npm run setup` does). Each test file then copies the template.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase } from "../scripts/prisma-cli";
import {
  postgresUrlFor,
  testDatabaseKind,
  withPostgresAdmin,
} from "./helpers/database";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tsuzuku-template-"));
  const sqliteTemplate = path.join(dir, "template.db");
  migrateDatabase(`file:${sqliteTemplate}`);
  process.env.TSUZUKU_SQLITE_TEMPLATE = sqliteTemplate;

  const pgTemplate = `tsuzuku_template_${process.pid}_${Date.now().toString(36)}`;
  if (testDatabaseKind === "postgres") {
    await withPostgresAdmin((client) => client.query(`CREATE DATABASE "${pgTemplate}"`));
    migrateDatabase(postgresUrlFor(pgTemplate));
    process.env.TSUZUKU_PG_TEMPLATE = pgTemplate;
  }

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (testDatabaseKind === "postgres") {
      await withPostgresAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${pgTemplate}" WITH (FORCE)`));
    }
  };
}
