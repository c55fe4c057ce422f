// The Voice of customer page's view: repeat rate, F2 conversion and historical LTV by satisfaction band,
// by the channel customers say brought them and by their reason for buying, each with counts and 95 %
// intervals, a verdict on whether the best and worst answers really differ, and answered vs not.
import { type OutcomeComparison, type SegmentOutcome, ANSWERED_DIMENSION, computeSurveyOutcomes, MIN_GROUP_CUSTOMERS, OUTCOME_F2_WINDOW_DAYS, OUTCOME_LTV_WINDOWS_DAYS } from "../../metrics/segment-outcomes";
import { NO_VALUE } from "../../metrics/historical-ltv";
import { preparedShopOf } from "./prepared-shop";
import type { ViewInput } from "./view-input";

/** Dimensions in page order; the last compares customers who answered any question with the rest. */
export const VOICE_DIMENSIONS = ["satisfactionBand", "attributionChannel", "purchaseReason", ANSWERED_DIMENSION] as const;
export type VoiceDimension = (typeof VOICE_DIMENSIONS)[number];
/** Answer groups shown per dimension (the largest), besides the customers without an answer. */
export const VOICE_GROUPS_SHOWN = 15;

export interface VoiceDimensionView {
  name: VoiceDimension;
  /** Customers with a counted order who gave this answer (or, for "answered", any answer). */
  respondents: number;
  groups: SegmentOutcome[];
  /** Answer groups left out beyond VOICE_GROUPS_SHOWN. */
  groupsHidden: number;
  comparisons: OutcomeComparison[];
}

export interface VoiceView {
  minGroupCustomers: number;
  f2WindowDays: number;
  ltvWindowsDays: number[];
  /** Customers with a counted order who answered any survey question. */
  respondents: number;
  /** Empty before the first survey answer. */
  dimensions: VoiceDimensionView[];
}

export function buildVoiceView(input: ViewInput): VoiceView {
  const outcomes = computeSurveyOutcomes(input.dataset, preparedShopOf(input));
  const dimensions: VoiceDimensionView[] = [];
  for (const name of VOICE_DIMENSIONS) {
    const outcome = outcomes?.[name];
    if (!outcome) continue;
    const answers = outcome.groups.filter((g) => g.key !== NO_VALUE);
    const shown = answers.slice(0, VOICE_GROUPS_SHOWN);
    const respondents = name === ANSWERED_DIMENSION ? (answers.find((g) => g.key === "answered")?.customers ?? 0) : answers.reduce((sum, g) => sum + g.customers, 0);
    dimensions.push({
      name,
      respondents,
      groups: [...shown, ...outcome.groups.filter((g) => g.key === NO_VALUE)].map(roundMoney),
      groupsHidden: answers.length - shown.length,
      comparisons: outcome.comparisons,
    });
  }
  const answered = dimensions.find((d) => d.name === ANSWERED_DIMENSION);
  return {
    minGroupCustomers: MIN_GROUP_CUSTOMERS,
    f2WindowDays: OUTCOME_F2_WINDOW_DAYS,
    ltvWindowsDays: [...OUTCOME_LTV_WINDOWS_DAYS],
    respondents: answered?.respondents ?? 0,
    dimensions: answered && answered.respondents > 0 ? dimensions : [],
  };
}

/** LTV means and bounds as whole minor units (amounts in views are integers). */
function roundMoney(group: SegmentOutcome): SegmentOutcome {
  const round = (value: number | null) => (value === null ? null : Math.round(value));
  return { ...group, ltv: group.ltv.map((w) => ({ ...w, mean: round(w.mean), low: round(w.low), high: round(w.high) })) };
}
