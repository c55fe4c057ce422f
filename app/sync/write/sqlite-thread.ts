// The SQLite bulk writer's connection lives on a worker thread: better-sqlite3 is synchronous, so on
// the main thread every batch written would stop the parsing of the next. With the connection on its
// own thread the backfill parses batch n+1 while batch n is written — the machine's second core at work.
//
// Two ways to write, both applied in the order they are sent:
// - `run`: statements in a transaction of their own (all or nothing);
// - a bulk session's `append`: batches that share one open transaction, committed every few batches
//   (each batch carries its own checkpoint, so any commit boundary is a consistent resume point). On
//   SQLite a commit writes every page the batch dirtied to the WAL: orders land at random places of the
//   customer index, so bigger transactions write far fewer pages per row. Only one session's batches
//   are ever in the open transaction: anything else commits it first, and so does a pause of 100 ms
//   between batches (the app's main-thread connection may be waiting for the lock). When a batch fails, the session's
//   uncommitted batches are rolled back with it, and the session refuses every later batch (its caller
//   must resume from the last committed checkpoint).
import { createRequire } from "node:module";
import { MessageChannel, type MessagePort, Worker } from "node:worker_threads";

export interface ThreadStatement {
  sql: string;
  params: unknown[];
  /** The same SQL once per parameter list (a table's rows): the SQL crosses to the thread once. */
  rows?: unknown[][];
}

/** What a bulk session answers once one of its batches has failed (both databases' writers). */
export const BULK_SESSION_FAILED = "an earlier batch of this bulk write failed and was rolled back with the batches not yet committed";

/**
 * The thread's young generation. A batch's rows are unpacked here and die once written, so a small one
 * does: bench:sync, 1,000,000 orders, the thread's heap peaked at 16–17 MB instead of 42 MB (V8's
 * default) and the process at 239–241 MB instead of 277 MB, with no more CPU on the thread
 * (34.6–36.3 s against 38.4 s over the run).
 */
const YOUNG_GENERATION_MB = 6;

/** A bulk session's open transaction is committed after this long without a batch. */
const IDLE_COMMIT_MS = 100;

// Plain JavaScript, evaluated as the worker's CommonJS main: no TypeScript loader needed in the thread.
const THREAD_SOURCE = `
const { parentPort, receiveMessageOnPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
// A database that cannot be opened answers every message with the reason (the thread stays up, so
// its caller hears it at once instead of waiting on a thread that is gone).
let db = null;
let openError = null;
try {
  db = new Database(workerData.file, { timeout: 10000 });
  // Databases are migrated into WAL mode (scripts/prisma-cli.ts): then this is a no-op, needing no lock.
  // A file still in rollback-journal mode needs the lock of every other connection, and SQLite answers
  // SQLITE_BUSY at once (without waiting) when the app's connection is in a transaction: retried.
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; ; waited += 20) {
    try {
      db.pragma("journal_mode = WAL");
      break;
    } catch (error) {
      if (!error || error.code !== "SQLITE_BUSY" || waited >= 10000) throw error;
      Atomics.wait(pause, 0, 0, 20);
    }
  }
  db.pragma("synchronous = NORMAL");
  // Checkpoint (copy the WAL into the database, with an fsync) every 40 MB of WAL instead of every 4 MB.
  db.pragma("wal_autocheckpoint = 10000");
  db.defaultSafeIntegers(true);
} catch (error) {
  openError = new Error("the SQLite writer could not open " + workerData.file + ": " + (error && error.message ? error.message : String(error)));
  openError.code = error && error.code;
  if (db !== null && db.open) db.close();
  db = null;
}
const prepared = new Map();
const statementFor = (sql) => {
  let statement = prepared.get(sql);
  if (!statement) prepared.set(sql, (statement = db.prepare(sql)));
  return statement;
};
const execute = (statements) => {
  for (const { sql, params, rows } of statements) {
    const statement = statementFor(sql);
    // Spread, not the array: better-sqlite3 reads arguments faster than array elements (some 20 ns a value).
    if (rows) for (const row of rows) statement.run(...row);
    else statement.run(params);
  }
};
const runAll = db === null ? null : db.transaction(execute);
let openSession = null;
let idleCommit = null;
const failedSessions = new Set();
// Commits the open session's transaction. A failed COMMIT rolls back and marks that session failed.
const commitOpen = () => {
  if (idleCommit !== null) clearTimeout(idleCommit);
  idleCommit = null;
  if (openSession === null) return;
  const session = openSession;
  openSession = null;
  try {
    db.exec("COMMIT");
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    failedSessions.add(session);
    throw error;
  }
};
// Before another session's or a run's work: that session learns of a failure at its next call.
const commitOthers = () => {
  try { commitOpen(); } catch {}
};
const refuseFailed = (session) => {
  if (failedSessions.delete(session)) throw new Error(workerData.sessionFailed);
};
// Each session's port for statements made on another thread (SqliteThread.statementsPort).
const ports = new Map();
// The statements posted to the session's port for this batch: there before the append that asks for
// them, since the other thread posts them before it tells the main thread of the batch.
const carried = (session) => {
  const received = ports.has(session) ? receiveMessageOnPort(ports.get(session)) : undefined;
  if (received === undefined) throw new Error("a batch's statements did not reach the SQLite writer thread");
  return received.message;
};
const closePort = (session) => {
  if (ports.has(session)) ports.get(session).close();
  ports.delete(session);
};
// carry: the batch's statements posted to the session's port come first (a batch they never reached
// fails like any other).
const append = (session, statements, commit, carry) => {
  refuseFailed(session);
  if (openSession !== session) {
    commitOthers();
    db.exec("BEGIN IMMEDIATE");
    openSession = session;
  }
  try {
    execute(carry ? carried(session).concat(statements) : statements);
  } catch (error) {
    openSession = null;
    if (db.inTransaction) db.exec("ROLLBACK");
    failedSessions.add(session);
    throw error;
  }
  if (commit) return commitOpen();
  // Another connection (the app's own, on the main thread: it waits synchronously for the lock) may
  // want to write: a session that sends nothing for a moment commits, so nobody waits long.
  if (idleCommit !== null) clearTimeout(idleCommit);
  idleCommit = setTimeout(commitOthers, workerData.idleCommitMs);
};
parentPort.on("message", ({ id, kind, statements, carry, port, sql, params, session, commit }) => {
  try {
    if (openError !== null) {
      if (kind === "close") parentPort.postMessage({ id });
      else throw openError;
    } else if (kind === "run") { commitOthers(); runAll(statements); parentPort.postMessage({ id }); }
    else if (kind === "append") { append(session, statements, commit, carry); parentPort.postMessage({ id }); }
    else if (kind === "port") { ports.set(session, port); parentPort.postMessage({ id }); }
    else if (kind === "end") { closePort(session); if (openSession === session) commitOpen(); refuseFailed(session); parentPort.postMessage({ id }); }
    else if (kind === "query") parentPort.postMessage({ id, rows: statementFor(sql).all(...params) });
    else if (kind === "close") { commitOthers(); db.close(); parentPort.postMessage({ id }); }
  } catch (error) {
    parentPort.postMessage({ id, error: error && error.message ? error.message : String(error), code: error && error.code });
  }
});
`;

export class SqliteThread {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  #nextId = 0;
  #nextSession = 0;
  /** Why the thread is gone, once it is: every later call fails with it instead of waiting forever. */
  #stopped: Error | null = null;

  constructor(file: string) {
    const driver = createRequire(import.meta.url).resolve("better-sqlite3");
    this.#worker = new Worker(THREAD_SOURCE, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB }, workerData: { file, driver, idleCommitMs: IDLE_COMMIT_MS, sessionFailed: BULK_SESSION_FAILED } });
    this.#worker.on("message", (message: { id: number; rows?: unknown[]; error?: string; code?: string }) => {
      const waiter = this.#waiting.get(message.id);
      this.#waiting.delete(message.id);
      if (!waiter) return;
      if (message.error !== undefined) waiter.reject(Object.assign(new Error(message.error), { code: message.code }));
      else waiter.resolve(message.rows);
    });
    this.#worker.on("error", (error: unknown) => this.#stop(threadFailure(error)));
    this.#worker.on("exit", (code) => this.#stop(new Error(`the SQLite writer thread exited (${code})`)));
  }

  #send<T>(message: Record<string, unknown>, transfer: MessagePort[] = []): Promise<T> {
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      if (this.#stopped) return reject(this.#stopped);
      this.#waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#worker.postMessage({ id, ...message }, transfer);
    });
  }

  #stop(error: Error): void {
    this.#stopped ??= error;
    for (const waiter of this.#waiting.values()) waiter.reject(this.#stopped);
    this.#waiting.clear();
  }

  run(statements: ThreadStatement[]): Promise<void> {
    return this.#send({ kind: "run", statements });
  }

  /** A new bulk session's id. */
  session(): number {
    return this.#nextSession++;
  }

  /** `carry`: the next statement list posted to the session's port is applied first. */
  append(session: number, statements: ThreadStatement[], commit: boolean, carry = false): Promise<void> {
    return this.#send({ kind: "append", session, statements, carry, commit });
  }

  /**
   * A port straight to this thread for the session's statements made on another thread (each list
   * posted there is applied by the append that carries it); closed when the session ends.
   */
  statementsPort(session: number): MessagePort {
    const { port1, port2 } = new MessageChannel();
    void this.#send({ kind: "port", session, port: port2 }, [port2]).catch(() => {});
    return port1;
  }

  /** Commits the session's open batches; fails if one of its batches failed. */
  end(session: number): Promise<void> {
    return this.#send({ kind: "end", session });
  }

  query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.#send({ kind: "query", sql, params });
  }

  /** Closes the database and ends the thread; a thread already gone has nothing left to close. */
  async close(): Promise<void> {
    if (!this.#stopped) await this.#send({ kind: "close" });
    await this.#worker.terminate();
  }
}

/** A thread's uncaught error, which reaches this side cloned (a SqliteError arrives as a bare `{ code }`). */
function threadFailure(error: unknown): Error {
  const { message, code } = (error ?? {}) as { message?: unknown; code?: unknown };
  const reason = typeof message === "string" && message !== "" ? message : typeof code === "string" ? code : String(error);
  return Object.assign(new Error(`the SQLite writer thread failed: ${reason}`), { code });
}
