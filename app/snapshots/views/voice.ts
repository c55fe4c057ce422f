// The Voice of customer page's view: repeat, F2 and LTV by survey answer.
import type { ViewInput } from "./view-input";

export function buildVoiceView({ analysis }: ViewInput) {
  const { bySegment } = analysis.historicalLtv;
  return { ltvBySurveySegment: Object.fromEntries(Object.entries(bySegment).filter(([name]) => name.startsWith("survey"))) };
}
