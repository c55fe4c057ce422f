// What each backfilled resource stores from its bulk file: the two-pass handlers for orders (with
// refunds inline, line items as children) and for subscription contracts (lines as children).
import { CONTRACT_LINE_TABLE, CONTRACT_TABLE, mapContract, mapContractLine, observedStatusChanges, STATUS_CHANGE_TABLE } from "../contracts/contract-rows";
import { CONTRACTS_BULK_EXPORT } from "../graphql/ContractsBulkExport";
import { ORDERS_BULK_EXPORT } from "../graphql/OrdersBulkExport";
import { ORDERS_COUNT } from "../graphql/OrdersCount";
import { mapLineItem, mapOrder, ORDER_LINE_TABLE, ORDER_TABLE, type OrderRow, REFUND_TABLE, UNVERSIONED } from "../orders/order-rows";
import { markSubscriptionOrders } from "../orders/order-writes";
import type { SqlWriter } from "../write/statements";
import type { TableSpec } from "../write/upsert-sql";
import { GidSet } from "./gid-set";
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
  /** The tables the import writes (their statistics are refreshed after it). */
  tables: string[];
  /** A query answering the expected count, read before the export for the progress bar. */
  countQuery?: { query: string; read: (data: unknown) => number | null };
  /** Child lines read while the file is scanned (downloaded), before the passes: what the roots pass wants to know of the children. */
  inspector?(shop: string): LineInspector;
  roots(shop: string, syncedAt: Date): Pass<unknown>;
  children(shop: string): Pass<unknown>;
}

const parentOf = (entry: BulkLine) => String(entry.json.__parentId);
const where = (entry: BulkLine) => `bulk result line ${entry.line + 1}`;

const SELLING_PLAN_ID = Buffer.from('"sellingPlanId"');

/** Child lines that may name a selling plan (a cheap byte test; the inspector decides on the parsed line). */
const mayHaveSellingPlan = (buffer: Buffer, start: number, end: number) => buffer.subarray(start, end).indexOf(SELLING_PLAN_ID) !== -1;

export function resourceImport(resource: BackfillResource, writer: SqlWriter): ResourceImport {
  if (resource === "orders") {
    // Orders with a line sold on a selling plan, read from the file before the roots pass: the flag
    // is written with the order instead of by an UPDATE after its lines (measured on PostgreSQL,
    // 100,000 orders: those UPDATEs took 3 s, as long as inserting every order).
    let subscriptionOrders = new GidSet("Order");
    return {
      query: ORDERS_BULK_EXPORT,
      tables: [ORDER_TABLE.table, ORDER_LINE_TABLE.table, REFUND_TABLE.table, "Customer"],
      countQuery: {
        query: ORDERS_COUNT,
        read: (data) => (data as { ordersCount?: { count?: number } | null }).ordersCount?.count ?? null,
      },
      inspector(shop) {
        subscriptionOrders = new GidSet("Order");
        return {
          wants: mayHaveSellingPlan,
          line(text, line) {
            const entry = { line, json: parseLine(text, line) };
            if (mapLineItem(shop, parentOf(entry), UNVERSIONED, entry.json, where(entry)).sellingPlanId !== null) subscriptionOrders.add(parentOf(entry));
          },
        };
      },
      roots: (shop, syncedAt) =>
        pass(
          (entry) => {
            const mapped = mapOrder(shop, entry.json, syncedAt, where(entry));
            return { order: Object.assign(mapped.order, { hasSubscriptionLine: subscriptionOrders.has(mapped.order.id) }), refunds: mapped.refunds };
          },
          (mapped) => [
            ...writer.upsert(ORDER_WITH_FLAG_TABLE, mapped.map((m) => m.order)),
            ...writer.upsert(REFUND_TABLE, mapped.flatMap((m) => m.refunds)),
          ],
        ),
      children: (shop) =>
        pass(
          (entry) => mapLineItem(shop, parentOf(entry), UNVERSIONED, entry.json, where(entry)),
          (lines) => {
            // Flagged with the order by the scan; an order whose line the scan's byte test missed (a key
            // written with escapes) is flagged here, so the flag stays exact.
            const missed = [...new Set(lines.filter((line) => line.sellingPlanId !== null && !subscriptionOrders.has(line.orderId)).map((line) => line.orderId))];
            return [...writer.upsert(ORDER_LINE_TABLE, lines), ...markSubscriptionOrders(writer, shop, missed)];
          },
        ),
    };
  }
  return {
    query: CONTRACTS_BULK_EXPORT,
    tables: [CONTRACT_TABLE.table, CONTRACT_LINE_TABLE.table, STATUS_CHANGE_TABLE.table],
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
