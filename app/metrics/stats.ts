// Small numeric helpers shared by the metric families.

/** Quantile by linear interpolation between order statistics (R type 7, DuckDB quantile_cont) on a sorted column. */
export function quantileSorted(sorted: Float64Array, q: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** a / b, or null when b is 0 (a rate with nobody to measure it on). */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

/** Rounds to 12 significant digits so JSON output does not carry floating-point noise. */
export function tidy(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(12)) : x;
}
