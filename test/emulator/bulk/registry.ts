// A shop's bulk operations and their result files. Files live in a temporary directory and are
// addressed by an unguessable token; the HTTP server streams them via resolveBulkFile.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";

export type BulkOperationStatus = "CREATED" | "RUNNING" | "COMPLETED" | "CANCELING" | "CANCELED" | "FAILED" | "EXPIRED";
export type BulkOperationErrorCode = "ACCESS_DENIED" | "INTERNAL_SERVER_ERROR" | "TIMEOUT";

export interface BulkOperationRecord {
  id: number;
  type: "QUERY";
  status: BulkOperationStatus;
  errorCode: BulkOperationErrorCode | null;
  createdAt: number;
  completedAt: number | null;
  objectCount: number;
  rootObjectCount: number;
  fileSize: number | null;
  query: string;
  groupObjects: boolean;
  fileToken: string | null;
  partialFileToken: string | null;
}

export const TERMINAL_STATUSES: ReadonlySet<BulkOperationStatus> = new Set(["COMPLETED", "CANCELED", "FAILED", "EXPIRED"]);

export interface BulkRegistryOptions {
  /** Where result files go; a fresh temporary directory by default. */
  dir?: string;
  /** Start running as soon as created (default). Off: operations stay CREATED until `start`. */
  autoStart?: boolean;
  /** Thrown-away ids start here; Shopify's are large numbers. */
  firstId?: number;
}

/** How a test wants a run to end, set before or while it runs. */
export interface ForcedOutcome {
  status: "FAILED";
  errorCode: BulkOperationErrorCode;
  /** Root objects written before failing (kept as partial data). */
  afterRootObjects: number;
}

export interface BulkControl {
  cancelRequested: boolean;
  forced?: ForcedOutcome;
  settled?: Promise<void>;
}

export class BulkRegistry {
  readonly dir: string;
  readonly autoStart: boolean;
  private readonly operations = new Map<number, BulkOperationRecord>();
  private readonly controls = new Map<number, BulkControl>();
  private readonly files = new Map<string, string>();
  private nextId: number;

  constructor(options: BulkRegistryOptions = {}) {
    this.dir = options.dir ?? mkdtempSync(path.join(os.tmpdir(), "tsuzuku-bulk-"));
    this.autoStart = options.autoStart ?? true;
    this.nextId = options.firstId ?? 4_100_000_001;
  }

  create(input: { query: string; groupObjects: boolean; createdAt: number }): BulkOperationRecord {
    const record: BulkOperationRecord = {
      id: this.nextId++,
      type: "QUERY",
      status: "CREATED",
      errorCode: null,
      createdAt: input.createdAt,
      completedAt: null,
      objectCount: 0,
      rootObjectCount: 0,
      fileSize: null,
      query: input.query,
      groupObjects: input.groupObjects,
      fileToken: null,
      partialFileToken: null,
    };
    this.operations.set(record.id, record);
    this.controls.set(record.id, { cancelRequested: false });
    return record;
  }

  get(id: number): BulkOperationRecord | undefined {
    return this.operations.get(id);
  }

  control(id: number): BulkControl | undefined {
    return this.controls.get(id);
  }

  /** Newest first, as `bulkOperations` lists them by default. */
  list(): BulkOperationRecord[] {
    return [...this.operations.values()].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
  }

  inProgress(): BulkOperationRecord[] {
    return [...this.operations.values()].filter((op) => !TERMINAL_STATUSES.has(op.status)).sort((a, b) => a.id - b.id);
  }

  /** A new file path and the token that will address it. */
  newFile(): { token: string; filePath: string } {
    const token = randomBytes(16).toString("hex");
    const filePath = path.join(this.dir, `${token}.jsonl`);
    this.files.set(token, filePath);
    return { token, filePath };
  }

  filePath(token: string): string | undefined {
    return this.files.get(token);
  }

  forgetFile(token: string): void {
    this.files.delete(token);
  }
}
