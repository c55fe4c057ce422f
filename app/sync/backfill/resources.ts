// What each backfilled resource stores from its bulk file: the two-pass handlers for orders (with
// refunds inline, line items as children) and for subscription contracts (lines as children).
import { CONTRACT_LINE_TABLE, CONTRACT_TABLE, mapContract, mapContractLine, observedStatusChanges, STATUS_CHANGE_TABLE } from "../contracts/contract-rows";
import { CONTRACTS_BULK_EXPORT } from "../graphql/ContractsBulkExport";
import { ORDERS_BULK_EXPORT } from "../graphql/OrdersBulkExport";
import { ORDERS_COUNT } from "../graphql/OrdersCount";
import { mapLineItem, mapOrder, ORDER_LINE_TABLE, ORDER_TABLE, REFUND_TABLE, UNVERSIONED } from "../orders/order-rows";
import { markSubscriptionOrders } from "../orders/order-writes";
import { type SqlWriter, type Statement } from "../write/statements";
import type { BulkLine } from "./two-pass-import";

export type BackfillResource = "orders" | "subscriptionContracts";

export interface ResourceImport {
  query: string;
  /** A query answering the expected count, read before the export for the progress bar. */
  countQuery?: { query: string; read: (data: unknown) => number | null };
  roots(shop: string, batch: BulkLine[], syncedAt: Date): Statement[];
  children(shop: string, batch: BulkLine[]): Statement[];
}

const parentOf = (entry: BulkLine) => String(entry.json.__parentId);
const where = (entry: BulkLine) => `bulk result line ${entry.line + 1}`;

export function resourceImport(resource: BackfillResource, writer: SqlWriter): ResourceImport {
  if (resource === "orders") {
    return {
      query: ORDERS_BULK_EXPORT,
      countQuery: {
        query: ORDERS_COUNT,
        read: (data) => (data as { ordersCount?: { count?: number } | null }).ordersCount?.count ?? null,
      },
      roots(shop, batch, syncedAt) {
        const mapped = batch.map((entry) => mapOrder(shop, entry.json, syncedAt, where(entry)));
        return [
          ...writer.upsert(ORDER_TABLE, mapped.map((m) => m.order)),
          ...writer.upsert(REFUND_TABLE, mapped.flatMap((m) => m.refunds)),
        ];
      },
      children(shop, batch) {
        const lines = batch.map((entry) => mapLineItem(shop, parentOf(entry), UNVERSIONED, entry.json, where(entry)));
        const subscriptionOrders = [...new Set(lines.filter((line) => line.sellingPlanId !== null).map((line) => line.orderId))];
        return [...writer.upsert(ORDER_LINE_TABLE, lines), ...markSubscriptionOrders(writer, shop, subscriptionOrders)];
      },
    };
  }
  return {
    query: CONTRACTS_BULK_EXPORT,
    roots(shop, batch, syncedAt) {
      const contracts = batch.map((entry) => mapContract(shop, entry.json, syncedAt, where(entry)));
      return [
        ...writer.upsert(CONTRACT_TABLE, contracts),
        ...writer.upsert(STATUS_CHANGE_TABLE, contracts.flatMap((contract) => observedStatusChanges(contract, "backfill"))),
      ];
    },
    children(shop, batch) {
      return writer.upsert(CONTRACT_LINE_TABLE, batch.map((entry) => mapContractLine(shop, parentOf(entry), entry.json, where(entry))));
    },
  };
}
