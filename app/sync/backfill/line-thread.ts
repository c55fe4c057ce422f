// The backfill's line thread: the bulk result's chunks go to a worker thread that cuts them into lines,
// parses and maps each line and makes each batch's statements (line-thread-entry.ts); this thread only
// downloads, and hands the batches to the writer. Parsing is most of the backfill's work in this
// process (JSON.parse alone was about 40% of the main thread), so on its own thread it runs on the
// machine's other core beside the download and the writer (SQLite's thread, or PostgreSQL's COPYs).
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type MessagePort, Worker } from "node:worker_threads";
import type { DatabaseKind } from "../../db/database-url";
import { ShopifyDataError } from "../node-reader";
import type { LineBatch } from "./line-import";
import type { BackfillResource } from "./resource-lines";

/** What the thread imports: which resource's lines, for which shop, from which line on. */
export interface LineThreadTask {
  resource: BackfillResource;
  shop: string;
  /** ISO 8601: when the run's rows are synced. */
  syncedAt: string;
  dialect: DatabaseKind;
  startPosition: number;
  batchSize?: number;
}

/** What the thread is started with. */
export type LineThreadData = LineThreadTask & { statementsPort?: MessagePort };

/**
 * What the thread sends back: a batch, a piece scanned (its memory moved back, to be filled again), the
 * end of the pass, or why it failed.
 */
export type LineThreadMessage =
  | { kind: "batch"; batch: LineBatch }
  | { kind: "scanned"; piece: ArrayBuffer }
  | { kind: "done"; parentsWritten: boolean }
  | { kind: "failed"; message: string; dataError: boolean };

const ENTRY = "app/sync/backfill/line-thread-entry.ts";

/** The download goes to the thread in pieces of this size (see LineThread.push). */
const PIECE_BYTES = 1 << 20;

/**
 * The thread's entry, run as TypeScript through tsx's loader (a dependency: `npm run worker` runs the
 * app's code the same way). From the sources (tsx, vitest) it sits beside this module; a server build
 * (build/server/index.js, or the demo's under .cache/) holds no copy of it and reads it from the app's
 * sources, in the nearest folder above the build that has them.
 */
function entryPath(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith(".ts")) return path.join(path.dirname(here), path.basename(ENTRY));
  for (let dir = path.dirname(here); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, ENTRY);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`the backfill's line thread needs the app's sources: no ${ENTRY} above ${here}`);
  }
}

/**
 * Registers tsx's CommonJS loader in the thread, then runs the entry: on Node 20 a worker takes no
 * --import from its execArgv, and ESM loader hooks registered inside a worker do not apply to it.
 */
const bootstrap = (entry: string) => `require(${JSON.stringify(createRequire(import.meta.url).resolve("tsx/cjs/api"))}).register();
require(${JSON.stringify(entry)});`;

export class LineThread {
  readonly #worker: Worker;
  readonly #arrived: LineThreadMessage[] = [];
  #waiting: ((message: LineThreadMessage) => void) | null = null;
  #ended = false;
  /** Pieces sent and not yet scanned. */
  scanning = 0;

  /** `statementsPort`: the batches' statements go there (BulkSession.port) instead of to this thread. */
  constructor(task: LineThreadTask, statementsPort?: MessagePort) {
    const workerData: LineThreadData = { ...task, statementsPort };
    this.#worker = new Worker(bootstrap(entryPath()), { eval: true, workerData, transferList: statementsPort ? [statementsPort] : [] });
    this.#worker.on("message", (message: LineThreadMessage) => this.#deliver(message));
    this.#worker.on("error", (error) => this.#deliver({ kind: "failed", message: `the line thread failed: ${error.message}`, dataError: false }));
    this.#worker.on("exit", (code) => {
      if (!this.#ended) this.#deliver({ kind: "failed", message: `the line thread exited (code ${code})`, dataError: false });
    });
  }

  #deliver(message: LineThreadMessage): void {
    if (message.kind === "done" || message.kind === "failed") this.#ended = true;
    if (message.kind === "scanned") {
      this.scanning--;
      this.#spare.push(Buffer.from(message.piece));
    }
    const waiting = this.#waiting;
    this.#waiting = null;
    if (waiting) waiting(message);
    else this.#arrived.push(message);
  }

  /** The piece being filled from the download's chunks, and how much of it is filled. */
  #piece: Buffer | null = null;
  #filled = 0;
  /** Pieces the thread has scanned and moved back. */
  readonly #spare: Buffer[] = [];

  /**
   * Takes a chunk of the download (copied: the download may reuse its memory). The chunks (64 KiB from
   * fetch) go to the thread gathered in pieces of PIECE_BYTES, moved rather than copied: each message
   * costs both threads a wake-up, and a message and its "scanned" answer per 64 KiB cost the line thread
   * about 1 s of 31 in a 1,000,000-order backfill's profile. The thread moves each piece back once
   * scanned, so a few pieces serve the whole download.
   */
  push(chunk: Uint8Array): void {
    for (let at = 0; at < chunk.byteLength; ) {
      // Its own memory (not the pool's), so that it may be moved.
      this.#piece ??= this.#spare.pop() ?? Buffer.allocUnsafeSlow(PIECE_BYTES);
      const taken = Math.min(chunk.byteLength - at, PIECE_BYTES - this.#filled);
      this.#piece.set(chunk.subarray(at, at + taken), this.#filled);
      this.#filled += taken;
      at += taken;
      if (this.#filled === PIECE_BYTES) this.#send();
    }
  }

  #send(): void {
    if (!this.#piece || this.#filled === 0) return;
    const chunk = this.#piece.subarray(0, this.#filled);
    this.#piece = null;
    this.#filled = 0;
    this.scanning++;
    this.#worker.postMessage({ kind: "chunk", chunk }, [chunk.buffer as ArrayBuffer]);
  }

  /** The download is complete: the thread scans what is left, sends its last batch, then "done". */
  end(): void {
    this.#send();
    this.#worker.postMessage({ kind: "end" });
  }

  /** The thread's next message; a failure is thrown (a bad line as ShopifyDataError). */
  async next(): Promise<Exclude<LineThreadMessage, { kind: "failed" }>> {
    const message = this.#arrived.shift() ?? (await new Promise<LineThreadMessage>((resolve) => (this.#waiting = resolve)));
    if (message.kind !== "failed") return message;
    throw message.dataError ? new ShopifyDataError(message.message) : new Error(message.message);
  }

  async close(): Promise<void> {
    this.#ended = true;
    await this.#worker.terminate();
  }
}
