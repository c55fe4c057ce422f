// Customer rows are derived from the stored orders, not read from Shopify: Tsuzuku keeps a customer's
// id and facts only (no contact data), and every fact it needs is on the orders — first order, order
// count, the first order's acquisition journey and discount code. Counted orders exclude test and
// cancelled orders (docs/metrics.md). The same SQL runs on SQLite and PostgreSQL, but for how each
// picks a customer's first order (see firstOrders).
import { isUniqueViolation, placeholderList, type SqlWriter, type Statement } from "../write/statements";

const COLUMNS = [
  "shop", "id", "firstOrderId", "firstOrderAt", "ordersCount", "firstVisitSource", "firstUtmSource", "firstUtmMedium",
  "firstUtmCampaign", "firstDiscountCode", "syncedAt",
] as const;

const COUNTED = `"customerId" IS NOT NULL AND "test" = false AND "cancelledAt" IS NULL`;

/**
 * Recomputes the facts of the given customers (all of the shop's when `customerIds` is omitted).
 * `noneStored`: the shop has no customer row, so they are inserted, not upserted (see deriveShopCustomers).
 */
export function deriveCustomers(writer: SqlWriter, shop: string, syncedAt: Date, customerIds?: string[], { noneStored = false } = {}): Statement[] {
  if (customerIds && customerIds.length === 0) return [];
  const p = (n: number) => writer.param(n);
  const ids = customerIds ?? [];
  const firstCode = writer.dialect === "postgres" ? `("discountCodes"::jsonb ->> 0)` : `json_extract("discountCodes", '$[0]')`;
  const counted = `"shop" = ${p(2)} AND ${COUNTED}${customerIds ? ` AND "customerId" IN (${placeholderList(writer, ids.length, 2)})` : ""}`;
  const store = `
    INSERT INTO "Customer" (${COLUMNS.map((c) => `"${c}"`).join(",")})
    SELECT "shop", "customerId", "id", "processedAt", "n", "firstVisitSource", "utmSource", "utmMedium", "utmCampaign", ${firstCode}, ${p(1)}
    FROM (${firstOrders(writer.dialect, counted, customerIds === undefined)}) first
    WHERE true -- SQLite reads ON after a bare FROM as a join constraint: INSERT … SELECT … ON CONFLICT needs a WHERE
    ${noneStored ? "" : `ON CONFLICT ("shop", "id") DO UPDATE SET
      "firstOrderId" = excluded."firstOrderId", "firstOrderAt" = excluded."firstOrderAt", "ordersCount" = excluded."ordersCount",
      "firstVisitSource" = excluded."firstVisitSource", "firstUtmSource" = excluded."firstUtmSource", "firstUtmMedium" = excluded."firstUtmMedium",
      "firstUtmCampaign" = excluded."firstUtmCampaign", "firstDiscountCode" = excluded."firstDiscountCode", "syncedAt" = excluded."syncedAt"`}`;
  // A customer left with no counted order (all cancelled, or unlinked by customers/redact) is no customer.
  // NOT EXISTS, not NOT IN: PostgreSQL runs it as a hash anti-join; NOT IN over 250,000 ids that do not
  // fit work_mem became a per-row subplan (28 minutes for a 1,000,000-order shop, measured).
  // On PostgreSQL the rows the statement above just wrote (in this transaction: their xmin is its id) had
  // counted orders and are not looked up again; a concurrent change to one of them waits on its row
  // lock until this commits, and its own derive then decides. When nothing else is left (a first
  // backfill), the anti-join ends with its outer side, without hashing the orders: 0.08 s instead of
  // 1.2 s on a 1,000,000-order shop.
  const writtenHere = writer.dialect === "postgres" ? ` AND "Customer".xmin <> pg_current_xact_id()::xid` : "";
  const orphans = `
    DELETE FROM "Customer" WHERE "shop" = ${p(1)}${customerIds ? ` AND "id" IN (${placeholderList(writer, ids.length, 1)})` : ""}${writtenHere}
      AND NOT EXISTS (SELECT 1 FROM "Order" o WHERE o."shop" = "Customer"."shop" AND o."customerId" = "Customer"."id" AND o."test" = false AND o."cancelledAt" IS NULL)`;
  return [writer.raw(store, syncedAt, shop, ...ids), writer.raw(orphans, shop, ...ids)];
}

/**
 * Recomputes every customer of the shop (the backfill's last step). A shop with no customer row yet (a
 * first backfill) gets them by a plain INSERT: PostgreSQL checks each row of an INSERT … ON CONFLICT
 * against the key before inserting it, and inserting the 246,173 customers of a 1,000,000-order shop
 * took 2.1 s that way, 1.0 s without (measured on the bench:sync database). A customer stored meanwhile
 * (a webhook's refresh, between the check and the INSERT) makes the INSERT fail on its key: the
 * transaction rolls back and the customers are upserted instead.
 */
export async function deriveShopCustomers(writer: SqlWriter, shop: string, syncedAt: Date): Promise<void> {
  const stored = await writer.query(`SELECT 1 AS "stored" FROM "Customer" WHERE "shop" = ${writer.param(1)} LIMIT 1`, shop);
  if (stored.length === 0) {
    try {
      return await writer.run(deriveCustomers(writer, shop, syncedAt, undefined, { noneStored: true }));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  await writer.run(deriveCustomers(writer, shop, syncedAt));
}

/**
 * Each customer's first counted order (by processedAt, then id) with `n`, the customer's counted
 * orders, among the orders `where` selects.
 * - PostgreSQL: window functions, ids compared byte by byte (COLLATE "C") as SQLite compares them, so
 *   both pick the same order on a tie whatever the database's collation; a byte sort is faster too (on
 *   the 1,000,000-order shop: 1.6 s instead of 2.5 s under C.UTF-8).
 * - SQLite: one GROUP BY, without the window's sort. With a single min() SQLite takes the bare columns
 *   from the row that holds the minimum (https://sqlite.org/lang_select.html#bareagg); processedAt is
 *   fixed-width ISO text, so min(processedAt || id) orders by processedAt, then id. Given customers are
 *   read along the (shop, customerId, processedAt) index. All of a shop's are read along the primary
 *   key, in the table's own order, and grouped in a temporary b-tree: along the customer index every
 *   order is a read at a random place of the table. Measured on a 1,000,000-order shop (246,173
 *   customers, bench:sync's database), the same rows each way: 1.4–1.5 s along the primary key,
 *   3.2–3.4 s along the customer index, 5.1 s with the window functions.
 */
function firstOrders(dialect: SqlWriter["dialect"], where: string, wholeShop: boolean): string {
  const columns = `"shop", "customerId", "id", "processedAt", "firstVisitSource", "utmSource", "utmMedium", "utmCampaign", "discountCodes"`;
  if (dialect === "sqlite") {
    // The primary key's index: SQLite names it after the table (its first unique constraint).
    const along = wholeShop ? ` INDEXED BY "sqlite_autoindex_Order_1"` : "";
    return `SELECT ${columns}, MIN("processedAt" || "id") AS "firstKey", COUNT(*) AS "n" FROM "Order"${along} WHERE ${where} GROUP BY "customerId"`;
  }
  return `
      SELECT * FROM (
        SELECT ${columns},
          ROW_NUMBER() OVER (PARTITION BY "customerId" COLLATE "C" ORDER BY "processedAt", "id" COLLATE "C") AS "rank",
          COUNT(*) OVER (PARTITION BY "customerId" COLLATE "C") AS "n"
        FROM "Order" WHERE ${where}
      ) ranked WHERE "rank" = 1`;
}
