// Where a shop's records come from before any mutation: a generated shop (columns, materialised on
// demand) or explicit records (hand-built scenarios in tests). Ids ascend with creation time.
import type { EmContract, EmCustomer, EmOrder, EmSellingPlan, EmShop } from "./types";

export interface ShopSource {
  readonly shop: EmShop;
  orderIds(): ArrayLike<number>;
  materializeOrder(id: number): EmOrder | undefined;
  orderUpdatedAt(id: number): number | undefined;
  /** Optional cheap reads for sort indexes; without them the emulator materialises each order once. */
  orderCreatedAt?(id: number): number | undefined;
  orderProcessedAt?(id: number): number | undefined;
  customerIds(): ArrayLike<number>;
  materializeCustomer(id: number): EmCustomer | undefined;
  contractIds(): ArrayLike<number>;
  materializeContract(id: number): EmContract | undefined;
  sellingPlans(): EmSellingPlan[];
  /** Next free id for records created by mutations (above every id in the source). */
  nextId(): number;
}

/** A source over explicit records, for small hand-built shops. */
export function recordsSource(input: {
  shop: EmShop;
  orders?: EmOrder[];
  customers?: EmCustomer[];
  contracts?: EmContract[];
  sellingPlans?: EmSellingPlan[];
}): ShopSource {
  const byId = <T extends { id: number }>(rows: T[] = []) => new Map([...rows].sort((a, b) => a.id - b.id).map((r) => [r.id, r]));
  const orders = byId(input.orders);
  const customers = byId(input.customers);
  const contracts = byId(input.contracts);
  const clone = <T>(value: T | undefined): T | undefined => (value === undefined ? undefined : structuredClone(value));
  let maxId = 0;
  for (const order of orders.values()) {
    maxId = Math.max(maxId, order.id, ...order.lineItems.map((l) => l.id), ...order.refunds.flatMap((r) => [r.id, ...r.lines.map((l) => l.id)]));
  }
  for (const id of [...customers.keys(), ...contracts.keys()]) maxId = Math.max(maxId, id);
  return {
    shop: input.shop,
    orderIds: () => Float64Array.from(orders.keys()),
    materializeOrder: (id) => clone(orders.get(id)),
    orderUpdatedAt: (id) => orders.get(id)?.updatedAt,
    customerIds: () => Float64Array.from(customers.keys()),
    materializeCustomer: (id) => clone(customers.get(id)),
    contractIds: () => Float64Array.from(contracts.keys()),
    materializeContract: (id) => clone(contracts.get(id)),
    sellingPlans: () => input.sellingPlans ?? [],
    nextId: () => maxId + 1,
  };
}
