// Relay connections as the Admin API serves them: `edges { cursor node }`, `nodes`, `pageInfo`,
// opaque cursors. Shopify cursors are base64 JSON of the last row's sort value and id
// ({"last_id":…,"last_value":…}, seen in live bulkOperations responses recorded by
// airhorns/shopify-draft-proxy), so paging continues by key even when rows change between pages.
import { GraphQLError } from "graphql";

export interface PageWindow {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
}

export interface Page<T> {
  items: T[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** A connection field's rows: one page for ordinary reads, every row (streamed) for bulk exports. */
export interface ConnectionSource<T> {
  readonly isConnectionSource: true;
  page(window: PageWindow): Page<T>;
  all(): Iterable<T>;
  /** Matching rows counted up to `limit` + 1, materialising only what the filter needs. */
  count?(limit: number): number;
}

export function isConnectionSource(value: unknown): value is ConnectionSource<unknown> {
  return typeof value === "object" && value !== null && (value as { isConnectionSource?: unknown }).isConnectionSource === true;
}

export interface CursorKey {
  value: number;
  id: number;
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify({ last_id: key.id, last_value: key.value })).toString("base64");
}

export function decodeCursor(cursor: string): CursorKey {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64").toString("utf8")) as { last_id?: unknown; last_value?: unknown };
    if (typeof parsed.last_id === "number" && typeof parsed.last_value === "number") {
      return { id: parsed.last_id, value: parsed.last_value };
    }
  } catch {
    // fall through to Shopify's answer for a cursor it did not issue
  }
  throw new GraphQLError("Malformed cursor", { extensions: { code: "BAD_REQUEST" } });
}

export function pageResult<T>(page: Page<T>) {
  return {
    edges: page.items.map((node, i) => ({ cursor: page.cursors[i], node })),
    nodes: page.items,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.cursors[0] ?? null,
      endCursor: page.cursors[page.cursors.length - 1] ?? null,
    },
  };
}

/** Rows ascending by (value, id), parallel arrays so a 1,000,000-row index stays two typed arrays. */
export interface SortedKeys {
  ids: ArrayLike<number>;
  values: ArrayLike<number>;
}

function compareKey(keys: SortedKeys, i: number, key: CursorKey): number {
  return keys.values[i] - key.value || keys.ids[i] - key.id;
}

/** First position whose key is > key (strict) or >= key. */
export function seek(keys: SortedKeys, key: CursorKey, strict: boolean, lo = 0, hi = keys.ids.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareKey(keys, mid, key);
    if (c < 0 || (strict && c === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface ScanOptions<T> {
  keys: SortedKeys;
  /** Ascending position range already narrowed by the query (e.g. updated_at:>X under UPDATED_AT). */
  range?: [number, number];
  reverse?: boolean;
  /** Loads a row once it passes the cheap tests; undefined skips the row. */
  load: (id: number) => T | undefined;
  /** Filter on id alone where possible; `row()` materialises lazily for terms that need the record. */
  matches?: (id: number, row: () => T | undefined) => boolean;
}

/** Loads the row for `id` on first call only: a filter that decides on the id alone never materialises it. */
function loadOnce<T>(load: (id: number) => T | undefined, id: number): () => T | undefined {
  let loaded = false;
  let row: T | undefined;
  return () => {
    if (!loaded) {
      row = load(id);
      loaded = true;
    }
    return row;
  };
}

/** A connection over a sorted key index that materialises only the rows it returns or tests. */
export function scanConnection<T>(options: ScanOptions<T>): ConnectionSource<T> {
  const { keys, reverse = false, load } = options;
  const [rangeLo, rangeHi] = options.range ?? [0, keys.ids.length];
  const accept = (position: number): T | undefined => {
    const id = keys.ids[position];
    const lazy = loadOnce(load, id);
    if (options.matches && !options.matches(id, lazy)) return undefined;
    return lazy();
  };
  const cursorAt = (position: number) => encodeCursor({ value: keys.values[position], id: keys.ids[position] });

  return {
    isConnectionSource: true,
    page(window) {
      const flip = reverse !== Boolean(window.reverse);
      let lo = rangeLo;
      let hi = rangeHi;
      // In forward (display) order, "after" drops everything up to the cursor; with a flipped order
      // that is the ascending tail, so the interval arithmetic mirrors.
      if (window.after) {
        const key = decodeCursor(window.after);
        if (flip) hi = Math.min(hi, seek(keys, key, false));
        else lo = Math.max(lo, seek(keys, key, true));
      }
      if (window.before) {
        const key = decodeCursor(window.before);
        if (flip) lo = Math.max(lo, seek(keys, key, true));
        else hi = Math.min(hi, seek(keys, key, false));
      }
      const forward = (from: number, step: number, limit: number) => {
        const found: { position: number; row: T }[] = [];
        for (let p = from; p >= lo && p < hi && found.length < limit; p += step) {
          const row = accept(p);
          if (row !== undefined) found.push({ position: p, row });
        }
        return found;
      };
      const anyOutside = (from: number, step: number, bound: [number, number]) => {
        for (let p = from; p >= bound[0] && p < bound[1]; p += step) if (accept(p) !== undefined) return true;
        return false;
      };
      const step = flip ? -1 : 1;
      const start = flip ? hi - 1 : lo;
      const end = flip ? lo : hi - 1;
      let rows: { position: number; row: T }[];
      let hasNextPage: boolean;
      let hasPreviousPage: boolean;
      if (window.last !== undefined && window.last !== null) {
        const found = forward(end, -step, window.last + 1);
        hasPreviousPage = found.length > window.last;
        rows = found.slice(0, window.last).reverse();
        hasNextPage = window.before ? anyOutside(flip ? lo - 1 : hi, step, [rangeLo, rangeHi]) : false;
      } else {
        const first = window.first ?? 0;
        const found = forward(start, step, first + 1);
        hasNextPage = found.length > first;
        rows = found.slice(0, first);
        hasPreviousPage = window.after ? anyOutside(flip ? hi : lo - 1, -step, [rangeLo, rangeHi]) : false;
      }
      return {
        items: rows.map((r) => r.row),
        cursors: rows.map((r) => cursorAt(r.position)),
        hasNextPage,
        hasPreviousPage,
      };
    },
    count(limit) {
      let n = 0;
      for (let p = rangeLo; p < rangeHi && n <= limit; p++) {
        const id = keys.ids[p];
        if (!options.matches || options.matches(id, loadOnce(load, id))) n++;
      }
      return n;
    },
    *all() {
      const flip = reverse;
      for (let p = flip ? rangeHi - 1 : rangeLo; p >= rangeLo && p < rangeHi; p += flip ? -1 : 1) {
        const row = accept(p);
        if (row !== undefined) yield row;
      }
    },
  };
}

/** A connection over rows already in memory (an order's line items, a contract's lines). */
export function arrayConnection<T>(rows: readonly T[], idOf: (row: T) => number): ConnectionSource<T> {
  const ids = rows.map(idOf);
  const keys: SortedKeys = { ids, values: rows.map((_, i) => i) };
  return scanConnection({ keys, load: (id) => rows[ids.indexOf(id)] });
}
