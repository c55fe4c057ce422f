// The sync's bulk writer: batches of rows and the checkpoint that records them, committed in one
// transaction on a connection of its own, straight through the database driver.
//
// Why not Prisma here: the backfill writes millions of rows. Measured on this 2-core machine
// (bench/sync.ts, 100,000 orders), batched `$executeRawUnsafe` statements inside `$transaction` moved
// 4,028 orders/s on SQLite and 2,946 on PostgreSQL with 870 MB peak RSS; the drivers themselves
// (better-sqlite3 prepared statements on a thread of their own, node-postgres multi-row statements) are
// used instead. Everything
// else in the app reads and writes through Prisma; the SQL below only touches the tables of
// prisma/schema.prisma, in the shape its migrations create (DateTime as ISO 8601 text on SQLite and
// timestamp(3) UTC on PostgreSQL, booleans as 0/1 on SQLite, BigInt as 64-bit integers).
import pg from "pg";
import { databaseKind, type DatabaseKind } from "../../db/database-url";
import { SqliteThread } from "./sqlite-thread";
import { type TableSpec, rowsPerStatement, upsertSql } from "./upsert-sql";

/** One SQL statement with its parameters, not yet run. */
export interface Statement {
  sql: string;
  params: unknown[];
}

export interface SqlWriter {
  dialect: DatabaseKind;
  upsert<Row>(spec: TableSpec<Row>, rows: readonly Row[]): Statement[];
  raw(sql: string, ...params: unknown[]): Statement;
  /** `?` for SQLite, `$n` for PostgreSQL: the n-th (1-based) parameter. */
  param(n: number): string;
  /** Runs the statements in one transaction: all or nothing. */
  run(statements: Statement[]): Promise<void>;
  /** Rows of a read (used for the writer's own bookkeeping). */
  query<T>(sql: string, ...params: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export function openSqlWriter(databaseUrl: string): SqlWriter {
  return databaseKind(databaseUrl) === "postgres" ? postgresWriter(databaseUrl) : sqliteWriter(databaseUrl);
}

/** `(?, ?, ?)` / `($2, $3, $4)`: a list of `count` placeholders starting after `offset` parameters. */
export function placeholderList(writer: Pick<SqlWriter, "param">, count: number, offset = 0): string {
  return Array.from({ length: count }, (_, i) => writer.param(offset + i + 1)).join(",");
}

function sqliteValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

function postgresValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  // timestamp(3) without time zone holds UTC (as Prisma writes it): an ISO string's "Z" is dropped
  // as is, whereas a Date would be sent in this process's local offset.
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  return value;
}

/** The path of a `file:` URL as Prisma's SQLite adapter reads it (relative to the working directory). */
export function sqliteFilePath(databaseUrl: string): string {
  return databaseUrl.replace(/^file:/, "").replace(/\?.*$/, "");
}

function sqliteWriter(databaseUrl: string): SqlWriter {
  const thread = new SqliteThread(sqliteFilePath(databaseUrl));
  return {
    dialect: "sqlite",
    // One prepared single-row statement per row: with better-sqlite3 as fast as multi-row text, and
    // values are converted here, so the thread only binds.
    upsert(spec, rows) {
      const sql = upsertSql("sqlite", spec, 1);
      return rows.map((row) => ({ sql, params: spec.columns.map((column) => sqliteValue(row[column])) }));
    },
    raw: (sql, ...params) => ({ sql, params: params.map(sqliteValue) }),
    param: () => "?",
    async run(statements) {
      if (statements.length > 0) await thread.run(statements);
    },
    query: <T>(sql: string, ...params: unknown[]) => thread.query<T>(sql, params.map(sqliteValue)),
    close: () => thread.close(),
  };
}

const TIMESTAMP_WITHOUT_TIME_ZONE = 1114;

function postgresWriter(databaseUrl: string): SqlWriter {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 1,
    application_name: "tsuzuku-sync-writer",
    // timestamp(3) columns hold UTC wall time; node-postgres would read them in this process's zone.
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === TIMESTAMP_WITHOUT_TIME_ZONE ? (text: string) => new Date(`${text.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  const sqlCache = new Map<string, string>();
  return {
    dialect: "postgres",
    upsert(spec, rows) {
      const statements: Statement[] = [];
      const step = rowsPerStatement(spec);
      for (let start = 0; start < rows.length; start += step) {
        const chunk = rows.slice(start, start + step);
        const cacheKey = `${spec.table}:${chunk.length}`;
        let sql = sqlCache.get(cacheKey);
        if (!sql) sqlCache.set(cacheKey, (sql = upsertSql("postgres", spec, chunk.length)));
        const params: unknown[] = [];
        for (const row of chunk) for (const column of spec.columns) params.push(row[column]);
        statements.push({ sql, params });
      }
      return statements;
    },
    raw: (sql, ...params) => ({ sql, params }),
    param: (n) => `$${n}`,
    async run(statements) {
      if (statements.length === 0) return;
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        for (const { sql, params } of statements) await client.query(sql, params.map(postgresValue));
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async query<T>(sql: string, ...params: unknown[]) {
      return (await pool.query(sql, params.map(postgresValue))).rows as T[];
    },
    async close() {
      await pool.end();
    },
  };
}
