// The two entry modules read what their target's `shopify` global offers — the thank-you page's
// orderConfirmation, the order-status page's order — plus the $app metafield, language, translations,
// session token and storage, and render the survey into the page.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { render } from "preact";
import type { SurveyConfig } from "../../app/surveys/flow";
import { template } from "../../app/surveys/templates";
import { waitFor } from "../helpers/wait-for";
import { MiniDocument } from "./mini-dom";

const signal = <T,>(value: T) => ({ value, current: value, subscribe: () => () => {}, destroy: () => {} });
const config: SurveyConfig = {
  appUrl: "https://tsuzuku.test",
  surveys: [{ surveyId: "s1", version: 1, placements: ["thank-you", "order-status"], questions: template("satisfaction").questions }],
};

function shopifyGlobal(language: string, extra: Record<string, unknown>) {
  const sent: string[] = [];
  return {
    sent,
    api: {
      extension: { target: "test" },
      appMetafields: signal([{ target: { type: "shop", id: "1" }, metafield: { namespace: "$app", key: "survey_config", value: JSON.stringify(config), type: "json" } }]),
      localization: { extensionLanguage: signal({ isoCode: language }) },
      i18n: { translate: (key: string) => `[${key}]` },
      sessionToken: { get: async () => "token" },
      storage: { read: async () => null, write: async () => {} },
      ...extra,
    },
  };
}

let document: MiniDocument;
const globals = globalThis as Record<string, unknown>;
const saved = { document: globals.document, shopify: globals.shopify, fetch: globals.fetch };

beforeEach(() => {
  document = new MiniDocument();
  globals.document = document;
});

afterEach(() => {
  render(null, document.body as unknown as Element);
  Object.assign(globals, saved);
});

describe("entry points", () => {
  it("thank-you: the order comes from orderConfirmation", async () => {
    const { api } = shopifyGlobal("ja", { orderConfirmation: signal({ order: { id: "gid://shopify/Order/1" }, isFirstOrder: true }) });
    globals.shopify = api;
    const { default: start } = await import("../../extensions/post-purchase-survey/src/ThankYou");
    await start();
    await waitFor("the first question", () => document.body.textContent.includes(template("satisfaction").questions[0].prompt.ja), { timeoutMs: 5000, intervalMs: 5 });
    expect(document.body.textContent).toContain("[heading]");
  });

  it("order-status: the order comes from order, and the server is asked whether it answered", async () => {
    const requests: string[] = [];
    globals.fetch = async (input: string) => {
      requests.push(String(input));
      return new Response(JSON.stringify({ answered: false, answeredKeys: [] }));
    };
    const { api } = shopifyGlobal("en", { order: signal({ id: "gid://shopify/Order/2", name: "#1002" }) });
    globals.shopify = api;
    const { default: start } = await import("../../extensions/post-purchase-survey/src/OrderStatus");
    await start();
    await waitFor("the first question", () => document.body.textContent.includes(template("satisfaction").questions[0].prompt.en), { timeoutMs: 5000, intervalMs: 5 });
    expect(requests).toEqual([`https://tsuzuku.test/api/survey-answers?orderId=${encodeURIComponent("gid://shopify/Order/2")}&surveyId=s1`]);
  });
});
