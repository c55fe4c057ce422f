// Customer rows are derived from the stored orders, not read from Shopify: Tsuzuku keeps a customer's
// id and facts only (no contact data), and every fact it needs is on the orders — first order, order
// count, the first order's acquisition journey and discount code. Counted orders exclude test and
// cancelled orders (docs/metrics.md). The same SQL runs on SQLite and PostgreSQL.
import { placeholderList, type SqlWriter, type Statement } from "../write/statements";

const COLUMNS = [
  "shop", "id", "firstOrderId", "firstOrderAt", "ordersCount", "firstVisitSource", "firstUtmSource", "firstUtmMedium",
  "firstUtmCampaign", "firstDiscountCode", "syncedAt",
] as const;

const COUNTED = `"customerId" IS NOT NULL AND "test" = false AND "cancelledAt" IS NULL`;

/** Recomputes the facts of the given customers (all of the shop's when `customerIds` is omitted). */
export function deriveCustomers(writer: SqlWriter, shop: string, syncedAt: Date, customerIds?: string[]): Statement[] {
  if (customerIds && customerIds.length === 0) return [];
  const p = (n: number) => writer.param(n);
  const ids = customerIds ?? [];
  const firstCode = writer.dialect === "postgres" ? `("discountCodes"::jsonb ->> 0)` : `json_extract("discountCodes", '$[0]')`;
  const upsert = `
    INSERT INTO "Customer" (${COLUMNS.map((c) => `"${c}"`).join(",")})
    SELECT "shop", "customerId", "id", "processedAt", "n", "firstVisitSource", "utmSource", "utmMedium", "utmCampaign", ${firstCode}, ${p(1)}
    FROM (
      SELECT "shop", "customerId", "id", "processedAt", "firstVisitSource", "utmSource", "utmMedium", "utmCampaign", "discountCodes",
        ROW_NUMBER() OVER (PARTITION BY "customerId" ORDER BY "processedAt", "id") AS "rank",
        COUNT(*) OVER (PARTITION BY "customerId") AS "n"
      FROM "Order"
      WHERE "shop" = ${p(2)} AND ${COUNTED}${customerIds ? ` AND "customerId" IN (${placeholderList(writer, ids.length, 2)})` : ""}
    ) ranked
    WHERE "rank" = 1
    ON CONFLICT ("shop", "id") DO UPDATE SET
      "firstOrderId" = excluded."firstOrderId", "firstOrderAt" = excluded."firstOrderAt", "ordersCount" = excluded."ordersCount",
      "firstVisitSource" = excluded."firstVisitSource", "firstUtmSource" = excluded."firstUtmSource", "firstUtmMedium" = excluded."firstUtmMedium",
      "firstUtmCampaign" = excluded."firstUtmCampaign", "firstDiscountCode" = excluded."firstDiscountCode", "syncedAt" = excluded."syncedAt"`;
  // A customer left with no counted order (all cancelled, or unlinked by customers/redact) is no customer.
  // NOT EXISTS, not NOT IN: PostgreSQL runs it as a hash anti-join; NOT IN over 250,000 ids that do not
  // fit work_mem became a per-row subplan (28 minutes for a 1,000,000-order shop, measured).
  const orphans = `
    DELETE FROM "Customer" WHERE "shop" = ${p(1)}${customerIds ? ` AND "id" IN (${placeholderList(writer, ids.length, 1)})` : ""}
      AND NOT EXISTS (SELECT 1 FROM "Order" o WHERE o."shop" = "Customer"."shop" AND o."customerId" = "Customer"."id" AND o."test" = false AND o."cancelledAt" IS NULL)`;
  return [writer.raw(upsert, syncedAt, shop, ...ids), writer.raw(orphans, shop, ...ids)];
}
