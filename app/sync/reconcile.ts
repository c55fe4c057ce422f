// Reconciliation: re-reads everything Shopify changed at or after the shop's watermark, so a webhook
// that never arrived (or arrived while the app was down) is healed. Orders come oldest change first and
// the watermark advances page by page; contracts (no updatedAt sort on Shopify) advance at the end.
import type { Db } from "../db.server";
import type { AdminClient } from "./admin-client";
import type { BackfillResource } from "./backfill/resources";
import { CONTRACTS_UPDATED_SINCE } from "./graphql/ContractsUpdatedSince";
import { ORDERS_UPDATED_SINCE } from "./graphql/OrdersUpdatedSince";
import { merge, type RefreshOutcome, storeContractNodes, storeOrderNodes } from "./refresh";
import type { SqlWriter } from "./write/statements";

interface Page {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: unknown }>;
}

/** Shopify's search compares whole seconds; `>=` on the watermark's second re-reads its boundary. */
export function updatedSinceQuery(watermark: Date): string {
  return `updated_at:>='${new Date(Math.floor(watermark.getTime() / 1000) * 1000).toISOString().replace(".000Z", "Z")}'`;
}

export async function reconcile(options: { db: Db; client: AdminClient; writer: SqlWriter; shop: string; resource: BackfillResource; now?: () => Date }): Promise<RefreshOutcome> {
  const { db, client, writer, shop, resource } = options;
  const now = options.now ?? (() => new Date());
  const key = { shop_resource: { shop, resource } };
  const cursor = await db.syncCursor.findUnique({ where: key });
  // Nothing to reconcile against before the first backfill: the backfill reads everything.
  const total: RefreshOutcome = { written: 0, missing: [], newestUpdatedAt: null };
  if (!cursor?.updatedAtCursor) return total;
  const run = await db.syncRun.create({ data: { shop, resource, kind: "reconcile", phase: "writing", startedAt: now() } });
  try {
    const query = updatedSinceQuery(cursor.updatedAtCursor);
    let after: string | null = null;
    let watermark = cursor.updatedAtCursor;
    for (;;) {
      if (resource === "orders") {
        const data: { orders: Page } = await client.request(ORDERS_UPDATED_SINCE, { query, after });
        const part = await storeOrderNodes(client, writer, shop, data.orders.edges.map((edge) => edge.node));
        merge(total, part);
        // Sorted by updatedAt: everything up to this page's newest change is stored.
        if (part.newestUpdatedAt && part.newestUpdatedAt > watermark) {
          watermark = part.newestUpdatedAt;
          await db.syncCursor.update({ where: key, data: { updatedAtCursor: watermark } });
        }
        await db.syncRun.update({ where: { id: run.id }, data: { doneCount: total.written } });
        if (!data.orders.pageInfo.hasNextPage) break;
        after = data.orders.pageInfo.endCursor;
      } else {
        const data: { subscriptionContracts: Page } = await client.request(CONTRACTS_UPDATED_SINCE, { query, after });
        merge(total, await storeContractNodes(writer, shop, data.subscriptionContracts.edges.map((edge) => edge.node), "reconcile"));
        await db.syncRun.update({ where: { id: run.id }, data: { doneCount: total.written } });
        if (!data.subscriptionContracts.pageInfo.hasNextPage) break;
        after = data.subscriptionContracts.pageInfo.endCursor;
      }
    }
    if (total.newestUpdatedAt && total.newestUpdatedAt > watermark) {
      await db.syncCursor.update({ where: key, data: { updatedAtCursor: total.newestUpdatedAt } });
    }
    await db.syncRun.update({ where: { id: run.id }, data: { phase: "done", status: "succeeded", finishedAt: now(), expectedCount: total.written } });
    return total;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.syncRun.update({ where: { id: run.id }, data: { phase: "failed", status: "failed", lastError: message.slice(0, 1000), finishedAt: now() } });
    throw error;
  }
}
