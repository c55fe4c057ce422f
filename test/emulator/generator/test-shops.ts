// Shops shared by the generator's tests (each test file is its own process, so each builds its own,
// once). Big enough for proportions to settle, small enough to materialise in well under a second.
import type { EmContract, EmOrder } from "../store/types";
import { type GeneratedShop, generateShop } from "./index";

export const REALISTIC_ORDERS = 60_000;

function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

export const realisticShop = once(() => generateShop({ seed: 7, orders: REALISTIC_ORDERS }));
export const realisticOrders = once((): EmOrder[] => [...realisticShop().orders()]);
export const realisticContracts = once((): EmContract[] => [...realisticShop().contracts()]);

export function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

export function countWhere<T>(items: Iterable<T>, predicate: (item: T) => boolean): number {
  let n = 0;
  for (const item of items) if (predicate(item)) n++;
  return n;
}

/** Every id a shop's records carry (orders, lines, refunds, refund lines, customers, contracts and their lines). */
export function allIds(shop: GeneratedShop): number[] {
  const ids: number[] = [];
  for (const order of shop.orders()) {
    ids.push(order.id, ...order.lineItems.map((l) => l.id));
    for (const refund of order.refunds) ids.push(refund.id, ...refund.lines.map((l) => l.id));
  }
  for (const customer of shop.customers()) ids.push(customer.id);
  for (const contract of shop.contracts()) ids.push(contract.id, ...contract.lines.map((l) => l.id));
  return ids;
}

/**
 * Runs `check` over every item and returns the first `limit` problems it reports, so an invariant
 * over 60,000 orders is one fast assertion (`toEqual([])`) whose failure names the culprits.
 */
export function problemsOf<T>(items: Iterable<T>, check: (item: T, problem: (message: string) => void) => void, limit = 10): string[] {
  const problems: string[] = [];
  const report = (message: string) => {
    if (problems.length < limit) problems.push(message);
  };
  for (const item of items) check(item, report);
  return problems;
}
