// A compact BFGS minimiser with a backtracking (Armijo) line search, for the handful of parameters
// the retention models have. Non-finite objective values are treated as "step too long".

export type Objective = (x: Float64Array, gradient: Float64Array) => number;

export interface MinimizeOptions {
  maxIterations?: number;
  /** Stop when the largest gradient component is below this. */
  gradientTolerance?: number;
  /** Largest change of any coordinate in one step; keeps a poor start from leaping into overflow. */
  maxStep?: number;
  /** Coordinates outside ±bound are treated as infeasible (objective +∞). */
  bound?: number;
}

export interface MinimizeResult {
  x: Float64Array;
  value: number;
  iterations: number;
  converged: boolean;
}

export function minimizeBfgs(objective: Objective, start: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  const maxIterations = options.maxIterations ?? 500;
  const gradientTolerance = options.gradientTolerance ?? 1e-9;
  const maxStep = options.maxStep ?? Number.POSITIVE_INFINITY;
  const bound = options.bound ?? Number.POSITIVE_INFINITY;
  const n = start.length;
  const evaluate: Objective = (point, gradient) => {
    for (let i = 0; i < n; i++) if (!(Math.abs(point[i]) <= bound)) return Number.POSITIVE_INFINITY;
    return objective(point, gradient);
  };
  let x = Float64Array.from(start);
  let gradient = new Float64Array(n);
  let value = evaluate(x, gradient);
  if (!Number.isFinite(value)) throw new RangeError("objective is not finite at the starting point");

  // Inverse-Hessian approximation, started at the identity and rescaled after the first step.
  const inverseHessian = new Float64Array(n * n);
  for (let i = 0; i < n; i++) inverseHessian[i * n + i] = 1;
  const direction = new Float64Array(n);
  const step = new Float64Array(n);
  const gradientChange = new Float64Array(n);
  const hy = new Float64Array(n);
  let candidate = new Float64Array(n);
  let candidateGradient = new Float64Array(n);

  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (maxAbs(gradient) < gradientTolerance) return { x, value, iterations: iteration, converged: true };

    let slope = 0;
    for (let i = 0; i < n; i++) {
      let d = 0;
      for (let j = 0; j < n; j++) d -= inverseHessian[i * n + j] * gradient[j];
      direction[i] = d;
      slope += d * gradient[i];
    }
    if (!(slope < 0)) {
      // Lost descent (numerical drift): fall back to steepest descent.
      resetToIdentity(inverseHessian, n);
      for (let i = 0; i < n; i++) direction[i] = -gradient[i];
      slope = -dot(gradient, gradient);
    }

    const longest = maxAbs(direction);
    let stepLength = longest > maxStep ? maxStep / longest : 1;
    let candidateValue = Number.POSITIVE_INFINITY;
    // Halving stops once no coordinate would move by more than rounding noise: at the floating-point
    // optimum further tries only re-evaluate (nearly) the same point.
    for (let tries = 0; tries < 60 && stepLength * longest > 1e-11 * (1 + maxAbs(x)); tries++) {
      for (let i = 0; i < n; i++) candidate[i] = x[i] + stepLength * direction[i];
      candidateValue = evaluate(candidate, candidateGradient);
      if (Number.isFinite(candidateValue) && candidateValue <= value + 1e-4 * stepLength * slope) break;
      stepLength *= 0.5;
    }
    if (!(Number.isFinite(candidateValue) && candidateValue <= value)) {
      // No decrease is possible along any tried step: we are at the floating-point optimum.
      return { x, value, iterations: iteration, converged: maxAbs(gradient) < Math.sqrt(gradientTolerance) };
    }

    for (let i = 0; i < n; i++) {
      step[i] = candidate[i] - x[i];
      gradientChange[i] = candidateGradient[i] - gradient[i];
    }
    const sy = dot(step, gradientChange);
    if (sy > 1e-14) {
      if (iteration === 0) {
        const scale = sy / dot(gradientChange, gradientChange);
        for (let i = 0; i < n * n; i++) inverseHessian[i] *= scale;
      }
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
      const rho = 1 / sy;
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += inverseHessian[i * n + j] * gradientChange[j];
        hy[i] = s;
      }
      const yHy = dot(gradientChange, hy);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          inverseHessian[i * n + j] +=
            (1 + rho * yHy) * rho * step[i] * step[j] - rho * (hy[i] * step[j] + step[i] * hy[j]);
        }
      }
    }

    const decrease = value - candidateValue;
    [x, candidate] = [candidate, x];
    [gradient, candidateGradient] = [candidateGradient, gradient];
    value = candidateValue;
    // Rounding noise in the objective stops further progress long before a tiny gradient tolerance
    // can be met; a negligible decrease with a small gradient is the optimum.
    if (decrease <= 1e-15 * Math.max(1, Math.abs(value)) && maxAbs(gradient) < Math.sqrt(gradientTolerance)) {
      return { x, value, iterations: iteration + 1, converged: true };
    }
  }
  return { x, value, iterations: maxIterations, converged: maxAbs(gradient) < gradientTolerance };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

function resetToIdentity(matrix: Float64Array, n: number): void {
  matrix.fill(0);
  for (let i = 0; i < n; i++) matrix[i * n + i] = 1;
}
