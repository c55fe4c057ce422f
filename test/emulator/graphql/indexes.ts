// Sorted key indexes over a shop's records, built once per store version. Paging a 1,000,000-order
// shop by `updated_at:>X` under sortKey UPDATED_AT is then a binary search plus one page of
// materialised orders, never a pass over every order.
import { TZDate } from "@date-fns/tz";
import { GraphQLError } from "graphql";
import type { ShopStore } from "../store/types";
import type { SortedKeys } from "./connections";

/** Times compare at whole seconds, the precision the API prints and accepts. */
export const toSecond = (ms: number) => Math.floor(ms / 1000) * 1000;

type KeyOf = (id: number) => number;

const cache = new WeakMap<ShopStore, Map<string, { version: number; keys: SortedKeys }>>();

/** Ascending (value, id) index for `name` (e.g. "Order:UPDATED_AT"), cached per store version. */
export function sortedIndex(store: ShopStore, name: string, ids: ArrayLike<number>, keyOf: KeyOf): SortedKeys {
  const version = store.version;
  let perStore = cache.get(store);
  if (!perStore) cache.set(store, (perStore = new Map()));
  const hit = perStore.get(name);
  if (hit && version !== undefined && hit.version === version) return hit.keys;
  const n = ids.length;
  const values = new Float64Array(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    values[i] = keyOf(ids[i]);
    if (i > 0 && (values[i] < values[i - 1] || (values[i] === values[i - 1] && ids[i] < ids[i - 1]))) sorted = false;
  }
  let keys: SortedKeys;
  if (sorted) {
    keys = { ids: Float64Array.from(ids), values };
  } else {
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => values[a] - values[b] || ids[a] - ids[b]);
    const sortedIds = new Float64Array(n);
    const sortedValues = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      sortedIds[i] = ids[order[i]];
      sortedValues[i] = values[order[i]];
    }
    keys = { ids: sortedIds, values: sortedValues };
  }
  perStore.set(name, { version: version ?? -1, keys });
  return keys;
}

/** Ascending ids of a record kind, from the store's cheap id list or, failing that, one pass. */
export function customerIds(store: ShopStore): ArrayLike<number> {
  return store.customerIds?.() ?? Array.from(store.customers(), (c) => c.id);
}

export function contractIds(store: ShopStore): ArrayLike<number> {
  return store.contractIds?.() ?? Array.from(store.contracts(), (c) => c.id);
}

/**
 * A date term value → the instants it covers. Timestamps are one instant (to the second); a bare
 * date is that whole day in the shop's time zone, as the Shopify admin interprets it.
 */
export function dateRangeParser(timeZone: string, now: () => number) {
  return (value: string): { start: number; end: number } | undefined => {
    const v = value.trim();
    if (v.toLowerCase() === "now") return { start: toSecond(now()), end: toSecond(now()) + 1000 };
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    if (day) {
      const start = new TZDate(Number(day[1]), Number(day[2]) - 1, Number(day[3]), timeZone).getTime();
      const end = new TZDate(Number(day[1]), Number(day[2]) - 1, Number(day[3]) + 1, timeZone).getTime();
      return { start, end };
    }
    if (!/^\d{4}-\d{2}-\d{2}T/.test(v)) return undefined;
    const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(v);
    const ms = hasZone ? Date.parse(v) : new TZDate(v, timeZone).getTime();
    if (!Number.isFinite(ms)) return undefined;
    return { start: toSecond(ms), end: toSecond(ms) + 1000 };
  };
}

/** Shopify's answer to an unparseable date term (live bulkOperations capture, 2026-04). */
export function invalidTimestamp(field: string): never {
  throw new GraphQLError(`Invalid timestamp for query filter \`${field}\`.`, { extensions: { code: "BAD_REQUEST" } });
}
