// Gamma-Gamma spend model (Fader & Hardie 2013, "The Gamma-Gamma Model of Monetary Value"):
// a customer's average transaction value, fitted on customers with at least one repeat purchase.

import { minimizeBfgs } from "./optimize.ts";
import { digamma, lgamma } from "./special-functions.ts";

export interface GammaGammaParams {
  p: number;
  q: number;
  /** γ in the note (v in lifetimes). */
  v: number;
}

/** Per-customer x (repeat transactions) and zbar (their mean value); rows with x = 0 are skipped. */
export interface FrequencyMonetary {
  frequency: Float64Array;
  monetary: Float64Array;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  /** Σ ln f(zbar | x) over customers with x > 0, with the Jacobian (full density of zbar). */
  logLikelihood: number;
  customers: number;
  iterations: number;
  converged: boolean;
}

/**
 * Σ ln f over customers with x > 0, where
 * ln f = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln v + (px−1) ln z + px ln x − (px+q) ln(v + x z).
 * When `gradient` is given, fills d/d(ln p, ln q, ln v).
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, data: FrequencyMonetary, gradient?: Float64Array): number {
  const { p, q, v } = params;
  const groups = frequencyGroups(data);
  const lgQ = lgamma(q);
  const psiQ = digamma(q);
  const lnV = Math.log(v);
  // Only ln(v + x z) needs every row; the rest sums per distinct x (few), from sums taken once.
  const sumLnVXZ = groups.scratchLog.fill(0);
  const sumInverse = groups.scratchInverse.fill(0);
  const { groupOfRow, xTimesZ } = groups;
  for (let i = 0; i < groupOfRow.length; i++) {
    const vxz = v + xTimesZ[i];
    sumLnVXZ[groupOfRow[i]] += Math.log(vxz);
    if (gradient) sumInverse[groupOfRow[i]] += 1 / vxz;
  }
  let total = 0;
  let gP = 0;
  let gQ = 0;
  let gV = 0;
  for (let g = 0; g < groups.frequency.length; g++) {
    const x = groups.frequency[g];
    const n = groups.count[g];
    const px = p * x;
    const lnX = Math.log(x);
    total += n * (lgamma(px + q) - lgamma(px) - lgQ + q * lnV + px * lnX) + (px - 1) * groups.sumLnZ[g] - (px + q) * sumLnVXZ[g];
    if (gradient) {
      const psiPXQ = digamma(px + q);
      gP += x * (n * (psiPXQ - digamma(px) + lnX) + groups.sumLnZ[g] - sumLnVXZ[g]);
      gQ += n * (psiPXQ - psiQ + lnV) - sumLnVXZ[g];
      gV += (n * q) / v - (px + q) * sumInverse[g];
    }
  }
  if (gradient) {
    gradient[0] = gP * p;
    gradient[1] = gQ * q;
    gradient[2] = gV * v;
  }
  return total;
}

interface FrequencyGroups {
  /** Distinct x > 0, with how many rows have it and the sum of their ln z. */
  frequency: number[];
  count: Float64Array;
  sumLnZ: Float64Array;
  /** Per row with x > 0: its group and x·z. */
  groupOfRow: Int32Array;
  xTimesZ: Float64Array;
  scratchLog: Float64Array;
  scratchInverse: Float64Array;
}

const groupsByData = new WeakMap<FrequencyMonetary, FrequencyGroups>();

/** Rows grouped by x, once per data set (the optimiser evaluates the same data many times). */
function frequencyGroups(data: FrequencyMonetary): FrequencyGroups {
  const cached = groupsByData.get(data);
  if (cached) return cached;
  const { frequency, monetary } = data;
  let rows = 0;
  for (let i = 0; i < frequency.length; i++) if (frequency[i] > 0) rows++;
  const groupByX = new Map<number, number>();
  const distinct: number[] = [];
  const count: number[] = [];
  const sumLnZ: number[] = [];
  const groupOfRow = new Int32Array(rows);
  const xTimesZ = new Float64Array(rows);
  let row = 0;
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i];
    if (!(x > 0)) continue;
    let g = groupByX.get(x);
    if (g === undefined) {
      g = distinct.length;
      groupByX.set(x, g);
      distinct.push(x);
      count.push(0);
      sumLnZ.push(0);
    }
    count[g]++;
    sumLnZ[g] += Math.log(monetary[i]);
    groupOfRow[row] = g;
    xTimesZ[row++] = x * monetary[i];
  }
  const groups: FrequencyGroups = {
    frequency: distinct,
    count: Float64Array.from(count),
    sumLnZ: Float64Array.from(sumLnZ),
    groupOfRow,
    xTimesZ,
    scratchLog: new Float64Array(distinct.length),
    scratchInverse: new Float64Array(distinct.length),
  };
  groupsByData.set(data, groups);
  return groups;
}

export function fitGammaGamma(
  data: FrequencyMonetary,
  options: { start?: GammaGammaParams; maxIterations?: number } = {},
): GammaGammaFit {
  let customers = 0;
  for (let i = 0; i < data.frequency.length; i++) {
    if (data.frequency[i] > 0) {
      customers++;
      if (!(data.monetary[i] > 0)) throw new RangeError(`monetary must be > 0 where frequency > 0 (row ${i})`);
    }
  }
  if (customers === 0) throw new RangeError("fitGammaGamma needs a customer with frequency > 0");
  // Start where the population mean spend p·v/(q−1) equals the sample's: amounts are in minor units
  // (often thousands), and starting at v = 1 spends iterations only on climbing to the right scale.
  let meanSpend = 0;
  for (let i = 0; i < data.frequency.length; i++) if (data.frequency[i] > 0) meanSpend += data.monetary[i] / customers;
  const start = options.start ?? { p: 1, q: 2, v: meanSpend };
  const scale = 1 / customers;
  const result = minimizeBfgs(
    (theta, gradient) => {
      const ll = gammaGammaLogLikelihood(toParams(theta), data, gradient);
      for (let k = 0; k < 3; k++) gradient[k] *= -scale;
      return -ll * scale;
    },
    [Math.log(start.p), Math.log(start.q), Math.log(start.v)],
    { maxIterations: options.maxIterations ?? 1000, gradientTolerance: 1e-10, maxStep: 2, bound: 30 },
  );
  const params = toParams(result.x);
  return {
    params,
    logLikelihood: gammaGammaLogLikelihood(params, data),
    customers,
    iterations: result.iterations,
    converged: result.converged,
  };
}

function toParams(theta: Float64Array): GammaGammaParams {
  return { p: Math.exp(theta[0]), q: Math.exp(theta[1]), v: Math.exp(theta[2]) };
}

/** E[Z | x, zbar]: expected average transaction value; the population mean p·v/(q−1) when x = 0. */
export function gammaGammaExpectedAverageSpend(params: GammaGammaParams, x: number, zbar: number): number {
  const { p, q, v } = params;
  return (p * (v + x * zbar)) / (p * x + q - 1);
}
