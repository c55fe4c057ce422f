// What the merchant sees on the sync status page: the latest run per resource and how many records are
// stored, for one shop. Reads only the database (admin pages never call Shopify on the request path).
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
  metricSnapshots: number;
}

export interface ShopSyncStatus {
  latestRuns: SyncRunStatus[];
  counts: RecordCounts;
  /** False until a sync has run or any record is stored: the page shows its empty state. */
  hasData: boolean;
}

export async function readShopSyncStatus(db: Db, shop: string): Promise<ShopSyncStatus> {
  const where = { shop };
  const [latestRuns, customers, orders, orderLines, refunds, subscriptionContracts, surveyResponses, metricSnapshots] =
    await Promise.all([
      latestRunPerResource(db, shop),
      db.customer.count({ where }),
      db.order.count({ where }),
      db.orderLine.count({ where }),
      db.refund.count({ where }),
      db.subscriptionContract.count({ where }),
      db.surveyResponse.count({ where }),
      db.metricSnapshot.count({ where }),
    ]);
  const counts = { customers, orders, orderLines, refunds, subscriptionContracts, surveyResponses, metricSnapshots };
  return { latestRuns, counts, hasData: latestRuns.length > 0 || Object.values(counts).some((n) => n > 0) };
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
