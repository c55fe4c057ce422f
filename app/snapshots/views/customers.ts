// The Customers page's view: RFM segments and the Pareto (Lorenz, top shares, Gini) view.
import type { ViewInput } from "./view-input";

export function buildCustomersView({ analysis }: ViewInput) {
  return { rfm: analysis.rfm, pareto: analysis.pareto };
}
