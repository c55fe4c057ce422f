// What each backfilled resource stores from its bulk file: orders (with refunds inline, line items as
// children) and subscription contracts (lines as children), line by line (line-import.ts).
import { CONTRACT_LINE_TABLE, CONTRACT_TABLE, mapContract, mapContractLine, observedStatusChanges, STATUS_CHANGE_TABLE } from "../contracts/contract-rows";
import { CONTRACTS_BULK_EXPORT } from "../graphql/ContractsBulkExport";
import { ORDERS_BULK_EXPORT } from "../graphql/OrdersBulkExport";
import { ORDERS_COUNT } from "../graphql/OrdersCount";
import { mapLineItem, mapOrder, type MappedOrder, ORDER_CUSTOMER_INDEX, ORDER_LINE_TABLE, ORDER_TABLE, type OrderLineRow, type OrderRow, REFUND_TABLE, UNVERSIONED } from "../orders/order-rows";
import { markSubscriptionOrders } from "../orders/order-writes";
import { ShopifyDataError } from "../node-reader";
import { deriveCustomers } from "../customers/customer-facts";
import { unlinkRedactedCustomers } from "../customers/redacted-customers";
import type { SqlWriter, Statement } from "../write/statements";
import type { TableIndex, TableSpec } from "../write/upsert-sql";
import { GidIndex, GidSet } from "./gid-set";
import { type BulkLine, type LineImport, lineImport } from "./line-import";

/** The order row as the backfill writes it: with the subscription flag its lines gave. */
const ORDER_WITH_FLAG_TABLE: TableSpec<OrderRow & { hasSubscriptionLine: boolean }> = {
  ...ORDER_TABLE,
  columns: [...ORDER_TABLE.columns, "hasSubscriptionLine"],
};

export type BackfillResource = "orders" | "subscriptionContracts";

export interface ResourceImport {
  query: string;
  /** The tables the import writes (on PostgreSQL their statistics are refreshed once every line is in). */
  tables: string[];
  /** Indexes of the roots' table that may be built once the roots are stored (deferred-indexes.ts). */
  deferrableIndexes?: TableIndex[];
  /** A query answering the expected count, read before the export for the progress bar. */
  countQuery?: { query: string; read: (data: unknown) => number | null };
  /** What the import makes of the file's lines. */
  lines(shop: string, syncedAt: Date): LineImport;
  /** Statements run once every line is stored, first: the roots unlinked from redacted customers. */
  unlinkRedacted(shop: string): Statement[];
  /** What is derived from the roots once they are unlinked (customers, from orders). */
  derive?(shop: string, syncedAt: Date): Statement[];
  /**
   * After the pass: fails when a child's parent is not stored (checked here, not by a foreign key).
   * `wholeFile`: this run wrote every line of the file, so the check needs no query unless it fails.
   */
  checkParents?(shop: string, wholeFile: boolean): Promise<void>;
}

const parentOf = (entry: BulkLine) => String(entry.json.__parentId);
const where = (entry: BulkLine) => `bulk result line ${entry.line + 1}`;

export function resourceImport(resource: BackfillResource, writer: SqlWriter): ResourceImport {
  if (resource === "orders") {
    // The subscription flag is written with the order instead of by an UPDATE after its lines
    // (measured on PostgreSQL, 100,000 orders: those UPDATEs took 3 s, as long as inserting every
    // order). A batch is written once the chunk holding it has been scanned, and an order's lines
    // follow it in the file, so its selling-plan lines have been mapped by then (`pending`). A line
    // mapped after its order was written without the flag (or by a resumed run, which knows nothing of
    // what was written before) flags it by an UPDATE in the line's batch.
    const pending = new GidSet("Order");
    const flagged = new GidSet("Order");
    // The orders this run wrote; the orders its lines name, unless a line's order is the order the file
    // held just before it (the usual case, which needs no lookup).
    const written = new GidIndex("Order");
    const named = new GidIndex("Order");
    let lastOrder: string | null = null;
    const mapLine = (shop: string, entry: BulkLine): OrderLineRow => {
      const row = mapLineItem(shop, parentOf(entry), UNVERSIONED, entry.json, where(entry));
      if (row.sellingPlanId !== null) pending.add(row.orderId);
      return row;
    };
    /** The shop's stored lines whose order is not stored: how many, and the first few. */
    const strayLines = async (shop: string) => {
      const stray = `FROM "OrderLine" l WHERE l."shop" = ${writer.param(1)}
        AND NOT EXISTS (SELECT 1 FROM "Order" o WHERE o."shop" = l."shop" AND o."id" = l."orderId")`;
      const [{ count }] = await writer.query<{ count: number | bigint | string }>(`SELECT COUNT(*) AS "count" ${stray}`, shop);
      const first = await writer.query<{ id: string; orderId: string }>(`SELECT l."id", l."orderId" ${stray} LIMIT 3`, shop);
      return { count: Number(count), first: first.map((row) => `${row.id} of ${row.orderId}`).join(", ") };
    };
    return {
      query: ORDERS_BULK_EXPORT,
      tables: [ORDER_TABLE.table, ORDER_LINE_TABLE.table, REFUND_TABLE.table, "Customer"],
      deferrableIndexes: [ORDER_CUSTOMER_INDEX],
      countQuery: {
        query: ORDERS_COUNT,
        read: (data) => (data as { ordersCount?: { count?: number } | null }).ordersCount?.count ?? null,
      },
      unlinkRedacted: (shop) => [unlinkRedactedCustomers(writer, shop, "Order")],
      derive: (shop, syncedAt) => deriveCustomers(writer, shop, syncedAt),
      lines: (shop, syncedAt) =>
        lineImport<MappedOrder, OrderLineRow>({
          root(entry) {
            const mapped = mapOrder(shop, entry.json, syncedAt, where(entry));
            lastOrder = mapped.order.id;
            return mapped;
          },
          child(entry) {
            const row = mapLine(shop, entry);
            if (row.orderId !== lastOrder) named.add(row.orderId);
            return row;
          },
          skippedChild: (entry) => void mapLine(shop, entry),
          write(mapped, lines) {
            const orders = mapped.map(({ order }) => {
              written.add(order.id);
              const hasSubscriptionLine = pending.delete(order.id);
              if (hasSubscriptionLine) flagged.add(order.id);
              return Object.assign(order, { hasSubscriptionLine });
            });
            // Orders not flagged when written (see above) are flagged here, so the flag stays exact; an
            // order still to come is flagged when it is written (its id stays pending).
            const missed = new Set<string>();
            for (const row of lines) {
              if (row.sellingPlanId === null || flagged.has(row.orderId)) continue;
              missed.add(row.orderId);
              flagged.add(row.orderId);
            }
            return [
              ...writer.upsert(ORDER_WITH_FLAG_TABLE, orders),
              ...writer.upsert(REFUND_TABLE, mapped.flatMap((m) => m.refunds)),
              ...writer.upsert(ORDER_LINE_TABLE, lines),
              ...markSubscriptionOrders(writer, shop, [...missed]),
            ];
          },
        }),
      // Once per backfill instead of a foreign-key lookup per line (see OrderLine in the schema): in
      // memory when this run wrote the whole file, else (or to name the strays) over the stored lines.
      async checkParents(shop, wholeFile) {
        if (wholeFile && written.containsAll(named)) return;
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
    tables: [CONTRACT_TABLE.table, CONTRACT_LINE_TABLE.table, STATUS_CHANGE_TABLE.table],
    unlinkRedacted: (shop) => [unlinkRedactedCustomers(writer, shop, "SubscriptionContract")],
    lines: (shop, syncedAt) =>
      lineImport({
        root: (entry) => mapContract(shop, entry.json, syncedAt, where(entry)),
        child: (entry) => mapContractLine(shop, parentOf(entry), entry.json, where(entry)),
        write: (contracts, lines) => [
          ...writer.upsert(CONTRACT_TABLE, contracts),
          ...writer.upsert(STATUS_CHANGE_TABLE, contracts.flatMap((contract) => observedStatusChanges(contract, "backfill"))),
          ...writer.upsert(CONTRACT_LINE_TABLE, lines),
        ],
      }),
  };
}
