// How each database's bulk writer makes its statements, apart from any connection: pure, so the
// backfill's line thread (line-thread.ts) makes a batch's statements where it parses the batch, and the
// writers (sqlite-writer.ts, postgres-writer.ts) run them.
import type { DatabaseKind } from "../../db/database-url";
import { copyText } from "./copy-text";
import { isoOf } from "./iso-time";
import { type TableSpec, lastPerKey, rowReader, upsertSql } from "./upsert-sql";

/** One SQL statement with its parameters, not yet run. */
export interface Statement {
  sql: string;
  params: unknown[];
  /** SQLite upserts: the SQL run once per parameter list (one prepared single-row statement, bound per row). */
  rows?: unknown[][];
  /** PostgreSQL upserts: the rows as COPY text (copy-text.ts), encoded. */
  copy?: { spec: TableSpec<unknown>; data: Uint8Array };
}

export interface StatementMaker {
  dialect: DatabaseKind;
  upsert<Row>(spec: TableSpec<Row>, rows: readonly Row[]): Statement[];
  raw(sql: string, ...params: unknown[]): Statement;
  /** `?` for SQLite, `$n` for PostgreSQL: the n-th (1-based) parameter. */
  param(n: number): string;
}

/**
 * A value as better-sqlite3 binds it: Date as ISO 8601 text, booleans as 0/1, a bigint within 2^53 as a
 * number, which an INTEGER-affinity column stores as the same integer. A bigint costs the writer's
 * thread about 70 ns more to receive than a number (a batch crosses threads by structured clone).
 */
export function sqliteValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return isoOf(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "bigint" && value <= MAX_EXACT && value >= -MAX_EXACT) return Number(value);
  return value;
}

const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

function sqliteStatements(): StatementMaker {
  const sqlOf = new Map<TableSpec<unknown>, string>();
  return {
    dialect: "sqlite",
    // One prepared single-row statement bound once per row: with better-sqlite3 as fast as multi-row
    // text. Values are converted here, so the writer's thread only binds; the SQL is sent once per
    // table and batch, not once per row (measured: the thread spent 10% of its time looking it up per row).
    upsert(spec, rows) {
      if (rows.length === 0) return [];
      let sql = sqlOf.get(spec as TableSpec<unknown>);
      if (!sql) sqlOf.set(spec as TableSpec<unknown>, (sql = upsertSql("sqlite", spec, 1)));
      return [{ sql, params: [], rows: rows.map(rowReader(spec, sqliteValue)) }];
    },
    raw: (sql, ...params) => ({ sql, params: params.map(sqliteValue) }),
    param: () => "?",
  };
}

const postgresStatements = (): StatementMaker => ({
  dialect: "postgres",
  upsert(spec, rows) {
    if (rows.length === 0) return [];
    return [{ sql: "", params: [], copy: { spec: spec as TableSpec<unknown>, data: copyText(spec, lastPerKey(spec, rows)) } }];
  },
  raw: (sql, ...params) => ({ sql, params }),
  param: (n) => `$${n}`,
});

export const statementMaker = (dialect: DatabaseKind): StatementMaker => (dialect === "postgres" ? postgresStatements() : sqliteStatements());

/** `(?, ?, ?)` / `($2, $3, $4)`: a list of `count` placeholders starting after `offset` parameters. */
export function placeholderList(maker: Pick<StatementMaker, "param">, count: number, offset = 0): string {
  return Array.from({ length: count }, (_, i) => maker.param(offset + i + 1)).join(",");
}
