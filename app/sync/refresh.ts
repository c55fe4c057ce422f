// Incremental sync: fresh copies of orders and contracts read by id (after a webhook) or by
// `updated_at` (reconciliation), stored newer-wins. A webhook is taken as a signal that a record
// changed, not as its content: reading the record itself means every path stores the same fields
// (the customer journey is not in the REST payload), and a late or repeated delivery can only ever
// cause a read of the current state.
import type { AdminClient } from "./admin-client";
import { CONTRACT_LINE_TABLE, CONTRACT_TABLE, type ContractRow, mapContract, mapContractLine, observedStatusChanges, STATUS_CHANGE_TABLE, type StatusChangeRow } from "./contracts/contract-rows";
import { CONTRACTS_BY_IDS } from "./graphql/ContractsByIds";
import { ORDER_LINE_ITEMS_PAGE } from "./graphql/OrderLineItemsPage";
import { ORDERS_BY_IDS } from "./graphql/OrdersByIds";
import { NodeReader } from "./node-reader";
import { mapLineItem, mapOrder, ORDER_LINE_TABLE, ORDER_TABLE, type OrderLineRow, REFUND_TABLE } from "./orders/order-rows";
import { deriveCustomers } from "./customers/customer-facts";
import { unlinkRedactedCustomers } from "./customers/redacted-customers";
import { placeholderList, type SqlWriter, type Statement } from "./write/statements";
import { randomUUID } from "node:crypto";

/** Ids per `nodes` query: keeps the requested cost well under Shopify's 1,000-point ceiling. */
export const IDS_PER_QUERY = 10;

export interface RefreshOutcome {
  written: number;
  /** Ids Shopify no longer has (deleted, or not visible to the app): left as stored. */
  missing: string[];
  /** The newest updatedAt among the written records. */
  newestUpdatedAt: Date | null;
}

interface Connection {
  pageInfo?: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: unknown }>;
}

/** Stores order nodes (with `lineItems` connections) as read; completes long orders' lines first. */
export async function storeOrderNodes(client: AdminClient, writer: SqlWriter, shop: string, nodes: unknown[], syncedAt = new Date()): Promise<RefreshOutcome> {
  const statements: Statement[] = [];
  const outcome: RefreshOutcome = { written: 0, missing: [], newestUpdatedAt: null };
  const customers = new Set<string>();
  const orderIds: string[] = [];
  for (const node of nodes) {
    const { order, refunds } = mapOrder(shop, node, syncedAt);
    const lineNodes = await allLineItems(client, order.id, NodeReader.of(node, `order ${order.id}`).node.lineItems as Connection);
    const lines: OrderLineRow[] = lineNodes.map((line, index) => mapLineItem(shop, order.id, order.shopifyUpdatedAt, line, `order ${order.id} line ${index + 1}`));
    order.hasSubscriptionLine = lines.some((line) => line.sellingPlanId !== null);
    if (order.customerId) customers.add(order.customerId);
    orderIds.push(order.id);
    statements.push(...writer.upsert(ORDER_TABLE, [order]), ...writer.upsert(REFUND_TABLE, refunds), ...writer.upsert(ORDER_LINE_TABLE, lines));
    outcome.written++;
    if (!outcome.newestUpdatedAt || order.shopifyUpdatedAt > outcome.newestUpdatedAt) outcome.newestUpdatedAt = order.shopifyUpdatedAt;
  }
  if (outcome.written > 0) statements.push(unlinkRedactedCustomers(writer, shop, "Order"));
  // An order moved to another customer (or made a guest order) changes the customer it had too.
  for (const id of await storedCustomerIds(writer, shop, orderIds)) customers.add(id);
  await writer.run(statements);
  // After the orders commit: their customers' first order and counts may have changed.
  await writer.run(deriveCustomers(writer, shop, syncedAt, [...customers]));
  return outcome;
}

/** The customers the stored copies of these orders belong to. */
async function storedCustomerIds(writer: SqlWriter, shop: string, orderIds: string[]): Promise<string[]> {
  if (orderIds.length === 0) return [];
  const rows = await writer.query<{ customerId: string | null }>(
    `SELECT "customerId" FROM "Order" WHERE "shop" = ${writer.param(1)} AND "id" IN (${placeholderList(writer, orderIds.length, 1)})`,
    shop, ...orderIds,
  );
  return rows.flatMap((row) => (row.customerId === null ? [] : [row.customerId]));
}

async function allLineItems(client: AdminClient, orderId: string, first: Connection | undefined): Promise<unknown[]> {
  if (!first) throw new Error(`order ${orderId}: no lineItems in the answer`);
  const nodes = first.edges.map((edge) => edge.node);
  let page = first.pageInfo;
  while (page?.hasNextPage) {
    const data = await client.request<{ order: { lineItems: Connection } | null }>(ORDER_LINE_ITEMS_PAGE, { id: orderId, after: page.endCursor });
    if (!data.order) break;
    nodes.push(...data.order.lineItems.edges.map((edge) => edge.node));
    page = data.order.lineItems.pageInfo;
  }
  return nodes;
}

export async function refreshOrders(client: AdminClient, writer: SqlWriter, shop: string, ids: string[]): Promise<RefreshOutcome> {
  const total: RefreshOutcome = { written: 0, missing: [], newestUpdatedAt: null };
  for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
    const batch = ids.slice(start, start + IDS_PER_QUERY);
    const data = await client.request<{ nodes: Array<unknown | null> }>(ORDERS_BY_IDS, { ids: batch });
    const found = data.nodes.filter((node): node is object => node !== null);
    total.missing.push(...batch.filter((_, index) => data.nodes[index] === null));
    merge(total, await storeOrderNodes(client, writer, shop, found));
  }
  return total;
}

/**
 * Stores contract nodes newer-wins. A contract's lines can be removed on Shopify, so a newer copy
 * replaces the stored lines; its status history gains a step when the status differs from the stored one.
 */
export async function storeContractNodes(writer: SqlWriter, shop: string, nodes: unknown[], source: string, syncedAt = new Date()): Promise<RefreshOutcome> {
  const outcome: RefreshOutcome = { written: 0, missing: [], newestUpdatedAt: null };
  if (nodes.length === 0) return outcome;
  const contracts = nodes.map((node) => ({ row: mapContract(shop, node, syncedAt), node }));
  const stored = new Map(
    (await writer.query<{ id: string; status: string; shopifyUpdatedAt: string | Date }>(
      `SELECT "id", "status", "shopifyUpdatedAt" FROM "SubscriptionContract" WHERE "shop" = ${writer.param(1)} AND "id" IN (${placeholderList(writer, contracts.length, 1)})`,
      shop, ...contracts.map((c) => c.row.id),
    )).map((row) => [row.id, { status: row.status, updatedAt: new Date(row.shopifyUpdatedAt) }] as const),
  );
  const statements: Statement[] = [];
  for (const { row, node } of contracts) {
    const before = stored.get(row.id);
    if (before && before.updatedAt > row.shopifyUpdatedAt) continue;
    const lines = (NodeReader.of(node, `subscription contract ${row.id}`).node.lines as Connection).edges.map((edge, index) =>
      mapContractLine(shop, row.id, edge.node, `subscription contract ${row.id} line ${index + 1}`),
    );
    statements.push(
      ...writer.upsert(CONTRACT_TABLE, [row]),
      writer.raw(`DELETE FROM "SubscriptionLine" WHERE "shop" = ${writer.param(1)} AND "contractId" = ${writer.param(2)}`, shop, row.id),
      ...writer.upsert(CONTRACT_LINE_TABLE, lines),
      ...writer.upsert(STATUS_CHANGE_TABLE, statusSteps(row, before?.status ?? null, source)),
    );
    outcome.written++;
    if (!outcome.newestUpdatedAt || row.shopifyUpdatedAt > outcome.newestUpdatedAt) outcome.newestUpdatedAt = row.shopifyUpdatedAt;
  }
  if (outcome.written > 0) statements.push(unlinkRedactedCustomers(writer, shop, "SubscriptionContract"));
  await writer.run(statements);
  return outcome;
}

function statusSteps(contract: ContractRow, storedStatus: string | null, source: string): StatusChangeRow[] {
  if (storedStatus === null) return observedStatusChanges(contract, source);
  if (storedStatus === contract.status) return [];
  return [{ shop: contract.shop, id: randomUUID(), contractId: contract.id, fromStatus: storedStatus, toStatus: contract.status, changedAt: contract.shopifyUpdatedAt, source }];
}

export async function refreshContracts(client: AdminClient, writer: SqlWriter, shop: string, ids: string[], source = "webhook"): Promise<RefreshOutcome> {
  const total: RefreshOutcome = { written: 0, missing: [], newestUpdatedAt: null };
  for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
    const batch = ids.slice(start, start + IDS_PER_QUERY);
    const data = await client.request<{ nodes: Array<unknown | null> }>(CONTRACTS_BY_IDS, { ids: batch });
    total.missing.push(...batch.filter((_, index) => data.nodes[index] === null));
    merge(total, await storeContractNodes(writer, shop, data.nodes.filter((node) => node !== null), source));
  }
  return total;
}

export function merge(total: RefreshOutcome, part: RefreshOutcome): void {
  total.written += part.written;
  total.missing.push(...part.missing);
  if (part.newestUpdatedAt && (!total.newestUpdatedAt || part.newestUpdatedAt > total.newestUpdatedAt)) total.newestUpdatedAt = part.newestUpdatedAt;
}
