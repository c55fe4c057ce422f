// Shifted-beta-geometric (Fader & Hardie 2007, "How to Project Customer Retention"): each subscriber
// churns at the end of a period with a constant probability θ ~ Beta(α, β). Fitted by maximum
// likelihood on individually censored lifetimes (whole periods survived; still active = censored).
import { minimizeBfgs } from "./optimize.ts";
import { digamma, lgamma } from "./special-functions.ts";

export interface SbgParams {
  alpha: number;
  beta: number;
}

/** Lifetimes grouped by whole periods: churnedAt[t] ended in period t (t ≥ 1); survived[t] still active after t. */
export interface SbgLifetimes {
  churnedAt: Float64Array;
  survived: Float64Array;
}

const lnBeta = (x: number, y: number) => lgamma(x) + lgamma(y) - lgamma(x + y);

/** Σ ln L and, when given, its gradient in (ln α, ln β). */
export function sbgLogLikelihood({ alpha, beta }: SbgParams, data: SbgLifetimes, gradient?: Float64Array): number {
  const base = lnBeta(alpha, beta);
  const psiBase = digamma(alpha + beta);
  let total = 0;
  let gA = 0;
  let gB = 0;
  for (let t = 0; t < data.churnedAt.length; t++) {
    const churned = data.churnedAt[t];
    if (t >= 1 && churned > 0) {
      // P(T = t) = B(α + 1, β + t − 1) / B(α, β)
      total += churned * (lnBeta(alpha + 1, beta + t - 1) - base);
      if (gradient) {
        const psiSum = digamma(alpha + beta + t);
        gA += churned * (digamma(alpha + 1) - psiSum - digamma(alpha) + psiBase);
        gB += churned * (digamma(beta + t - 1) - psiSum - digamma(beta) + psiBase);
      }
    }
    const survived = data.survived[t];
    if (survived > 0) {
      // S(t) = B(α, β + t) / B(α, β)
      total += survived * (lnBeta(alpha, beta + t) - base);
      if (gradient) {
        const psiSum = digamma(alpha + beta + t);
        gA += survived * (-psiSum + psiBase);
        gB += survived * (digamma(beta + t) - psiSum - digamma(beta) + psiBase);
      }
    }
  }
  if (gradient) {
    gradient[0] = gA * alpha;
    gradient[1] = gB * beta;
  }
  return total;
}

export function fitSbg(data: SbgLifetimes): { params: SbgParams; logLikelihood: number; converged: boolean } {
  let people = 0;
  for (let t = 0; t < data.churnedAt.length; t++) people += data.churnedAt[t] + data.survived[t];
  const scale = 1 / Math.max(1, people);
  const result = minimizeBfgs(
    (theta, gradient) => {
      const ll = sbgLogLikelihood({ alpha: Math.exp(theta[0]), beta: Math.exp(theta[1]) }, data, gradient);
      gradient[0] *= -scale;
      gradient[1] *= -scale;
      return -ll * scale;
    },
    [0, 0],
    { maxIterations: 500, gradientTolerance: 1e-10, maxStep: 2, bound: 30 },
  );
  const params = { alpha: Math.exp(result.x[0]), beta: Math.exp(result.x[1]) };
  return { params, logLikelihood: sbgLogLikelihood(params, data), converged: result.converged };
}

/** S(t) = B(α, β + t) / B(α, β): share still subscribed after t periods. */
export function sbgSurvival({ alpha, beta }: SbgParams, t: number): number {
  return Math.exp(lnBeta(alpha, beta + t) - lnBeta(alpha, beta));
}
