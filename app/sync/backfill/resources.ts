// What each backfilled resource stores from its bulk file: the two-pass handlers for orders (with
// refunds inline, line items as children) and for subscription contracts (lines as children).
import { CONTRACT_LINE_TABLE, CONTRACT_TABLE, mapContract, mapContractLine, observedStatusChanges, STATUS_CHANGE_TABLE } from "../contracts/contract-rows";
import { CONTRACTS_BULK_EXPORT } from "../graphql/ContractsBulkExport";
import { ORDERS_BULK_EXPORT } from "../graphql/OrdersBulkExport";
import { ORDERS_COUNT } from "../graphql/OrdersCount";
import { mapLineItem, mapOrder, ORDER_CUSTOMER_INDEX, ORDER_LINE_TABLE, ORDER_TABLE, type OrderRow, REFUND_TABLE, UNVERSIONED } from "../orders/order-rows";
import { markSubscriptionOrders } from "../orders/order-writes";
import { ShopifyDataError } from "../node-reader";
import { deriveCustomers } from "../customers/customer-facts";
import { unlinkRedactedCustomers } from "../customers/redacted-customers";
import type { SqlWriter, Statement } from "../write/statements";
import type { TableIndex, TableSpec } from "../write/upsert-sql";
import { GidIndex, GidSet } from "./gid-set";
import type { LineInspector } from "./jsonl-file";
import { type BulkLine, type Pass, parseLine, pass } from "./two-pass-import";

/** The order row as the backfill writes it: with the subscription flag the scan found. */
const ORDER_WITH_FLAG_TABLE: TableSpec<OrderRow & { hasSubscriptionLine: boolean }> = {
  ...ORDER_TABLE,
  columns: [...ORDER_TABLE.columns, "hasSubscriptionLine"],
};

export type BackfillResource = "orders" | "subscriptionContracts";

export interface ResourceImport {
  query: string;
  /** The tables the import writes, the roots' table first (their statistics are refreshed after it). */
  tables: string[];
  /** Indexes of the roots' table that may be built once the roots are stored (deferred-indexes.ts). */
  deferrableIndexes?: TableIndex[];
  /** A query answering the expected count, read before the export for the progress bar. */
  countQuery?: { query: string; read: (data: unknown) => number | null };
  /** Child lines read as the file is scanned (downloaded): which orders have a selling-plan line. */
  inspector?(shop: string): LineInspector;
  roots(shop: string, syncedAt: Date): Pass<unknown>;
  children(shop: string): Pass<unknown>;
  /**
   * Statements run once every root is stored (on PostgreSQL beside the children pass): what is derived
   * from the roots (customers, from orders), after unlinking redacted customers.
   */
  afterRoots(shop: string, syncedAt: Date): Statement[];
  /**
   * After the children pass: fails when a child's parent is not stored (checked here, not by a foreign
   * key). `wholeFile`: this run's passes read every line of the file, so the check needs no query.
   */
  checkParents?(shop: string, wholeFile: boolean): Promise<void>;
}

const parentOf = (entry: BulkLine) => String(entry.json.__parentId);
const where = (entry: BulkLine) => `bulk result line ${entry.line + 1}`;

const SELLING_PLAN_ID = Buffer.from('"sellingPlanId"');
const ON_SELLING_PLAN = Buffer.from('"sellingPlan":{"sellingPlanId":"');
const PARENT_ID = Buffer.from('"__parentId":"');
const QUOTE = 0x22;

/**
 * The order of a line item on a selling plan, read off the line's bytes without parsing it: null when
 * the line names no selling plan, undefined when its bytes are not in the compact form Shopify writes
 * (the line is then parsed). Exact: a quote that is not escaped cannot be inside a string, and a string
 * followed by a colon is a key, so the patterns that decide match keys only; `sellingPlan` is a key of
 * the line item alone (LINE_ITEM_FIELDS).
 */
export function sellingPlanOrder(line: Buffer): string | null | undefined {
  if (line.indexOf(SELLING_PLAN_ID) === -1) return null;
  if (line.indexOf(ON_SELLING_PLAN) === -1) return undefined; // say, "sellingPlanId":null
  const key = line.lastIndexOf(PARENT_ID);
  if (key === -1) return undefined;
  const from = key + PARENT_ID.length;
  const to = line.indexOf(QUOTE, from);
  if (to === -1) return undefined;
  // Shopify escapes the gid's slashes (\/); any other escape is left to the parser.
  const unescaped = line.toString("utf8", from, to).replaceAll("\\/", "/");
  return unescaped.includes("\\") ? undefined : unescaped;
}

export function resourceImport(resource: BackfillResource, writer: SqlWriter): ResourceImport {
  if (resource === "orders") {
    // The subscription flag is written with the order instead of by an UPDATE after its lines
    // (measured on PostgreSQL, 100,000 orders: those UPDATEs took 3 s, as long as inserting every
    // order). The roots pass runs as the file is scanned, and an order's lines follow it in the file:
    // a batch is written once the chunk holding it has been scanned, so its orders' selling-plan lines
    // have been seen (`pending`). A line seen after its order was written without the flag (or by a
    // resumed run, which knows nothing of what was written before) flags it in the children pass.
    let pending = new GidSet("Order");
    let flagged = new GidSet("Order");
    // The orders this run wrote, and the lines it wrote whose order is not among them.
    const written = new GidIndex("Order");
    const stray: string[] = [];
    let strayCount = 0;
    return {
      query: ORDERS_BULK_EXPORT,
      tables: [ORDER_TABLE.table, ORDER_LINE_TABLE.table, REFUND_TABLE.table, "Customer"],
      deferrableIndexes: [ORDER_CUSTOMER_INDEX],
      countQuery: {
        query: ORDERS_COUNT,
        read: (data) => (data as { ordersCount?: { count?: number } | null }).ordersCount?.count ?? null,
      },
      inspector(shop) {
        pending = new GidSet("Order");
        flagged = new GidSet("Order");
        return {
          line(buffer, start, end, line) {
            const order = sellingPlanOrder(buffer.subarray(start, end));
            if (order !== undefined) {
              if (order !== null) pending.add(order);
              return;
            }
            const entry = { line, json: parseLine(buffer.toString("utf8", start, end), line) };
            if (mapLineItem(shop, parentOf(entry), UNVERSIONED, entry.json, where(entry)).sellingPlanId !== null) pending.add(parentOf(entry));
          },
        };
      },
      afterRoots: (shop, syncedAt) => [unlinkRedactedCustomers(writer, shop, "Order"), ...deriveCustomers(writer, shop, syncedAt)],
      roots: (shop, syncedAt) =>
        pass(
          (entry) => mapOrder(shop, entry.json, syncedAt, where(entry)),
          (mapped) => {
            const orders = mapped.map(({ order }) => {
              written.add(order.id);
              const hasSubscriptionLine = pending.delete(order.id);
              if (hasSubscriptionLine) flagged.add(order.id);
              return Object.assign(order, { hasSubscriptionLine });
            });
            return [...writer.upsert(ORDER_WITH_FLAG_TABLE, orders), ...writer.upsert(REFUND_TABLE, mapped.flatMap((m) => m.refunds))];
          },
        ),
      children: (shop) =>
        pass(
          (entry) => mapLineItem(shop, parentOf(entry), UNVERSIONED, entry.json, where(entry)),
          (lines) => {
            // Orders not flagged when written (see above; or whose line the scan's byte test missed, a key
            // written with escapes) are flagged here, so the flag stays exact.
            const missed = new Set<string>();
            for (const line of lines) {
              if (!written.has(line.orderId) && ++strayCount <= 3) stray.push(`${line.id} of ${line.orderId}`);
              if (line.sellingPlanId === null || flagged.has(line.orderId)) continue;
              missed.add(line.orderId);
              flagged.add(line.orderId);
            }
            return [...writer.upsert(ORDER_LINE_TABLE, lines), ...markSubscriptionOrders(writer, shop, [...missed])];
          },
        ),
      // Once per backfill instead of a foreign-key lookup per line (see OrderLine in the schema): in
      // memory when this run wrote the whole file, else one anti-join over the shop's stored lines.
      async checkParents(shop, wholeFile) {
        if (wholeFile) {
          if (strayCount === 0) return;
          const first = strayCount > stray.length ? "the first: " : "";
          throw new ShopifyDataError(`the bulk result holds ${strayCount} line item${strayCount === 1 ? "" : "s"} whose order it does not hold (${first}${stray.join(", ")})`);
        }
        const rows = await writer.query<{ id: string; orderId: string }>(
          `SELECT l."id", l."orderId" FROM "OrderLine" l WHERE l."shop" = ${writer.param(1)}
             AND NOT EXISTS (SELECT 1 FROM "Order" o WHERE o."shop" = l."shop" AND o."id" = l."orderId") LIMIT 3`,
          shop,
        );
        if (rows.length > 0) throw new ShopifyDataError(`stored line items whose order is not stored (the first: ${rows.map((line) => `${line.id} of ${line.orderId}`).join(", ")})`);
      },
    };
  }
  return {
    query: CONTRACTS_BULK_EXPORT,
    tables: [CONTRACT_TABLE.table, CONTRACT_LINE_TABLE.table, STATUS_CHANGE_TABLE.table],
    afterRoots: (shop) => [unlinkRedactedCustomers(writer, shop, "SubscriptionContract")],
    roots: (shop, syncedAt) =>
      pass(
        (entry) => mapContract(shop, entry.json, syncedAt, where(entry)),
        (contracts) => [
          ...writer.upsert(CONTRACT_TABLE, contracts),
          ...writer.upsert(STATUS_CHANGE_TABLE, contracts.flatMap((contract) => observedStatusChanges(contract, "backfill"))),
        ],
      ),
    children: (shop) =>
      pass(
        (entry) => mapContractLine(shop, parentOf(entry), entry.json, where(entry)),
        (lines) => writer.upsert(CONTRACT_LINE_TABLE, lines),
      ),
  };
}
