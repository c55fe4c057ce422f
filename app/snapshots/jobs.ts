// The metrics job: after a backfill or a batch of webhooks, the shop's figures are computed once and
// stored as a snapshot, so admin pages read a snapshot and never compute on request.
import { z } from "zod";
import type { Db } from "../db.server";
import { defineJob } from "../jobs/job-queue.server";
import { analyzeShop, ANALYSIS_SCHEMA_VERSION } from "../metrics/analyze";
import { readShopDataset } from "./shop-dataset.server";

export const SNAPSHOT_KIND = "analysis";

export async function computeSnapshot(db: Db, shop: string, now = new Date()) {
  const dataset = await readShopDataset(db, shop);
  const result = analyzeShop(dataset);
  return db.metricSnapshot.create({
    data: { shop, kind: SNAPSHOT_KIND, asOf: new Date(result.asOf), engineVersion: String(ANALYSIS_SCHEMA_VERSION), payload: JSON.stringify(result), computedAt: now },
  });
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
