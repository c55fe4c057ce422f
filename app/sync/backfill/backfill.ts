// One backfill of one resource for one shop, resumable at every step:
//   exporting   — a bulk operation runs on Shopify; its id is kept in the shop's SyncCursor, so a
//                 restarted worker goes on polling it instead of starting another;
//   downloading — the JSONL result is streamed and every line written as it arrives, each batch
//                 committed with the cursor position (a resumed run downloads it again and skips the
//                 lines written before);
//   writing     — what is derived once every line is in: deferred indexes, customers.
// The SyncRun row carries what the merchant sees: phase, done / expected, rate, ETA, last error.
// When it completes, the cursor's reconciliation watermark is set to when the run began, so the next
// reconciliation re-reads everything that changed while the export ran.
import type { Db } from "../../db.server";
import type { AdminClient } from "../admin-client";
import type { SqlWriter, Statement } from "../write/statements";
import { BulkOperationError, type PollOptions, startBulkExport, waitForBulkOperation } from "./bulk-operation";
import { createIndexes, deferIndexes } from "./deferred-indexes";
import { downloadChunks } from "./bulk-download";
import { batchWrites } from "./line-import";
import { LineThread, type LineThreadTask } from "./line-thread";
import { type BackfillResource, resourceImport } from "./resources";

export interface BackfillOptions {
  db: Db;
  writer: SqlWriter;
  client: AdminClient;
  shop: string;
  resource: BackfillResource;
  kind?: "backfill" | "resync";
  poll?: PollOptions;
  batchSize?: number;
  /** Batches per transaction (default: the writer's). */
  batchesPerCommit?: number;
  now?: () => Date;
  /** Told when each step of the import ends (benchmarks time them). */
  onStep?: (step: BackfillStep) => void;
}

/**
 * "lines": downloaded, every line written on the way; "indexes": the roots' deferred indexes built
 * (on PostgreSQL beside the next two, reported once done); "parents": every child's parent checked;
 * "customers": what is derived from the roots.
 */
export type BackfillStep = "lines" | "indexes" | "parents" | "customers";

export interface BackfillResult {
  runId: string;
  written: number;
  bulkOperationId: string;
}

export async function runBackfill(options: BackfillOptions): Promise<BackfillResult> {
  const { db, shop, resource, client } = options;
  const now = options.now ?? (() => new Date());
  const key = { shop_resource: { shop, resource } };
  const handlers = resourceImport(resource, options.writer);
  const indexes = handlers.deferrableIndexes ?? [];
  const run =
    (await db.syncRun.findFirst({ where: { shop, resource, status: "running" }, orderBy: { startedAt: "desc" } })) ??
    (await db.syncRun.create({ data: { shop, resource, kind: options.kind ?? "backfill", phase: "queued", startedAt: now() } }));
  const fail = async (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    await db.syncRun.update({ where: { id: run.id }, data: { status: "failed", phase: "failed", lastError: message.slice(0, 1000), finishedAt: now() } });
  };

  let cursor = await db.syncCursor.upsert({ where: key, create: { shop, resource }, update: {} });
  try {
    if (!cursor.bulkOperationId) {
      const expectedCount = handlers.countQuery ? handlers.countQuery.read(await client.request(handlers.countQuery.query)) : null;
      const operationId = await startBulkExport(client, handlers.query);
      cursor = await db.syncCursor.update({ where: key, data: { bulkOperationId: operationId, bulkLinesConsumed: 0 } });
      await db.syncRun.update({ where: { id: run.id }, data: { phase: "exporting", expectedCount, doneCount: 0, lastError: null } });
    }
    const operationId = cursor.bulkOperationId!;
    const operation = await waitForBulkOperation(client, operationId, options.poll).catch(async (error: unknown) => {
      // A dead operation cannot be resumed: forget it, so the job's retry starts a new export.
      if (error instanceof BulkOperationError) await db.syncCursor.update({ where: key, data: { bulkOperationId: null, bulkLinesConsumed: 0 } });
      throw error;
    });

    await db.syncRun.update({ where: { id: run.id }, data: { phase: "downloading", expectedCount: operation.rootObjectCount } });
    const writingStartedAt = Date.now();
    let written = 0;
    const startPosition = cursor.bulkLinesConsumed;
    const w = options.writer;
    const checkpoint = (position: number, roots: number): Statement[] => {
      written += roots;
      const seconds = (Date.now() - writingStartedAt) / 1000;
      const rate = seconds > 0 ? written / seconds : null;
      const eta = rate ? Math.round(Math.max(0, operation.rootObjectCount - written) / rate) : null;
      const at = new Date();
      return [
        w.raw(`UPDATE "SyncCursor" SET "bulkLinesConsumed" = ${w.param(1)}, "updatedAt" = ${w.param(2)} WHERE "shop" = ${w.param(3)} AND "resource" = ${w.param(4)}`,
          position, at, shop, resource),
        w.raw(`UPDATE "SyncRun" SET "doneCount" = "doneCount" + ${w.param(1)}, "ratePerSecond" = ${w.param(2)}, "etaSeconds" = ${w.param(3)}, "updatedAt" = ${w.param(4)} WHERE "id" = ${w.param(5)}`,
          roots, rate, eta, at, run.id),
      ];
    };
    // A run from the file's first line (not a resumed one) drops the roots' deferrable indexes when its
    // shop is alone in their tables, to build them once the roots are in (deferred-indexes.ts).
    if (startPosition === 0) await deferIndexes(w, shop, indexes);
    // Every line is written as the result downloads (the download waits for the writer); a resumed
    // run downloads it again and writes the lines after its checkpoint.
    const { parentsWritten } = await importLines(
      { resource, shop, syncedAt: now().toISOString(), dialect: w.dialect, startPosition, batchSize: options.batchSize },
      operation.url,
      batchWrites({ checkpoint, bulk: () => w.bulk({ commitEvery: options.batchesPerCommit, port: true }) }),
    );
    options.onStep?.("lines");

    await db.syncRun.update({ where: { id: run.id }, data: { phase: "writing" } });
    // PostgreSQL plans by its statistics, which still describe the tables before the import (empty, on
    // a first install): those of the tables the next steps read are refreshed first (resources.ts), or
    // the customers' orphan DELETE can become a nested loop over every order (minutes at 300,000
    // orders, measured). ANALYZE samples 30,000 rows a table.
    if (w.dialect === "postgres") await w.run(handlers.analyzed.map((table) => w.raw(`ANALYZE "${table}"`)));
    // The roots' deferred indexes are created by every run (a no-op when they are there), and the roots
    // unlinked from redacted customers before anything is derived. PostgreSQL builds the indexes on its
    // second connection while the parents are checked and the customers derived, which only read the
    // roots' table (the build holds writes to it, not reads: the unlink, an UPDATE, goes first). SQLite
    // has a single writer: the indexes first, which the unlink and the customers then read along.
    const indexesCreated = createIndexes(w, indexes);
    const unlink = handlers.unlinkRedacted(shop);
    let building: Promise<void> | null = null;
    if (w.runBeside) {
      await w.run(unlink);
      building = w.runBeside(indexesCreated);
      building.catch(() => {}); // awaited below; meanwhile a failure must not count as unhandled
    }
    try {
      if (!building) {
        await w.run(indexesCreated);
        options.onStep?.("indexes");
        await w.run(unlink);
      }
      if (handlers.checkParents) {
        await handlers.checkParents(shop, startPosition === 0, parentsWritten);
        options.onStep?.("parents");
      }
      if (handlers.derive) await handlers.derive(shop, now());
      options.onStep?.("customers");
    } catch (error) {
      await building?.catch(() => {});
      throw error;
    }
    if (building) {
      await building;
      options.onStep?.("indexes");
    }
    const watermark = cursor.updatedAtCursor && cursor.updatedAtCursor > run.startedAt ? cursor.updatedAtCursor : run.startedAt;
    await db.$transaction([
      db.syncCursor.update({ where: key, data: { bulkOperationId: null, bulkLinesConsumed: 0, backfilledAt: now(), updatedAtCursor: watermark } }),
      db.syncRun.update({ where: { id: run.id }, data: { phase: "done", status: "succeeded", finishedAt: now(), etaSeconds: 0, lastError: null } }),
    ]);
    return { runId: run.id, written, bulkOperationId: operationId };
  } catch (error) {
    // A failed run leaves the indexes in place (each shop shares them); its error is the one reported.
    await options.writer.run(createIndexes(options.writer, indexes)).catch(() => {});
    await fail(error);
    throw error;
  }
}

/**
 * Pieces of the download (1 MiB: line-thread.ts) sent to the line thread and not yet scanned, beyond the
 * one it is scanning: the download waits beyond this (it then waits for the writer too, as the thread's
 * batches are written before more pieces go). A piece holds some 500 orders with their lines, 10–15 ms of
 * the thread's work.
 */
const PIECES_AHEAD = 1;

/** The pass: the download's chunks to the line thread, its batches to the writer, in order. */
async function importLines(task: LineThreadTask, url: string | null, writes: ReturnType<typeof batchWrites>): Promise<{ parentsWritten: boolean }> {
  // No result file: Shopify found nothing to export (a shop without contracts the app owns, say).
  if (!url) {
    await writes.finish();
    return { parentsWritten: true };
  }
  let thread: LineThread | null = null;
  try {
    const lines = (thread = new LineThread(task, writes.port));
    const handle = async () => {
      const message = await lines.next();
      if (message.kind === "batch") await writes.write(message.batch);
      return message;
    };
    await downloadChunks(url, async (chunk) => {
      lines.push(chunk);
      while (lines.scanning > PIECES_AHEAD) await handle();
    });
    lines.end();
    for (;;) {
      const message = await handle();
      if (message.kind === "done") {
        await writes.finish();
        return { parentsWritten: message.parentsWritten };
      }
    }
  } catch (error) {
    await writes.abandon();
    throw error;
  } finally {
    await thread?.close();
  }
}
