// Flow figures over one window of time (orders, ordering customers, net revenue, AOV), for comparing
// "the last 30 days" with "the 30 days before". Same counting rules as the totals: a counted order is
// not cancelled and not a test; its net amount deducts the refunds processed by the window's end.
import type { ShopDataset } from "./dataset.ts";
import { ratio } from "./stats.ts";

export interface PeriodTotals {
  /** Exclusive start and inclusive end, ISO instants. */
  from: string;
  to: string;
  orders: number;
  /** Distinct customers with a counted order in the window (guest orders count in `orders` only). */
  customers: number;
  netRevenue: number;
  averageOrderValue: number | null;
}

/** Orders processed in (from, to], epoch ms. */
export function computePeriodTotals(data: ShopDataset, from: number, to: number): PeriodTotals {
  const { customer, processedAt, grossAmount, cancelled, test } = data.orders;
  const inWindow = new Uint8Array(processedAt.length);
  const seen = new Uint8Array(data.customerCount);
  let orders = 0;
  let customers = 0;
  let net = 0;
  for (let i = 0; i < processedAt.length; i++) {
    if (cancelled[i] || test[i] || !(processedAt[i] > from && processedAt[i] <= to)) continue;
    inWindow[i] = 1;
    orders++;
    net += grossAmount[i];
    const c = customer[i];
    if (c >= 0 && !seen[c]) {
      seen[c] = 1;
      customers++;
    }
  }
  const refunds = data.refunds;
  if (refunds) {
    for (let k = 0; k < refunds.order.length; k++) if (inWindow[refunds.order[k]] && refunds.processedAt[k] <= to) net -= refunds.amount[k];
  }
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), orders, customers, netRevenue: net, averageOrderValue: ratio(net, orders) };
}
