// The benches' seeded shop as engine columns (bench:engine, bench/page-views.ts): customers' first orders
// spread over three years in Tokyo, repeat orders skewed to some customers and to soon after the first.
import { unsafeUniformIntDistribution, xoroshiro128plus } from "pure-rand";
import { allocateOrderColumns, type ShopDataset } from "../app/metrics/dataset.ts";
import { DAY_MS } from "../app/metrics/prepare.ts";

export const BENCH_SHOP = {
  timeZone: "Asia/Tokyo",
  start: Date.parse("2022-01-01T00:00:00+09:00"),
  asOf: Date.parse("2025-01-01T00:00:00+09:00") - 1,
};

/** Seeded shop: every customer has a first order; the rest go to customers with a skew (u² picks). */
export function generateColumnsShop(ORDERS: number, CUSTOMERS: number, seed: number): ShopDataset {
  const { timeZone: TIME_ZONE, start: START, asOf: AS_OF } = BENCH_SHOP;
  const rng = xoroshiro128plus(seed);
  const int = (from: number, to: number) => unsafeUniformIntDistribution(from, to, rng);
  const unit = () => int(0, 2 ** 30 - 1) / 2 ** 30;
  const orders = allocateOrderColumns(ORDERS);
  const firstAt = new Float64Array(CUSTOMERS);
  const span = AS_OF - START;
  for (let c = 0; c < CUSTOMERS; c++) firstAt[c] = START + Math.floor(unit() * span);
  const refundOrder: number[] = [];
  const refundAt: number[] = [];
  const refundAmount: number[] = [];
  for (let i = 0; i < ORDERS; i++) {
    const u = unit();
    const c = i < CUSTOMERS ? i : Math.floor(u * u * CUSTOMERS);
    orders.customer[i] = int(0, 99) < 3 ? -1 : c;
    // Repeat orders fall after the first, more often soon after it.
    const gap = i < CUSTOMERS ? 0 : Math.floor(unit() * unit() * (AS_OF + DAY_MS * 30 - firstAt[c]));
    orders.processedAt[i] = firstAt[c] + gap;
    const amount = 500 + int(0, 150) * 100;
    orders.grossAmount[i] = amount;
    orders.cancelled[i] = int(0, 99) < 2 ? 1 : 0;
    orders.test[i] = int(0, 999) < 5 ? 1 : 0;
    orders.subscription[i] = int(0, 99) < 10 ? 1 : 0;
    orders.channel[i] = int(0, 5);
    orders.discountCode[i] = int(0, 99) < 20 ? int(0, 19) : -1;
    orders.firstProduct[i] = int(0, 49);
    orders.country[i] = int(0, 9);
    if (int(0, 99) < 5) {
      refundOrder.push(i);
      refundAt.push(orders.processedAt[i] + int(1, 120) * DAY_MS);
      refundAmount.push(Math.min(amount, int(1, 50) * 100));
    }
  }
  const names = (prefix: string, n: number) => Array.from({ length: n }, (_, k) => `${prefix}${k}`);
  return {
    timeZone: TIME_ZONE,
    currency: "JPY",
    customerCount: CUSTOMERS,
    orders,
    refunds: { order: Int32Array.from(refundOrder), processedAt: Float64Array.from(refundAt), amount: Float64Array.from(refundAmount) },
    dictionaries: { channel: names("channel-", 6), discountCode: names("CODE", 20), product: names("product-", 50), country: names("C", 10) },
  };
}
