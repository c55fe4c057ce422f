// Imports a bulk result file in two passes: root objects first (orders, contracts), then their
// children (line items) — with groupObjects: false a child may come before its parent, and the
// database's foreign keys want the parent first. Each batch is written in one transaction together
// with the checkpoint (lines consumed), so a crash at any point resumes exactly where the last batch
// ended: nothing is written twice and nothing is skipped.
//
// Position: 0 … lineCount-1 in the roots pass, lineCount … 2·lineCount-1 in the children pass.
import { ShopifyDataError } from "../node-reader";
import type { BulkSession, Statement } from "../write/statements";
import { collectGarbage } from "./collect-garbage";
import { type BulkFileScan, readLines } from "./jsonl-file";

/** Batches between full garbage collections (see collect-garbage.ts). */
const BATCHES_PER_COLLECTION = 50;

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
  passDone?(kind: "roots" | "children"): void;
}

/** `scan` is the file's (which lines are children, and how many lines there are). */
export async function importTwoPass(path: string, scan: BulkFileScan, startPosition: number, handlers: TwoPassHandlers, batchSize = 1_000): Promise<void> {
  const { lineCount } = scan;
  for (const kind of ["roots", "children"] as const) {
    const offset = kind === "roots" ? 0 : lineCount;
    if (startPosition >= offset + lineCount) continue;
    const fromLine = Math.max(0, startPosition - offset);
    const { map, write } = handlers[kind];
    let batch: unknown[] = [];
    let nextLine = fromLine;
    let batches = 0;
    const session = handlers.bulk();
    // One batch is written while the next is parsed; batches still apply one after another, in order.
    let inFlight: Promise<void> = Promise.resolve();
    const flush = async () => {
      const statements = batch.length === 0 ? [] : write(batch);
      const writing = [...statements, ...handlers.checkpoint(offset + nextLine, kind === "roots" ? batch.length : 0)];
      batch = [];
      await inFlight;
      if (++batches % BATCHES_PER_COLLECTION === 0) collectGarbage();
      inFlight = session.append(writing);
      // Awaited at the next flush; until then a failure must not count as unhandled.
      inFlight.catch(() => {});
    };
    const wanted = kind === "children" ? (line: number) => scan.isChild(line) : (line: number) => !scan.isChild(line);
    try {
      for await (const { line, text } of readLines(path, fromLine, wanted)) {
        nextLine = line + 1;
        batch.push(map({ line, json: parseLine(text, line) }));
        if (batch.length >= batchSize) await flush();
      }
      nextLine = lineCount;
      await flush();
      await inFlight;
    } catch (error) {
      // Bad data or a failed batch: what was applied before it is committed (each batch with its
      // checkpoint), so the next attempt resumes there.
      await inFlight.catch(() => {});
      await session.end().catch(() => {});
      throw error;
    }
    await session.end();
    handlers.passDone?.(kind);
  }
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
