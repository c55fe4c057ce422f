import { describe, expect, it } from "vitest";
import { fitGammaGamma, gammaGammaExpectedAverageSpend, gammaGammaLogLikelihood } from "../../app/metrics/gamma-gamma.ts";
import { readCdnowSummaryCsv, rebuildCdnowSummary } from "./cdnow.ts";

// Fader & Hardie (2013); values and tolerances from ../shared/data/cdnow/README.md.
const PUBLISHED = { p: 6.25, q: 3.74, v: 15.44 };

describe("Gamma-Gamma on CDNOW", () => {
  const csv = readCdnowSummaryCsv();
  const fit = fitGammaGamma(csv);

  it("reproduces the published parameters on the 946 repeat customers", () => {
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(946);
    expect(fit.params.p).toBeCloseTo(PUBLISHED.p, 2);
    expect(fit.params.q).toBeCloseTo(PUBLISHED.q, 2);
    // 3 significant digits; the 2-decimal CSV gives 15.4477 (README).
    expect(Math.abs(fit.params.v - PUBLISHED.v)).toBeLessThan(0.05);
    expect(fit.params.v).toBeCloseTo(15.4477, 3);
    expect(fit.logLikelihood).toBeCloseTo(-4055.92, 1);
  });

  it("fits the exact zbar of the rebuild like the independent refit", () => {
    const rebuilt = rebuildCdnowSummary();
    const exact = fitGammaGamma({ frequency: rebuilt.frequency, monetary: rebuilt.monetary! });
    expect(exact.params.p).toBeCloseTo(6.2496, 3);
    expect(exact.params.q).toBeCloseTo(3.7442, 3);
    expect(exact.params.v).toBeCloseTo(15.4435, 3);
  });

  it("converges from several starting points", () => {
    for (const start of [
      { p: 0.1, q: 0.1, v: 0.1 },
      { p: 50, q: 20, v: 500 },
      { p: 1, q: 10, v: 1 },
    ]) {
      const other = fitGammaGamma(csv, { start });
      expect(other.converged).toBe(true);
      expect(other.logLikelihood).toBeCloseTo(fit.logLikelihood, 6);
      expect(other.params.p).toBeCloseTo(fit.params.p, 3);
      expect(other.params.v).toBeCloseTo(fit.params.v, 3);
    }
  });

  it("matches Hardie's conditional expected average spend for IDs 1 to 10", () => {
    const published = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
    published.forEach((expected, i) => {
      const spend = gammaGammaExpectedAverageSpend(fit.params, csv.frequency[i], csv.monetary[i]);
      expect(Math.abs(spend - expected)).toBeLessThan(0.1);
    });
  });

  it("has an analytic gradient that matches finite differences", () => {
    const at = { p: 5, q: 3, v: 12 };
    const gradient = new Float64Array(3);
    gammaGammaLogLikelihood(at, csv, gradient);
    (["p", "q", "v"] as const).forEach((key, k) => {
      const h = 1e-6;
      const up = gammaGammaLogLikelihood({ ...at, [key]: at[key] * Math.exp(h) }, csv);
      const down = gammaGammaLogLikelihood({ ...at, [key]: at[key] * Math.exp(-h) }, csv);
      expect(gradient[k]).toBeCloseTo((up - down) / (2 * h), 2);
    });
  });
});
