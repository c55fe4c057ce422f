// The Overview page's view: the headline figures, each beside the same figure one comparison period
// earlier. Figures about customers (counts, rates, LTV, CLV, subscribers, MRR) compare the analysis as of
// now with the analysis as of `comparisonDays` earlier; flow figures (net revenue, orders, AOV) compare
// the last `comparisonDays` with the ones before; CSAT and NPS compare the answers of those two windows.
import { DAY_MS } from "../../metrics/prepare";
import { computePeriodTotals } from "../../metrics/period-totals";
import { csatScore, npsScore } from "../../surveys/results.server";
import { compareFigure, type ComparedFigure } from "./compare";
import type { SurveyScores, ViewInput } from "./view-input";

export const OVERVIEW_F2_WINDOW_DAYS = 90;
export const OVERVIEW_LTV_WINDOW_DAYS = 365;

export interface SurveyFigure extends ComparedFigure {
  answers: { current: number; previous: number };
}

export function buildOverviewView({ dataset, analysis, previous, comparisonDays, surveyScores }: ViewInput) {
  const f2 = (a: typeof analysis) => a.repeat.f2.find((w) => w.windowDays === OVERVIEW_F2_WINDOW_DAYS)?.rate ?? null;
  const ltv = (a: typeof analysis) => a.historicalLtv.overall.find((w) => w.windowDays === OVERVIEW_LTV_WINDOW_DAYS)?.ltv ?? null;
  const asOf = Date.parse(analysis.asOf);
  const span = comparisonDays * DAY_MS;
  const last = computePeriodTotals(dataset, asOf - span, asOf);
  const before = computePeriodTotals(dataset, asOf - 2 * span, asOf - span);
  const subs = analysis.subscriptions;
  const subsBefore = previous.subscriptions;
  return {
    comparisonDays,
    /** As of now vs as of comparisonDays earlier. */
    customers: {
      customers: compareFigure(analysis.totals.customers, previous.totals.customers, "relative"),
      repeatRate: compareFigure(analysis.repeat.repeatCustomerRate, previous.repeat.repeatCustomerRate, "points", true),
      f2Rate: compareFigure(f2(analysis), f2(previous), "points", true),
      historicalLtv: compareFigure(ltv(analysis), ltv(previous), "relative"),
      predictedClv: compareFigure(analysis.predictedClv.meanClv, previous.predictedClv.meanClv, "relative"),
    },
    clvHorizonDays: analysis.predictedClv.horizonDays,
    /** The last comparisonDays up to asOf vs the comparisonDays before. */
    sales: {
      windows: { current: { from: last.from, to: last.to }, previous: { from: before.from, to: before.to } },
      netRevenue: compareFigure(last.netRevenue, before.netRevenue, "relative"),
      orders: compareFigure(last.orders, before.orders, "relative"),
      averageOrderValue: compareFigure(last.averageOrderValue, before.averageOrderValue, "relative"),
    },
    /** Null without subscription contracts. */
    subscriptions: subs
      ? {
          activeSubscribers: compareFigure(subs.activeSubscribers, subsBefore?.activeSubscribers ?? 0, "relative"),
          mrr: compareFigure(subs.mrr, subsBefore?.mrr ?? 0, "relative"),
        }
      : null,
    /** Null without a CSAT or NPS answer in either window. */
    satisfaction: surveyScores ? satisfaction(surveyScores, comparisonDays) : null,
  };
}

function satisfaction(scores: SurveyScores, comparisonDays: number) {
  const split = scores.until - comparisonDays * DAY_MS;
  const start = scores.until - 2 * comparisonDays * DAY_MS;
  // [kind][0 = previous window, 1 = current window]
  const buckets: number[][][] = [[[], []], [[], []]];
  for (let i = 0; i < scores.kind.length; i++) {
    const at = scores.submittedAt[i];
    if (at > start && at <= scores.until) buckets[scores.kind[i]][at > split ? 1 : 0].push(scores.score[i]);
  }
  if (buckets.every((kind) => kind[0].length + kind[1].length === 0)) return null;
  const figure = ([before, now]: number[][], score: (s: number[]) => number | null): SurveyFigure => ({
    ...compareFigure(score(now), score(before), "points"),
    answers: { current: now.length, previous: before.length },
  });
  return {
    windows: {
      current: { from: new Date(split).toISOString(), to: new Date(scores.until).toISOString() },
      previous: { from: new Date(start).toISOString(), to: new Date(split).toISOString() },
    },
    csat: figure(buckets[0], csatScore),
    nps: figure(buckets[1], npsScore),
  };
}

export type OverviewView = ReturnType<typeof buildOverviewView>;
