// The root connections the app reads (orders, customers, subscriptionContracts, bulkOperations):
// search filters, sort keys and the sorted indexes behind them.
import { GraphQLError } from "graphql";
import type { BulkOperationRecord } from "../bulk/registry";
import type { EmContract, EmCustomer, EmOrder, ShopStore } from "../store/types";
import { arrayConnection, scanConnection, seek, type ConnectionSource, type SortedKeys } from "./connections";
import type { FieldEnv } from "./fields/field-map";
import { contractIds, customerIds, dateRangeParser, invalidTimestamp, sortedIndex, toSecond } from "./indexes";
import { compileSearch, parseSearchQuery, rangeFor, type SearchFieldType, type SearchNode } from "./search-query";

interface ListArgs {
  query?: string | null;
  sortKey?: string | null;
  reverse?: boolean | null;
}

/** `tag_not:x` is `-tag:x`. */
function rewriteNegatedFields(node: SearchNode | undefined): SearchNode | undefined {
  if (!node) return node;
  if (node.kind === "term") {
    return node.field === "tag_not" ? { kind: "not", child: { ...node, field: "tag" } } : node;
  }
  if (node.kind === "not") return { kind: "not", child: rewriteNegatedFields(node.child)! };
  return { kind: node.kind, children: node.children.map((c) => rewriteNegatedFields(c)!) };
}

const ORDER_STATUS = ["open", "closed", "cancelled", "not_closed", "any"] as const;
const FINANCIAL = ["paid", "pending", "partially_refunded", "refunded", "voided", "authorized", "partially_paid", "expired", "unpaid"];
const FULFILLMENT = ["shipped", "fulfilled", "unshipped", "unfulfilled", "partial", "scheduled", "on_hold"];

function orderSearchFields(store: ShopStore): Record<string, SearchFieldType<EmOrder>> {
  return {
    id: { type: "number", value: (id) => id },
    updated_at: { type: "date", value: (id) => secondOrUndefined(store.orderUpdatedAt(id)) },
    created_at: { type: "date", value: (_id, row) => secondOrUndefined(row()?.createdAt) },
    processed_at: { type: "date", value: (_id, row) => secondOrUndefined(row()?.processedAt) },
    customer_id: { type: "number", value: (_id, row) => row()?.customerId },
    name: { type: "string", value: (o) => o.name.replace(/^#/, "") },
    source_name: { type: "string", value: (o) => o.sourceName },
    test: { type: "boolean", value: (o) => o.test },
    tag: { type: "tokens", value: (o) => o.tags },
    discount_code: { type: "tokens", value: (o) => o.discountCodes },
    status: {
      type: "enum",
      accepted: ORDER_STATUS,
      matches: (o, v) =>
        v === "any" ||
        (v === "cancelled" && o.cancelledAt !== null) ||
        (v === "closed" && o.closedAt !== null) ||
        ((v === "open" || v === "not_closed") && o.closedAt === null),
    },
    financial_status: {
      type: "enum",
      accepted: FINANCIAL,
      matches: (o, v) => o.financialStatus.toLowerCase() === v || (v === "unpaid" && o.financialStatus === "PENDING"),
    },
    fulfillment_status: {
      type: "enum",
      accepted: FULFILLMENT,
      matches: (o, v) =>
        (o.fulfillmentStatus === "FULFILLED" && (v === "shipped" || v === "fulfilled")) ||
        (o.fulfillmentStatus === "UNFULFILLED" && (v === "unshipped" || v === "unfulfilled")),
    },
  };
}

function secondOrUndefined(ms: number | null | undefined): number | undefined {
  return ms === null || ms === undefined ? undefined : toSecond(ms);
}

function unsupportedSortKey(resource: string, sortKey: string): never {
  throw new GraphQLError(`The Shopify emulator does not implement sortKey ${sortKey} on ${resource}`, {
    extensions: { code: "EMULATOR_NOT_IMPLEMENTED" },
  });
}

interface IndexedList<R> {
  resource: string;
  keys: SortedKeys;
  /** The search field whose range the sort key can narrow by binary search. */
  sortField: string | null;
  fields: Record<string, SearchFieldType<R>>;
  load: (id: number) => R | undefined;
}

function indexedConnection<R>(list: IndexedList<R>, args: ListArgs, env: FieldEnv): ConnectionSource<R> {
  const parseDate = dateRangeParser(env.ctx.store.shop.ianaTimezone, env.ctx.now);
  const ast = rewriteNegatedFields(parseSearchQuery(args.query));
  const search = compileSearch(ast, list.fields, parseDate, invalidTimestamp);
  if (search.warnings.length && args.query) env.warnSearch(env.path, args.query, search.warnings);
  let range: [number, number] | undefined;
  if (list.sortField) {
    const isDate = list.fields[list.sortField]?.type === "date";
    const bounds = rangeFor(ast, list.sortField, isDate ? parseDate : (v) => (Number.isFinite(Number(v)) ? { start: Number(v), end: Number(v) + 1 } : undefined));
    if (bounds) {
      const lo = bounds.lo === -Infinity ? 0 : seek(list.keys, { value: bounds.lo, id: -Infinity }, false);
      const hi = bounds.hi === Infinity ? list.keys.ids.length : seek(list.keys, { value: bounds.hi, id: -Infinity }, false);
      range = [lo, Math.max(lo, hi)];
    }
  }
  return scanConnection({ keys: list.keys, range, reverse: false, load: list.load, matches: search.matches });
}

export function ordersConnection(args: ListArgs, env: FieldEnv): ConnectionSource<EmOrder> {
  const store = env.ctx.store;
  const sortKey = args.sortKey ?? "PROCESSED_AT";
  const ids = store.orderIds();
  const keyOf: Record<string, [(id: number) => number, string | null]> = {
    ID: [(id) => id, "id"],
    UPDATED_AT: [(id) => toSecond(store.orderUpdatedAt(id) ?? 0), "updated_at"],
    CREATED_AT: [(id) => toSecond(store.orderCreatedAt?.(id) ?? store.getOrder(id)?.createdAt ?? 0), "created_at"],
    PROCESSED_AT: [(id) => toSecond(store.orderProcessedAt?.(id) ?? store.getOrder(id)?.processedAt ?? 0), "processed_at"],
    // Order numbers ascend with ids in the emulator.
    ORDER_NUMBER: [(id) => id, null],
  };
  const chosen = keyOf[sortKey] ?? unsupportedSortKey("orders", sortKey);
  const keys = sortKey === "ID" || sortKey === "ORDER_NUMBER" ? { ids, values: ids } : sortedIndex(store, `Order:${sortKey}`, ids, chosen[0]);
  return indexedConnection(
    { resource: "orders", keys, sortField: chosen[1], fields: orderSearchFields(store), load: (id) => store.getOrder(id) },
    args,
    env,
  );
}

export function customersConnection(args: ListArgs, env: FieldEnv): ConnectionSource<EmCustomer> {
  const store = env.ctx.store;
  const sortKey = args.sortKey ?? "ID";
  const ids = customerIds(store);
  const fields: Record<string, SearchFieldType<EmCustomer>> = {
    id: { type: "number", value: (id) => id },
    created_at: { type: "date", value: (_id, row) => secondOrUndefined(row()?.createdAt) },
    updated_at: { type: "date", value: (_id, row) => secondOrUndefined(row()?.updatedAt) },
  };
  const keyOf: Record<string, [(id: number) => number, string]> = {
    ID: [(id) => id, "id"],
    CREATED_AT: [(id) => toSecond(store.getCustomer(id)?.createdAt ?? 0), "created_at"],
    UPDATED_AT: [(id) => toSecond(store.getCustomer(id)?.updatedAt ?? 0), "updated_at"],
  };
  const chosen = keyOf[sortKey] ?? unsupportedSortKey("customers", sortKey);
  const keys = sortKey === "ID" ? { ids, values: ids } : sortedIndex(store, `Customer:${sortKey}`, ids, chosen[0]);
  return indexedConnection({ resource: "customers", keys, sortField: chosen[1], fields, load: (id) => store.getCustomer(id) }, args, env);
}

const CONTRACT_STATUS = ["active", "paused", "cancelled", "expired", "failed"];

export function contractsConnection(args: ListArgs, env: FieldEnv): ConnectionSource<EmContract> {
  const store = env.ctx.store;
  const sortKey = args.sortKey ?? "CREATED_AT";
  const ids = contractIds(store);
  const fields: Record<string, SearchFieldType<EmContract>> = {
    id: { type: "number", value: (id) => id },
    created_at: { type: "date", value: (_id, row) => secondOrUndefined(row()?.createdAt) },
    updated_at: { type: "date", value: (_id, row) => secondOrUndefined(row()?.updatedAt) },
    customer_id: { type: "number", value: (_id, row) => row()?.customerId },
    status: { type: "enum", accepted: CONTRACT_STATUS, matches: (c, v) => c.status.toLowerCase() === v },
  };
  const keyOf: Record<string, [(id: number) => number, string | null]> = {
    ID: [(id) => id, "id"],
    CREATED_AT: [(id) => toSecond(store.getContract(id)?.createdAt ?? 0), "created_at"],
    UPDATED_AT: [(id) => toSecond(store.getContract(id)?.updatedAt ?? 0), "updated_at"],
    STATUS: [(id) => CONTRACT_STATUS.indexOf(store.getContract(id)?.status.toLowerCase() ?? ""), null],
  };
  const chosen = keyOf[sortKey] ?? unsupportedSortKey("subscriptionContracts", sortKey);
  const keys = sortKey === "ID" ? { ids, values: ids } : sortedIndex(store, `SubscriptionContract:${sortKey}`, ids, chosen[0]);
  return indexedConnection(
    { resource: "subscriptionContracts", keys, sortField: chosen[1], fields, load: (id) => store.getContract(id) },
    args,
    env,
  );
}

const BULK_STATUS = ["created", "running", "completed", "canceling", "canceled", "failed"];

/** Bulk operations, newest first by default (live 2026-04 captures); reverse gives oldest first. */
export function bulkOperationsConnection(args: ListArgs, env: FieldEnv): ConnectionSource<BulkOperationRecord> {
  const parseDate = dateRangeParser(env.ctx.store.shop.ianaTimezone, env.ctx.now);
  const ast = parseSearchQuery(args.query);
  const fields: Record<string, SearchFieldType<BulkOperationRecord>> = {
    id: { type: "number", value: (id) => id },
    created_at: { type: "date", value: (_id, row) => secondOrUndefined(row()?.createdAt) },
    status: { type: "enum", accepted: BULK_STATUS, matches: (b, v) => b.status.toLowerCase() === v },
    operation_type: { type: "enum", accepted: ["query", "mutation"], matches: (b, v) => b.type.toLowerCase() === v },
  };
  const search = compileSearch(ast, fields, parseDate, invalidTimestamp);
  if (search.warnings.length && args.query) env.warnSearch(env.path, args.query, search.warnings);
  const sortKey = args.sortKey ?? "CREATED_AT";
  const byKey = (b: BulkOperationRecord) => (sortKey === "COMPLETED_AT" ? (b.completedAt ?? Infinity) : b.createdAt);
  const rows = env.ctx.bulk
    .list()
    .filter((b) => search.matches(b.id, () => b))
    .sort((a, b) => byKey(b) - byKey(a) || b.id - a.id);
  if (args.reverse) rows.reverse();
  return arrayConnection(rows, (b) => b.id);
}

/** `ordersCount`: exact up to `limit`, then AT_LEAST, as Shopify's Count reports it. */
export function ordersCount(args: ListArgs & { limit?: number | null }, env: FieldEnv) {
  // `limit: null` asks for the exact count, however large (as on Shopify).
  const limit = args.limit === null ? Number.POSITIVE_INFINITY : args.limit ?? 10_000;
  const count = ordersConnection({ query: args.query, sortKey: "ID" }, env).count!(limit);
  return count > limit ? { count: limit, precision: "AT_LEAST" } : { count, precision: "EXACT" };
}
