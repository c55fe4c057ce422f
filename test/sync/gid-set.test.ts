// The backfill's compact sets of gids: exact membership whatever the gids' shape and the order of adds.
import { describe, expect, it } from "vitest";
import { GidIndex, GidSet } from "../../app/sync/backfill/gid-set";

describe("GidSet", () => {
  it("holds numeric gids as numbers and any other id as it is, exactly", () => {
    const set = new GidSet("Order");
    set.add("gid://shopify/Order/5000000000000");
    set.add("gid://shopify/Order/abc");
    set.add("gid://shopify/LineItem/5000000000001");
    expect(set.has("gid://shopify/Order/5000000000000")).toBe(true);
    expect(set.has("gid://shopify/Order/05000000000000")).toBe(false);
    expect(set.has("gid://shopify/Order/5000000000001")).toBe(false);
    expect(set.has("gid://shopify/LineItem/5000000000001")).toBe(true);
    expect(set.has("gid://shopify/Order/5000000000001")).toBe(false);
    expect(set.has("gid://shopify/Order/abc")).toBe(true);
    expect(set.size).toBe(3);
  });
});

/** Whether the index holds the gid: containsAll of an index holding it alone. */
function holds(index: GidIndex, gid: string): boolean {
  const one = new GidIndex("Order");
  one.add(gid);
  return index.containsAll(one);
}

describe("GidIndex", () => {
  it("answers exactly like a Set of the same gids, added in any order and looked up between adds", () => {
    const index = new GidIndex("Order");
    const held = new Set<string>();
    let state = 7;
    const next = () => (state = (state * 16807) % 2147483647);
    for (let i = 0; i < 20_000; i++) {
      const gid = i % 1000 === 0 ? `gid://shopify/Order/x${i}` : `gid://shopify/Order/${5_000_000_000_000 + (next() % 50_000)}`;
      index.add(gid);
      held.add(gid);
      if (i % 5000 === 0) expect(holds(index, gid)).toBe(true); // a lookup sorts; later adds unsort again
    }
    for (let n = 5_000_000_000_000 - 10; n < 5_000_000_050_010; n++) {
      expect(holds(index, `gid://shopify/Order/${n}`)).toBe(held.has(`gid://shopify/Order/${n}`));
    }
    expect(holds(index, "gid://shopify/Order/x1000")).toBe(true);
    expect(holds(index, "gid://shopify/Order/x1001")).toBe(false);
    expect(holds(index, "gid://shopify/Order/05000000000000")).toBe(false);
    expect(holds(index, "gid://shopify/LineItem/5000000000000")).toBe(false);
  });
});

describe("GidIndex.containsAll", () => {
  it("answers whether every gid of another index is held, numbers and other shapes alike", () => {
    const held = new GidIndex("Order");
    const named = new GidIndex("Order");
    expect(held.containsAll(named)).toBe(true); // nothing named
    for (const n of [9, 3, 7, 1, 5]) held.add(`gid://shopify/Order/${5_000_000_000_000 + n}`);
    held.add("gid://shopify/Order/x1");
    for (const n of [7, 1, 7, 9]) named.add(`gid://shopify/Order/${5_000_000_000_000 + n}`);
    expect(held.containsAll(named)).toBe(true);
    named.add("gid://shopify/Order/x1");
    expect(held.containsAll(named)).toBe(true);
    named.add(`gid://shopify/Order/${5_000_000_000_000 + 4}`); // between two held numbers
    expect(held.containsAll(named)).toBe(false);
    const beyond = new GidIndex("Order");
    beyond.add(`gid://shopify/Order/${5_000_000_000_000 + 10}`); // past the last held number
    expect(held.containsAll(beyond)).toBe(false);
    const otherShape = new GidIndex("Order");
    otherShape.add("gid://shopify/Order/x2");
    expect(held.containsAll(otherShape)).toBe(false);
  });
});
