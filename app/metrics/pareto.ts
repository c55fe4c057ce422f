// Revenue concentration over customers' net revenue: the share held by the top p% of customers, the
// Lorenz curve and the Gini coefficient. One sort of the per-customer totals.
import type { PreparedShop } from "./prepare.ts";

export const TOP_SHARES_PERCENT = [1, 5, 10, 20, 50] as const;

export interface ParetoMetrics {
  customers: number;
  /** Share of net revenue held by the top ceil(p% × customers) customers. */
  topShares: { percent: number; customers: number; revenue: number; share: number | null }[];
  /** 21 points (every 5% of customers, poorest first): cumulative share of net revenue. */
  lorenz: { customerShare: number; revenueShare: number | null }[];
  /** Σ_i (2i − n − 1) x_(i) / (n Σ x), ascending order statistics; null without revenue. */
  gini: number | null;
}

export function computePareto(shop: PreparedShop): ParetoMetrics {
  const n = shop.customers;
  const ascending = Float64Array.from(shop.netTotal).sort();
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += ascending[i];
    weighted += (2 * (i + 1) - n - 1) * ascending[i];
  }
  const prefix = (count: number) => {
    let s = 0;
    for (let i = 0; i < count; i++) s += ascending[i];
    return s;
  };
  const topShares = TOP_SHARES_PERCENT.map((percent) => {
    const customers = Math.ceil((percent / 100) * n);
    let revenue = 0;
    for (let i = n - customers; i < n; i++) revenue += ascending[i];
    return { percent, customers, revenue, share: total > 0 ? revenue / total : null };
  });
  const lorenz = [];
  for (let step = 0; step <= 20; step++) {
    const customerShare = step / 20;
    lorenz.push({ customerShare, revenueShare: total > 0 ? prefix(Math.round(customerShare * n)) / total : null });
  }
  return { customers: n, topShares, lorenz, gini: total > 0 ? weighted / (n * total) : null };
}
