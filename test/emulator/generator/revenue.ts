// Revenue concentration, measured on materialised orders (the generator draws spend per order, so
// a customer's revenue exists only once their orders are built). Works on any order stream.
import { orderTotals } from "../store/shop-store";
import type { EmOrder } from "../store/types";

/** Adds an order's net revenue (total price minus refunds) to its customer; test, cancelled and guest orders add nothing. */
export function addNetRevenue(revenue: Map<number, number>, order: EmOrder): void {
  if (order.customerId === null || order.test || order.cancelledAt !== null) return;
  const { totalPrice, totalRefunded } = orderTotals(order);
  revenue.set(order.customerId, (revenue.get(order.customerId) ?? 0) + totalPrice - totalRefunded);
}

export function netRevenueByCustomer(orders: Iterable<EmOrder>): Map<number, number> {
  const revenue = new Map<number, number>();
  for (const order of orders) addNetRevenue(revenue, order);
  return revenue;
}

/** Share of the total carried by the top `fraction` of values (e.g. 0.2 for the top 20% of customers). */
export function topShare(values: Iterable<number>, fraction: number): number {
  const sorted = Float64Array.from(values).sort().reverse();
  const total = sorted.reduce((sum, v) => sum + v, 0);
  const top = Math.ceil(sorted.length * fraction);
  let carried = 0;
  for (let i = 0; i < top; i++) carried += sorted[i];
  return total > 0 ? carried / total : 0;
}
