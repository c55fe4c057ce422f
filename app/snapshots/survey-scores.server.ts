// The CSAT and NPS answers the Overview compares: those submitted in the two comparison windows before
// the snapshot's computation, as columns (one small read, not the whole answer history).
import type { Db } from "../db.server";
import { DAY_MS } from "../metrics/prepare";
import type { SurveyScores } from "./views/view-input";

export async function readSurveyScores(db: Db, shop: string, until: Date, comparisonDays: number): Promise<SurveyScores> {
  const since = new Date(until.getTime() - 2 * comparisonDays * DAY_MS);
  const answers = await db.surveyAnswer.findMany({
    where: { shop, score: { not: null }, question: { kind: { in: ["csat", "nps"] } }, response: { submittedAt: { gt: since, lte: until } } },
    select: { score: true, question: { select: { kind: true } }, response: { select: { submittedAt: true } } },
  });
  return {
    until: until.getTime(),
    kind: Uint8Array.from(answers, (answer) => (answer.question.kind === "nps" ? 1 : 0)),
    score: Uint8Array.from(answers, (answer) => answer.score ?? 0),
    submittedAt: Float64Array.from(answers, (answer) => answer.response.submittedAt.getTime()),
  };
}
