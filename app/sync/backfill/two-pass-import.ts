// Imports a bulk result file in two passes: root objects first (orders, contracts), then their
// children (line items) — with groupObjects: false a child may come before its parent, and the
// database's foreign keys want the parent first. The roots pass runs while the file is scanned (as it
// downloads, or read again on a resumed run), so writing starts with the first lines received; the
// children pass reads the file once it is complete. Each batch is written together with the checkpoint
// (lines consumed) and committed a few batches at a time, so a crash at any point resumes exactly after
// the last commit: nothing is written twice and nothing is skipped. A run resumed during the roots pass
// reads the file again from its first line, writing only the lines after the checkpoint.
//
// Position: 0 … lineCount-1 in the roots pass, lineCount … 2·lineCount-1 in the children pass.
import { ShopifyDataError } from "../node-reader";
import type { BulkSession, Statement } from "../write/statements";
import { GarbagePacer } from "./collect-garbage";
import { type BulkFileScan, readLines } from "./jsonl-file";

/** Lines per batch unless told otherwise (TSUZUKU_SYNC_BATCH_SIZE); each batch carries its checkpoint. */
export const DEFAULT_BATCH_SIZE = 1_000;

/** Full garbage collections: every 50 batches, or once the heap has grown by 40 MB (collect-garbage.ts). */
const COLLECTION_PACE = { batches: 50, slackBytes: 40 << 20 } as const;

export interface BulkLine {
  line: number;
  json: Record<string, unknown>;
}

/**
 * One pass's rows: each line is mapped as soon as it is parsed, so a batch holds rows, not parsed
 * JSON kept alive (and promoted to the old generation) until the whole batch is read; `write` makes
 * the batch's statements.
 */
export interface Pass<Row> {
  map(entry: BulkLine): Row;
  write(rows: Row[]): Statement[];
}

/** A pass with its row type erased, for handlers that hold passes of different rows. */
export const pass = <Row>(map: (entry: BulkLine) => Row, write: (rows: Row[]) => Statement[]): Pass<unknown> =>
  ({ map, write }) as Pass<unknown>;

export type PassKind = "roots" | "children";

export interface TwoPassHandlers {
  /** Stores root objects. */
  roots: Pass<unknown>;
  /** Stores children; `__parentId` names each one's parent. */
  children: Pass<unknown>;
  /** Statements recording progress: the new position and how many roots this batch stored. */
  checkpoint(position: number, rootsInBatch: number): Statement[];
  /** A bulk session per pass: batches are committed a few at a time, each with its checkpoint. */
  bulk(): BulkSession;
  /** Told when a pass has committed its last batch. */
  passDone?(kind: PassKind): void;
}

/**
 * Batches sent to the writer and not yet applied, per pass; the next one is parsed meanwhile. They
 * apply in order (the bulk session queues them). The roots pass parses more than the writer writes,
 * so a slow batch (a commit) need not hold it up at once: bench:sync, 1,000,000 orders on SQLite, its
 * wait for the writer went from 5.5–6.0 s to 3.3–3.8 s with 3 in flight. The children pass is bound by
 * the writer, where more in flight only holds more rows (2: 0.5 s faster, 12 MB more peak RSS).
 */
const BATCHES_IN_FLIGHT = { roots: 3, children: 1 } as const;

/** One pass's batches: a few are written while the next is parsed. */
class PassWriter {
  readonly #offset: number;
  #batch: unknown[] = [];
  #nextLine: number;
  readonly #collections = new GarbagePacer(COLLECTION_PACE.batches, COLLECTION_PACE.slackBytes);
  #inFlight: Promise<void>[] = [];
  readonly #session: BulkSession;

  constructor(
    readonly kind: PassKind,
    private readonly handlers: TwoPassHandlers,
    lineCountOffset: number,
    fromLine: number,
    private readonly batchSize: number,
  ) {
    this.#offset = lineCountOffset;
    this.#nextLine = fromLine;
    this.#session = handlers.bulk();
  }

  add(line: number, text: string): void {
    this.#nextLine = line + 1;
    this.#batch.push(this.handlers[this.kind].map({ line, json: parseLine(text, line) }));
  }

  get full(): boolean {
    return this.#batch.length >= this.batchSize;
  }

  async flush(): Promise<void> {
    const statements = this.#batch.length === 0 ? [] : this.handlers[this.kind].write(this.#batch);
    const writing = [...statements, ...this.handlers.checkpoint(this.#offset + this.#nextLine, this.kind === "roots" ? this.#batch.length : 0)];
    this.#batch = [];
    while (this.#inFlight.length >= BATCHES_IN_FLIGHT[this.kind]) await this.#inFlight.shift();
    this.#collections.afterBatch();
    const appended = this.#session.append(writing);
    // Awaited by a later flush; until then a failure must not count as unhandled.
    appended.catch(() => {});
    this.#inFlight.push(appended);
  }

  /** The pass is complete at `lineCount`: the last batch and the final position are committed. */
  async finish(lineCount: number): Promise<void> {
    this.#nextLine = lineCount;
    await this.flush();
    for (const appended of this.#inFlight.splice(0)) await appended;
    await this.#session.end();
    this.handlers.passDone?.(this.kind);
  }

  /** After a failure: what was applied before it is committed (each batch with its checkpoint). */
  async abandon(): Promise<void> {
    for (const appended of this.#inFlight.splice(0)) await appended.catch(() => {});
    await this.#session.end().catch(() => {});
  }
}

/**
 * The roots pass, fed by the scan of the file: `visit` takes each root line as it is scanned, `drain`
 * (awaited after each chunk, which holds the download back while the writer is behind) writes full
 * batches, `finish` the rest once the scan has the line count. Nothing to do for a run resumed in the
 * children pass.
 */
export function rootsPass(handlers: TwoPassHandlers, startPosition: number, batchSize = DEFAULT_BATCH_SIZE) {
  const writer = new PassWriter("roots", handlers, 0, startPosition, batchSize);
  return {
    visit(buffer: Buffer, start: number, end: number, line: number): void {
      if (line >= startPosition) writer.add(line, buffer.toString("utf8", start, end));
    },
    async drain(): Promise<void> {
      if (writer.full) await writer.flush();
    },
    async finish(lineCount: number): Promise<void> {
      if (startPosition < lineCount) await writer.finish(lineCount);
      else await writer.abandon();
    },
    abandon: () => writer.abandon(),
  };
}

/** The children pass, read from the complete file (`scan` is the file's: its line count and children). */
export async function importChildren(path: string, scan: BulkFileScan, startPosition: number, handlers: TwoPassHandlers, batchSize = DEFAULT_BATCH_SIZE): Promise<void> {
  const { lineCount } = scan;
  if (startPosition >= 2 * lineCount) return;
  const fromLine = Math.max(0, startPosition - lineCount);
  const writer = new PassWriter("children", handlers, lineCount, fromLine, batchSize);
  try {
    for await (const lines of readLines(path, fromLine, (n) => scan.isChild(n))) {
      for (const { line, text } of lines) {
        writer.add(line, text);
        if (writer.full) await writer.flush();
      }
    }
  } catch (error) {
    await writer.abandon();
    throw error;
  }
  await writer.finish(lineCount);
}

export function parseLine(text: string, line: number): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new ShopifyDataError(`bulk result line ${line + 1}: not a JSON object`);
}
