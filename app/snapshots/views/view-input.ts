// What every page view is built from, once per snapshot: the shop's columns, the engine's analysis as of
// now, and the same analysis as of one comparison period earlier (the "previous period" figures).
import type { AnalysisResult, CustomerFacts } from "../../metrics/analyze";
import type { ShopDataset } from "../../metrics/dataset";
import type { ViewMeta } from "../../components/format";

export interface ViewInput {
  dataset: ShopDataset;
  analysis: AnalysisResult;
  /** The analysis as of `analysis.asOf − comparisonDays`. */
  previous: AnalysisResult;
  comparisonDays: number;
  /**
   * Per-customer facts behind `analysis` and `previous` (RFM moves, CLV distribution, top customers).
   * computeSnapshot always fills it; views that need it show their section as unavailable without it.
   */
  customers?: { now: CustomerFacts; previous: CustomerFacts };
}

export function viewMeta(analysis: AnalysisResult): ViewMeta {
  return { currency: analysis.currency, currencyDecimals: analysis.currencyDecimals, timeZone: analysis.timeZone, asOf: analysis.asOf };
}
