// What the merchant sees on the sync status page: the latest run per resource and how many records are
// stored, for one shop. Reads only the database (admin pages never call Shopify on the request path).
// Counting a million-order shop's rows takes about a second even with warm caches, so the counts are taken
// by the metrics job (which runs after every sync run and webhook batch that changed data) and stored; the
// page reads that row and says when it was counted.
import type { Db } from "../db.server";
import type { SyncRun } from "../generated/prisma-sqlite/client.ts";

export interface SyncRunStatus {
  resource: string;
  kind: string;
  phase: string;
  status: string;
  doneCount: number;
  expectedCount: number | null;
  /** Records written per second in the current phase, and the estimated seconds left (running runs). */
  ratePerSecond: number | null;
  etaSeconds: number | null;
  lastError: string | null;
  startedAt: string; // ISO 8601, UTC
  finishedAt: string | null;
}

export interface RecordCounts {
  customers: number;
  orders: number;
  orderLines: number;
  refunds: number;
  subscriptionContracts: number;
  surveyResponses: number;
}

/** The MetricSnapshot kind that holds the stored-record counts (not a page view). */
export const RECORD_COUNTS_KIND = "records";

export interface ShopSyncStatus {
  latestRuns: SyncRunStatus[];
  /** Null until the metrics job has counted once. */
  counts: RecordCounts | null;
  /** When the counts were taken, ISO 8601. */
  countedAt: string | null;
  /** False until a sync has run or any record is stored: the page shows its empty state. */
  hasData: boolean;
}

export async function readShopSyncStatus(db: Db, shop: string): Promise<ShopSyncStatus> {
  const [latestRuns, stored] = await Promise.all([
    latestRunPerResource(db, shop),
    db.metricSnapshot.findFirst({ where: { shop, kind: RECORD_COUNTS_KIND }, orderBy: { computedAt: "desc" }, select: { payload: true, computedAt: true } }),
  ]);
  const counts = stored ? (JSON.parse(stored.payload) as RecordCounts) : null;
  const hasData = latestRuns.length > 0 || (counts !== null && Object.values(counts).some((n) => n > 0));
  return { latestRuns, counts, countedAt: stored?.computedAt.toISOString() ?? null, hasData };
}

/** Counts the shop's stored records (the metrics job stores them under RECORD_COUNTS_KIND). */
export async function countStoredRecords(db: Db, shop: string): Promise<RecordCounts> {
  const where = { shop };
  // One after another: on SQLite the queries share one connection anyway, and on PostgreSQL the job
  // should not take six pool connections from the web requests.
  return {
    customers: await db.customer.count({ where }),
    orders: await db.order.count({ where }),
    orderLines: await db.orderLine.count({ where }),
    refunds: await db.refund.count({ where }),
    subscriptionContracts: await db.subscriptionContract.count({ where }),
    surveyResponses: await db.surveyResponse.count({ where }),
  };
}

// Reconciliation adds a run every few minutes, so the history grows without bound: ask the database for
// each resource's latest start, then fetch only those rows.
async function latestRunPerResource(db: Db, shop: string): Promise<SyncRunStatus[]> {
  const latest = await db.syncRun.groupBy({ by: ["resource"], where: { shop }, _max: { startedAt: true } });
  const keys = latest.flatMap((group) => (group._max.startedAt ? [{ resource: group.resource, startedAt: group._max.startedAt }] : []));
  if (keys.length === 0) return [];
  const runs = await db.syncRun.findMany({ where: { shop, OR: keys }, orderBy: [{ resource: "asc" }, { id: "desc" }] });
  // Two runs of one resource started in the same millisecond: keep one.
  const byResource = new Map(runs.map((run) => [run.resource, run] as const));
  return [...byResource.values()].map(toRunStatus);
}

export interface SyncActivity {
  running: SyncRunStatus[];
  /** When the latest finished run (of any resource) finished, ISO 8601; null before the first. */
  lastFinishedAt: string | null;
}

/** The Overview's light read (no record counts): runs in progress and when the last one finished. */
export async function readSyncActivity(db: Db, shop: string): Promise<SyncActivity> {
  const [running, finished] = await Promise.all([
    db.syncRun.findMany({ where: { shop, status: "running" }, orderBy: { startedAt: "desc" }, take: 5 }),
    db.syncRun.findFirst({ where: { shop, status: "succeeded", finishedAt: { not: null } }, orderBy: { finishedAt: "desc" }, select: { finishedAt: true } }),
  ]);
  return { running: running.map(toRunStatus), lastFinishedAt: finished?.finishedAt?.toISOString() ?? null };
}

function toRunStatus(run: SyncRun): SyncRunStatus {
  return {
    resource: run.resource,
    kind: run.kind,
    phase: run.phase,
    status: run.status,
    doneCount: run.doneCount,
    expectedCount: run.expectedCount,
    ratePerSecond: run.ratePerSecond,
    etaSeconds: run.etaSeconds,
    lastError: run.lastError,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}
