// Asking for a fresh snapshot after the settings changed. Its own singleton key: a snapshot job the
// sync queued (key = shop) may already be running with the old settings, and would swallow this one.
import { appJobQueue } from "../jobs/app-queue.server";

/** The job's id, or null when a settings snapshot is already pending or running for the shop. */
export async function enqueueSnapshot(shop: string): Promise<string | null> {
  const queue = await appJobQueue();
  return queue.enqueue("metrics.snapshot", { shop }, { singletonKey: `${shop}:settings`, shop });
}
