// Turns rows into the batched statements of one transaction. Everything the sync writes goes through
// here, so a batch of rows and the cursor that records it commit together or not at all.
import type { Db } from "../../db.server";
import { databaseKind, type DatabaseKind } from "../../db/database-url";
import type { Prisma } from "../../generated/prisma-sqlite/client.ts";
import { type TableSpec, rowsPerStatement, upsertParameters, upsertSql } from "./upsert-sql";

/** A query not yet sent: raw SQL or a Prisma model call, run together in one transaction. */
export type Statement = Prisma.PrismaPromise<unknown>;

export interface SqlWriter {
  dialect: DatabaseKind;
  upsert<Row>(spec: TableSpec<Row>, rows: readonly Row[]): Statement[];
  raw(sql: string, ...parameters: unknown[]): Statement;
  /** `?` for SQLite, `$n` for PostgreSQL: the n-th (1-based) parameter. */
  param(n: number): string;
  run(statements: Statement[]): Promise<void>;
}

export function sqlWriter(db: Db, databaseUrl: string): SqlWriter {
  const dialect = databaseKind(databaseUrl);
  const sqlCache = new Map<string, string>();
  return {
    dialect,
    upsert(spec, rows) {
      const statements: Statement[] = [];
      const step = rowsPerStatement(spec);
      for (let start = 0; start < rows.length; start += step) {
        const chunk = rows.slice(start, start + step);
        const cacheKey = `${spec.table}:${chunk.length}`;
        let sql = sqlCache.get(cacheKey);
        if (!sql) sqlCache.set(cacheKey, (sql = upsertSql(dialect, spec, chunk.length)));
        statements.push(db.$executeRawUnsafe(sql, ...upsertParameters(dialect, spec, chunk)));
      }
      return statements;
    },
    raw: (sql, ...parameters) => db.$executeRawUnsafe(sql, ...parameters.map((value) => (typeof value === "boolean" && dialect === "sqlite" ? (value ? 1 : 0) : value))),
    param: (n) => (dialect === "postgres" ? `$${n}` : "?"),
    async run(statements) {
      if (statements.length > 0) await db.$transaction(statements);
    },
  };
}

/** `(?, ?, ?)` / `($2, $3, $4)`: a list of `count` placeholders starting after `offset` parameters. */
export function placeholderList(writer: SqlWriter, count: number, offset = 0): string {
  return Array.from({ length: count }, (_, i) => writer.param(offset + i + 1)).join(",");
}
