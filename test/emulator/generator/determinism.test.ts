import { describe, expect, it } from "vitest";
import { generateShop } from "./index";

const small = (seed: number, extra: Partial<Parameters<typeof generateShop>[0]> = {}) => generateShop({ seed, orders: 3_000, ...extra });
const everything = (shop: ReturnType<typeof generateShop>) => ({
  shop: shop.shop,
  orders: [...shop.orders()],
  customers: [...shop.customers()],
  contracts: [...shop.contracts()],
  aggregates: shop.truth.aggregates,
});

describe("generateShop determinism", () => {
  it("gives identical records for the same seed", () => {
    expect(everything(small(42))).toEqual(everything(small(42)));
  });

  it("gives different shops for different seeds, including neighbouring ones", () => {
    const a = everything(small(42));
    const b = everything(small(43));
    expect(b.orders.map((o) => o.processedAt)).not.toEqual(a.orders.map((o) => o.processedAt));
    expect(b.customers.length).not.toBe(a.customers.length);
  });

  it("materialises any record alone, in any order, the same way", () => {
    const shop = small(5);
    const ids = Array.from(shop.orderIds());
    const inOrder = new Map(ids.map((id) => [id, shop.materializeOrder(id)]));
    const reversed = [...ids].reverse().map((id) => [id, shop.materializeOrder(id)] as const);
    for (const [id, order] of reversed) expect(order).toEqual(inOrder.get(id));
    const fresh = small(5);
    expect(fresh.materializeOrder(ids[1234])).toEqual(inOrder.get(ids[1234]));
    const contractId = shop.contractIds()[3];
    expect(fresh.materializeContract(contractId)).toEqual(shop.materializeContract(contractId));
  });

  it("never depends on the clock: the default window is fixed", () => {
    const shop = small(1);
    expect(new Date(shop.truth.window.end).toISOString()).toBe("2026-10-31T15:00:00.000Z"); // 2026-11-01 00:00 in Tokyo
    expect(new Date(shop.truth.window.start).toISOString()).toBe("2023-04-30T15:00:00.000Z");
  });

  it("keeps the first orders of a shop when the shop is made bigger (customers are drawn in sequence)", () => {
    const a = small(9, { orders: 2_000 });
    const b = small(9, { orders: 4_000 });
    // The bigger shop draws the same customer sequence further, so it holds (almost) all of the smaller one's.
    const params = (shop: ReturnType<typeof generateShop>) =>
      new Set([...shop.customers()].map((c) => shop.truth.customer(c.id)!.purchaseRatePerYear));
    const inA = params(a);
    expect([...params(b)].filter((rate) => inA.has(rate)).length).toBeGreaterThan(inA.size * 0.9);
  });
});
