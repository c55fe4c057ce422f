// Survey definitions as the merchant edits them, validated with zod at every boundary (the builder's
// form, the stored JSON, the metafield written for the extension).
import { z } from "zod";
import type { Placement, PublishedSurvey, QuestionKind, SurveyQuestionDef } from "./flow";

export const QUESTION_KINDS = ["csat", "nps", "single", "multiple", "text", "interview_opt_in"] as const satisfies readonly QuestionKind[];
export const PLACEMENTS = ["thank-you", "order-status"] as const satisfies readonly Placement[];
export const SURVEY_STATUSES = ["draft", "active", "paused"] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

const slug = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "use 1–40 lowercase letters, digits, _ or -");

export const localizedTextSchema = z.object({
  en: z.string().trim().min(1).max(300),
  ja: z.string().trim().min(1).max(300),
});

export const optionSchema = z.object({
  id: slug,
  label: localizedTextSchema,
  writeIn: z.boolean().optional(),
});

export const showIfSchema = z
  .object({
    key: slug,
    optionIds: z.array(slug).min(1).max(50).optional(),
    scoreAtMost: z.number().int().min(0).max(10).optional(),
    scoreAtLeast: z.number().int().min(0).max(10).optional(),
  })
  .refine((c) => c.optionIds || c.scoreAtMost !== undefined || c.scoreAtLeast !== undefined, "a condition needs optionIds or a score bound");

export const questionSchema = z
  .object({
    key: slug,
    kind: z.enum(QUESTION_KINDS),
    prompt: localizedTextSchema,
    options: z.array(optionSchema).max(30).default([]),
    randomize: z.boolean().default(false),
    showIf: showIfSchema.optional(),
  })
  .superRefine((question, ctx) => {
    const choice = question.kind === "single" || question.kind === "multiple";
    if (choice && question.options.length < 2) {
      ctx.addIssue({ code: "custom", path: ["options"], message: "a choice question needs at least 2 options" });
    }
    if (!choice && question.options.length > 0) {
      ctx.addIssue({ code: "custom", path: ["options"], message: `a ${question.kind} question has no options` });
    }
    const seen = new Set<string>();
    question.options.forEach((option, index) => {
      if (seen.has(option.id)) ctx.addIssue({ code: "custom", path: ["options", index, "id"], message: `duplicate option id "${option.id}"` });
      seen.add(option.id);
    });
  });

export const surveyDefinitionSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    placements: z.array(z.enum(PLACEMENTS)).min(1).max(2),
    questions: z.array(questionSchema).min(1).max(20),
  })
  .superRefine((survey, ctx) => {
    const earlier = new Map<string, SurveyQuestionDef>();
    survey.questions.forEach((question, index) => {
      if (earlier.has(question.key)) {
        ctx.addIssue({ code: "custom", path: ["questions", index, "key"], message: `duplicate question key "${question.key}"` });
      }
      const condition = question.showIf;
      if (condition) {
        const parent = earlier.get(condition.key);
        if (!parent) {
          ctx.addIssue({ code: "custom", path: ["questions", index, "showIf", "key"], message: `"${condition.key}" is not an earlier question` });
        } else {
          for (const id of condition.optionIds ?? []) {
            if (!parent.options.some((option) => option.id === id)) {
              ctx.addIssue({ code: "custom", path: ["questions", index, "showIf", "optionIds"], message: `"${id}" is not an option of "${parent.key}"` });
            }
          }
          if ((condition.scoreAtMost !== undefined || condition.scoreAtLeast !== undefined) && parent.kind !== "csat" && parent.kind !== "nps") {
            ctx.addIssue({ code: "custom", path: ["questions", index, "showIf"], message: `"${parent.key}" has no score` });
          }
        }
      }
      earlier.set(question.key, question as SurveyQuestionDef);
    });
  });

export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;

export const publishedSurveySchema: z.ZodType<PublishedSurvey> = z.object({
  surveyId: z.string().min(1),
  version: z.number().int().min(1),
  placements: z.array(z.enum(PLACEMENTS)),
  questions: z.array(questionSchema),
}) as z.ZodType<PublishedSurvey>;

/** "questions.2.options.0.id: duplicate option id" — the first problem, naming its field. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue.path.join(".") || "(root)"}: ${issue.message}`;
}
