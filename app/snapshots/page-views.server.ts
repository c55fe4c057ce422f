// A page's loader reads its stored view: one row, already shaped for the page.
import type { SnapshotPageKey } from "../components/admin-pages";
import type { Db } from "../db.server";
import type { PageView } from "./views";

export interface StoredPageView<K extends SnapshotPageKey> {
  view: PageView<K>;
  computedAt: string;
}

/** The latest stored view of the page for the shop, or null before the first snapshot. */
export async function loadPageView<K extends SnapshotPageKey>(db: Db, shop: string, kind: K): Promise<StoredPageView<K> | null> {
  const row = await db.metricSnapshot.findFirst({
    where: { shop, kind },
    orderBy: { computedAt: "desc" },
    select: { payload: true, computedAt: true },
  });
  return row ? { view: JSON.parse(row.payload) as PageView<K>, computedAt: row.computedAt.toISOString() } : null;
}
