// Starting a shop's sync: on install (afterAuth) and when the merchant asks for a resync.
import { appJobQueue } from "../jobs/app-queue.server";
import { SYNC_RESOURCES } from "./jobs";

/** One backfill per resource; a backfill already queued or running for the shop is not doubled. */
export async function enqueueBackfills(shop: string, kind: "backfill" | "resync" = "backfill"): Promise<void> {
  const queue = await appJobQueue();
  for (const resource of SYNC_RESOURCES) {
    await queue.enqueue("sync.backfill", { shop, resource, kind }, { singletonKey: `${shop}:${resource}`, shop });
  }
}
