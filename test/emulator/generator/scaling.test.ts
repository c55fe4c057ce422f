import { describe, expect, it } from "vitest";
import { ID_BASE, generateShop } from "./index";
import { allIds } from "./test-shops";

describe("generateShop scaling and ids", () => {
  it.each([0, 1, 7, 100, 1_000, 25_000])("makes exactly %i orders", (orders) => {
    const shop = generateShop({ seed: 3, orders });
    expect(shop.orderIds().length).toBe(orders);
    expect([...shop.orders()].length).toBe(orders);
    const { ordersByKind, customers } = shop.truth.aggregates;
    expect(Object.values(ordersByKind).reduce((a, b) => a + b, 0)).toBe(orders);
    expect(ordersByKind.guest).toBe(Math.round(orders * 0.05));
    expect(ordersByKind.test).toBe(Math.round(orders * 0.005));
    expect(shop.customerIds().length).toBe(customers);
  });

  it("a 100-order shop has a couple of dozen customers, each with at least one order", () => {
    const shop = generateShop({ seed: 11, orders: 100 });
    const withOrders = new Set([...shop.orders()].map((o) => o.customerId).filter((id) => id !== null));
    expect(withOrders.size).toBe(shop.customerIds().length);
    expect(withOrders.size).toBeGreaterThan(10);
    expect(withOrders.size).toBeLessThan(60);
  });

  it("gives every record a unique id, below nextId(), in disjoint families", () => {
    const shop = generateShop({ seed: 4, orders: 20_000 });
    const ids = allIds(shop);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.reduce((max, id) => Math.max(max, id), 0)).toBeLessThan(shop.nextId());
    expect(shop.nextId()).toBeLessThan(Number.MAX_SAFE_INTEGER);
    for (const id of shop.orderIds() as Float64Array) expect(id).toBeGreaterThanOrEqual(ID_BASE.order);
  });

  it("orders ids ascend with processedAt; customers with createdAt; contracts with createdAt", () => {
    const shop = generateShop({ seed: 4, orders: 20_000 });
    const ascending = <T>(rows: T[], id: (r: T) => number, at: (r: T) => number) => {
      for (let i = 1; i < rows.length; i++) {
        expect(id(rows[i])).toBeGreaterThan(id(rows[i - 1]));
        expect(at(rows[i])).toBeGreaterThanOrEqual(at(rows[i - 1]));
      }
    };
    const orders = [...shop.orders()];
    ascending(orders, (o) => o.id, (o) => o.processedAt);
    expect(orders.map((o) => o.name).slice(0, 2)).toEqual(["#1001", "#1002"]);
    ascending([...shop.customers()], (c) => c.id, (c) => c.createdAt);
    ascending([...shop.contracts()], (c) => c.id, (c) => c.createdAt);
    for (const order of orders) {
      for (let k = 1; k < order.lineItems.length; k++) expect(order.lineItems[k].id).toBeGreaterThan(order.lineItems[k - 1].id);
    }
  });

  it("answers unknown ids with undefined", () => {
    const shop = generateShop({ seed: 4, orders: 10 });
    expect(shop.materializeOrder(ID_BASE.order + 10)).toBeUndefined();
    expect(shop.materializeOrder(ID_BASE.order + 0.5)).toBeUndefined();
    expect(shop.materializeCustomer(1)).toBeUndefined();
    expect(shop.materializeContract(ID_BASE.contract - 1)).toBeUndefined();
    expect(shop.orderUpdatedAt(123)).toBeUndefined();
    expect(shop.truth.customer(ID_BASE.order)).toBeUndefined();
  });

  it("rejects bad options with a message naming the option", () => {
    expect(() => generateShop({ seed: 1, orders: -1 })).toThrow(/orders/);
    expect(() => generateShop({ seed: 1.5, orders: 1 })).toThrow(/seed/);
    expect(() => generateShop({ seed: 1, orders: 1, currency: "XYZ" })).toThrow(/currency/);
    expect(() => generateShop({ seed: 1, orders: 1, timezone: "Mars/Olympus" })).toThrow(/timezone/);
    expect(() => generateShop({ seed: 1, orders: 1, startDate: "2026-01-01T00:00:00Z", endDate: "2025-01-01T00:00:00Z" })).toThrow(/startDate/);
  });
});
