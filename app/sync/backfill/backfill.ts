// One backfill of one resource for one shop, resumable at every step:
//   exporting   — a bulk operation runs on Shopify; its id is kept in the shop's SyncCursor, so a
//                 restarted worker goes on polling it instead of starting another;
//   downloading — the JSONL result is streamed to a local file, and its roots are written on the way;
//   writing     — the children, read from the file; each batch is committed with the cursor position.
// The SyncRun row carries what the merchant sees: phase, done / expected, rate, ETA, last error.
// When it completes, the cursor's reconciliation watermark is set to when the run began, so the next
// reconciliation re-reads everything that changed while the export ran.
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Db } from "../../db.server";
import type { AdminClient } from "../admin-client";
import type { SqlWriter, Statement } from "../write/statements";
import { BulkOperationError, type PollOptions, startBulkExport, waitForBulkOperation } from "./bulk-operation";
import { createIndexes, deferIndexes } from "./deferred-indexes";
import { BulkFileScan, downloadFile, scanFile } from "./jsonl-file";
import { type BackfillResource, resourceImport } from "./resources";
import { importChildren, rootsPass } from "./two-pass-import";

export interface BackfillOptions {
  db: Db;
  writer: SqlWriter;
  client: AdminClient;
  shop: string;
  resource: BackfillResource;
  kind?: "backfill" | "resync";
  /** Where result files are kept while they are imported (default: the OS temp dir). */
  workDir: string;
  poll?: PollOptions;
  batchSize?: number;
  /** Batches per transaction (default: the writer's). */
  batchesPerCommit?: number;
  now?: () => Date;
  /** Told when each step of the import ends (benchmarks time them). */
  onStep?: (step: BackfillStep) => void;
}

/**
 * "roots": downloaded, with the roots written on the way; "parents": every child's parent checked;
 * "indexes" (SQLite): the roots' deferred indexes built (PostgreSQL builds them beside the children).
 */
export type BackfillStep = "roots" | "children" | "parents" | "indexes" | "customers";

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
    await mkdir(options.workDir, { recursive: true });
    const file = resultFilePath(options.workDir, shop, resource, operationId);
    const writingStartedAt = Date.now();
    let written = 0;
    const startPosition = cursor.bulkLinesConsumed;
    const w = options.writer;
    const checkpoint = (position: number, roots: number): Statement[] => {
      written += roots;
      const seconds = (Date.now() - writingStartedAt) / 1000;
      const rate = seconds > 0 ? written / seconds : null;
      // Roots left over the rate; the children pass (shorter) is not in the estimate.
      const eta = rate ? Math.round(Math.max(0, operation.rootObjectCount - written) / rate) : null;
      const at = new Date();
      return [
        w.raw(`UPDATE "SyncCursor" SET "bulkLinesConsumed" = ${w.param(1)}, "updatedAt" = ${w.param(2)} WHERE "shop" = ${w.param(3)} AND "resource" = ${w.param(4)}`,
          position, at, shop, resource),
        w.raw(`UPDATE "SyncRun" SET "doneCount" = "doneCount" + ${w.param(1)}, "ratePerSecond" = ${w.param(2)}, "etaSeconds" = ${w.param(3)}, "updatedAt" = ${w.param(4)} WHERE "id" = ${w.param(5)}`,
          roots, rate, eta, at, run.id),
      ];
    };
    const passes = {
      roots: handlers.roots(shop, now()),
      children: handlers.children(shop),
      checkpoint,
      bulk: () => options.writer.bulk({ commitEvery: options.batchesPerCommit }),
      passDone: options.onStep,
    };
    // A run from the file's first line (not a resumed one) drops the roots' deferrable indexes when its
    // shop is alone in their tables, to build them once the roots are in (deferred-indexes.ts).
    if (startPosition === 0) await deferIndexes(w, shop, indexes);
    // The file is scanned as it downloads (line count, children, the lines the resource reads first)
    // and its roots are written on the way (the download waits for the writer); a backfill resumed
    // after the download scans the file it kept, the same way.
    const roots = rootsPass(passes, startPosition, options.batchSize);
    const scan = new BulkFileScan(handlers.inspector?.(shop), roots.visit);
    try {
      if (operation.url && !(await isFile(file))) {
        const partial = `${file}.partial`;
        await downloadFile(operation.url, partial, scan, roots.drain);
        await rename(partial, file);
      } else if (operation.url) {
        await scanFile(file, scan, roots.drain);
      }
    } catch (error) {
      await roots.abandon();
      throw error;
    }
    await roots.finish(scan.lineCount);

    await db.syncRun.update({ where: { id: run.id }, data: { phase: "writing" } });
    // Customers are facts of the orders alone: derived once the orders are in. PostgreSQL plans by its
    // statistics, which still describe the tables before the import (empty, on a first install): they
    // are refreshed first, or the customers' orphan DELETE can become a nested loop over every order
    // (minutes at 300,000 orders, measured). ANALYZE samples; it takes well under a second.
    const analyze = (tables: string[]) => (w.dialect === "postgres" ? tables.map((table) => w.raw(`ANALYZE "${table}"`)) : []);
    // Customers (from orders), after unlinking redacted customers from the stored roots.
    const afterRoots = () => handlers.afterRoots(shop, now());
    // PostgreSQL derives them on a second connection while the children are written: the children pass
    // keeps the server on one core and this process on part of the other, and the customers' query
    // takes what is left. bench:sync, 1,000,000 orders: 54.7 s app side instead of 58.9 s (the children
    // pass took 2 s longer; what is left of the customers after it, 0.6 s instead of 5.7 s).
    // The roots' deferred indexes are created by every run (a no-op when they are there), before the
    // customers read them: on PostgreSQL beside the children pass too, in a transaction of its own (it
    // holds writes to the roots' table while it sorts); on SQLite after the children pass, which does not
    // read them.
    const indexesCreated = createIndexes(w, indexes);
    const beside = w.runBeside ? w.runBeside(indexesCreated).then(() => w.runBeside!([...analyze([handlers.tables[0]]), ...afterRoots()])) : null;
    beside?.catch(() => {}); // awaited below; meanwhile a failure must not count as unhandled
    try {
      if (scan.lineCount > 0) await importChildren(file, scan, startPosition, passes, options.batchSize);
      await w.run(analyze(beside ? handlers.tables.slice(1) : handlers.tables));
      if (handlers.checkParents) {
        await handlers.checkParents(shop, startPosition === 0);
        options.onStep?.("parents");
      }
    } catch (error) {
      await beside?.catch(() => {});
      throw error;
    }
    if (beside) await beside;
    else {
      await w.run(indexesCreated);
      options.onStep?.("indexes");
      await w.run(afterRoots());
    }
    options.onStep?.("customers");
    const watermark = cursor.updatedAtCursor && cursor.updatedAtCursor > run.startedAt ? cursor.updatedAtCursor : run.startedAt;
    await db.$transaction([
      db.syncCursor.update({ where: key, data: { bulkOperationId: null, bulkLinesConsumed: 0, backfilledAt: now(), updatedAtCursor: watermark } }),
      db.syncRun.update({ where: { id: run.id }, data: { phase: "done", status: "succeeded", finishedAt: now(), etaSeconds: 0, lastError: null } }),
    ]);
    await rm(file, { force: true });
    return { runId: run.id, written, bulkOperationId: operationId };
  } catch (error) {
    // A failed run leaves the indexes in place (each shop shares them); its error is the one reported.
    await options.writer.run(createIndexes(options.writer, indexes)).catch(() => {});
    await fail(error);
    throw error;
  }
}

/** Where a backfill keeps an operation's result file while importing it (a resumed run finds it there). */
export function resultFilePath(workDir: string, shop: string, resource: BackfillResource, operationId: string): string {
  return path.join(workDir, `${shop.replace(/[^a-z0-9.-]/gi, "_")}-${resource}-${operationId.split("/").pop()}.jsonl`);
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
