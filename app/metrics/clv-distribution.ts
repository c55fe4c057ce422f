// The distribution of per-customer predicted CLV as money bins a merchant can read (¥1,000–¥2,000, not
// "bin 7"), and the customers with the highest values. Bin edges are "1-2-5" amounts (1, 2, 5, 10, 20,
// 50 … major units) from about the 10th to the 99th percentile, so the bins are log-spaced, round, and
// the long tail does not stretch the chart. See docs/metrics.md.

export interface MoneyBin {
  /** Inclusive lower edge, minor units. */
  from: number;
  /** Exclusive upper edge, minor units; null for the last, open bin. */
  to: number | null;
  customers: number;
  /** Σ of the values in the bin, minor units. */
  total: number;
}

/** More inner bins than this and the edges are whole decades instead (1, 10, 100 …). */
export const MAX_INNER_BINS = 12;

/** Nearest-rank quantile of ascending values: sorted[ceil(q·n) − 1] (the smallest value for q = 0). */
export function nearestRank(ascending: Float64Array, q: number): number {
  return ascending[Math.max(0, Math.ceil(q * ascending.length) - 1)];
}

/** Round amounts in minor units: m × 10^j × unit for m in `mantissas`, ascending, from `unit` to the first above `above`. */
function roundAmounts(unit: number, mantissas: readonly number[], above: number): number[] {
  const out: number[] = [];
  for (let scale = unit; ; scale *= 10) {
    for (const m of mantissas) {
      out.push(m * scale);
      if (m * scale > above) return out;
    }
  }
}

/**
 * Edges e₀ < … < e_m: e₀ = the largest round amount ≤ max(p10, 1 major unit), e_m = the smallest ≥ p99
 * (at least the next one after e₀). Bins are [0, e₀), [e₀, e₁) … [e_m, ∞).
 */
export function moneyBinEdges(ascending: Float64Array, currencyDecimals: number): number[] {
  const unit = 10 ** currencyDecimals;
  const low = Math.max(nearestRank(ascending, 0.1), unit);
  const high = nearestRank(ascending, 0.99);
  const edgesOn = (mantissas: readonly number[]) => {
    const grid = roundAmounts(unit, mantissas, Math.max(low, high));
    let first = grid.length - 1;
    while (grid[first] > low) first--;
    // The grid ends above both low and high, so `first + 1` and `last` exist.
    let last = first + 1;
    while (grid[last] < high) last++;
    return grid.slice(first, last + 1);
  };
  const fine = edgesOn([1, 2, 5]);
  return fine.length - 1 <= MAX_INNER_BINS ? fine : edgesOn([1]);
}

/** Histogram of non-negative amounts (minor units) over moneyBinEdges; NaN values are left out. */
export function moneyHistogram(values: Float64Array, currencyDecimals: number): MoneyBin[] {
  return moneyHistogramOfAscending(values.filter((v) => v === v).sort(), currencyDecimals);
}

/** moneyHistogram of values already sorted ascending without NaN (callers that also need quantiles sort once). */
export function moneyHistogramOfAscending(ascending: Float64Array, currencyDecimals: number): MoneyBin[] {
  if (ascending.length === 0) return [];
  const edges = moneyBinEdges(ascending, currencyDecimals);
  const bins: MoneyBin[] = [{ from: 0, to: edges[0], customers: 0, total: 0 }];
  edges.forEach((edge, i) => bins.push({ from: edge, to: i + 1 < edges.length ? edges[i + 1] : null, customers: 0, total: 0 }));
  let bin = 0;
  for (let i = 0; i < ascending.length; i++) {
    const v = ascending[i];
    while (bin + 1 < bins.length && v >= bins[bin + 1].from) bin++;
    bins[bin].customers++;
    bins[bin].total += v;
  }
  return bins;
}

/** Rows of the `n` largest values, largest first; equal values by ascending row; NaN never ranks. */
export function topRowsByValue(values: Float64Array, n: number): number[] {
  const rows: number[] = [];
  for (let r = 0; r < values.length; r++) {
    const v = values[r];
    if (v !== v || (rows.length === n && v <= values[rows[n - 1]])) continue;
    // A later row with an equal value goes after the earlier ones: insert after every value ≥ v.
    let at = rows.length;
    while (at > 0 && values[rows[at - 1]] < v) at--;
    rows.splice(at, 0, r);
    if (rows.length > n) rows.pop();
  }
  return rows;
}
