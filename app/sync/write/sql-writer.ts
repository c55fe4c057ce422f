// What the sync's bulk writers offer (sqlite-writer.ts, postgres-writer.ts): statements made on the
// main thread and run in transactions, and bulk sessions that commit a few batches at a time.
import type { DatabaseKind } from "../../db/database-url";
import type { TableSpec } from "./upsert-sql";

/** One SQL statement with its parameters, not yet run. */
export interface Statement {
  sql: string;
  params: unknown[];
  /** SQLite upserts: the SQL run once per parameter list (one prepared single-row statement, bound per row). */
  rows?: unknown[][];
  /** PostgreSQL upserts: the rows as COPY text (copy-text.ts), encoded. */
  copy?: { spec: TableSpec<unknown>; data: Buffer };
}

export interface SqlWriter {
  dialect: DatabaseKind;
  upsert<Row>(spec: TableSpec<Row>, rows: readonly Row[]): Statement[];
  raw(sql: string, ...params: unknown[]): Statement;
  /** `?` for SQLite, `$n` for PostgreSQL: the n-th (1-based) parameter. */
  param(n: number): string;
  /** Runs the statements in one transaction: all or nothing. */
  run(statements: Statement[]): Promise<void>;
  /**
   * PostgreSQL only: runs the statements in one transaction on a second connection, beside a bulk
   * session's open transaction instead of committing it first (SQLite has a single writer).
   */
  runBeside?(statements: Statement[]): Promise<void>;
  /**
   * A bulk import's batches, committed a few at a time: each batch must carry its own checkpoint, so
   * that any commit is a consistent point to resume from. `append` resolving means applied, not yet
   * committed; `end` commits what is left. After a failed batch the session's uncommitted batches are
   * rolled back and it refuses more (resume from the last committed checkpoint).
   */
  bulk(options?: { commitEvery?: number }): BulkSession;
  /** Rows of a read (used for the writer's own bookkeeping). */
  query<T>(sql: string, ...params: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface BulkSession {
  append(statements: Statement[]): Promise<void>;
  end(): Promise<void>;
}

/**
 * Batches per transaction in a bulk session (each about 1,000 orders or lines). SQLite: a commit
 * writes every page the transaction dirtied to the WAL, and orders land at random places of the
 * customer index, so the fewer commits the fewer page writes per order (bench/sqlite-order-writes.ts,
 * 1,000,000 orders: 27.8 µs per order in transactions of 10,000, 19.6 in transactions of 50,000).
 */
export const BATCHES_PER_COMMIT = { sqlite: 50, postgres: 10 } as const;

