// A small hand-built shop for the GraphQL tests: a few customers, orders with line items, refunds,
// a subscription contract, and a clock the tests move by hand.
import { recordsSource } from "../store/source";
import { MutableShopStore } from "../store/shop-store";
import type { EmContract, EmCustomer, EmLineItem, EmOrder, EmShop, PlanTier } from "../store/types";
import { createAdminContext, type AdminContext, type EmulatorEvent } from "./context";
import type { BulkRegistryOptions } from "../bulk/registry";

export const T0 = Date.parse("2026-01-01T00:00:00Z");
const HOUR = 3_600_000;

export function line(id: number, overrides: Partial<EmLineItem> = {}): EmLineItem {
  return {
    id, productId: 7000 + id, variantId: 8000 + id, title: `Item ${id}`, sku: `SKU-${id}`, quantity: 1, currentQuantity: 1,
    unitPrice: 1000, discount: 0, sellingPlan: null, contractId: null, ...overrides,
  };
}

export function order(id: number, overrides: Partial<EmOrder> = {}): EmOrder {
  const createdAt = T0 + id * HOUR;
  return {
    id, name: `#${1000 + id}`, createdAt, processedAt: createdAt, updatedAt: createdAt, cancelledAt: null, cancelReason: null,
    closedAt: null, test: false, sourceName: "web", customerId: null, discountCodes: [], tags: [], currencyCode: "JPY",
    presentmentCurrencyCode: "JPY", presentmentRate: 1, shippingPrice: 0, taxTotal: 0, lineItems: [line(id * 100 + 1)],
    refunds: [], journey: null, financialStatus: "PAID", fulfillmentStatus: "FULFILLED", ...overrides,
  };
}

export function customer(id: number): EmCustomer {
  return { id, createdAt: T0, updatedAt: T0, truth: { channel: "instagram", segment: "loyal" } };
}

export function contract(id: number, overrides: Partial<EmContract> = {}): EmContract {
  return {
    id, customerId: 1, originOrderId: 1, status: "ACTIVE", billingInterval: "MONTH", billingIntervalCount: 1,
    deliveryInterval: "MONTH", deliveryIntervalCount: 1, nextBillingDate: T0 + 30 * 24 * HOUR, lastPaymentStatus: "SUCCEEDED",
    currencyCode: "JPY", createdAt: T0, updatedAt: T0,
    lines: [{ id: 900 + id, productId: 1, variantId: 2, title: "Coffee", quantity: 1, currentPrice: 3000, sellingPlanId: 55, sellingPlanName: "Monthly" }],
    history: [{ status: "ACTIVE", at: T0 }], ...overrides,
  };
}

export function shop(overrides: Partial<EmShop> = {}): EmShop {
  return {
    id: 1, domain: "tsuzuku-demo.myshopify.com", name: "Tsuzuku Demo", currencyCode: "JPY", ianaTimezone: "Asia/Tokyo",
    planTier: "standard", planDisplayName: "Basic", createdAt: T0 - 365 * 24 * HOUR, ...overrides,
  };
}

export interface TestShop {
  ctx: AdminContext;
  store: MutableShopStore;
  events: EmulatorEvent[];
  clock: { now: number; advance(ms: number): void };
}

export function testShop(input: {
  orders?: EmOrder[]; customers?: EmCustomer[]; contracts?: EmContract[]; shop?: Partial<EmShop>; plan?: PlanTier;
  bulk?: BulkRegistryOptions;
} = {}): TestShop {
  const store = new MutableShopStore(recordsSource({
    shop: shop({ ...input.shop, ...(input.plan ? { planTier: input.plan } : {}) }),
    orders: input.orders ?? [],
    customers: input.customers ?? [customer(1), customer(2)],
    contracts: input.contracts ?? [],
  }));
  const clock = { now: T0 + 1000 * HOUR, advance(ms: number) { clock.now += ms; } };
  const events: EmulatorEvent[] = [];
  const ctx = createAdminContext({ store, now: () => clock.now, events: (e) => events.push(e), bulk: input.bulk });
  return { ctx, store, events, clock };
}
