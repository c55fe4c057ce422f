// What the sync's bulk writers offer (sqlite-writer.ts, postgres-writer.ts): statements
// (statement-makers.ts) run in transactions, and bulk sessions that commit a few batches at a time.
import type { MessagePort } from "node:worker_threads";
import type { Statement, StatementMaker } from "./statement-makers";

export type { Statement, StatementMaker } from "./statement-makers";

/** A database's statements (statement-makers.ts) and the connection that runs them. */
export interface SqlWriter extends StatementMaker {
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
  bulk(options?: { commitEvery?: number; port?: boolean }): BulkSession;
  /** Rows of a read (used for the writer's own bookkeeping). */
  query<T>(sql: string, ...params: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface BulkSession {
  /** `carried`: the next statement list posted to `port` is applied first, in the same batch. */
  append(statements: Statement[], carried?: boolean): Promise<void>;
  /**
   * SQLite, when asked for (`bulk({ port: true })`): a port straight to the writer's thread, for
   * statements made on another thread (the backfill's line thread), so that they reach the thread that
   * runs them without being copied through this one. Each list posted there waits for its append.
   */
  port?: MessagePort;
  end(): Promise<void>;
}

/**
 * Batches per transaction in a bulk session (each about 1,000 orders or lines). SQLite: a commit
 * writes every page the transaction dirtied to the WAL, and orders land at random places of the
 * customer index, so the fewer commits the fewer page writes per order (bench/sqlite-order-writes.ts,
 * 1,000,000 orders: 27.8 µs per order in transactions of 10,000, 19.6 in transactions of 50,000).
 */
export const BATCHES_PER_COMMIT = { sqlite: 50, postgres: 10 } as const;

/** Whether a writer's statement failed on a unique or primary key (PostgreSQL's 23505, SQLite's constraint codes). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "SQLITE_CONSTRAINT_UNIQUE";
}
