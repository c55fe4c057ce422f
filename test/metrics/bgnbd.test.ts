import { describe, expect, it } from "vitest";
import {
  bgnbdExpectedPurchases,
  bgnbdExpectedPurchasesUnconditional,
  bgnbdLogLikelihood,
  bgnbdPAlive,
  fitBgNbd,
} from "../../app/metrics/bgnbd.ts";
import { lgamma } from "../../app/metrics/special-functions.ts";
import { readCdnowSummaryCsv, rebuildCdnowSummary } from "./cdnow.ts";

// Fader, Hardie & Lee (2005), Sec. 7; values and tolerances from ../shared/data/cdnow/README.md.
const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const PUBLISHED_LL = -9582.4;

describe("BG/NBD on CDNOW", () => {
  const csv = readCdnowSummaryCsv();
  const fit = fitBgNbd(csv);

  it("reproduces the published parameters and log-likelihood", () => {
    expect(fit.converged).toBe(true);
    for (const key of ["r", "alpha", "a", "b"] as const) {
      expect(Math.abs(fit.params[key] - PUBLISHED[key])).toBeLessThan(0.005);
    }
    expect(Math.abs(fit.logLikelihood - PUBLISHED_LL)).toBeLessThan(0.05);
    // The independent refit on the 2-decimal CSV (README).
    expect(fit.params.r).toBeCloseTo(0.242593, 5);
    expect(fit.params.alpha).toBeCloseTo(4.413532, 4);
    expect(fit.params.a).toBeCloseTo(0.792886, 5);
    expect(fit.params.b).toBeCloseTo(2.425752, 4);
    expect(fit.logLikelihood).toBeCloseTo(-9582.426, 2);
  });

  it("gives LL −9582.427 at the rounded published parameters", () => {
    expect(bgnbdLogLikelihood(PUBLISHED, csv)).toBeCloseTo(-9582.427, 2);
  });

  it("fits the exact rebuild from transactions like the independent refit", () => {
    const rebuilt = fitBgNbd(rebuildCdnowSummary());
    expect(rebuilt.params.r).toBeCloseTo(0.242595, 5);
    expect(rebuilt.params.alpha).toBeCloseTo(4.413602, 4);
    expect(rebuilt.params.a).toBeCloseTo(0.792922, 5);
    expect(rebuilt.params.b).toBeCloseTo(2.425907, 4);
    expect(rebuilt.logLikelihood).toBeCloseTo(-9582.429, 2);
  });

  it("converges to the same optimum from very different starting points", () => {
    const starts = [
      { r: 0.01, alpha: 0.01, a: 0.01, b: 0.01 },
      { r: 10, alpha: 100, a: 10, b: 10 },
      { r: 1, alpha: 40, a: 5, b: 0.1 },
      { r: 0.5, alpha: 0.5, a: 20, b: 50 },
    ];
    for (const start of starts) {
      const other = fitBgNbd(csv, { start });
      expect(other.converged).toBe(true);
      expect(other.logLikelihood).toBeCloseTo(fit.logLikelihood, 6);
      for (const key of ["r", "alpha", "a", "b"] as const) {
        expect(other.params[key]).toBeCloseTo(fit.params[key], 4);
      }
    }
  });

  it("matches Hardie's spreadsheet spot checks", () => {
    // Customer ID 1: x = 2, t_x = 30.43, T = 38.86 → 1.226 purchases in the next 39 weeks.
    expect(bgnbdExpectedPurchases(fit.params, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3);
    const published = [
      [0.1429, 0.0078],
      [1, 0.0532],
      [3, 0.1506],
      [31.8571, 1.0405],
      [32, 1.0437],
      [78, 1.8576],
    ];
    for (const [t, expected] of published) {
      expect(Math.abs(bgnbdExpectedPurchasesUnconditional(fit.params, t) - expected)).toBeLessThan(0.001);
    }
    expect(bgnbdExpectedPurchasesUnconditional(PUBLISHED, 78)).toBeCloseTo(1.8605, 3);
  });

  it("has P(alive) of 1 without repeats and below 1 after a long silence", () => {
    expect(bgnbdPAlive(fit.params, 0, 0, 38.86)).toBe(1);
    const recent = bgnbdPAlive(fit.params, 5, 38, 38.86);
    const silent = bgnbdPAlive(fit.params, 5, 5, 38.86);
    expect(recent).toBeGreaterThan(silent);
    expect(silent).toBeGreaterThan(0);
    expect(recent).toBeLessThan(1);
  });

  it("has an analytic gradient that matches finite differences", () => {
    const at = { r: 0.3, alpha: 5, a: 0.9, b: 2 };
    const gradient = new Float64Array(4);
    bgnbdLogLikelihood(at, csv, gradient);
    const keys = ["r", "alpha", "a", "b"] as const;
    keys.forEach((key, k) => {
      const h = 1e-6;
      const up = bgnbdLogLikelihood({ ...at, [key]: at[key] * Math.exp(h) }, csv);
      const down = bgnbdLogLikelihood({ ...at, [key]: at[key] * Math.exp(-h) }, csv);
      expect(gradient[k]).toBeCloseTo((up - down) / (2 * h), 2);
    });
  });
});

describe("BG/NBD likelihood on whole-number periods (the engine's tabulated path)", () => {
  // 40 weighted rows with whole x, t_x, T: more rows than the largest x and T, so the tables are used.
  const rows = Array.from({ length: 40 }, (_, i) => {
    const T = 10 + (i % 13);
    const x = i % 5 === 0 ? 0 : 1 + (i % 4);
    return { x, tx: x === 0 ? 0 : Math.min(T, 2 + (i % 9)), T, w: 1 + (i % 3) };
  });
  const data = {
    frequency: Float64Array.from(rows, (row) => row.x),
    recency: Float64Array.from(rows, (row) => row.tx),
    T: Float64Array.from(rows, (row) => row.T),
    weight: Float64Array.from(rows, (row) => row.w),
  };
  const at = { r: 0.7, alpha: 3, a: 0.9, b: 2.5 };

  it("equals the paper's Eq. 6 written out per customer", () => {
    const { r, alpha, a, b } = at;
    let expected = 0;
    for (const { x, tx, T, w } of rows) {
      const head = lgamma(r + x) - lgamma(r) + r * Math.log(alpha) + lgamma(a + b) + lgamma(b + x) - lgamma(b) - lgamma(a + b + x);
      const mix = Math.pow(alpha + T, -(r + x)) + (x > 0 ? (a / (b + x - 1)) * Math.pow(alpha + tx, -(r + x)) : 0);
      expected += w * (head + Math.log(mix));
    }
    expect(bgnbdLogLikelihood(at, data)).toBeCloseTo(expected, 9);
  });

  it("has a gradient that matches finite differences", () => {
    const gradient = new Float64Array(4);
    bgnbdLogLikelihood(at, data, gradient);
    (["r", "alpha", "a", "b"] as const).forEach((key, k) => {
      const h = 1e-6;
      const up = bgnbdLogLikelihood({ ...at, [key]: at[key] * Math.exp(h) }, data);
      const down = bgnbdLogLikelihood({ ...at, [key]: at[key] * Math.exp(-h) }, data);
      expect(gradient[k]).toBeCloseTo((up - down) / (2 * h), 4);
    });
  });
});
