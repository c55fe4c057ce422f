// Cursor pagination, `query:` filters and sort keys on a hand-built shop.
import { describe, expect, it } from "vitest";
import { gql } from "./helpers.test-util";
import { T0, order, testShop } from "./test-shop";

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
const ids = (nodes: { id: string }[]) => nodes.map((n) => Number(n.id.split("/").pop()));

// Orders 1..6; updatedAt deliberately out of id order so UPDATED_AT sorting is visible.
const updatedHours = [0, 50, 10, 40, 20, 30, 5];
const shopWithOrders = () =>
  testShop({
    orders: [1, 2, 3, 4, 5, 6].map((id) =>
      order(id, { updatedAt: T0 + updatedHours[id] * HOUR, test: id === 6, tags: id % 2 ? ["odd"] : [], customerId: id <= 2 ? 1 : null })),
  });

const PAGE = `query Page($first: Int, $last: Int, $after: String, $before: String, $query: String, $sortKey: OrderSortKeys, $reverse: Boolean) {
  orders(first: $first, last: $last, after: $after, before: $before, query: $query, sortKey: $sortKey, reverse: $reverse) {
    edges { cursor node { id updatedAt } }
    nodes { id }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

describe("orders pagination", () => {
  it("pages forward and backward with opaque cursors", async () => {
    const { ctx } = shopWithOrders();
    const first = (await gql(ctx, PAGE, { first: 2, sortKey: "ID" })).data!.orders;
    expect(ids(first.nodes)).toEqual([1, 2]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.pageInfo.startCursor).toBe(first.edges[0].cursor);
    expect(JSON.parse(Buffer.from(first.pageInfo.endCursor, "base64").toString())).toEqual({ last_id: 2, last_value: 2 });

    const second = (await gql(ctx, PAGE, { first: 2, after: first.pageInfo.endCursor, sortKey: "ID" })).data!.orders;
    expect(ids(second.nodes)).toEqual([3, 4]);
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });

    const last = (await gql(ctx, PAGE, { first: 5, after: second.pageInfo.endCursor, sortKey: "ID" })).data!.orders;
    expect(ids(last.nodes)).toEqual([5, 6]);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    const back = (await gql(ctx, PAGE, { last: 2, before: last.pageInfo.startCursor, sortKey: "ID" })).data!.orders;
    expect(ids(back.nodes)).toEqual([3, 4]);
    expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });

    const tail = (await gql(ctx, PAGE, { last: 2, sortKey: "ID" })).data!.orders;
    expect(ids(tail.nodes)).toEqual([5, 6]);
    expect(tail.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it("filters updated_at:> and sorts by UPDATED_AT, ascending or reversed", async () => {
    const { ctx } = shopWithOrders();
    const since = iso(T0 + 10 * HOUR);
    const page = (await gql(ctx, PAGE, { first: 10, sortKey: "UPDATED_AT", query: `updated_at:>'${since}'` })).data!.orders;
    // updatedAt hours: 1→50, 2→10, 3→40, 4→20, 5→30, 6→5; strictly after hour 10: 4, 5, 3, 1
    expect(ids(page.nodes)).toEqual([4, 5, 3, 1]);
    expect(page.edges.map((e: { node: { updatedAt: string } }) => e.node.updatedAt)).toEqual([20, 30, 40, 50].map((h) => iso(T0 + h * HOUR)));
    const inclusive = (await gql(ctx, PAGE, { first: 10, sortKey: "UPDATED_AT", query: `updated_at:>='${since}'` })).data!.orders;
    expect(ids(inclusive.nodes)).toEqual([2, 4, 5, 3, 1]);
    const reversed = (await gql(ctx, PAGE, { first: 2, sortKey: "UPDATED_AT", reverse: true })).data!.orders;
    expect(ids(reversed.nodes)).toEqual([1, 3]);
    const next = (await gql(ctx, PAGE, { first: 10, sortKey: "UPDATED_AT", reverse: true, after: reversed.pageInfo.endCursor })).data!.orders;
    expect(ids(next.nodes)).toEqual([5, 4, 2, 6]);
  });

  it("keeps paging by key when an order changes between pages (incremental sync)", async () => {
    const { ctx, store, clock } = shopWithOrders();
    const first = (await gql(ctx, PAGE, { first: 3, sortKey: "UPDATED_AT" })).data!.orders;
    expect(ids(first.nodes)).toEqual([6, 2, 4]);
    store.updateOrder(2, { tags: ["vip"] }, clock.now);
    const rest = (await gql(ctx, PAGE, { first: 10, sortKey: "UPDATED_AT", after: first.pageInfo.endCursor })).data!.orders;
    // Order 2 moved to the end (updated now) and is seen again, as on Shopify.
    expect(ids(rest.nodes)).toEqual([5, 3, 1, 2]);
  });

  it("combines terms with AND, OR, negation and dates in the shop's time zone", async () => {
    const { ctx } = shopWithOrders();
    const q = async (query: string) => ids((await gql(ctx, PAGE, { first: 10, sortKey: "ID", query })).data!.orders.nodes);
    expect(await q("tag:odd")).toEqual([1, 3, 5]);
    expect(await q("-tag:odd")).toEqual([2, 4, 6]);
    expect(await q("tag_not:odd test:false")).toEqual([2, 4]);
    expect(await q("test:true OR customer_id:1")).toEqual([1, 2, 6]);
    expect(await q("(tag:odd AND customer_id:1) OR id:4")).toEqual([1, 4]);
    expect(await q("id:>4")).toEqual([5, 6]);
    // Orders are created one hour apart from 2026-01-01T00:00Z = 09:00 in Tokyo; all fall on Jan 1 there.
    expect(await q("created_at:2026-01-01")).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await q(`processed_at:<'${iso(T0 + 3 * HOUR)}'`)).toEqual([1, 2]);
    expect(await q("status:open financial_status:paid")).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("ignores unknown search fields and says so in extensions.search, like Shopify", async () => {
    const { ctx } = shopWithOrders();
    const body = await gql(ctx, PAGE, { first: 10, sortKey: "ID", query: "made_up:value" });
    expect(ids(body.data!.orders.nodes)).toHaveLength(6);
    expect(body.extensions?.search).toEqual([
      { path: ["orders"], query: "made_up:value", warnings: [{ field: "made_up", message: "Invalid search field for this query.", code: "invalid_field" }] },
    ]);
  });

  it("rejects an unparseable date", async () => {
    const { ctx } = shopWithOrders();
    const body = await gql(ctx, PAGE, { first: 10, query: "updated_at:>yesterdayish" });
    expect(body.errors?.[0]).toMatchObject({ message: "Invalid timestamp for query filter `updated_at`.", extensions: { code: "BAD_REQUEST" } });
  });

  it("counts with ordersCount and finds records through node and nodes", async () => {
    const { ctx } = shopWithOrders();
    const body = await gql(ctx, `{
      all: ordersCount { count precision }
      capped: ordersCount(query: "tag:odd", limit: 2) { count precision }
      node(id: "gid://shopify/Order/3") { __typename ... on Order { name } }
      nodes(ids: ["gid://shopify/Customer/1", "gid://shopify/Order/99"]) { __typename id }
    }`);
    expect(body.data).toEqual({
      all: { count: 6, precision: "EXACT" },
      capped: { count: 2, precision: "AT_LEAST" },
      node: { __typename: "Order", name: "#1003" },
      nodes: [{ __typename: "Customer", id: "gid://shopify/Customer/1" }, null],
    });
  });
});
