// What the HTTP server and tests call around bulk operations: serving result files, and forcing the
// outcomes Shopify produces on its own (failure with partial data, expiry), without waiting.
import { unlink } from "node:fs/promises";
import { stat } from "node:fs/promises";
import type { AdminContext } from "../graphql/context";
import type { BulkOperationErrorCode } from "./registry";
import { startBulkOperation } from "./runner";

/** The file behind a bulk `url` / `partialDataUrl` token, for the HTTP server to stream. */
export async function resolveBulkFile(ctx: AdminContext, token: string) {
  const filePath = ctx.bulk.filePath(token);
  if (!filePath) return undefined;
  const size = (await stat(filePath)).size;
  return { path: filePath, size, contentType: "application/jsonl" as const };
}

/** Resolves once the operation is COMPLETED, CANCELED or FAILED (starting it if it waits). */
export function bulkOperationSettled(ctx: AdminContext, id: number): Promise<void> {
  return startBulkOperation(ctx, id);
}

/** Starts every operation still CREATED (when the registry was made with autoStart: false). */
export async function runPendingBulkOperations(ctx: AdminContext): Promise<void> {
  await Promise.all(ctx.bulk.inProgress().map((op) => startBulkOperation(ctx, op.id)));
}

/** Makes a CREATED or RUNNING operation fail once `afterRootObjects` roots are written (partial data). */
export function failBulkOperation(ctx: AdminContext, id: number, options: { errorCode?: BulkOperationErrorCode; afterRootObjects?: number } = {}) {
  const control = ctx.bulk.control(id);
  if (!control) throw new Error(`No bulk operation ${id}`);
  control.forced = { status: "FAILED", errorCode: options.errorCode ?? "INTERNAL_SERVER_ERROR", afterRootObjects: options.afterRootObjects ?? 0 };
}

/** Ages a COMPLETED operation past Shopify's seven-day result retention: EXPIRED, no url. */
export async function expireBulkOperation(ctx: AdminContext, id: number): Promise<void> {
  const op = ctx.bulk.get(id);
  if (!op || op.status !== "COMPLETED") throw new Error(`Bulk operation ${id} is not COMPLETED`);
  op.status = "EXPIRED";
  if (op.fileToken) {
    const filePath = ctx.bulk.filePath(op.fileToken);
    ctx.bulk.forgetFile(op.fileToken);
    if (filePath) await unlink(filePath);
  }
  op.fileToken = null;
}
