// Records stored again after a customers/redact (a webhook, reconciliation, a resync) may still name
// the customer: Shopify keeps old orders and contracts linked to a customer id. Every path that stores
// orders or contracts runs this statement in the same transaction as its rows (or, in the backfill,
// once all its rows are in, before customers are derived), so no redacted customer is linked again.
import type { SqlWriter, Statement } from "../write/statements";

export type CustomerLinkedTable = "Order" | "SubscriptionContract";

/** Unlinks the table's rows of the shop from the customers the shop's customers/redact removed. */
export function unlinkRedactedCustomers(writer: SqlWriter, shop: string, table: CustomerLinkedTable): Statement {
  // The redacted customers are few: SQLite and PostgreSQL both look each one up in the table's
  // (shop, customerId, …) index.
  return writer.raw(
    `UPDATE "${table}" SET "customerId" = NULL WHERE "shop" = ${writer.param(1)}
       AND "customerId" IN (SELECT r."id" FROM "RedactedCustomer" r WHERE r."shop" = ${writer.param(2)})`,
    shop, shop,
  );
}
