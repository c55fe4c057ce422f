// Which database a DATABASE_URL names. Kept free of imports so the Prisma CLI config can use it.
export type DatabaseKind = "sqlite" | "postgres";

/** The embedded default: a SQLite file beside the app (relative to the working directory). */
export const DEFAULT_DATABASE_URL = "file:./prisma/tsuzuku.db";

export function databaseKind(url: string): DatabaseKind {
  if (url.startsWith("file:")) return "sqlite";
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return "postgres";
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL); got "${url.split(":")[0]}:…"`,
  );
}

/** The path of a `file:` URL as Prisma's SQLite adapter reads it (relative to the working directory). */
export function sqliteFilePath(databaseUrl: string): string {
  return databaseUrl.replace(/^file:/, "").replace(/\?.*$/, "");
}
