// The PostgreSQL Prisma schema is derived from prisma/schema.prisma (the only hand-edited schema):
// same models, provider and client output swapped. Pure string work so tests can check for drift.
import { readFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..");
export const SQLITE_SCHEMA = path.join(ROOT, "prisma/schema.prisma");
export const POSTGRES_SCHEMA = path.join(ROOT, "prisma/postgres/schema.prisma");
export const MIGRATIONS = {
  sqlite: path.join(ROOT, "prisma/migrations"),
  postgres: path.join(ROOT, "prisma/postgres/migrations"),
} as const;

const GENERATED_HEADER =
  "// GENERATED from prisma/schema.prisma by `npm run prisma:derive`. Do not edit: edit the source and re-derive.\n";

function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
  if (!pattern.test(text)) throw new Error(`prisma/schema.prisma: expected to find ${pattern}`);
  return text.replace(pattern, replacement);
}

export function derivePostgresSchema(sqliteSchema: string): string {
  let out = replaceOnce(sqliteSchema, /provider\s*=\s*"sqlite"/, 'provider = "postgresql"');
  out = replaceOnce(
    out,
    /output\s*=\s*"\.\.\/app\/generated\/prisma-sqlite"/,
    'output       = "../../app/generated/prisma-postgres"',
  );
  return GENERATED_HEADER + out;
}

export function expectedPostgresSchema(): string {
  return derivePostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8"));
}
