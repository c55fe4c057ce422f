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
  /** CSAT and NPS answers of the two comparison windows before `until` (absent: none were read). */
  surveyScores?: SurveyScores;
}

/** One row per CSAT or NPS answer submitted in (until − 2 × comparisonDays, until]. */
export interface SurveyScores {
  /** Epoch ms the windows end at: when the snapshot was computed (answers arrive in real time). */
  until: number;
  /** 0 = CSAT (1–5), 1 = NPS (0–10). */
  kind: Uint8Array;
  score: Uint8Array;
  submittedAt: Float64Array;
}

export function viewMeta(analysis: AnalysisResult): ViewMeta {
  return { currency: analysis.currency, currencyDecimals: analysis.currencyDecimals, timeZone: analysis.timeZone, asOf: analysis.asOf };
}
