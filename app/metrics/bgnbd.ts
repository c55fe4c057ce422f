// BG/NBD (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way"): how many repeat purchases
// a customer will make, and whether they are still alive, from (x, t_x, T).

import { minimizeBfgs } from "./optimize.ts";
import { digamma, hyp2f1, lgamma } from "./special-functions.ts";

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Per-customer (x, t_x, T); an RfmSummary fits. */
export interface FrequencyRecencyAge {
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  /** How many customers each row stands for (rows with equal x, t_x, T merged); 1 when absent. */
  weight?: Float64Array;
}

export interface BgNbdFit {
  params: BgNbdParams;
  /** Σ ln L (paper's Eq. 6, no constant dropped). */
  logLikelihood: number;
  iterations: number;
  converged: boolean;
}

export interface BgNbdFitOptions {
  start?: BgNbdParams;
  maxIterations?: number;
}

/**
 * Σ ln L over customers; when `gradient` is given, fills d(ΣlnL)/d(ln r, ln α, ln a, ln b).
 * ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
 *        + ln[(α+T)^−(r+x) + 1{x>0} · a/(b+x−1) · (α+t_x)^−(r+x)], combined with log-sum-exp.
 */
export function bgnbdLogLikelihood(params: BgNbdParams, data: FrequencyRecencyAge, gradient?: Float64Array): number {
  const { r, alpha, a, b } = params;
  const { frequency, recency, T } = data;
  const lnAlpha = Math.log(alpha);
  const lgR = lgamma(r);
  const lgB = lgamma(b);
  const lgAB = lgamma(a + b);
  const psiR = digamma(r);
  const psiB = digamma(b);
  const psiAB = digamma(a + b);
  const { weight } = data;
  // The Γ and ψ terms depend on x only; with integer x (purchase counts) they come from a small table.
  const table = integerFrequencyTable(data, r, a, b, gradient !== undefined);
  // Whole-period t_x and T (the engine's case) take few values: ln(α + t) comes from a table too.
  const maxAge = wholeAgeLimit(data);
  if (table && maxAge >= 0) {
    const constant = -lgR + r * lnAlpha + lgAB - lgB;
    return tabulatedLogLikelihood(params, wholeNumberColumns(data), table, maxAge, constant, [psiR, psiB, psiAB], gradient);
  }
  const logAlphaPlus = new Float64Array(maxAge + 1);
  const invAlphaPlus = new Float64Array(maxAge + 1);
  for (let t = 0; t <= maxAge; t++) {
    logAlphaPlus[t] = Math.log(alpha + t);
    invAlphaPlus[t] = 1 / (alpha + t);
  }
  const lnA = Math.log(a);
  let total = 0;
  let gR = 0;
  let gAlpha = 0;
  let gA = 0;
  let gB = 0;
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i];
    const w = weight ? weight[i] : 1;
    const rx = r + x;
    const logAlphaT = maxAge >= 0 ? logAlphaPlus[T[i] | 0] : Math.log(alpha + T[i]);
    let ll: number;
    if (table) ll = table.logTerms[x | 0] - lgR + r * lnAlpha + lgAB - lgB;
    else ll = lgamma(rx) - lgR + r * lnAlpha + lgAB + lgamma(b + x) - lgB - lgamma(a + b + x);
    const termAge = -rx * logAlphaT;
    let logAlphaTx = 0;
    // ln(e^termAge + e^termRecency) as the larger term plus log1p of the other's ratio: one exp, one log.
    let wAge = 1;
    let wRec = 0;
    if (x > 0) {
      logAlphaTx = maxAge >= 0 ? logAlphaPlus[recency[i] | 0] : Math.log(alpha + recency[i]);
      const termRecency = (table ? table.logAOverBX1[x] : lnA - Math.log(b + x - 1)) - rx * logAlphaTx;
      const gap = termRecency - termAge;
      if (gap > 0) {
        const ratio = Math.exp(-gap);
        ll += termRecency + Math.log1p(ratio);
        wRec = 1 / (1 + ratio);
        wAge = ratio * wRec;
      } else {
        const ratio = Math.exp(gap);
        ll += termAge + Math.log1p(ratio);
        wAge = 1 / (1 + ratio);
        wRec = ratio * wAge;
      }
    } else {
      ll += termAge;
    }
    total += w * ll;
    if (gradient) {
      const psiRX = table ? table.psiRX[x | 0] : digamma(rx);
      const psiBX = table ? table.psiBX[x | 0] : digamma(b + x);
      const psiABX = table ? table.psiABX[x | 0] : digamma(a + b + x);
      gR += w * (psiRX - psiR + lnAlpha - wAge * logAlphaT - wRec * logAlphaTx);
      const invAge = maxAge >= 0 ? invAlphaPlus[T[i]] : 1 / (alpha + T[i]);
      const invRecency = maxAge >= 0 ? invAlphaPlus[recency[i]] : 1 / (alpha + recency[i]);
      gAlpha += w * (r / alpha - rx * (wAge * invAge + wRec * invRecency));
      gA += w * (psiAB - psiABX + (x > 0 ? wRec / a : 0));
      gB += w * (psiAB + psiBX - psiB - psiABX - (x > 0 ? wRec * (table ? table.inverseBX1[x] : 1 / (b + x - 1)) : 0));
    }
  }
  if (gradient) {
    // Chain rule to the log-parameters the optimiser works in.
    gradient[0] = gR * r;
    gradient[1] = gAlpha * alpha;
    gradient[2] = gA * a;
    gradient[3] = gB * b;
  }
  return total;
}

interface WholeNumberColumns {
  x: Int32Array;
  recency: Int32Array;
  T: Int32Array;
  weight: Float64Array;
}

const wholeNumberColumnsByData = new WeakMap<FrequencyRecencyAge, WholeNumberColumns>();

/** x, t_x and T as Int32 table indices (V8 indexes typed arrays faster with int32 than with doubles). */
function wholeNumberColumns(data: FrequencyRecencyAge): WholeNumberColumns {
  let columns = wholeNumberColumnsByData.get(data);
  if (!columns) {
    columns = {
      x: Int32Array.from(data.frequency),
      recency: Int32Array.from(data.recency),
      T: Int32Array.from(data.T),
      weight: data.weight ?? new Float64Array(data.frequency.length).fill(1),
    };
    wholeNumberColumnsByData.set(data, columns);
  }
  return columns;
}

/** The same sum as bgnbdLogLikelihood when x, t_x and T are whole numbers: every log/Γ/ψ comes from a table. */
function tabulatedLogLikelihood(
  params: BgNbdParams,
  columns: WholeNumberColumns,
  table: NonNullable<ReturnType<typeof integerFrequencyTable>>,
  maxAge: number,
  constant: number,
  [psiR, psiB, psiAB]: number[],
  gradient?: Float64Array,
): number {
  const { r, alpha, a, b } = params;
  const logAlphaPlus = new Float64Array(maxAge + 1);
  const invAlphaPlus = new Float64Array(maxAge + 1);
  for (let t = 0; t <= maxAge; t++) {
    logAlphaPlus[t] = Math.log(alpha + t);
    invAlphaPlus[t] = 1 / (alpha + t);
  }
  const { x: xs, recency, T, weight } = columns;
  const { logTerms, logAOverBX1 } = table;
  // Per-x sums of the weights, and of each customer's two mixture weights, turn the ψ parts of the
  // gradient into a short loop over x after the pass.
  const maxX = logTerms.length - 1;
  const weightByX = new Float64Array(maxX + 1);
  const recencyWeightByX = new Float64Array(maxX + 1);
  let total = 0;
  let gLogAge = 0;
  let gInverseAge = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const w = weight[i];
    const rx = r + x;
    const age = T[i];
    const termAge = -rx * logAlphaPlus[age];
    let ll = logTerms[x];
    if (x === 0) {
      ll += termAge;
      if (gradient) {
        gLogAge += w * logAlphaPlus[age];
        gInverseAge += w * rx * invAlphaPlus[age];
      }
    } else {
      const tx = recency[i];
      const termRecency = logAOverBX1[x] - rx * logAlphaPlus[tx];
      const gap = termRecency - termAge;
      let wAge: number;
      let wRec: number;
      if (gap > 0) {
        const ratio = Math.exp(-gap);
        ll += termRecency + Math.log1p(ratio);
        wRec = 1 / (1 + ratio);
        wAge = ratio * wRec;
      } else {
        const ratio = Math.exp(gap);
        ll += termAge + Math.log1p(ratio);
        wAge = 1 / (1 + ratio);
        wRec = ratio * wAge;
      }
      if (gradient) {
        gLogAge += w * (wAge * logAlphaPlus[age] + wRec * logAlphaPlus[tx]);
        gInverseAge += w * rx * (wAge * invAlphaPlus[age] + wRec * invAlphaPlus[tx]);
        recencyWeightByX[x] += w * wRec;
      }
    }
    weightByX[x] += w;
    total += w * ll;
  }
  let n = 0;
  for (let x = 0; x <= maxX; x++) n += weightByX[x];
  total += n * constant;
  if (gradient) {
    let gR = -gLogAge;
    let gA = 0;
    let gB = 0;
    for (let x = 0; x <= maxX; x++) {
      const w = weightByX[x];
      if (w === 0) continue;
      gR += w * (table.psiRX[x | 0] - psiR + Math.log(alpha));
      gA += w * (psiAB - table.psiABX[x | 0]) + (x > 0 ? recencyWeightByX[x] / a : 0);
      gB += w * (psiAB + table.psiBX[x | 0] - psiB - table.psiABX[x | 0]) - (x > 0 ? recencyWeightByX[x] * table.inverseBX1[x] : 0);
    }
    gradient[0] = gR * r;
    gradient[1] = (n * r / alpha - gInverseAge) * alpha;
    gradient[2] = gA * a;
    gradient[3] = gB * b;
  }
  return total;
}

const TABLE_LIMIT = 100_000;
const wholeAgeLimits = new WeakMap<FrequencyRecencyAge, number>();

/** Largest T when every t_x and T is a whole number up to TABLE_LIMIT, else −1; computed once per data set. */
function wholeAgeLimit(data: FrequencyRecencyAge): number {
  let limit = wholeAgeLimits.get(data);
  if (limit !== undefined) return limit;
  limit = 0;
  for (let i = 0; i < data.T.length && limit >= 0; i++) {
    const T = data.T[i];
    const tx = data.recency[i];
    if (!(T >= 0 && T <= TABLE_LIMIT && Math.floor(T) === T && tx >= 0 && tx <= T && Math.floor(tx) === tx)) limit = -1;
    else if (T > limit) limit = T;
  }
  if (limit > data.T.length) limit = -1; // a table bigger than the data saves nothing
  wholeAgeLimits.set(data, limit);
  return limit;
}

const integerFrequencyLimits = new WeakMap<FrequencyRecencyAge, number>();

/** Largest x when every x is a small whole number (and a table pays), else −1; computed once per data set. */
function integerFrequencyLimit(data: FrequencyRecencyAge): number {
  let max = integerFrequencyLimits.get(data);
  if (max !== undefined) return max;
  max = 0;
  for (let i = 0; i < data.frequency.length && max >= 0; i++) {
    const x = data.frequency[i];
    if (!(x >= 0 && x <= TABLE_LIMIT && Math.floor(x) === x)) max = -1;
    else if (x > max) max = x;
  }
  if (max + 1 > data.frequency.length) max = -1; // a table bigger than the data saves nothing
  integerFrequencyLimits.set(data, max);
  return max;
}

/** lnΓ(r+x) + lnΓ(b+x) − lnΓ(a+b+x), the ψ terms and the 1/(b+x−1) terms for x = 0..max, or null when x is not tabulable. */
function integerFrequencyTable(data: FrequencyRecencyAge, r: number, a: number, b: number, withDigamma: boolean) {
  const max = integerFrequencyLimit(data);
  if (max < 0) return null;
  const logTerms = new Float64Array(max + 1);
  const logBXMinus1 = new Float64Array(max + 1);
  const psiRX = new Float64Array(withDigamma ? max + 1 : 0);
  const psiBX = new Float64Array(withDigamma ? max + 1 : 0);
  const psiABX = new Float64Array(withDigamma ? max + 1 : 0);
  const logAOverBX1 = new Float64Array(max + 1);
  const inverseBX1 = new Float64Array(max + 1);
  for (let x = 0; x <= max; x++) {
    logTerms[x] = lgamma(r + x) + lgamma(b + x) - lgamma(a + b + x);
    logBXMinus1[x] = Math.log(b + x - 1);
    logAOverBX1[x] = Math.log(a) - Math.log(b + x - 1);
    inverseBX1[x] = 1 / (b + x - 1);
    if (withDigamma) {
      psiRX[x] = digamma(r + x);
      psiBX[x] = digamma(b + x);
      psiABX[x] = digamma(a + b + x);
    }
  }
  return { logTerms, psiRX, psiBX, psiABX, logAOverBX1, inverseBX1 };
}

/** Maximum-likelihood fit; parameters are optimised as logs so they stay positive. */
export function fitBgNbd(data: FrequencyRecencyAge, options: BgNbdFitOptions = {}): BgNbdFit {
  let n = data.frequency.length;
  if (data.weight) n = data.weight.reduce((sum, w) => sum + w, 0);
  if (n === 0) throw new RangeError("fitBgNbd needs at least one customer");
  const start = options.start ?? { r: 1, alpha: 1, a: 1, b: 1 };
  const scale = 1 / n;
  const result = minimizeBfgs(
    (theta, gradient) => {
      const params = toParams(theta);
      const ll = bgnbdLogLikelihood(params, data, gradient);
      // Minimise the mean negative log-likelihood so tolerances do not depend on the customer count.
      for (let k = 0; k < 4; k++) gradient[k] *= -scale;
      return -ll * scale;
    },
    [Math.log(start.r), Math.log(start.alpha), Math.log(start.a), Math.log(start.b)],
    { maxIterations: options.maxIterations ?? 1000, gradientTolerance: 1e-10, maxStep: 2, bound: 30 },
  );
  const params = toParams(result.x);
  return {
    params,
    logLikelihood: bgnbdLogLikelihood(params, data),
    iterations: result.iterations,
    converged: result.converged,
  };
}

function toParams(theta: Float64Array): BgNbdParams {
  return { r: Math.exp(theta[0]), alpha: Math.exp(theta[1]), a: Math.exp(theta[2]), b: Math.exp(theta[3]) };
}

/** P(alive at T | x, t_x, T). */
export function bgnbdPAlive(params: BgNbdParams, x: number, recency: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const logRatio = Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + T) / (alpha + recency));
  return 1 / (1 + Math.exp(logRatio));
}

/** E[X(t)]: expected purchases in (0, t] for a new customer. */
export function bgnbdExpectedPurchasesUnconditional(params: BgNbdParams, t: number): number {
  const { r, alpha, a, b } = params;
  const z = t / (alpha + t);
  const head = (a + b - 1) / (a - 1);
  return head * (1 - Math.exp(r * Math.log(alpha / (alpha + t))) * hyp2f1(r, b, a + b - 1, z));
}

/** E[Y(t) | x, t_x, T]: expected purchases in (T, T + t] (the paper's Eq. 10). */
export function bgnbdExpectedPurchases(params: BgNbdParams, t: number, x: number, recency: number, T: number): number {
  return bgnbdForecastNumerator(params, t, x, T) / bgnbdForecastDenominator(params, x, recency, T);
}

/**
 * Eq. 10's numerator, the slow part (a ₂F₁): it depends on x and T but not on t_x, so callers that
 * forecast many customers compute it once per distinct (x, T) and divide by each one's denominator.
 */
export function bgnbdForecastNumerator(params: BgNbdParams, t: number, x: number, T: number): number {
  const { r, alpha, a, b } = params;
  const rx = r + x;
  const head = (a + b + x - 1) / (a - 1);
  const hyper = hyp2f1(rx, b + x, a + b + x - 1, t / (alpha + T + t));
  return head * (1 - Math.exp(rx * Math.log((alpha + T) / (alpha + T + t))) * hyper);
}

/** Eq. 10's denominator: 1 / P(alive) in disguise, cheap. */
export function bgnbdForecastDenominator(params: BgNbdParams, x: number, recency: number, T: number): number {
  const { r, alpha, a, b } = params;
  return x > 0 ? 1 + (a / (b + x - 1)) * Math.exp((r + x) * Math.log((alpha + T) / (alpha + recency))) : 1;
}
