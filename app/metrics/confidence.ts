// How sure a figure is: 95 % intervals for a rate (Wilson score) and for a mean (normal approximation),
// and the two-sided tests that say whether two groups differ by more than noise. Dependency-free so the
// engine stays pure; definitions in docs/metrics.md ("Confidence intervals").

/** z for a two-sided 95 % interval. */
export const Z_95 = 1.959963984540054;
/** A difference is called likely real below this two-sided p-value. */
export const SIGNIFICANCE = 0.05;

export interface RateEstimate {
  /** Customers with the outcome. */
  count: number;
  /** Customers measured (the denominator). */
  total: number;
  rate: number | null;
  low: number | null;
  high: number | null;
}

export interface MeanEstimate {
  total: number;
  mean: number | null;
  /** Normal interval mean ± z·s/√n; null with fewer than 2 values. */
  low: number | null;
  high: number | null;
}

/** Wilson score interval of count / total at `z` (95 % by default); nulls with total 0. */
export function wilsonInterval(count: number, total: number, z = Z_95): RateEstimate {
  if (total === 0) return { count, total, rate: null, low: null, high: null };
  const p = count / total;
  const z2 = z * z;
  const denominator = 1 + z2 / total;
  const centre = (p + z2 / (2 * total)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  return { count, total, rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * Mean with its normal 95 % interval from n, Σx and Σx² (sample standard deviation, n − 1). `floor` is
 * the least value the quantity can take (0 for revenue): the symmetric interval is cut there.
 */
export function meanInterval(total: number, sum: number, sumOfSquares: number, { z = Z_95, floor = -Infinity } = {}): MeanEstimate {
  if (total === 0) return { total, mean: null, low: null, high: null };
  const mean = sum / total;
  if (total < 2) return { total, mean, low: null, high: null };
  const half = z * Math.sqrt(sampleVariance(total, sum, sumOfSquares) / total);
  return { total, mean, low: Math.max(floor, mean - half), high: mean + half };
}

function sampleVariance(total: number, sum: number, sumOfSquares: number): number {
  // Σ(x − x̄)² = Σx² − (Σx)²/n; clamp the rounding error that can make it slightly negative.
  return Math.max(0, (sumOfSquares - (sum * sum) / total) / (total - 1));
}

/** Two-sided p-value of the pooled two-proportion z-test of a1/n1 against a2/n2; null when undefined. */
export function twoProportionPValue(a1: number, n1: number, a2: number, n2: number): number | null {
  if (n1 === 0 || n2 === 0) return null;
  const pooled = (a1 + a2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return a1 / n1 === a2 / n2 ? 1 : 0;
  return twoSidedP((a1 / n1 - a2 / n2) / se);
}

/** Two-sided p-value of Welch's z-test of two means (large-sample), from n, Σx and Σx² of each group. */
export function twoMeanPValue(n1: number, sum1: number, squares1: number, n2: number, sum2: number, squares2: number): number | null {
  if (n1 < 2 || n2 < 2) return null;
  const se = Math.sqrt(sampleVariance(n1, sum1, squares1) / n1 + sampleVariance(n2, sum2, squares2) / n2);
  const difference = sum1 / n1 - sum2 / n2;
  if (se === 0) return difference === 0 ? 1 : 0;
  return twoSidedP(difference / se);
}

function twoSidedP(z: number): number {
  return Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
}

/** Φ(x), the standard normal CDF, from erfc (Numerical Recipes' Chebyshev fit, |error| < 1.2e−7). */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}
