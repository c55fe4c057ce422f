// The line thread's side (line-thread.ts): chunks in, batches of statements out, in order. Each chunk's
// lines are scanned, parsed and mapped as it arrives, and a batch is sent once full; "scanned" answers
// each chunk, so the main thread knows how far behind the thread is.
import { parentPort, workerData } from "node:worker_threads";
import { ShopifyDataError } from "../node-reader";
import { statementMaker } from "../write/statement-makers";
import { BulkLineScan } from "./bulk-download";
import { type LineBatch, lineBatches } from "./line-import";
import type { LineThreadData, LineThreadMessage } from "./line-thread";
import { resourceLines } from "./resource-lines";

const task = workerData as LineThreadData;
/** How much of a piece is scanned before a batch is taken. */
const SCAN_BYTES = 64 << 10;
const port = parentPort!;
const send = (message: LineThreadMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/** Whether the bytes own their whole ArrayBuffer, so that it may be moved to the main thread. */
const ownsBuffer = (bytes: Uint8Array) => bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;

/**
 * A batch to the main thread, which writes it with its checkpoint. Its statements go straight to the
 * writer's thread when the writer gave a port (SQLite), else with it; COPY data (PostgreSQL) is moved,
 * not copied, where it owns its memory.
 */
function sendBatch(batch: LineBatch): void {
  if (task.statementsPort) {
    task.statementsPort.postMessage(batch.statements);
    return send({ kind: "batch", batch: { ...batch, statements: [], carried: true } });
  }
  const transfer = batch.statements.flatMap((statement) => (statement.copy && ownsBuffer(statement.copy.data) ? [statement.copy.data.buffer as ArrayBuffer] : []));
  send({ kind: "batch", batch }, transfer);
}

const lines = resourceLines(task.resource, task.shop, new Date(task.syncedAt), statementMaker(task.dialect));
const batches = lineBatches(lines, task.startPosition, task.batchSize);
const scan = new BulkLineScan(batches.visit);
let failed = false;

port.on("message", (message: { kind: "chunk"; chunk: Uint8Array } | { kind: "end" }) => {
  if (failed) return;
  try {
    if (message.kind === "chunk") {
      const piece = Buffer.from(message.chunk.buffer, message.chunk.byteOffset, message.chunk.byteLength);
      // Scanned a part at a time, a batch taken after each: batches keep near their size (a batch
      // ends where a part does, once it has its lines) whatever the piece's size.
      for (let at = 0; at < piece.length; at += SCAN_BYTES) {
        scan.push(piece.subarray(at, at + SCAN_BYTES));
        const batch = batches.next();
        if (batch) sendBatch(batch);
      }
      // Nothing scanned refers to the piece (lines are decoded into strings, a cut line is copied).
      const memory = message.chunk.buffer as ArrayBuffer;
      send({ kind: "scanned", piece: memory }, [memory]);
      return;
    }
    const { lineCount } = scan.end();
    const batch = batches.last(lineCount);
    if (batch) sendBatch(batch);
    send({ kind: "done", parentsWritten: lines.parentsWritten?.() ?? true });
  } catch (error) {
    failed = true;
    send({ kind: "failed", message: error instanceof Error ? error.message : String(error), dataError: error instanceof ShopifyDataError });
  }
});
