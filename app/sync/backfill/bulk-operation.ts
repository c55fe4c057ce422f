// Starting and watching one bulk export. A bulk operation runs on Shopify's side for seconds to hours;
// the poll backs off, gives up on an operation that stops making progress, and reports FAILED, EXPIRED
// and CANCELED outcomes (with any partial data URL) instead of treating them as an empty shop.
// https://shopify.dev/docs/api/usage/bulk-operations/queries
import type { AdminClient } from "../admin-client";
import { BULK_OPERATION_RUN_QUERY } from "../graphql/BulkOperationRunQuery";
import { BULK_OPERATION_STATUS } from "../graphql/BulkOperationStatus";

export interface BulkOperationState {
  id: string;
  status: "CREATED" | "RUNNING" | "COMPLETED" | "CANCELING" | "CANCELED" | "FAILED" | "EXPIRED";
  errorCode: string | null;
  objectCount: number;
  rootObjectCount: number;
  url: string | null;
  partialDataUrl: string | null;
}

export class BulkOperationError extends Error {
  constructor(message: string, readonly operation: BulkOperationState | null) {
    super(message);
    this.name = "BulkOperationError";
  }
}

interface RunQueryData {
  bulkOperationRunQuery: {
    bulkOperation: { id: string; status: string } | null;
    userErrors: Array<{ field: string[] | null; message: string; code: string | null }>;
  };
}

export async function startBulkExport(client: AdminClient, query: string): Promise<string> {
  const data = await client.request<RunQueryData>(BULK_OPERATION_RUN_QUERY, { query });
  const { bulkOperation, userErrors } = data.bulkOperationRunQuery;
  if (userErrors.length > 0 || !bulkOperation) {
    const first = userErrors[0];
    throw new BulkOperationError(`bulkOperationRunQuery refused: ${first ? `${first.message}${first.code ? ` (${first.code})` : ""}` : "no operation"}`, null);
  }
  return bulkOperation.id;
}

interface StatusData {
  bulkOperation: (Omit<BulkOperationState, "objectCount" | "rootObjectCount"> & { objectCount: string; rootObjectCount: string }) | null;
}

export async function readBulkOperation(client: AdminClient, id: string): Promise<BulkOperationState> {
  const data = await client.request<StatusData>(BULK_OPERATION_STATUS, { id });
  if (!data.bulkOperation) throw new BulkOperationError(`bulk operation ${id} is unknown to Shopify`, null);
  const op = data.bulkOperation;
  // UnsignedInt64 counts arrive as strings.
  return { ...op, objectCount: Number(op.objectCount), rootObjectCount: Number(op.rootObjectCount) };
}

export interface PollOptions {
  /** First wait between polls (default 1 s), growing ×1.5 up to maxIntervalMs (default 30 s). */
  intervalMs?: number;
  maxIntervalMs?: number;
  /** Give up when objectCount has not grown for this long (default 30 min). */
  stallTimeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  onProgress?: (operation: BulkOperationState) => Promise<void> | void;
}

/** Polls until the operation settles; resolves with a COMPLETED operation, throws BulkOperationError otherwise. */
export async function waitForBulkOperation(client: AdminClient, id: string, options: PollOptions = {}): Promise<BulkOperationState> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const stallTimeoutMs = options.stallTimeoutMs ?? 30 * 60_000;
  let interval = options.intervalMs ?? 1_000;
  let lastCount = -1;
  let lastProgressAt = now();
  for (;;) {
    const operation = await readBulkOperation(client, id);
    await options.onProgress?.(operation);
    switch (operation.status) {
      case "COMPLETED":
        return operation;
      case "FAILED":
      case "EXPIRED":
      case "CANCELED":
        throw new BulkOperationError(
          `bulk operation ${id} ended ${operation.status}${operation.errorCode ? ` (${operation.errorCode})` : ""}` +
            `${operation.partialDataUrl ? "; partial data was offered and not used" : ""}`,
          operation,
        );
    }
    if (operation.objectCount > lastCount) {
      lastCount = operation.objectCount;
      lastProgressAt = now();
    } else if (now() - lastProgressAt > stallTimeoutMs) {
      throw new BulkOperationError(`bulk operation ${id} made no progress for ${Math.round(stallTimeoutMs / 60_000)} min (status ${operation.status})`, operation);
    }
    await sleep(interval);
    interval = Math.min(options.maxIntervalMs ?? 30_000, Math.ceil(interval * 1.5));
  }
}
