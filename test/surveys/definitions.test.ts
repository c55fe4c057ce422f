// Survey definitions, templates and the shopper's path through a survey (pure: no database).
import { describe, expect, it } from "vitest";
import { describeIssue, surveyDefinitionSchema } from "../../app/surveys/definition";
import { type AnswerInput, nextQuestionIndex, orderedOptions } from "../../app/surveys/flow";
import { HEARD_FROM_CHANNELS, template, TEMPLATE_IDS } from "../../app/surveys/templates";

describe("templates", () => {
  it.each(TEMPLATE_IDS)("%s is a valid definition", (id) => {
    expect(surveyDefinitionSchema.safeParse(template(id)).success).toBe(true);
  });

  it("asks how the shopper heard of the shop, with every channel, Other last and a follow-up for influencers", () => {
    const heard = template("heard_from");
    const question = heard.questions[0];
    expect(question.options.map((o) => o.id)).toEqual([...HEARD_FROM_CHANNELS]);
    expect(question.options.at(-1)).toMatchObject({ id: "other", writeIn: true });
    expect(heard.questions[1]).toMatchObject({ kind: "text", showIf: { key: "heard_from", optionIds: ["influencer"] } });
    expect(question.options.find((o) => o.id === "line")?.label).toEqual({ en: "LINE", ja: "LINE" });
  });
});

describe("validation names the field", () => {
  const base = template("satisfaction");
  const fails = (mutate: (d: typeof base) => void) => {
    const definition = structuredClone(base);
    mutate(definition);
    const result = surveyDefinitionSchema.safeParse(definition);
    expect(result.success).toBe(false);
    return describeIssue(result.error!);
  };

  it("rejects duplicate keys, follow-ups of later questions, options on scores and bad option ids", () => {
    expect(fails((d) => (d.questions[2].key = "csat"))).toBe('questions.2.key: duplicate question key "csat"');
    expect(fails((d) => (d.questions[1].showIf = { key: "nps", scoreAtMost: 6 }))).toBe('questions.1.showIf.key: "nps" is not an earlier question');
    expect(fails((d) => d.questions[0].options.push({ id: "a", label: { en: "A", ja: "A" } }))).toBe("questions.0.options: a csat question has no options");
    expect(fails((d) => (d.placements = []))).toMatch(/^placements:/);
    const heard = template("heard_from");
    heard.questions[0].options[1].id = "Not A Slug";
    expect(describeIssue(surveyDefinitionSchema.safeParse(heard).error!)).toMatch(/^questions\.0\.options\.1\.id:/);
  });

  it("rejects a follow-up on an option the parent does not have", () => {
    const heard = template("heard_from");
    heard.questions[1].showIf = { key: "heard_from", optionIds: ["radio"] };
    expect(describeIssue(surveyDefinitionSchema.safeParse(heard).error!)).toBe('questions.1.showIf.optionIds: "radio" is not an option of "heard_from"');
  });
});

describe("the shopper's path", () => {
  it("asks a follow-up only when its condition holds", () => {
    const questions = template("satisfaction").questions;
    const answers = new Map<string, AnswerInput>();
    answers.set("csat", { questionKey: "csat", score: 5 });
    expect(nextQuestionIndex(questions, 0, answers)).toBe(2); // happy: no "why?"
    answers.set("csat", { questionKey: "csat", score: 2 });
    expect(nextQuestionIndex(questions, 0, answers)).toBe(1);
    answers.delete("csat"); // skipped: no follow-up either
    expect(nextQuestionIndex(questions, 0, answers)).toBe(2);
    expect(nextQuestionIndex(questions, 3, answers)).toBe(-1);
  });

  it("randomises options deterministically per order and keeps Other last", () => {
    const question = template("heard_from").questions[0];
    const orders = new Set<string>();
    for (let seed = 1; seed <= 20; seed += 1) {
      const ids = orderedOptions(question, seed).map((o) => o.id);
      expect(ids.at(-1)).toBe("other");
      expect([...ids].sort()).toEqual(question.options.map((o) => o.id).sort());
      expect(orderedOptions(question, seed).map((o) => o.id)).toEqual(ids);
      orders.add(ids.join());
    }
    expect(orders.size).toBeGreaterThan(10);
    expect(orderedOptions({ ...question, randomize: false }, 7).map((o) => o.id)).toEqual(question.options.map((o) => o.id));
  });
});
