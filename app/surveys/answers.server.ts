// Shoppers' answers: validated against the version of the survey they answered, stored once per order
// and survey, idempotent (re-sending an answer changes nothing), and kept when they arrive before the
// order is synced — the order and its customer are joined at read time (see segments.server.ts).
import { z } from "zod";
import type { Db } from "../db.server";
import { SCORE_RANGE, TEXT_ANSWER_MAX, type AnswerInput } from "./flow";
import { PLACEMENTS } from "./definition";
import type { AnswerWriter } from "./answer-writer.server";
import { loadSurvey, type StoredSurvey, SurveyNotFoundError } from "./store.server";

const questionKey = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "unknown question");
const optionId = z.string().max(40);

export const answerSchema = z
  .object({
    questionKey,
    score: z.number().int().optional(),
    optionIds: z.array(optionId).min(1).max(30).optional(),
    text: z.string().max(TEXT_ANSWER_MAX, `at most ${TEXT_ANSWER_MAX} characters`).optional(),
    consent: z.boolean().optional(),
  })
  .strict();

export const submissionSchema = z
  .object({
    surveyId: z.string().min(1).max(64),
    surveyVersion: z.number().int().min(1),
    orderId: z.string().regex(/^gid:\/\/shopify\/Order\/\d{1,20}$/, "expected gid://shopify/Order/<id>"),
    placement: z.enum(PLACEMENTS),
    locale: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/).max(16).optional(),
    answers: z.array(answerSchema).min(1).max(20),
  })
  .strict();

export type Submission = z.infer<typeof submissionSchema>;

/** A submission that is well-formed but does not fit the survey: a 400 (or 409) naming the field. */
export class AnswerRejectedError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
    readonly status: 400 | 409 = 400,
  ) {
    super(`${field}: ${reason}`);
    this.name = "AnswerRejectedError";
  }
}

// C0/C1 controls except tab and newline, and the bidirectional overrides that can disguise text.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Free text as stored: plain text (never interpreted as markup), no control characters, capped. */
export function plainText(text: string): string {
  return Array.from(text.normalize("NFC").replace(/\r\n?/g, "\n").replace(UNSAFE_CHARACTERS, "").trim())
    .slice(0, TEXT_ANSWER_MAX)
    .join("");
}

interface StoredAnswerValues {
  questionId: string;
  score: number | null;
  optionIds: string | null;
  text: string | null;
  consent: boolean | null;
}

function checkAnswer(survey: StoredSurvey, answer: AnswerInput, index: number): StoredAnswerValues {
  const field = `answers.${index}`;
  const question = survey.questions.find((q) => q.key === answer.questionKey);
  if (!question) throw new AnswerRejectedError(`${field}.questionKey`, `unknown question "${answer.questionKey}"`);
  const notFor = (name: keyof AnswerInput) => {
    if (answer[name] !== undefined) throw new AnswerRejectedError(`${field}.${name}`, `not allowed for a ${question.kind} question`);
  };
  const values: StoredAnswerValues = { questionId: question.id, score: null, optionIds: null, text: null, consent: null };
  switch (question.kind) {
    case "csat":
    case "nps": {
      const range = SCORE_RANGE[question.kind]!;
      notFor("optionIds");
      notFor("text");
      notFor("consent");
      if (answer.score === undefined) throw new AnswerRejectedError(`${field}.score`, "required");
      if (answer.score < range.min || answer.score > range.max) {
        throw new AnswerRejectedError(`${field}.score`, `must be between ${range.min} and ${range.max}`);
      }
      values.score = answer.score;
      return values;
    }
    case "single":
    case "multiple": {
      notFor("score");
      notFor("consent");
      const ids = answer.optionIds;
      if (!ids) throw new AnswerRejectedError(`${field}.optionIds`, "required");
      if (question.kind === "single" && ids.length !== 1) throw new AnswerRejectedError(`${field}.optionIds`, "choose exactly one option");
      if (new Set(ids).size !== ids.length) throw new AnswerRejectedError(`${field}.optionIds`, "an option is repeated");
      ids.forEach((id, i) => {
        if (!question.options.some((option) => option.id === id)) {
          throw new AnswerRejectedError(`${field}.optionIds.${i}`, `unknown option "${id}"`);
        }
      });
      if (answer.text !== undefined) {
        const writeIn = question.options.some((option) => option.writeIn && ids.includes(option.id));
        if (!writeIn) throw new AnswerRejectedError(`${field}.text`, "only with a write-in option");
        values.text = plainText(answer.text) || null;
      }
      values.optionIds = JSON.stringify(ids);
      return values;
    }
    case "text": {
      notFor("score");
      notFor("optionIds");
      notFor("consent");
      const text = answer.text === undefined ? "" : plainText(answer.text);
      if (!text) throw new AnswerRejectedError(`${field}.text`, "required");
      values.text = text;
      return values;
    }
    case "interview_opt_in": {
      notFor("score");
      notFor("optionIds");
      notFor("text");
      if (answer.consent === undefined) throw new AnswerRejectedError(`${field}.consent`, "required");
      values.consent = answer.consent;
      return values;
    }
  }
}

// Question versions never change once written, so a version read once serves every later answer; the
// status is read again after a few seconds so a pause takes effect quickly.
const STATUS_TTL_MS = 5_000;
const surveyCache = new Map<string, { survey: StoredSurvey; statusReadAt: number }>();

async function surveyVersion(db: Db, shop: string, surveyId: string, version: number): Promise<StoredSurvey> {
  const cacheKey = `${shop}\u0000${surveyId}\u0000${version}`;
  const cached = surveyCache.get(cacheKey);
  if (cached && Date.now() - cached.statusReadAt < STATUS_TTL_MS) return cached.survey;
  let survey: StoredSurvey;
  try {
    survey = await loadSurvey(db, shop, surveyId, version);
  } catch (error) {
    if (error instanceof SurveyNotFoundError) {
      const exists = await db.survey.count({ where: { shop, id: surveyId } });
      throw exists
        ? new AnswerRejectedError("surveyVersion", `unknown version ${version}`)
        : new AnswerRejectedError("surveyId", "unknown survey");
    }
    throw error;
  }
  if (surveyCache.size > 10_000) surveyCache.clear();
  surveyCache.set(cacheKey, { survey, statusReadAt: Date.now() });
  return survey;
}

export function clearSurveyCache() {
  surveyCache.clear();
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === "P2002";
}

export interface SubmitResult {
  responseId: string;
  /** Answers stored by this call (0 when every answer had been stored before). */
  stored: number;
}

/**
 * Stores a submission checked against its survey version. All answers are checked before anything is
 * written, so a bad submission stores nothing. The first answer to a question wins; re-sending it is a
 * no-op.
 */
export async function submitAnswers(db: Db, shop: string, submission: Submission, customerId: string | null, writer?: AnswerWriter): Promise<SubmitResult> {
  const survey = await surveyVersion(db, shop, submission.surveyId, submission.surveyVersion);
  if (survey.status !== "active") throw new AnswerRejectedError("surveyId", "this survey is not active", 409);
  const seen = new Set<string>();
  const values = submission.answers.map((answer, index) => {
    if (seen.has(answer.questionKey)) throw new AnswerRejectedError(`answers.${index}.questionKey`, "answered twice");
    seen.add(answer.questionKey);
    return checkAnswer(survey, answer, index);
  });

  if (writer) {
    const outcome = writer.write(
      { shop, surveyId: submission.surveyId, surveyVersion: submission.surveyVersion, orderId: submission.orderId, customerId, placement: submission.placement, locale: submission.locale ?? null },
      values,
    );
    if ("conflictVersion" in outcome) throw new AnswerRejectedError("surveyVersion", `this order answered version ${outcome.conflictVersion}`, 409);
    return outcome;
  }

  const key = { shop_orderId_surveyId: { shop, orderId: submission.orderId, surveyId: submission.surveyId } };
  const create = {
    shop,
    surveyId: submission.surveyId,
    surveyVersion: submission.surveyVersion,
    orderId: submission.orderId,
    customerId,
    placement: submission.placement,
    locale: submission.locale ?? null,
  };
  let response = await db.surveyResponse.findUnique({ where: key });
  if (!response) {
    try {
      response = await db.surveyResponse.create({ data: create });
    } catch (error) {
      // Two first answers for the same order at once: the other one created the response.
      if (!isUniqueViolation(error)) throw error;
      response = await db.surveyResponse.findUniqueOrThrow({ where: key });
    }
  }
  if (response.surveyVersion !== submission.surveyVersion) {
    throw new AnswerRejectedError("surveyVersion", `this order answered version ${response.surveyVersion}`, 409);
  }
  if (!response.customerId && customerId) {
    await db.surveyResponse.update({ where: key, data: { customerId } });
  }
  let stored = 0;
  for (const answer of values) {
    const where = { shop_responseId_questionId: { shop, responseId: response.id, questionId: answer.questionId } };
    if (await db.surveyAnswer.findUnique({ where, select: { id: true } })) continue;
    try {
      await db.surveyAnswer.create({ data: { shop, responseId: response.id, ...answer } });
      stored += 1;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return { responseId: response.id, stored };
}

/** Whether this order already answered: the extension asks nothing again. */
export async function responseStatus(db: Db, shop: string, orderId: string, surveyId: string) {
  const response = await db.surveyResponse.findUnique({
    where: { shop_orderId_surveyId: { shop, orderId, surveyId } },
    select: { surveyVersion: true, answers: { select: { question: { select: { key: true } } } } },
  });
  return { answered: response !== null, answeredKeys: response?.answers.map((a) => a.question.key).sort() ?? [] };
}
