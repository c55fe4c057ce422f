// The Overview's figures on a hand-written shop, checked by hand: customer figures as of now vs 30 days
// earlier, sales of the last 30 days vs the 30 before, CSAT and NPS of the answers in those windows.
import { describe, expect, it } from "vitest";
import { compareFigure } from "../../../app/snapshots/views/compare";
import { buildOverviewView } from "../../../app/snapshots/views/overview";
import type { SurveyScores } from "../../../app/snapshots/views/view-input";
import { tinyShop } from "../../metrics/tiny-shop";
import { viewInputFor } from "./view-input";

const shop = tinyShop(
  [
    { customer: 0, at: "2026-01-10T00:00:00Z", amount: 1000 },
    { customer: 0, at: "2026-02-01T00:00:00Z", amount: 2000 }, // second order 22 days after the first
    { customer: 1, at: "2026-03-01T00:00:00Z", amount: 3000 },
    { customer: 2, at: "2026-05-10T00:00:00Z", amount: 4000 }, // the previous 30 days
    { customer: 3, at: "2026-06-10T00:00:00Z", amount: 5000, refunds: [{ at: "2026-06-15T00:00:00Z", amount: 1000 }] },
    { customer: 2, at: "2026-06-20T00:00:00Z", amount: 6000 },
    { customer: null, at: "2026-06-25T00:00:00Z", amount: 500 },
    { customer: 4, at: "2026-06-26T00:00:00Z", amount: 7000, test: true },
  ],
  { currency: "JPY", timeZone: "Asia/Tokyo" },
);
const asOf = Date.parse("2026-06-30T00:00:00Z");

function scores(rows: Array<[kind: 0 | 1, score: number, at: string]>): SurveyScores {
  return {
    until: Date.parse("2026-07-01T00:00:00Z"),
    kind: Uint8Array.from(rows, (r) => r[0]),
    score: Uint8Array.from(rows, (r) => r[1]),
    submittedAt: Float64Array.from(rows, (r) => Date.parse(r[2])),
  };
}

describe("buildOverviewView", () => {
  const input = viewInputFor(shop, asOf);
  const view = buildOverviewView({
    ...input,
    surveyScores: scores([
      [0, 5, "2026-06-05T00:00:00Z"], [0, 4, "2026-06-20T00:00:00Z"], [0, 2, "2026-07-01T00:00:00Z"], // now: 2 of 3 are 4–5
      [0, 5, "2026-05-10T00:00:00Z"], [0, 3, "2026-05-20T00:00:00Z"], // before: 1 of 2
      [0, 1, "2026-05-02T00:00:00Z"], // on the earliest edge: outside both windows
      [1, 10, "2026-06-02T00:00:00Z"], [1, 9, "2026-06-03T00:00:00Z"], [1, 6, "2026-06-04T00:00:00Z"], [1, 7, "2026-06-05T00:00:00Z"],
    ]),
  });

  it("compares customer figures as of now with 30 days earlier", () => {
    // Now: customers 0–3, repeaters 0 and 2. Then (May 31): customers 0–2, repeater 0.
    expect(view.customers.customers).toEqual({ current: 4, previous: 3, change: 0.3333333333, direction: "up" });
    expect(view.customers.repeatRate).toEqual({ current: 0.5, previous: 1 / 3, change: 16.66666667, direction: "up" });
    // F2 (90 days): customers 0 and 1 are old enough both times; only 0 came back within 90 days.
    expect(view.customers.f2Rate).toEqual({ current: 0.5, previous: 0.5, change: 0, direction: "flat" });
    // Nobody's first order is 365 days old: no LTV either time, so no change.
    expect(view.customers.historicalLtv).toEqual({ current: null, previous: null, change: null, direction: null });
    expect(view.customers.predictedClv.current).toBe(input.analysis.predictedClv.meanClv);
    expect(view.clvHorizonDays).toBe(365);
  });

  it("compares sales of the last 30 days with the 30 days before", () => {
    // (May 31, Jun 30]: 5000 − 1000, 6000, 500 (guest); the test order left out. (May 1, May 31]: 4000.
    expect(view.sales.windows).toEqual({
      current: { from: "2026-05-31T00:00:00.000Z", to: "2026-06-30T00:00:00.000Z" },
      previous: { from: "2026-05-01T00:00:00.000Z", to: "2026-05-31T00:00:00.000Z" },
    });
    expect(view.sales.netRevenue).toEqual({ current: 10500, previous: 4000, change: 1.625, direction: "up" });
    expect(view.sales.orders).toEqual({ current: 3, previous: 1, change: 2, direction: "up" });
    expect(view.sales.averageOrderValue).toEqual({ current: 3500, previous: 4000, change: -0.125, direction: "down" });
  });

  it("scores CSAT and NPS on the answers of each window, with their counts", () => {
    expect(view.satisfaction?.windows.current).toEqual({ from: "2026-06-01T00:00:00.000Z", to: "2026-07-01T00:00:00.000Z" });
    expect(view.satisfaction?.csat).toEqual({ current: 200 / 3, previous: 50, change: 16.66666667, direction: "up", answers: { current: 3, previous: 2 } });
    // NPS now: promoters 10 and 9, detractor 6, passive 7 → (2 − 1) / 4 = 25. No NPS answer before.
    expect(view.satisfaction?.nps).toEqual({ current: 25, previous: null, change: null, direction: null, answers: { current: 4, previous: 0 } });
  });

  it("has no subscription section without contracts, and no satisfaction section without answers", () => {
    expect(view.subscriptions).toBeNull();
    expect(buildOverviewView({ ...input, surveyScores: scores([]) }).satisfaction).toBeNull();
    expect(buildOverviewView(input).satisfaction).toBeNull();
  });
});

describe("compareFigure", () => {
  it("reports relative changes, point changes of ratios, and no relative change from zero", () => {
    expect(compareFigure(120, 100, "relative")).toEqual({ current: 120, previous: 100, change: 0.2, direction: "up" });
    expect(compareFigure(0.25, 0.3, "points", true)).toEqual({ current: 0.25, previous: 0.3, change: -5, direction: "down" });
    expect(compareFigure(-10, 5, "points")).toEqual({ current: -10, previous: 5, change: -15, direction: "down" });
    expect(compareFigure(5, 0, "relative")).toEqual({ current: 5, previous: 0, change: null, direction: "up" });
    expect(compareFigure(0.1 + 0.2, 0.3, "relative")).toEqual({ current: 0.1 + 0.2, previous: 0.3, change: 0, direction: "flat" });
  });
});
