// Intervals and tests against values computed independently (Python's statistics.NormalDist and the
// Wilson formula written out by hand: 8/10 → 0.490–0.943).
import { describe, expect, it } from "vitest";
import { meanInterval, normalCdf, twoMeanPValue, twoProportionPValue, wilsonInterval } from "../../app/metrics/confidence.ts";

describe("Wilson score interval at 95 %", () => {
  it("8/10 → [0.490, 0.943]", () => {
    const ci = wilsonInterval(8, 10);
    expect(ci.rate).toBe(0.8);
    expect(ci.low).toBeCloseTo(0.4901624715, 6);
    expect(ci.high).toBeCloseTo(0.9433178485, 6);
  });

  it("0/10 → [0, 0.278], 50/100 → [0.404, 0.596], 32/40 → [0.652, 0.895]", () => {
    expect(wilsonInterval(0, 10)).toMatchObject({ rate: 0, low: 0 });
    expect(wilsonInterval(0, 10).high).toBeCloseTo(0.2775327999, 6);
    expect(wilsonInterval(50, 100).low).toBeCloseTo(0.4038315304, 6);
    expect(wilsonInterval(50, 100).high).toBeCloseTo(0.5961684696, 6);
    expect(wilsonInterval(32, 40).low).toBeCloseTo(0.6524269365, 6);
    expect(wilsonInterval(32, 40).high).toBeCloseTo(0.8950001028, 6);
  });

  it("has nothing to say about nobody", () => {
    expect(wilsonInterval(0, 0)).toEqual({ count: 0, total: 0, rate: null, low: null, high: null });
  });
});

describe("mean with a normal 95 % interval", () => {
  it("100, 200, 300 → 200 ± 1.96 × 100 / √3", () => {
    const ci = meanInterval(3, 600, 100 ** 2 + 200 ** 2 + 300 ** 2);
    expect(ci.mean).toBe(200);
    expect(ci.low).toBeCloseTo(200 - 113.1586, 3);
    expect(ci.high).toBeCloseTo(200 + 113.1586, 3);
  });

  it("cuts the interval at the quantity's floor: 0, 0, 300 → 100 ± 196 → [0, 296]", () => {
    const ci = meanInterval(3, 300, 90_000, { floor: 0 });
    expect(ci.low).toBe(0);
    expect(ci.high).toBeCloseTo(100 + 1.959963984540054 * Math.sqrt(30_000 / 3), 9);
  });

  it("gives a mean without an interval for one value, nothing for none", () => {
    expect(meanInterval(1, 500, 250_000)).toEqual({ total: 1, mean: 500, low: null, high: null });
    expect(meanInterval(0, 0, 0)).toEqual({ total: 0, mean: null, low: null, high: null });
  });
});

describe("two-sided tests", () => {
  it("Φ at 0, 1.96 and −1", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021049, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.1586552539, 6);
  });

  it("two proportions: 20/40 vs 12/40 → p 0.0679 (noise at 5 %); 32/40 vs 8/40 → p < 1e-6", () => {
    expect(twoProportionPValue(20, 40, 12, 40)).toBeCloseTo(0.0678891549, 5);
    expect(twoProportionPValue(32, 40, 8, 40)).toBeLessThan(1e-6);
    expect(twoProportionPValue(5, 10, 5, 10)).toBeCloseTo(1, 7);
    expect(twoProportionPValue(1, 0, 1, 1)).toBeNull();
  });

  it("two means: n 50 each, means 110 vs 100, s 20 → z 2.5, p 0.0124", () => {
    const squares = (n: number, mean: number, s: number) => (n - 1) * s * s + n * mean * mean;
    expect(twoMeanPValue(50, 5500, squares(50, 110, 20), 50, 5000, squares(50, 100, 20))).toBeCloseTo(0.0124193307, 5);
    expect(twoMeanPValue(1, 10, 100, 5, 50, 600)).toBeNull();
  });
});
