// Totals and repeat purchasing: repeat-customer rate, second-order (F2) conversion within fixed windows
// counted only on customers old enough to have had the whole window, time from 1st to 2nd order, and
// repurchase by first product.
import type { ShopDataset } from "./dataset.ts";
import { DAY_MS, type PreparedShop } from "./prepare.ts";
import { quantileSorted, ratio } from "./stats.ts";

export const F2_WINDOWS_DAYS = [30, 60, 90, 180, 365] as const;
/** Histogram bucket lower edges (days) for time from 1st to 2nd order; the last bucket is open. */
export const TIME_TO_SECOND_BUCKETS_DAYS = [0, 7, 14, 30, 60, 90, 180, 365] as const;

export interface Totals {
  customers: number;
  orders: number;
  ordersWithoutCustomer: number;
  excludedCancelledOrTest: number;
  grossRevenue: number;
  refunds: number;
  netRevenue: number;
  averageOrderValue: number | null;
  ordersPerCustomer: number | null;
}

export function computeTotals(data: ShopDataset, shop: PreparedShop): Totals {
  const { cancelled, test, processedAt } = data.orders;
  let excluded = 0;
  for (let i = 0; i < cancelled.length; i++) if ((cancelled[i] || test[i]) && processedAt[i] <= shop.asOf) excluded++;
  return {
    customers: shop.customers,
    orders: shop.countedOrders,
    ordersWithoutCustomer: shop.guestOrders,
    excludedCancelledOrTest: excluded,
    grossRevenue: shop.grossRevenue,
    refunds: shop.refundedAmount,
    netRevenue: shop.netRevenue,
    averageOrderValue: ratio(shop.netRevenue, shop.countedOrders),
    ordersPerCustomer: ratio(shop.countedCustomerOrders, shop.customers),
  };
}

export interface F2Conversion {
  windowDays: number;
  /** Customers whose first order is at least windowDays before asOf. */
  eligibleCustomers: number;
  /** Of those, customers whose second order came within windowDays of the first. */
  convertedCustomers: number;
  rate: number | null;
}

export interface RepeatMetrics {
  repeatCustomers: number;
  repeatCustomerRate: number | null;
  f2: F2Conversion[];
  timeToSecondOrderDays: {
    customers: number;
    p25: number | null;
    median: number | null;
    p75: number | null;
    histogram: { fromDays: number; toDays: number | null; customers: number }[];
  };
  repurchaseByFirstProduct: { product: string; customers: number; repeatCustomers: number; rate: number }[];
}

export function computeRepeat(data: ShopDataset, shop: PreparedShop): RepeatMetrics {
  const windows = F2_WINDOWS_DAYS.map((d) => d * DAY_MS);
  const eligible = new Float64Array(windows.length);
  const converted = new Float64Array(windows.length);
  const gaps = new Float64Array(shop.customers);
  const buckets = new Float64Array(TIME_TO_SECOND_BUCKETS_DAYS.length);
  const productCount = data.dictionaries.product.length;
  const byProductCustomers = new Float64Array(productCount);
  const byProductRepeat = new Float64Array(productCount);
  let repeaters = 0;
  for (let r = 0; r < shop.customers; r++) {
    const first = shop.firstTime[r];
    const gap = shop.secondTime[r] - first; // NaN for one-order customers: every comparison is false
    const age = shop.asOf - first;
    for (let w = 0; w < windows.length; w++) {
      if (age >= windows[w]) {
        eligible[w]++;
        if (gap <= windows[w]) converted[w]++;
      }
    }
    const product = data.orders.firstProduct[shop.firstOrder[r]];
    if (product >= 0) byProductCustomers[product]++;
    if (gap >= 0) {
      const days = gap / DAY_MS;
      gaps[repeaters++] = days;
      let b = TIME_TO_SECOND_BUCKETS_DAYS.length - 1;
      while (days < TIME_TO_SECOND_BUCKETS_DAYS[b]) b--;
      buckets[b]++;
      if (product >= 0) byProductRepeat[product]++;
    }
  }
  const sortedGaps = gaps.subarray(0, repeaters).sort();
  const repurchaseByFirstProduct: RepeatMetrics["repurchaseByFirstProduct"] = [];
  for (let p = 0; p < productCount; p++) {
    if (byProductCustomers[p] === 0) continue;
    repurchaseByFirstProduct.push({
      product: data.dictionaries.product[p],
      customers: byProductCustomers[p],
      repeatCustomers: byProductRepeat[p],
      rate: byProductRepeat[p] / byProductCustomers[p],
    });
  }
  repurchaseByFirstProduct.sort((a, b) => b.customers - a.customers || a.product.localeCompare(b.product));
  return {
    repeatCustomers: repeaters,
    repeatCustomerRate: ratio(repeaters, shop.customers),
    f2: F2_WINDOWS_DAYS.map((windowDays, w) => ({
      windowDays,
      eligibleCustomers: eligible[w],
      convertedCustomers: converted[w],
      rate: ratio(converted[w], eligible[w]),
    })),
    timeToSecondOrderDays: {
      customers: repeaters,
      p25: quantileSorted(sortedGaps, 0.25),
      median: quantileSorted(sortedGaps, 0.5),
      p75: quantileSorted(sortedGaps, 0.75),
      histogram: TIME_TO_SECOND_BUCKETS_DAYS.map((fromDays, b) => ({
        fromDays,
        toDays: TIME_TO_SECOND_BUCKETS_DAYS[b + 1] ?? null,
        customers: buckets[b],
      })),
    },
    repurchaseByFirstProduct,
  };
}
