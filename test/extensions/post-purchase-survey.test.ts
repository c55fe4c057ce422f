// The checkout extension's survey rendered with Preact into a minimal DOM, on both targets and in both
// languages: one question at a time, follow-ups, skipping, the thank-you state, no re-ask, and what it
// sends to the answer endpoint.
import { readFileSync } from "node:fs";
import { h, render } from "preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Placement, PublishedSurvey } from "../../app/surveys/flow";
import { template, type TemplateId } from "../../app/surveys/templates";
import { answeredKey, type SurveyConfig, type SurveyHost } from "../../extensions/post-purchase-survey/src/host";
import { Survey } from "../../extensions/post-purchase-survey/src/Survey";
import { waitFor } from "../helpers/wait-for";
import { MiniDocument, type MiniElement } from "./mini-dom";

const ORDER = "gid://shopify/Order/4242";
const locales = {
  en: JSON.parse(readFileSync(new URL("../../extensions/post-purchase-survey/locales/en.default.json", import.meta.url), "utf8")),
  ja: JSON.parse(readFileSync(new URL("../../extensions/post-purchase-survey/locales/ja.json", import.meta.url), "utf8")),
} as Record<"en" | "ja", Record<string, string>>;

function published(id: TemplateId, placements: Placement[]): PublishedSurvey {
  const definition = template(id);
  return { surveyId: `survey-${id}`, version: 3, placements, questions: definition.questions };
}

interface Sent {
  method: string;
  url: string;
  authorization: string | null;
  body: unknown;
}

function makeHost(placement: Placement, language: "en" | "ja", config: SurveyConfig | null, options: { answeredOnServer?: boolean; stored?: Record<string, unknown> } = {}) {
  const sent: Sent[] = [];
  const storage = new Map<string, unknown>(Object.entries(options.stored ?? {}));
  const host: SurveyHost = {
    placement,
    language,
    orderId: ORDER,
    config,
    // Shopify's translate: the extension's locale file, {{name}} placeholders.
    translate: (key, vars) => {
      const message = locales[language][key];
      if (message === undefined) throw new Error(`missing ${language} translation "${key}"`);
      return message.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars?.[name]));
    },
    sessionToken: async () => "checkout-session-token",
    storage: {
      read: async <T,>(key: string) => (storage.get(key) as T) ?? null,
      write: async (key, value) => void storage.set(key, value),
    },
    fetch: async (input, init) => {
      const headers = new Headers(init?.headers);
      sent.push({ method: init?.method ?? "GET", url: String(input), authorization: headers.get("Authorization"), body: init?.body ? JSON.parse(String(init.body)) : null });
      const answered = (init?.method ?? "GET") === "GET" ? { answered: options.answeredOnServer ?? false, answeredKeys: [] } : { responseId: "r1", stored: 1 };
      return new Response(JSON.stringify(answered), { status: 200 });
    },
  };
  return { host, sent, storage };
}

let document: MiniDocument;
let root: MiniElement;
const saved = (globalThis as { document?: unknown }).document;

beforeEach(() => {
  document = new MiniDocument();
  (globalThis as { document?: unknown }).document = document;
  root = document.body;
});

afterEach(() => {
  render(null, root as unknown as Element);
  (globalThis as { document?: unknown }).document = saved;
});

const mount = (host: SurveyHost) => render(h(Survey, { host }), root as unknown as Element);
const text = () => root.textContent;
const buttons = (label: string) => root.findAll("s-button", (b) => b.textContent === label);
const click = (label: string) => {
  const [button] = buttons(label);
  if (!button) throw new Error(`no button "${label}" in: ${text()}`);
  button.dispatchEvent({ type: "click" });
};
const until = (what: string, check: () => unknown) => waitFor(what, check, { timeoutMs: 5_000, intervalMs: 5 });

function choose(optionIds: string[]) {
  const [list] = root.findAll("s-choice-list");
  list.values = optionIds;
  list.dispatchEvent({ type: "change" });
}

function type(tag: "s-text-area" | "s-text-field", value: string) {
  const [field] = root.findAll(tag);
  field.value = value;
  field.dispatchEvent({ type: "input" });
}

describe("thank-you page (purchase.thank-you.block.render)", () => {
  it.each([
    ["en", "How did you hear about us?", "An influencer or creator", "Which one?", "Thank you!"],
    ["ja", "当店を何で知りましたか？", "インフルエンサー・クリエイター", "どなたですか？", "ご回答ありがとうございました"],
  ] as const)("in %s: asks one question, follows up on an influencer, sends each answer, thanks", async (language, prompt, influencer, followUp, thanks) => {
    const config = { appUrl: "https://tsuzuku.test", surveys: [published("heard_from", ["thank-you"])] };
    const { host, sent, storage } = makeHost("thank-you", language, config);
    mount(host);
    await until("the first question", () => root.findAll("s-choice-list")[0]);
    const list = root.findAll("s-choice-list")[0];
    expect(list.getAttribute("label")).toBe(prompt);
    expect(text()).toContain(locales[language].heading);
    expect(text()).not.toContain(followUp);
    const choices = root.findAll("s-choice");
    expect(choices).toHaveLength(11);
    expect(choices.at(-1)!.value).toBe("other"); // randomised, Other last
    expect(choices.map((c) => c.textContent)).toContain(influencer);

    choose(["influencer"]);
    await until("Next enabled", () => buttons(locales[language].next)[0]?.getAttribute("disabled") !== "true" && buttons(locales[language].next)[0]);
    click(locales[language].next);
    await until("the follow-up", () => root.findAll("s-text-area")[0]);
    expect(root.findAll("s-text-area")[0].getAttribute("label")).toBe(followUp);
    expect(sent).toEqual([
      {
        method: "POST",
        url: "https://tsuzuku.test/api/survey-answers",
        authorization: "Bearer checkout-session-token",
        body: { surveyId: "survey-heard_from", surveyVersion: 3, orderId: ORDER, placement: "thank-you", locale: language, answers: [{ questionKey: "heard_from", optionIds: ["influencer"] }] },
      },
    ]);

    type("s-text-area", "  @yuko_beauty ");
    await until("Send enabled", () => !buttons(locales[language].send)[0]?.hasAttribute("disabled"));
    click(locales[language].send);
    await until("the thank-you state", () => text().includes(thanks));
    expect(sent.at(-1)!.body).toMatchObject({ answers: [{ questionKey: "heard_from_influencer", text: "@yuko_beauty" }] });
    expect(storage.get(answeredKey("survey-heard_from", ORDER))).toBe(true);
    expect(root.findAll("s-choice-list")).toHaveLength(0);
  });

  it("Other takes a write-in; a skipped question sends nothing and its follow-up is not asked", async () => {
    const config = { appUrl: "https://tsuzuku.test", surveys: [published("heard_from", ["thank-you"])] };
    const { host, sent } = makeHost("thank-you", "en", config);
    mount(host);
    await until("the first question", () => root.findAll("s-choice-list")[0]);
    choose(["other"]);
    await until("the write-in field", () => root.findAll("s-text-field")[0]);
    type("s-text-field", "A podcast");
    await new Promise((resolve) => setTimeout(resolve, 20));
    click("Next");
    await until("the thank-you state", () => text().includes("Thank you!"));
    expect(sent.map((s) => (s.body as { answers: unknown[] }).answers)).toEqual([[{ questionKey: "heard_from", optionIds: ["other"], text: "A podcast" }]]);

    render(null, root as unknown as Element);
    const skipping = makeHost("thank-you", "en", config);
    mount(skipping.host);
    await until("the first question", () => root.findAll("s-choice-list")[0]);
    click("Skip");
    await until("nothing shown", () => root.childNodes.length === 0);
    expect(skipping.sent).toEqual([]);
  });

  it("shows nothing when the order answered on this device, or when no survey is placed here", async () => {
    const config = { appUrl: "https://tsuzuku.test", surveys: [published("heard_from", ["thank-you"])] };
    mount(makeHost("thank-you", "en", config, { stored: { [answeredKey("survey-heard_from", ORDER)]: true } }).host);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(root.childNodes).toHaveLength(0);
    mount(makeHost("thank-you", "en", { appUrl: "https://tsuzuku.test", surveys: [published("heard_from", ["order-status"])] }).host);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(root.childNodes).toHaveLength(0);
    mount(makeHost("thank-you", "en", null).host);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(root.childNodes).toHaveLength(0);
  });
});

describe("order-status page (customer-account.order-status.block.render)", () => {
  it.each([
    ["en", "How satisfied are you with your purchase?", "Sorry to hear that. What could we do better?", "May we contact you"],
    ["ja", "今回のお買い物にどのくらい満足していますか？", "申し訳ございません。改善できる点を教えてください。", "インタビュー"],
  ] as const)("in %s: CSAT, a low score's follow-up (skipped), NPS 0–10, interview opt-in", async (language, csat, why, interview) => {
    const config = { appUrl: "https://tsuzuku.test", surveys: [published("satisfaction", ["order-status"])] };
    const { host, sent } = makeHost("order-status", language, config);
    mount(host);
    await until("the CSAT question", () => text().includes(csat));
    expect(sent[0]).toMatchObject({ method: "GET", url: `https://tsuzuku.test/api/survey-answers?orderId=${encodeURIComponent(ORDER)}&surveyId=survey-satisfaction` });
    expect(root.findAll("s-button").map((b) => b.textContent).slice(0, 5)).toEqual(["1", "2", "3", "4", "5"]);
    expect(text()).toContain(locales[language].csatLow);
    click("2");
    await until("the low-score follow-up", () => root.findAll("s-text-area")[0]?.getAttribute("label") === why);
    click(locales[language].skip);
    await until("the NPS question", () => buttons("10")[0]);
    expect(buttons("0")).toHaveLength(1);
    click("9");
    await until("the interview opt-in", () => text().includes(interview));
    click(locales[language].interviewYes);
    await until("the thank-you state", () => text().includes(locales[language].thanksHeading));
    expect(sent.filter((s) => s.method === "POST").map((s) => (s.body as { answers: unknown[] }).answers[0])).toEqual([
      { questionKey: "csat", score: 2 },
      { questionKey: "nps", score: 9 },
      { questionKey: "interview", consent: true },
    ]);
    expect((sent[1].body as { placement: string }).placement).toBe("order-status");
  });

  it("asks nothing again when the order answered on the thank-you page", async () => {
    const config = { appUrl: "https://tsuzuku.test", surveys: [published("satisfaction", ["thank-you", "order-status"])] };
    const { host, sent } = makeHost("order-status", "ja", config, { answeredOnServer: true });
    mount(host);
    await until("the status check", () => sent.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(root.childNodes).toHaveLength(0);
  });
});
