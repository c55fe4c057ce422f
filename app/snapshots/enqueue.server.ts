// Asking for a fresh snapshot (e.g. after the settings changed): one pending metrics job per shop, run
// by whichever process works the queue.
import { appJobQueue } from "../jobs/app-queue.server";

/** The job's id, or null when one is already pending for the shop (it will read the new settings). */
export async function enqueueSnapshot(shop: string): Promise<string | null> {
  const queue = await appJobQueue();
  return queue.enqueue("metrics.snapshot", { shop }, { singletonKey: shop, shop });
}
