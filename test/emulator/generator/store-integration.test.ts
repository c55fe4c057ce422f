import { describe, expect, it } from "vitest";
import { InvalidMutationError, MutableShopStore } from "../store/shop-store";
import { generateShop } from "./index";

const ORDERS = 5_000;

function storeOverGeneratedShop() {
  const generated = generateShop({ seed: 17, orders: ORDERS });
  return { generated, store: new MutableShopStore(generated), now: generated.truth.window.end + 3_600_000 };
}

describe("MutableShopStore over a generated shop", () => {
  it("serves the generated records as they are", () => {
    const { generated, store } = storeOverGeneratedShop();
    expect(store.shop.currencyCode).toBe("JPY");
    expect(store.shop.ianaTimezone).toBe("Asia/Tokyo");
    expect(store.orderCount()).toBe(ORDERS);
    expect(store.customerCount()).toBe(generated.truth.aggregates.customers);
    expect(store.contractCount()).toBe(generated.truth.aggregates.contracts);
    const id = generated.orderIds()[100];
    expect(store.getOrder(id)).toEqual(generated.materializeOrder(id));
    expect(store.orderUpdatedAt(id)).toBe(store.getOrder(id)!.updatedAt);
    expect([...store.orders()].length).toBe(ORDERS);
    expect(store.sellingPlans()).toHaveLength(2);
  });

  it("cancels and refunds generated orders, with ids above every generated id", () => {
    const { generated, store, now } = storeOverGeneratedShop();
    const target = [...generated.orders()].find((o) => o.cancelledAt === null && o.refunds.length === 0 && o.lineItems[0].quantity >= 1 && !o.test)!;
    const refunded = store.refundOrder(target.id, [{ lineItemId: target.lineItems[0].id, quantity: 1 }], now);
    expect(refunded.refund.id).toBeGreaterThanOrEqual(generated.nextId());
    expect(refunded.order.refunds).toHaveLength(1);
    expect(refunded.order.updatedAt).toBe(now);
    expect(["PARTIALLY_REFUNDED", "REFUNDED"]).toContain(refunded.order.financialStatus);
    const cancelled = store.cancelOrder(target.id, "CUSTOMER", now + 1000);
    expect(cancelled.cancelledAt).toBe(now + 1000);
    expect(store.orderUpdatedAt(target.id)).toBe(now + 1000);
    expect(() => store.cancelOrder(target.id, "CUSTOMER", now + 2000)).toThrow(InvalidMutationError);
    // The generated source itself is untouched.
    expect(generated.materializeOrder(target.id)).toEqual(target);
  });

  it("creates orders after the generated ones", () => {
    const { generated, store, now } = storeOverGeneratedShop();
    const template = generated.materializeOrder(generated.orderIds()[0])!;
    const { id: _id, name: _name, updatedAt: _updatedAt, refunds: _refunds, ...input } = template;
    const created = store.createOrder({ ...input, processedAt: now, createdAt: now, lineItems: input.lineItems.map((l) => ({ ...l, id: 0 })) }, now);
    expect(created.id).toBeGreaterThanOrEqual(generated.nextId());
    expect(created.name).toBe(`#${1001 + ORDERS}`);
    expect(store.orderCount()).toBe(ORDERS + 1);
    expect(store.orderIds()[ORDERS]).toBe(created.id);
  });

  it("changes a generated contract's status and extends its history", () => {
    const { generated, store, now } = storeOverGeneratedShop();
    const active = [...generated.contracts()].find((c) => c.status === "ACTIVE")!;
    const paused = store.setContractStatus(active.id, "PAUSED", now);
    expect(paused.status).toBe("PAUSED");
    expect(paused.nextBillingDate).toBeNull();
    expect(paused.history.at(-1)).toEqual({ status: "PAUSED", at: now });
    expect(paused.history.slice(0, -1)).toEqual(active.history);
    expect(store.getContract(active.id)).toEqual(paused);
  });
});
