// What each backfilled resource exports and does around its lines (which resource-lines.ts maps and
// writes, on the line thread): orders, with their customers derived, and subscription contracts.
import { CONTRACT_TABLE } from "../contracts/contract-rows";
import { CONTRACTS_BULK_EXPORT } from "../graphql/ContractsBulkExport";
import { ORDERS_BULK_EXPORT } from "../graphql/OrdersBulkExport";
import { ORDERS_COUNT } from "../graphql/OrdersCount";
import { ORDER_CUSTOMER_INDEX, ORDER_TABLE } from "../orders/order-rows";
import { ShopifyDataError } from "../node-reader";
import { deriveShopCustomers } from "../customers/customer-facts";
import { unlinkRedactedCustomers } from "../customers/redacted-customers";
import type { SqlWriter, Statement } from "../write/statements";
import type { TableIndex } from "../write/upsert-sql";
import type { BackfillResource } from "./resource-lines";

export type { BackfillResource } from "./resource-lines";

export interface ResourceImport {
  query: string;
  /**
   * The tables the steps after the lines read (on PostgreSQL their statistics are refreshed once every
   * line is in). The import's other tables are left to autovacuum, which analyzes a table once a tenth
   * of it has changed.
   */
  analyzed: string[];
  /** Indexes of the roots' table that may be built once the roots are stored (deferred-indexes.ts). */
  deferrableIndexes?: TableIndex[];
  /** A query answering the expected count, read before the export for the progress bar. */
  countQuery?: { query: string; read: (data: unknown) => number | null };
  /** Statements run once every line is stored, first: the roots unlinked from redacted customers. */
  unlinkRedacted(shop: string): Statement[];
  /** Derives what comes from the roots once they are unlinked (customers, from orders). */
  derive?(shop: string, syncedAt: Date): Promise<void>;
  /**
   * After the pass: fails when a child's parent is not stored (checked here, not by a foreign key).
   * `wholeFile`: this run wrote every line of the file; `parentsWritten`: the lines' own check in
   * memory (resource-lines.ts) found every child's parent among them, so no query is needed.
   */
  checkParents?(shop: string, wholeFile: boolean, parentsWritten: boolean): Promise<void>;
}

export function resourceImport(resource: BackfillResource, writer: SqlWriter): ResourceImport {
  if (resource === "orders") {
    /** The shop's stored lines whose order is not stored: how many, and the first few. */
    const strayLines = async (shop: string) => {
      // An anti-join of every line against the orders: planned by the lines' statistics too.
      if (writer.dialect === "postgres") await writer.run([writer.raw(`ANALYZE "OrderLine"`)]);
      const stray = `FROM "OrderLine" l WHERE l."shop" = ${writer.param(1)}
        AND NOT EXISTS (SELECT 1 FROM "Order" o WHERE o."shop" = l."shop" AND o."id" = l."orderId")`;
      const [{ count }] = await writer.query<{ count: number | bigint | string }>(`SELECT COUNT(*) AS "count" ${stray}`, shop);
      const first = await writer.query<{ id: string; orderId: string }>(`SELECT l."id", l."orderId" ${stray} LIMIT 3`, shop);
      return { count: Number(count), first: first.map((row) => `${row.id} of ${row.orderId}`).join(", ") };
    };
    return {
      query: ORDERS_BULK_EXPORT,
      // The unlink, the customers and their orphans read the orders. "Customer" is derived after the
      // ANALYZE (which would find it as it was before); its orphans are the rows this derive did not
      // write (customer-facts.ts). Analyzing the four tables cost 3.6 s in a bench:sync run.
      analyzed: [ORDER_TABLE.table],
      deferrableIndexes: [ORDER_CUSTOMER_INDEX],
      countQuery: {
        query: ORDERS_COUNT,
        read: (data) => (data as { ordersCount?: { count?: number } | null }).ordersCount?.count ?? null,
      },
      unlinkRedacted: (shop) => [unlinkRedactedCustomers(writer, shop, "Order")],
      derive: (shop, syncedAt) => deriveShopCustomers(writer, shop, syncedAt),
      // Once per backfill instead of a foreign-key lookup per line (see OrderLine in the schema): in
      // memory when this run wrote the whole file, else (or to name the strays) over the stored lines.
      async checkParents(shop, wholeFile, parentsWritten) {
        if (wholeFile && parentsWritten) return;
        const { count, first } = await strayLines(shop);
        if (count === 0) return;
        const lines = `${count} line item${count === 1 ? "" : "s"}`;
        const examples = `${count > 3 ? "the first: " : ""}${first}`;
        throw new ShopifyDataError(wholeFile ? `the bulk result holds ${lines} whose order it does not hold (${examples})` : `stored line items whose order is not stored (${lines}; ${examples})`);
      },
    };
  }
  return {
    query: CONTRACTS_BULK_EXPORT,
    analyzed: [CONTRACT_TABLE.table],
    unlinkRedacted: (shop) => [unlinkRedactedCustomers(writer, shop, "SubscriptionContract")],
  };
}
