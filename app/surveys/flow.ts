// The survey as the shopper meets it: plain data and pure functions, shared by the checkout extension
// (which must stay small, so nothing here imports zod, Prisma or the app) and the server.

export type QuestionKind = "csat" | "nps" | "single" | "multiple" | "text" | "interview_opt_in";
export type Placement = "thank-you" | "order-status";
export type Language = "en" | "ja";
export type LocalizedText = { en: string; ja: string };

export interface SurveyOption {
  /** Stable across versions: answers and segments refer to it. */
  id: string;
  label: LocalizedText;
  /** The shopper may type their own answer with this option ("Other"). Always shown last. */
  writeIn?: boolean;
}

/** Show a question only when an earlier answer matches: an option chosen, or a score in a range. */
export interface ShowIf {
  key: string;
  optionIds?: string[];
  scoreAtMost?: number;
  scoreAtLeast?: number;
}

export interface SurveyQuestionDef {
  /** Stable across versions, e.g. "heard_from". */
  key: string;
  kind: QuestionKind;
  prompt: LocalizedText;
  options: SurveyOption[];
  randomize: boolean;
  showIf?: ShowIf;
}

/** What the extension reads (the app-owned metafield): the active version of one survey. */
export interface PublishedSurvey {
  surveyId: string;
  version: number;
  placements: Placement[];
  questions: SurveyQuestionDef[];
}

/** The app-owned metafield's value ($app / survey_config), written when the merchant saves. */
export interface SurveyConfig {
  /** Where answers go: the app's URL. */
  appUrl: string;
  surveys: PublishedSurvey[];
}

/** One answer as the extension sends it. */
export interface AnswerInput {
  questionKey: string;
  score?: number;
  optionIds?: string[];
  text?: string;
  consent?: boolean;
}

export const TEXT_ANSWER_MAX = 1000;

export const SCORE_RANGE: Partial<Record<QuestionKind, { min: number; max: number }>> = {
  csat: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
};

/** Does an earlier answer make this question visible? Questions without a condition always are. */
export function isVisible(question: SurveyQuestionDef, answers: ReadonlyMap<string, AnswerInput>): boolean {
  const condition = question.showIf;
  if (!condition) return true;
  const earlier = answers.get(condition.key);
  if (!earlier) return false;
  if (condition.optionIds && !condition.optionIds.some((id) => earlier.optionIds?.includes(id))) return false;
  if (condition.scoreAtMost !== undefined && !(earlier.score !== undefined && earlier.score <= condition.scoreAtMost)) return false;
  if (condition.scoreAtLeast !== undefined && !(earlier.score !== undefined && earlier.score >= condition.scoreAtLeast)) return false;
  return true;
}

/** The next question to ask after `index` (-1 for the first), skipping follow-ups whose condition fails. */
export function nextQuestionIndex(questions: readonly SurveyQuestionDef[], index: number, answers: ReadonlyMap<string, AnswerInput>): number {
  for (let next = index + 1; next < questions.length; next += 1) {
    if (isVisible(questions[next], answers)) return next;
  }
  return -1;
}

/** A small deterministic generator (mulberry32), so one order always sees the same order of options. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedFrom(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/**
 * Options in the order shown: shuffled when the merchant asks (to spread position bias), with write-in
 * options ("Other") kept last either way.
 */
export function orderedOptions(question: SurveyQuestionDef, seed: number): SurveyOption[] {
  const fixedLast = question.options.filter((option) => option.writeIn);
  const rest = question.options.filter((option) => !option.writeIn);
  if (question.randomize) {
    const next = random(seed ^ seedFrom(question.key));
    for (let i = rest.length - 1; i > 0; i -= 1) {
      const j = Math.floor(next() * (i + 1));
      [rest[i], rest[j]] = [rest[j], rest[i]];
    }
  }
  return [...rest, ...fixedLast];
}

export function localized(text: LocalizedText, language: string): string {
  return language.toLowerCase().startsWith("ja") ? text.ja || text.en : text.en || text.ja;
}
