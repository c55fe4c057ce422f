// A survey's results over a date range: response rate, distributions per question (across versions, by
// the question's stable key and the options' stable ids), CSAT and NPS by their standard definitions,
// attribution shares, free text with search, and the rows of the CSV export.
import type { Db } from "../db.server";
import type { LocalizedText, QuestionKind } from "./flow";
import { loadSurvey, parseQuestionRow } from "./store.server";

export interface DateRange {
  from: Date;
  /** Exclusive. */
  to: Date;
}

/** CSAT: the share of 4 and 5 among CSAT answers (%), or null without answers. */
export function csatScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  return (100 * scores.filter((s) => s >= 4).length) / scores.length;
}

/** NPS: % promoters (9–10) minus % detractors (0–6), from −100 to 100, or null without answers. */
export function npsScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  return (100 * (promoters - detractors)) / scores.length;
}

export interface QuestionResult {
  key: string;
  kind: QuestionKind;
  prompt: LocalizedText;
  answered: number;
  /** Score or option id → count; yes/no for the interview opt-in. */
  counts: Array<{ value: string; label: LocalizedText | null; count: number; share: number }>;
  score: number | null;
  texts: Array<{ text: string; submittedAt: string; orderId: string }>;
}

export interface SurveyResults {
  surveyId: string;
  range: { from: string; to: string };
  responses: number;
  orders: number;
  responseRate: number | null;
  questions: QuestionResult[];
}

interface AnswerRow {
  key: string;
  kind: string;
  score: number | null;
  optionIds: string | null;
  text: string | null;
  consent: boolean | null;
  submittedAt: Date;
  orderId: string;
}

async function answerRows(db: Db, shop: string, surveyId: string, range: DateRange): Promise<AnswerRow[]> {
  const answers = await db.surveyAnswer.findMany({
    where: { shop, response: { surveyId, submittedAt: { gte: range.from, lt: range.to } } },
    select: {
      score: true,
      optionIds: true,
      text: true,
      consent: true,
      question: { select: { key: true, kind: true } },
      response: { select: { submittedAt: true, orderId: true } },
    },
  });
  return answers.map((a) => ({ ...a, key: a.question.key, kind: a.question.kind, submittedAt: a.response.submittedAt, orderId: a.response.orderId }));
}

export async function surveyResults(db: Db, shop: string, surveyId: string, range: DateRange, search = ""): Promise<SurveyResults> {
  const survey = await loadSurvey(db, shop, surveyId);
  // Labels of every version, newest last, so an option removed later still has its name.
  const allQuestions = (await db.surveyQuestion.findMany({ where: { shop, surveyId }, orderBy: [{ surveyVersion: "asc" }, { position: "asc" }] })).map(parseQuestionRow);
  const optionLabels = new Map<string, LocalizedText>();
  for (const q of allQuestions) for (const o of q.options) optionLabels.set(`${q.key}\u0000${o.id}`, o.label);

  const rows = await answerRows(db, shop, surveyId, range);
  const responses = await db.surveyResponse.count({ where: { shop, surveyId, submittedAt: { gte: range.from, lt: range.to } } });
  const since = survey.activatedAt && survey.activatedAt > range.from ? survey.activatedAt : range.from;
  const orders = survey.activatedAt ? await db.order.count({ where: { shop, test: false, createdAt: { gte: since, lt: range.to } } }) : 0;
  const needle = search.trim().toLowerCase();

  const questions = survey.questions.map((question): QuestionResult => {
    const mine = rows.filter((row) => row.key === question.key);
    const tally = new Map<string, number>();
    const add = (value: string) => tally.set(value, (tally.get(value) ?? 0) + 1);
    const scores: number[] = [];
    for (const row of mine) {
      if (row.score !== null) {
        add(String(row.score));
        scores.push(row.score);
      }
      if (row.optionIds) for (const id of JSON.parse(row.optionIds) as string[]) add(id);
      if (row.consent !== null) add(row.consent ? "yes" : "no");
    }
    let values = [...tally.keys()];
    if (question.kind === "csat" || question.kind === "nps") {
      const [min, max] = question.kind === "csat" ? [1, 5] : [0, 10];
      values = Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
    } else if (question.kind === "single" || question.kind === "multiple") {
      const current = question.options.map((o) => o.id);
      values = [...current, ...values.filter((v) => !current.includes(v)).sort()];
    } else if (question.kind === "interview_opt_in") {
      values = ["yes", "no"];
    }
    const answered = mine.length;
    return {
      key: question.key,
      kind: question.kind,
      prompt: question.prompt,
      answered,
      counts: values.map((value) => ({
        value,
        label: optionLabels.get(`${question.key}\u0000${value}`) ?? null,
        count: tally.get(value) ?? 0,
        share: answered ? (tally.get(value) ?? 0) / answered : 0,
      })),
      score: question.kind === "csat" ? csatScore(scores) : question.kind === "nps" ? npsScore(scores) : null,
      texts: mine
        .filter((row) => row.text && (!needle || row.text.toLowerCase().includes(needle)))
        .sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime())
        .slice(0, 200)
        .map((row) => ({ text: row.text!, submittedAt: row.submittedAt.toISOString(), orderId: row.orderId })),
    };
  });

  return {
    surveyId,
    range: { from: range.from.toISOString(), to: range.to.toISOString() },
    responses,
    orders,
    responseRate: orders ? responses / orders : null,
    questions,
  };
}

const CSV_COLUMNS = ["submitted_at", "order_id", "customer_id", "placement", "locale", "survey_version", "question_key", "kind", "score", "option_ids", "text", "consent"];

/** A cell as spreadsheets read it safely: quoted, and never starting like a formula. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Every answer in the range, one row per answer, oldest first. */
export async function answersCsv(db: Db, shop: string, surveyId: string, range: DateRange): Promise<string> {
  const responses = await db.surveyResponse.findMany({
    where: { shop, surveyId, submittedAt: { gte: range.from, lt: range.to } },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    include: { answers: { include: { question: { select: { key: true, kind: true, position: true } } } } },
  });
  const lines = [CSV_COLUMNS.join(",")];
  for (const response of responses) {
    for (const answer of [...response.answers].sort((a, b) => a.question.position - b.question.position)) {
      const optionIds = answer.optionIds ? (JSON.parse(answer.optionIds) as string[]).join("|") : null;
      lines.push(
        [response.submittedAt.toISOString(), response.orderId, response.customerId, response.placement, response.locale, response.surveyVersion, answer.question.key, answer.question.kind, answer.score, optionIds, answer.text, answer.consent === null ? null : answer.consent ? "yes" : "no"]
          .map(csvCell)
          .join(","),
      );
    }
  }
  // A byte-order mark so Excel opens Japanese text as UTF-8.
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
