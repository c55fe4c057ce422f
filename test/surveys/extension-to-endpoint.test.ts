// End to end without a browser: the extension's survey, fed by the published config, answers through the
// real route with a real checkout session token; the answers land in the database, and the order-status
// page then asks nothing.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { h, render } from "preact";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../app/db.server";
import type { Placement } from "../../app/surveys/flow";
import type { SurveyHost } from "../../extensions/post-purchase-survey/src/host";
import { Survey } from "../../extensions/post-purchase-survey/src/Survey";
import { MiniDocument } from "../extensions/mini-dom";
import { shopRow } from "../factories/commerce";
import { startApp, TEST_APP_URL } from "../helpers/app";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { checkoutSessionToken } from "../helpers/shopify-requests";
import { waitFor } from "../helpers/wait-for";

const SHOP = "tsuzuku-e2e.myshopify.com";
const ORDER = "gid://shopify/Order/8080";
const CUSTOMER = "gid://shopify/Customer/808";

let database: TestDatabase;
let db: Db;
let app: Awaited<ReturnType<typeof startApp>>;
let action: (args: ActionFunctionArgs) => Promise<Response>;
let loader: (args: LoaderFunctionArgs) => Promise<Response>;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  app = await startApp(database.url);
  ({ action, loader } = await import("../../app/routes/api.survey-answers"));
  await db.shop.create({ data: shopRow(SHOP) });
});

afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

/** The extension's fetch, answered by the route as Remix would. */
const routeFetch: typeof fetch = async (input, init) => {
  const request = new Request(String(input), { ...init, headers: { ...(init?.headers as Record<string, string>), Origin: "https://extensions.shopifycdn.com" } });
  const handler = request.method === "GET" ? loader : action;
  try {
    return await handler({ request, params: {}, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
};

describe("extension → endpoint → database", () => {
  it("answers on the thank-you page are stored; the order-status page then shows nothing", async () => {
    const { createSurvey, setSurveyStatus } = await import("../../app/surveys/store.server");
    const { surveyConfig } = await import("../../app/surveys/publish.server");
    const { template } = await import("../../app/surveys/templates");
    const survey = await createSurvey(db, SHOP, { ...template("satisfaction"), placements: ["thank-you", "order-status"] });
    await setSurveyStatus(db, SHOP, survey.id, "active");
    const config = JSON.parse(JSON.stringify(await surveyConfig(db, SHOP, TEST_APP_URL)));

    const document = new MiniDocument();
    const saved = (globalThis as { document?: unknown }).document;
    (globalThis as { document?: unknown }).document = document;
    const storage = new Map<string, unknown>();
    const host = (placement: Placement): SurveyHost => ({
      placement,
      language: "ja",
      orderId: ORDER,
      config,
      translate: (key, vars) => `${key}${vars ? JSON.stringify(vars) : ""}`,
      sessionToken: () => checkoutSessionToken({ shop: SHOP, customerId: CUSTOMER }),
      // The order-status page is another device: nothing remembered locally.
      storage: placement === "thank-you"
        ? { read: async <T,>(key: string) => (storage.get(key) as T) ?? null, write: async (key, value) => void storage.set(key, value) }
        : { read: async () => null, write: async () => {} },
      fetch: routeFetch,
    });
    const root = document.body;
    const click = (label: string) => root.findAll("s-button", (b) => b.textContent === label)[0].dispatchEvent({ type: "click" });
    const until = (what: string, check: () => unknown) => waitFor(what, check, { timeoutMs: 10_000, intervalMs: 5 });
    try {
      render(h(Survey, { host: host("thank-you") }), root as unknown as Element);
      await until("CSAT", () => root.findAll("s-button", (b) => b.textContent === "5")[0]);
      click("1");
      await until("the low-score follow-up", () => root.findAll("s-text-area")[0]);
      const [area] = root.findAll("s-text-area");
      area.value = "届くのが遅かった <b>";
      area.dispatchEvent({ type: "input" });
      await until("Send enabled", () => !root.findAll("s-button", (b) => b.textContent === "send")[0]?.hasAttribute("disabled"));
      click("send");
      await until("NPS", () => root.findAll("s-button", (b) => b.textContent === "10")[0]);
      click("skip");
      await until("the interview opt-in", () => root.findAll("s-button", (b) => b.textContent === "interviewNo")[0]);
      click("interviewNo");
      await until("thanks", () => root.textContent.includes("thanksHeading"));
      render(null, root as unknown as Element);

      const stored = await db.surveyResponse.findFirstOrThrow({ where: { shop: SHOP, orderId: ORDER }, include: { answers: { include: { question: true } } } });
      expect(stored).toMatchObject({ surveyId: survey.id, surveyVersion: 1, customerId: CUSTOMER, placement: "thank-you", locale: "ja" });
      expect(Object.fromEntries(stored.answers.map((a) => [a.question.key, a.score ?? a.text ?? a.consent]))).toEqual({ csat: 1, csat_why: "届くのが遅かった <b>", interview: false });

      render(h(Survey, { host: host("order-status") }), root as unknown as Element);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(root.childNodes).toHaveLength(0);
    } finally {
      render(null, root as unknown as Element);
      (globalThis as { document?: unknown }).document = saved;
    }
  });
});
