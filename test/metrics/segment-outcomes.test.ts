// Outcomes by survey answer on the hand-built shop of survey-shop.ts.
import { describe, expect, it } from "vitest";
import { computeSurveyOutcomes, MIN_GROUP_CUSTOMERS } from "../../app/metrics/segment-outcomes.ts";
import { prepareShop } from "../../app/metrics/prepare.ts";
import { SURVEY_SHOP_AS_OF as AS_OF, surveyShop } from "./survey-shop.ts";
import { tinyShop } from "./tiny-shop.ts";

describe("outcomes by survey answer", () => {
  const data = surveyShop();
  const outcomes = computeSurveyOutcomes(data, prepareShop(data, AS_OF))!;
  const bands = outcomes.satisfactionBand;
  const group = (key: string) => bands.groups.find((g) => g.key === key)!;

  it("counts customers, repeaters and F2 converts per answer, largest first, no answer last", () => {
    expect(bands.groups.map((g) => [g.key, g.customers, g.tooFew, g.repeat.count, g.f2.total, g.f2.count])).toEqual([
      ["high", 40, false, 20, 40, 20],
      ["low", 40, false, 12, 40, 8],
      ["neutral", 10, true, 10, 10, 10],
      ["(none)", 6, true, 0, 5, 0],
    ]);
    expect(MIN_GROUP_CUSTOMERS).toBe(30);
    // Wilson 20/40 and 12/40 (hand-computed).
    expect(group("high").repeat.low).toBeCloseTo(0.3519952693, 6);
    expect(group("high").repeat.high).toBeCloseTo(0.6480047307, 6);
    expect(group("low").repeat.low).toBeCloseTo(0.1807484523, 6);
    expect(group("low").repeat.high).toBeCloseTo(0.4543001882, 6);
  });

  it("averages LTV over customers old enough for the window, with a normal interval", () => {
    // high: 20 × 2,000 and 20 × 1,000 → 1,500 ± 1.96 × s/√40 with s² = 10,000,000 / 39.
    const high365 = group("high").ltv.find((w) => w.windowDays === 365)!;
    expect(high365).toMatchObject({ total: 40, mean: 1500 });
    expect(high365.high! - 1500).toBeCloseTo(156.9227072, 5);
    // low: the 4 reorders after 152 days fall outside 90 days but inside 180 and 365.
    expect(group("low").ltv.map((w) => [w.windowDays, w.mean])).toEqual([[90, 1200], [180, 1300], [365, 1300]]);
    expect(group("(none)").ltv[0]).toMatchObject({ total: 5, mean: 1000, low: 1000, high: 1000 });
  });

  it("says whether best and worst differ beyond noise, leaving out small groups and non-answers", () => {
    const byMeasure = Object.fromEntries(bands.comparisons.map((c) => [`${c.measure}${c.windowDays ?? ""}`, c]));
    // Repeat 20/40 vs 12/40: p 0.0679; F2 20/40 vs 8/40: p 0.00491; LTV 365 1,500 vs 1,300: p 0.0655; LTV 90 1,500 vs 1,200: p 0.00343.
    expect(byMeasure.repeat).toMatchObject({ best: "high", worst: "low", verdict: "could-be-noise" });
    expect(byMeasure.repeat.pValue).toBeCloseTo(0.0678891549, 5);
    expect(byMeasure.f290).toMatchObject({ best: "high", worst: "low", verdict: "likely-real" });
    expect(byMeasure.f290.pValue).toBeCloseTo(0.0049105562, 5);
    expect(byMeasure.ltv365).toMatchObject({ best: "high", worst: "low", verdict: "could-be-noise" });
    expect(byMeasure.ltv365.pValue).toBeCloseTo(0.0655410822, 5);
    expect(byMeasure.ltv90.pValue).toBeCloseTo(0.0034344532, 5);
  });

  it("compares customers who answered anything with those who did not", () => {
    expect(outcomes.answered.groups.map((g) => [g.key, g.customers, g.repeat.count])).toEqual([
      ["answered", 90, 42],
      ["not-answered", 6, 0],
    ]);
    // "not-answered" has too few customers for a verdict.
    expect(outcomes.answered.comparisons[0]).toMatchObject({ verdict: "too-few-answers", best: null, pValue: null });
  });

  it("is null for a shop without survey answers", () => {
    const plain = tinyShop([{ customer: 0, at: "2024-01-01T00:00:00Z", amount: 1 }]);
    expect(computeSurveyOutcomes(plain, prepareShop(plain, AS_OF))).toBeNull();
  });
});
