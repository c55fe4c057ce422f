// Runs once per vitest run: migrates a template database with the committed migrations (through the
// real Prisma CLI, exactly as `npm run setup` does). Each test file then copies the template.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runPrisma } from "../scripts/prisma-cli";
import {
  postgresUrlFor,
  TEMPLATE_DATABASE_NAME,
  testDatabaseKind,
  withPostgresAdmin,
} from "./helpers/database";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tsuzuku-template-"));
  const sqliteTemplate = path.join(dir, "template.db");
  runPrisma(["migrate", "deploy"], `file:${sqliteTemplate}`, { quiet: true });
  process.env.TSUZUKU_SQLITE_TEMPLATE = sqliteTemplate;

  if (testDatabaseKind === "postgres") {
    await withPostgresAdmin(async (client) => {
      await client.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE_NAME}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${TEMPLATE_DATABASE_NAME}"`);
    });
    runPrisma(["migrate", "deploy"], postgresUrlFor(TEMPLATE_DATABASE_NAME), { quiet: true });
  }

  return async () => {
    rmSync(dir, { recursive: true, force: true });
  };
}
