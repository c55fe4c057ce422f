// Prisma CLI configuration: JS engines and driver adapters only (no native engine downloads).
// DATABASE_URL picks the database: `file:…` → SQLite (prisma/schema.prisma, the source of truth),
// `postgres://` or `postgresql://` → PostgreSQL (prisma/postgres/schema.prisma, derived from it).
import { defineConfig } from "prisma/config";
import { databaseKind, DEFAULT_DATABASE_URL } from "./app/db/database-url";

const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
process.env.DATABASE_URL = url;
const kind = databaseKind(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: kind === "postgres" ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: kind === "postgres" ? "prisma/postgres/migrations" : "prisma/migrations" },
  async adapter() {
    if (kind === "postgres") {
      const { createMigratePgAdapter } = await import("./app/db/pg-migrate-adapter");
      return createMigratePgAdapter(url);
    }
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSQLite3({ url });
  },
});
