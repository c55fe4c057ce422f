// Watching the app's own jobs from outside, through the rows they write: SyncRun for the backfills
// (phase, done / expected, rate) and MetricSnapshot for the metrics job.
import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "../../app/db.server";
import { SYNC_RESOURCES } from "../../app/sync/jobs";

const number = new Intl.NumberFormat("en-US");
const LABEL: Record<string, string> = { orders: "orders", subscriptionContracts: "subscription contracts" };

/** Waits for every resource's backfill to succeed, logging progress lines as they change. Returns when the last finished. */
export async function waitForBackfills(db: Db, shop: string, log: (line: string) => void, stopped: () => Promise<never>): Promise<Date> {
  let lastLine = "";
  let lastLoggedAt = 0;
  for (;;) {
    const runs = await db.syncRun.findMany({ where: { shop, kind: "backfill" }, orderBy: { startedAt: "desc" } });
    const latest = SYNC_RESOURCES.map((resource) => runs.find((run) => run.resource === resource));
    for (const run of latest) {
      if (!run || run.status === "succeeded") continue;
      const expected = run.expectedCount === null ? "…" : number.format(run.expectedCount);
      // Once every order is counted the import still finishes its work (lines, customers): no rate to show.
      const finishing = run.phase === "writing" && run.doneCount === run.expectedCount;
      const rate = run.ratePerSecond && !finishing ? `, ${number.format(Math.round(run.ratePerSecond))}/s` : "";
      const failure = run.status === "failed" ? ` — failed: ${run.lastError ?? "unknown"} (the job retries)` : "";
      const line = `  ${LABEL[run.resource] ?? run.resource} ${number.format(run.doneCount)} / ${expected} (${finishing ? "finishing" : run.phase}${rate})${failure}`;
      if (line !== lastLine && Date.now() - lastLoggedAt > 1_000) {
        log(line);
        lastLine = line;
        lastLoggedAt = Date.now();
      }
    }
    if (latest.every((run) => run?.status === "succeeded")) {
      for (const run of latest) log(`  ${LABEL[run!.resource] ?? run!.resource} ${number.format(run!.doneCount)} / ${number.format(run!.expectedCount ?? run!.doneCount)} synced`);
      return new Date(Math.max(...latest.map((run) => run!.finishedAt!.getTime())));
    }
    const failedJobs = await db.job.count({ where: { shop, name: "sync.backfill", status: "failed" } });
    if (failedJobs > 0) throw new Error(`the backfill failed: ${latest.find((run) => run?.lastError)?.lastError ?? "see the app log"}`);
    await Promise.race([sleep(250), stopped()]);
  }
}

/** Waits for a metrics snapshot computed after `after`. */
export async function waitForSnapshot(db: Db, shop: string, after: Date, stopped: () => Promise<never>): Promise<Date> {
  for (;;) {
    const snapshot = await db.metricSnapshot.findFirst({ where: { shop, kind: "analysis", computedAt: { gt: after } }, orderBy: { computedAt: "desc" }, select: { computedAt: true } });
    if (snapshot) return snapshot.computedAt;
    const failed = await db.job.findFirst({ where: { shop, name: "metrics.snapshot", status: "failed", finishedAt: { gt: after } }, select: { lastError: true } });
    if (failed) throw new Error(`the metrics snapshot failed: ${failed.lastError ?? "see the app log"}`);
    await Promise.race([sleep(250), stopped()]);
  }
}

/** Waits until the metrics jobs the backfills enqueued are done (ignoring debounced ones due later) and a snapshot exists. */
export async function waitForSyncSnapshots(db: Db, shop: string, stopped: () => Promise<never>): Promise<void> {
  for (;;) {
    const [busy, stored] = await Promise.all([
      db.job.count({ where: { shop, name: "metrics.snapshot", status: { in: ["pending", "running"] }, runAfter: { lte: new Date() } } }),
      db.metricSnapshot.count({ where: { shop, kind: "analysis" } }),
    ]);
    if (busy === 0 && stored > 0) return;
    await Promise.race([sleep(250), stopped()]);
  }
}
