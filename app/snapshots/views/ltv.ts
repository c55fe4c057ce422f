// The LTV page's view: historical LTV curves by segment and the predicted CLV with its backtest.
import type { ViewInput } from "./view-input";

export function buildLtvView({ analysis }: ViewInput) {
  return { historical: analysis.historicalLtv, predicted: analysis.predictedClv };
}
