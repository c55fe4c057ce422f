// A ViewInput for a dataset as the snapshot job builds it: the analysis as of `asOf` and as of 30 days
// earlier, with the per-customer facts of both (RFM moves, CLV distribution, top customers).
import { analyzeShopWithCustomers, type AnalyzeOptions } from "../../../app/metrics/analyze";
import type { ShopDataset } from "../../../app/metrics/dataset";
import type { ViewInput } from "../../../app/snapshots/views/view-input";

export function viewInputFor(dataset: ShopDataset, asOf: number, options: Omit<AnalyzeOptions, "asOf"> = {}): ViewInput {
  const comparisonDays = 30;
  const now = analyzeShopWithCustomers(dataset, { ...options, asOf });
  const then = analyzeShopWithCustomers(dataset, { ...options, asOf: asOf - comparisonDays * 86_400_000 });
  return { dataset, analysis: now.analysis, previous: then.analysis, comparisonDays, customers: { now: now.customers, previous: then.customers } };
}
