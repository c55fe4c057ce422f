// The engine's per-customer grouping of the counted orders, as of the view's analysis, for views that
// compute an engine family the analysis does not carry (survey outcomes, subscriptions inferred from
// orders). Prepared once per snapshot and shared by every view that asks (one pass over the orders).
import { prepareShop, type PreparedShop } from "../../metrics/prepare";
import type { ViewInput } from "./view-input";

const prepared = new WeakMap<ViewInput["dataset"], { asOf: number; shop: PreparedShop }>();

export function preparedShopOf({ dataset, analysis }: Pick<ViewInput, "dataset" | "analysis">): PreparedShop {
  const asOf = Date.parse(analysis.asOf);
  const cached = prepared.get(dataset);
  if (cached && cached.asOf === asOf) return cached.shop;
  const shop = prepareShop(dataset, asOf);
  prepared.set(dataset, { asOf, shop });
  return shop;
}
