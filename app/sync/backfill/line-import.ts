// Imports a bulk result in one pass, as it downloads: each line is parsed and mapped as it is scanned,
// and a chunk's lines are written once the chunk is scanned (the download waits while the writer is
// behind), so writing starts with the first lines received and nothing is kept on disk. The batching
// (lineBatches) runs where the lines are parsed, on the line thread (line-thread.ts); the writing of the
// batches (batchWrites) on the main thread, with the writer. Root objects
// (orders, contracts) and their children (line items) share batches; with groupObjects: false a child
// may come before its parent, which the tables allow (no foreign key from a line to its order: the
// resource checks every child's parent once the pass is done).
//
// Each batch is written together with the checkpoint (the number of the first line not yet written) and
// committed a few batches at a time, so a crash at any point resumes exactly after the last commit: the
// resumed run downloads the result again and writes only the lines after the checkpoint. Nothing is
// written twice and nothing is skipped.
import { ShopifyDataError } from "../node-reader";
import type { BulkSession, Statement } from "../write/statements";
import { GarbagePacer } from "./collect-garbage";
import { isChildLine } from "./bulk-download";

/** Lines per batch unless told otherwise (TSUZUKU_SYNC_BATCH_SIZE); each batch carries its checkpoint. */
export const DEFAULT_BATCH_SIZE = 1_000;

/** Full garbage collections: every 50 batches, or once the heap has grown by 40 MB (collect-garbage.ts). */
const COLLECTION_PACE = { batches: 50, slackBytes: 40 << 20 } as const;

/**
 * The last parsed lines, held until as many newer ones are parsed. The pass's full collections run
 * between batches (collect-garbage.ts), when nothing parsed is alive; V8's optimized code refers to the
 * hidden classes of the objects it handled weakly, so such a collection took the hidden classes of
 * JSON.parse's objects and of the readers with it, and every function that had read them (mapOrder,
 * mapLineItem, NodeReader's methods, ~20 in all) was deoptimized and compiled again after each one: 600
 * optimizations in a 300,000-order bench:sync run, 330 of them after "weak objects" were collected, and
 * V8's compiler threads busy for some 2 s of the line thread's 8–9. Holding a few lines (whose nested
 * objects cover the shapes a line takes) and `LineImport.shapes`: 6–8 such deoptimizations, 290
 * optimizations, and the process's other threads 1.3 s instead of 2.0–2.5 s in the lines step.
 */
const RECENT_LINES = 8;

/**
 * Batches sent to the writer and not yet applied; the next one is parsed meanwhile. They apply in order
 * (the bulk session queues them). The pass parses more than the writer writes, so a slow batch (a
 * commit) need not hold it up at once: bench:sync, 1,000,000 orders on SQLite, the wait for the writer
 * went from 5.5–6.0 s to 3.3–3.8 s with 3 in flight instead of 1 (in the orders pass of the two-pass
 * import this replaced; in one pass, 6 in flight changed nothing on PostgreSQL).
 */
const BATCHES_IN_FLIGHT = 3;

export interface BulkLine {
  line: number;
  json: Record<string, unknown>;
}

/**
 * What a resource makes of its lines. Each line is mapped as soon as it is parsed, so a batch holds
 * rows, not parsed JSON kept alive (and promoted to the old generation) until the batch is written.
 */
export interface LineImport<Root = unknown, Child = unknown> {
  root(entry: BulkLine): Root;
  /** A child line; `__parentId` names its parent. */
  child(entry: BulkLine): Child;
  /**
   * A child line before the run's start (a resumed run): written by an earlier run, but it may bear on
   * roots still to come (an order's subscription flag, when the line came before its order).
   */
  skippedChild?(entry: BulkLine): void;
  /** The statements of a batch: its roots', then its children's. */
  write(roots: Root[], children: Child[]): Statement[];
  /** Once every line is written: whether every child's parent was among the roots this run wrote. */
  parentsWritten?(): boolean;
  /**
   * One object of each class the mappers make and drop for every line (the readers of node-reader.ts, a
   * URL): held for the pass, so that those classes' hidden classes live through its full collections
   * (see RECENT_LINES).
   */
  shapes?: readonly object[];
}

/** A resource's line import with its row types erased, for handlers of different rows. */
export const lineImport = <Root, Child>(lines: LineImport<Root, Child>): LineImport => lines as unknown as LineImport;

/** A batch's statements, and the checkpoint it takes the pass to: the first line not yet written. */
export interface LineBatch {
  statements: Statement[];
  /** The batch's statements went straight to the writer's thread (BulkSession.port), not in `statements`. */
  carried?: boolean;
  position: number;
  /** Roots in the batch (for the merchant's progress). */
  roots: number;
}

/**
 * The batching of the pass, where the lines are parsed (the line thread): `visit` takes each line as it
 * is scanned, `next` (asked after each chunk) gives a full batch, `last` the rest once the scan has the
 * line count (null when a resumed run has nothing left). Lines before `startPosition` were written by an
 * earlier run.
 */
export function lineBatches(lines: LineImport, startPosition: number, batchSize = DEFAULT_BATCH_SIZE) {
  const collections = new GarbagePacer(COLLECTION_PACE.batches, COLLECTION_PACE.slackBytes);
  let roots: unknown[] = [];
  let children: unknown[] = [];
  let nextLine = startPosition;
  // Where the batch's last root is: its line, and how many of the batch's children came before it.
  let lastRootLine = startPosition;
  let childrenBeforeLastRoot = 0;
  const recent = new Array<unknown>(RECENT_LINES);

  /**
   * The batch. Before the pass's end, its last root and the children after it wait for the next batch:
   * the root's other children may be in the next chunk, and a root is best written with what its
   * children tell (an order's subscription flag, which otherwise takes an UPDATE once the root is in).
   */
  const take = (whole: boolean): LineBatch => {
    let batch = { roots, children, position: nextLine };
    if (!whole && roots.length > 1) {
      batch = { roots: roots.slice(0, -1), children: children.slice(0, childrenBeforeLastRoot), position: lastRootLine };
      roots = roots.slice(-1);
      children = children.slice(childrenBeforeLastRoot);
    } else {
      roots = [];
      children = [];
    }
    childrenBeforeLastRoot = 0;
    const statements = batch.roots.length + batch.children.length === 0 ? [] : lines.write(batch.roots, batch.children);
    collections.afterBatch();
    return { statements, position: batch.position, roots: batch.roots.length };
  };

  return {
    visit(buffer: Buffer, start: number, end: number, line: number): void {
      if (line < startPosition) {
        if (lines.skippedChild && isChildLine(buffer, start, end)) lines.skippedChild({ line, json: parseLine(buffer.toString("utf8", start, end), line) });
        return;
      }
      nextLine = line + 1;
      const entry = { line, json: parseLine(buffer.toString("utf8", start, end), line) };
      recent[line % RECENT_LINES] = entry.json;
      if (entry.json.__parentId !== undefined) return void children.push(lines.child(entry));
      lastRootLine = line;
      childrenBeforeLastRoot = children.length;
      roots.push(lines.root(entry));
    },
    next: (): LineBatch | null => (roots.length + children.length >= batchSize ? take(false) : null),
    /** The pass is complete at `lineCount`: the last batch, with the final position. */
    last(lineCount: number): LineBatch | null {
      if (startPosition >= lineCount) return null;
      nextLine = lineCount;
      return take(true);
    },
  };
}

export interface BatchWriteHandlers {
  /** Statements recording progress: the new position and how many roots this batch stored. */
  checkpoint(position: number, rootsInBatch: number): Statement[];
  /** The pass's bulk session: batches are committed a few at a time, each with its checkpoint. */
  bulk(): BulkSession;
}

/**
 * The writing of the pass's batches, with their checkpoints: `write` each batch in order (it waits while
 * the writer is behind), `finish` once the last is given, `abandon` after a failure commits what was
 * applied before it.
 */
export function batchWrites(handlers: BatchWriteHandlers) {
  const session = handlers.bulk();
  const inFlight: Promise<void>[] = [];
  // This thread's heap starts at 128 MB (scripts/node-flags.ts) and little of it lives: what dies here
  // (the messages, PostgreSQL's COPY data) could pile up to near that size (one bench:sync run's main
  // heap reached 113 MB, 78 in use). Collected on the heap's growth alone, which most runs never reach
  // (at most 36–41 MB in six runs), not every 50 batches as on the line thread.
  const collections = new GarbagePacer(Number.POSITIVE_INFINITY, COLLECTION_PACE.slackBytes);
  return {
    /** Where the batches' statements may go straight to the writer's thread (BulkSession.port). */
    port: session.port,
    async write(batch: LineBatch): Promise<void> {
      const writing = [...batch.statements, ...handlers.checkpoint(batch.position, batch.roots)];
      while (inFlight.length >= BATCHES_IN_FLIGHT) await inFlight.shift();
      const appended = session.append(writing, batch.carried);
      // Awaited by a later write; until then a failure must not count as unhandled.
      appended.catch(() => {});
      inFlight.push(appended);
      collections.afterBatch();
    },
    async finish(): Promise<void> {
      for (const appended of inFlight.splice(0)) await appended;
      await session.end();
    },
    async abandon(): Promise<void> {
      for (const appended of inFlight.splice(0)) await appended.catch(() => {});
      await session.end().catch(() => {});
    },
  };
}

function parseLine(text: string, line: number): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new ShopifyDataError(`bulk result line ${line + 1}: not a JSON object`);
}
