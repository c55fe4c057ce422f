// What the committed migrations build, compared with what the schema asks for. Used by
// `npm run db:migration` (writes the difference as a new migration) and by the drift test (which
// fails when there is any difference). With driver adapters the Prisma CLI cannot diff a live database
// directly, so the migrated database is introspected (`db pull`) and two datamodels are diffed.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DatabaseKind } from "../app/db/database-url";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA } from "./prisma-schemas";
import { runPrisma } from "./prisma-cli";

export const schemaFor = (kind: DatabaseKind) => (kind === "postgres" ? POSTGRES_SCHEMA : SQLITE_SCHEMA);

/**
 * Introspects the database at `url` (already migrated) and returns the SQL that would bring it to
 * the schema file; an empty string means the database matches the schema exactly.
 */
export function diffDatabaseToSchema(url: string, kind: DatabaseKind): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tsuzuku-pull-"));
  try {
    const pulled = path.join(dir, "pulled.prisma");
    copyFileSync(schemaFor(kind), pulled); // db pull keeps the generator and datasource blocks
    runPrisma(["db", "pull", "--schema", pulled], url, { quiet: true });
    const out = path.join(dir, "diff.sql");
    runPrisma(
      ["migrate", "diff", "--from-schema-datamodel", pulled, "--to-schema-datamodel", schemaFor(kind), "--script", "-o", out],
      url,
      { quiet: true },
    );
    return readFileSync(out, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "" && !line.startsWith("-- This is an empty migration"))
      .join("\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
