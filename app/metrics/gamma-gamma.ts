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
  const { frequency, monetary } = data;
  const lgQ = lgamma(q);
  const psiQ = digamma(q);
  const lnV = Math.log(v);
  let total = 0;
  let gP = 0;
  let gQ = 0;
  let gV = 0;
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i];
    if (!(x > 0)) continue;
    const z = monetary[i];
    const px = p * x;
    const lnZ = Math.log(z);
    const lnX = Math.log(x);
    const lnVXZ = Math.log(v + x * z);
    total += lgamma(px + q) - lgamma(px) - lgQ + q * lnV + (px - 1) * lnZ + px * lnX - (px + q) * lnVXZ;
    if (gradient) {
      const psiPXQ = digamma(px + q);
      gP += x * (psiPXQ - digamma(px) + lnZ + lnX - lnVXZ);
      gQ += psiPXQ - psiQ + lnV - lnVXZ;
      gV += q / v - (px + q) / (v + x * z);
    }
  }
  if (gradient) {
    gradient[0] = gP * p;
    gradient[1] = gQ * q;
    gradient[2] = gV * v;
  }
  return total;
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
  const start = options.start ?? { p: 1, q: 1, v: 1 };
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
