import { describe, expect, it } from "vitest";
import { rfmSummary } from "../../app/metrics/rfm-summary.ts";
import { readCdnowSummaryCsv, rebuildCdnowSummary } from "./cdnow.ts";

describe("rfmSummary", () => {
  it("computes x, t_x, T and repeat spend by hand on unsorted transactions", () => {
    // Customer 7: days 2, 2.5 (same day as 2), 9, 16, 40 (after the end, ignored) → periods 2, 9, 16.
    // Customer 3: day 5 only. Customer 4: only after the end → absent.
    const customer = Int32Array.from([7, 3, 7, 7, 7, 4, 7]);
    const time = Float64Array.from([16, 5, 2.5, 40, 9, 31, 2]);
    const value = Float64Array.from([30, 8, 5, 99, 20, 1, 10]);
    const summary = rfmSummary({ customer, time, value }, { observationEnd: 30, periodLength: 1, unitLength: 7 });
    expect(Array.from(summary.customer)).toEqual([3, 7]);
    expect(Array.from(summary.frequency)).toEqual([0, 2]); // customer 7: 3 distinct days − 1
    expect(summary.recency[0]).toBe(0);
    expect(summary.recency[1]).toBeCloseTo((16 - 2) / 7, 12);
    expect(summary.T[0]).toBeCloseTo((30 - 5) / 7, 12);
    expect(summary.T[1]).toBeCloseTo((30 - 2) / 7, 12);
    expect(summary.monetary?.[0]).toBe(0);
    expect(summary.monetary?.[1]).toBe((20 + 30) / 2); // first day (10 + 5) left out
  });

  it("collapses purchases within one period of the chosen length", () => {
    // Periods of 7 days: days 0 and 6 share period 0; day 13 is period 1; end day 20 is period 2.
    const summary = rfmSummary(
      { customer: Uint32Array.from([1, 1, 1]), time: Float64Array.from([0, 6, 13]) },
      { observationEnd: 20, periodLength: 7 },
    );
    expect(Array.from(summary.frequency)).toEqual([1]);
    expect(Array.from(summary.recency)).toEqual([1]);
    expect(Array.from(summary.T)).toEqual([2]);
    expect(summary.monetary).toBeUndefined();
  });

  it("rebuilds the CDNOW summary CSV from CDNOW_sample.txt", () => {
    const rebuilt = rebuildCdnowSummary();
    const csv = readCdnowSummaryCsv();
    expect(Array.from(rebuilt.customer)).toEqual(Array.from(csv.id));
    expect(Array.from(rebuilt.frequency)).toEqual(Array.from(csv.frequency));
    let sumX = 0;
    for (let i = 0; i < csv.id.length; i++) {
      sumX += rebuilt.frequency[i];
      expect(Math.abs(rebuilt.recency[i] - csv.recency[i])).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(rebuilt.T[i] - csv.T[i])).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs((rebuilt.monetary?.[i] ?? NaN) - csv.monetary[i])).toBeLessThanOrEqual(0.005 + 1e-9);
    }
    expect(sumX).toBe(2457);
    expect(Math.max(...rebuilt.T)).toBeCloseTo(272 / 7, 12);
  });
});
