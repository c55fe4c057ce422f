// The metrics job: after a backfill or a batch of webhooks, the shop's figures are computed once and
// stored as a snapshot (the engine's whole analysis plus one view per admin page), so admin pages read a
// snapshot and never compute on request.
import { z } from "zod";
import type { Db } from "../db.server";
import { defineJob, type EnqueueOptions } from "../jobs/job-queue.server";
import { ANALYSIS_SCHEMA_VERSION, analyzeShopWithCustomers, defaultAsOf } from "../metrics/analyze";
import { DAY_MS } from "../metrics/prepare";
import { readShopSettings } from "../settings/shop-settings.server";
import { countStoredRecords, RECORD_COUNTS_KIND } from "../sync/status.server";
import { readShopDataset } from "./shop-dataset.server";
import { readSurveyScores } from "./survey-scores.server";
import { buildPageViews } from "./views";

export const SNAPSHOT_KIND = "analysis";
/** The previous period the pages compare with: the same figures as of this many days earlier. */
export const COMPARISON_DAYS = 30;
/** Computations kept per shop; older ones are deleted when a new one is stored. */
const KEPT_COMPUTATIONS = 2;

export async function computeSnapshot(db: Db, shop: string, now = new Date()) {
  // The merchant's settings: exclusions shape what is read, the CLV horizon and discount rate the model.
  const settings = await readShopSettings(db, shop);
  const dataset = await readShopDataset(db, shop, settings.exclusions);
  const asOf = defaultAsOf(dataset);
  const clv = { horizonDays: settings.clvHorizonDays, annualDiscountRate: settings.annualDiscountRate };
  const current = analyzeShopWithCustomers(dataset, { ...clv, asOf });
  const earlier = analyzeShopWithCustomers(dataset, { ...clv, asOf: asOf - COMPARISON_DAYS * DAY_MS });
  const analysis = current.analysis;
  const customers = { now: current.customers, previous: earlier.customers };
  const surveyScores = await readSurveyScores(db, shop, now, COMPARISON_DAYS);
  const views = buildPageViews({ dataset, analysis, previous: earlier.analysis, comparisonDays: COMPARISON_DAYS, customers, surveyScores });
  const records = await countStoredRecords(db, shop);
  const common = { shop, asOf: new Date(analysis.asOf), engineVersion: String(ANALYSIS_SCHEMA_VERSION), computedAt: now };
  const [stored] = await db.$transaction([
    db.metricSnapshot.create({ data: { ...common, kind: SNAPSHOT_KIND, payload: JSON.stringify(analysis) } }),
    db.metricSnapshot.createMany({
      data: [...Object.entries(views), [RECORD_COUNTS_KIND, records] as const].map(([kind, view]) => ({ ...common, kind, payload: JSON.stringify(view) })),
    }),
  ]);
  await pruneSnapshots(db, shop);
  return stored;
}

async function pruneSnapshots(db: Db, shop: string) {
  const oldestKept = await db.metricSnapshot.findFirst({
    where: { shop, kind: SNAPSHOT_KIND },
    orderBy: { computedAt: "desc" },
    skip: KEPT_COMPUTATIONS - 1,
    select: { computedAt: true },
  });
  if (oldestKept) await db.metricSnapshot.deleteMany({ where: { shop, computedAt: { lt: oldestKept.computedAt } } });
}

/**
 * How every snapshot is enqueued: one pending per shop; a running one does not block, because it may have
 * read the data (or the settings) before the change that asks for a new one.
 */
export function snapshotOptions(shop: string): EnqueueOptions {
  return { singletonKey: shop, singletonWhile: "queued", shop };
}

export function snapshotJobs(deps: { db: Db }) {
  return [
    defineJob({
      name: "metrics.snapshot",
      schema: z.object({ shop: z.string().min(1) }),
      maxAttempts: 3,
      async handler({ data }) {
        const shop = await deps.db.shop.findUnique({ where: { shop: data.shop }, select: { installState: true } });
        if (shop?.installState !== "installed") return;
        await computeSnapshot(deps.db, data.shop);
      },
    }),
  ] as const;
}
