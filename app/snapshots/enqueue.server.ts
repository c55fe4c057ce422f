// Asking for a fresh snapshot of a shop. One may be pending per shop; a snapshot already running may
// have read the data (or the settings) before the change, so it does not block a new one.
import { appJobQueue } from "../jobs/app-queue.server";
import { snapshotOptions } from "./jobs";

/** The job's id, or null when a snapshot is already pending for the shop. */
export async function enqueueSnapshot(shop: string): Promise<string | null> {
  const queue = await appJobQueue();
  return queue.enqueue("metrics.snapshot", { shop }, snapshotOptions(shop));
}
