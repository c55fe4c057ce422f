// How far the LTV page tells a merchant to trust predicted CLV, from the backtest's error on repeat
// purchases in the holdout. Thresholds are defined in docs/metrics.md ("How far to trust it").
export const TRUST_GOOD_MAX_ERROR = 0.1;
export const TRUST_FAIR_MAX_ERROR = 0.25;
/** Fewer actual repeat purchases in the holdout than this and no verdict is given. */
export const TRUST_MIN_ACTUAL_PURCHASES = 30;

export type Trust = "good" | "fair" | "poor" | "tooFew";

/** relativeError = |predicted − actual| / actual (null without actual purchases) and its verdict. */
export function backtestTrust(predicted: number, actual: number): { relativeError: number | null; trust: Trust } {
  const relativeError = actual > 0 ? Math.abs(predicted - actual) / actual : null;
  if (relativeError === null || actual < TRUST_MIN_ACTUAL_PURCHASES) return { relativeError, trust: "tooFew" };
  const trust = relativeError <= TRUST_GOOD_MAX_ERROR ? "good" : relativeError <= TRUST_FAIR_MAX_ERROR ? "fair" : "poor";
  return { relativeError, trust };
}
