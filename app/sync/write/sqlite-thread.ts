// The SQLite bulk writer's connection lives on a worker thread: better-sqlite3 is synchronous, so on
// the main thread every batch written would stop the parsing of the next. With the connection on its
// own thread the backfill parses batch n+1 while batch n commits — the machine's second core at work.
// Batches are committed in the order they are sent, each in one transaction (statements + checkpoint).
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

export interface ThreadStatement {
  sql: string;
  params: unknown[];
  /** The same SQL once per parameter list (a table's rows): the SQL crosses to the thread once. */
  rows?: unknown[][];
}

// Plain JavaScript, evaluated as the worker's CommonJS main: no TypeScript loader needed in the thread.
const THREAD_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 10000 });
db.pragma("journal_mode = WAL");
db.pragma("synchronous = NORMAL");
db.defaultSafeIntegers(true);
const prepared = new Map();
const statementFor = (sql) => {
  let statement = prepared.get(sql);
  if (!statement) prepared.set(sql, (statement = db.prepare(sql)));
  return statement;
};
const runAll = db.transaction((statements) => {
  for (const { sql, params, rows } of statements) {
    const statement = statementFor(sql);
    if (rows) for (const row of rows) statement.run(row);
    else statement.run(params);
  }
});
parentPort.on("message", ({ id, kind, statements, sql, params }) => {
  try {
    if (kind === "run") { runAll(statements); parentPort.postMessage({ id }); }
    else if (kind === "query") parentPort.postMessage({ id, rows: statementFor(sql).all(...params) });
    else if (kind === "close") { db.close(); parentPort.postMessage({ id }); }
  } catch (error) {
    parentPort.postMessage({ id, error: error && error.message ? error.message : String(error), code: error && error.code });
  }
});
`;

export class SqliteThread {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  #nextId = 0;

  constructor(file: string) {
    const driver = createRequire(import.meta.url).resolve("better-sqlite3");
    this.#worker = new Worker(THREAD_SOURCE, { eval: true, workerData: { file, driver } });
    this.#worker.on("message", (message: { id: number; rows?: unknown[]; error?: string; code?: string }) => {
      const waiter = this.#waiting.get(message.id);
      this.#waiting.delete(message.id);
      if (!waiter) return;
      if (message.error !== undefined) waiter.reject(Object.assign(new Error(message.error), { code: message.code }));
      else waiter.resolve(message.rows);
    });
    this.#worker.on("error", (error) => this.#failAll(error));
    this.#worker.on("exit", (code) => this.#failAll(new Error(`the SQLite writer thread exited (${code})`)));
  }

  #send<T>(message: Record<string, unknown>): Promise<T> {
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#worker.postMessage({ id, ...message });
    });
  }

  #failAll(error: Error): void {
    for (const waiter of this.#waiting.values()) waiter.reject(error);
    this.#waiting.clear();
  }

  run(statements: ThreadStatement[]): Promise<void> {
    return this.#send({ kind: "run", statements });
  }

  query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.#send({ kind: "query", sql, params });
  }

  async close(): Promise<void> {
    await this.#send({ kind: "close" });
    await this.#worker.terminate();
  }
}
