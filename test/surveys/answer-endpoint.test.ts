// The answer endpoint with checkout session tokens signed as Shopify signs them, through the real route
// and the library's authenticate.public.checkout: who may answer, what gets in, and what a bad call
// leaves behind (nothing).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../app/db.server";
import type * as AnswerEndpoint from "../../app/surveys/answer-endpoint.server";
import type * as SurveyStore from "../../app/surveys/store.server";
import { seedShop } from "../factories/commerce";
import { startApp, TEST_API_KEY } from "../helpers/app";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { checkoutRequest, checkoutSessionToken, webhookRequest } from "../helpers/shopify-requests";

const SHOP = "tsuzuku-survey.myshopify.com";
const OTHER_SHOP = "neighbour-survey.myshopify.com";
const ORDER = "gid://shopify/Order/555";
const CUSTOMER = "gid://shopify/Customer/77";

let database: TestDatabase;
let db: Db;
let app: Awaited<ReturnType<typeof startApp>>;
let action: (args: ActionFunctionArgs) => Promise<Response>;
let loader: (args: LoaderFunctionArgs) => Promise<Response>;
let surveys: typeof SurveyStore;
let endpoint: typeof AnswerEndpoint;
let surveyId: string;
let otherSurveyId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  app = await startApp(database.url);
  ({ action, loader } = await import("../../app/routes/api.survey-answers"));
  surveys = await import("../../app/surveys/store.server");
  endpoint = await import("../../app/surveys/answer-endpoint.server");
});

afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

beforeEach(async () => {
  const { redactShop } = await import("../../app/privacy/redact.server");
  const { template } = await import("../../app/surveys/templates");
  (await import("../../app/surveys/answers.server")).clearSurveyCache();
  for (const shop of [SHOP, OTHER_SHOP]) await redactShop(db, shop);
  await seedShop(db, SHOP, 1);
  await seedShop(db, OTHER_SHOP, 2);
  // seedShop gives each shop a survey answer; this file's shop starts with none of its own.
  await db.survey.deleteMany({ where: { shop: SHOP } });
  const heard = await surveys.createSurvey(db, SHOP, template("heard_from"));
  const satisfaction = await surveys.createSurvey(db, SHOP, template("satisfaction"));
  await surveys.setSurveyStatus(db, SHOP, heard.id, "active");
  await surveys.setSurveyStatus(db, SHOP, satisfaction.id, "active");
  surveyId = heard.id;
  otherSurveyId = satisfaction.id;
});

const heardFrom = (over: Record<string, unknown> = {}) => ({
  surveyId,
  surveyVersion: 1,
  orderId: ORDER,
  placement: "thank-you",
  locale: "ja-JP",
  answers: [{ questionKey: "heard_from", optionIds: ["influencer"] }],
  ...over,
});

let client = 0;
/** Each call from its own address: the route's per-client limit is tested on its own below. */
async function post(body: unknown, token: string | null, headers: Record<string, string> = {}) {
  client += 1;
  const address = { "X-Forwarded-For": `198.51.${client >> 8}.${client & 255}` };
  const request = checkoutRequest("/api/survey-answers", token, { body: typeof body === "string" ? body : JSON.stringify(body), headers: { ...address, ...headers } });
  try {
    return await action({ request, params: {}, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const token = (over: Partial<Parameters<typeof checkoutSessionToken>[0]> = {}) => checkoutSessionToken({ shop: SHOP, customerId: CUSTOMER, ...over });

async function storedState() {
  const responses = await db.surveyResponse.findMany({ where: { shop: SHOP }, orderBy: { id: "asc" } });
  const answers = await db.surveyAnswer.findMany({ where: { shop: SHOP }, orderBy: { id: "asc" } });
  return { responses, answers };
}

describe("checkout session tokens", () => {
  it("a valid token stores the answer against shop, order, customer and survey version", async () => {
    const response = await post(heardFrom(), await token());
    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const stored = await db.surveyResponse.findMany({ where: { shop: SHOP }, include: { answers: { include: { question: true } } } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ shop: SHOP, orderId: ORDER, customerId: CUSTOMER, surveyId, surveyVersion: 1, placement: "thank-you", locale: "ja-JP" });
    expect(stored[0].answers.map((a) => [a.question.key, a.question.surveyVersion, a.optionIds])).toEqual([["heard_from", 1, '["influencer"]']]);
  });

  it("what the endpoint writes reads back through Prisma: scores, consent, times", async () => {
    const before = Date.now();
    const answers = [{ questionKey: "csat", score: 5 }, { questionKey: "interview", consent: true }];
    expect((await post(heardFrom({ surveyId: otherSurveyId, answers }), await token())).status).toBe(200);
    const response = await db.surveyResponse.findFirstOrThrow({ where: { shop: SHOP }, include: { answers: true } });
    expect(response.submittedAt).toBeInstanceOf(Date);
    expect(response.submittedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const values = response.answers.map((a) => [a.score, a.consent, a.optionIds, a.text]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(values).toEqual([[5, null, null, null], [null, true, null, null]]);
  });

  it("a guest's token (no sub) stores the answer without a customer", async () => {
    expect((await post(heardFrom(), await checkoutSessionToken({ shop: SHOP }))).status).toBe(200);
    expect((await db.surveyResponse.findFirstOrThrow({ where: { shop: SHOP } })).customerId).toBeNull();
  });

  it.each([
    ["forged (another secret)", () => token({ secret: "not-the-app-secret-0123456789abcdef" })],
    ["expired", () => token({ expiresIn: -120 })],
    ["for another app", () => token({ audience: "another-app-client-id" })],
    ["for a shop that did not install the app", () => checkoutSessionToken({ shop: "stranger.myshopify.com" })],
    ["missing", async () => null],
  ])("a %s token gets 401 and stores nothing", async (_name, make) => {
    const response = await post(heardFrom(), await make());
    expect(response.status).toBe(401);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(await storedState()).toEqual({ responses: [], answers: [] });
  });

  it("another shop's valid token cannot answer this shop's survey", async () => {
    const response = await post(heardFrom(), await token({ shop: OTHER_SHOP }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ field: "surveyId" });
    expect(await storedState()).toEqual({ responses: [], answers: [] });
  });

  it("answers the CORS preflight", async () => {
    const request = new Request("https://tsuzuku.test/api/survey-answers", {
      method: "OPTIONS",
      headers: { Origin: "https://extensions.shopifycdn.com", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,content-type" },
    });
    const response = await action({ request, params: {}, context: {} }).catch((thrown) => thrown as Response);
    expect(response.status).toBe(204);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(response.headers.get("Access-Control-Allow-Headers")).toContain("Authorization");
  });
});

describe("idempotency and ordering", () => {
  it("re-sending the same answer changes nothing; one response per order and survey", async () => {
    const t = await token();
    expect(await (await post(heardFrom(), t)).json()).toMatchObject({ stored: 1 });
    const before = await storedState();
    expect(await (await post(heardFrom(), t)).json()).toMatchObject({ stored: 0 });
    // A different answer to the same question later: the first one stands.
    expect((await post(heardFrom({ answers: [{ questionKey: "heard_from", optionIds: ["search"] }] }), t)).status).toBe(200);
    expect(await storedState()).toEqual(before);
  });

  it("a follow-up joins the same response; concurrent first answers make one response", async () => {
    const t = await token();
    const results = await Promise.all([
      post(heardFrom(), t),
      post(heardFrom({ answers: [{ questionKey: "heard_from_influencer", text: "  ゆうこりん\u202e " }] }), t),
      post(heardFrom(), t),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const { responses, answers } = await storedState();
    expect(responses).toHaveLength(1);
    expect(answers.map((a) => a.text ?? a.optionIds).sort()).toEqual(['["influencer"]', "ゆうこりん"]);
  });

  it("the same order answers two surveys separately", async () => {
    const t = await token();
    expect((await post(heardFrom(), t)).status).toBe(200);
    expect((await post({ ...heardFrom(), surveyId: otherSurveyId, answers: [{ questionKey: "csat", score: 4 }] }, t)).status).toBe(200);
    expect(await db.surveyResponse.count({ where: { orderId: ORDER } })).toBe(2);
  });

  it("answers to an older version keep it, and an order cannot switch versions midway", async () => {
    const { template } = await import("../../app/surveys/templates");
    const t = await token();
    expect((await post(heardFrom(), t)).status).toBe(200);
    const edited = template("heard_from");
    edited.questions[0].prompt.en = "Where did you first see us?";
    await surveys.saveSurveyVersion(db, SHOP, surveyId, edited);
    expect((await post(heardFrom({ answers: [{ questionKey: "heard_from_influencer", text: "a" }] }), t)).status).toBe(200);
    const switched = await post(heardFrom({ surveyVersion: 2, answers: [{ questionKey: "heard_from_influencer", text: "b" }] }), t);
    expect(switched.status).toBe(409);
    const answers = await db.surveyAnswer.findMany({ where: { shop: SHOP }, include: { question: true } });
    expect(answers.map((a) => a.question.surveyVersion)).toEqual([1, 1]);
    // A new order answers version 2.
    expect((await post(heardFrom({ orderId: "gid://shopify/Order/556", surveyVersion: 2 }), t)).status).toBe(200);
  });

  it("keeps an answer for an order not synced yet, and reports it answered", async () => {
    const unsynced = "gid://shopify/Order/999999";
    expect(await db.order.count({ where: { id: unsynced } })).toBe(0);
    const t = await token();
    expect((await post(heardFrom({ orderId: unsynced }), t)).status).toBe(200);
    const status = await loader({ request: checkoutRequest(`/api/survey-answers?orderId=${encodeURIComponent(unsynced)}&surveyId=${surveyId}`, t, { method: "GET" }), params: {}, context: {} });
    expect(await status.json()).toEqual({ answered: true, answeredKeys: ["heard_from"] });
    const fresh = await loader({ request: checkoutRequest(`/api/survey-answers?orderId=${encodeURIComponent("gid://shopify/Order/1")}&surveyId=${surveyId}`, t, { method: "GET" }), params: {}, context: {} });
    expect(await fresh.json()).toEqual({ answered: false, answeredKeys: [] });
  });
});

describe("bad input never gets in", () => {
  const cases: Array<[string, () => unknown, number, string]> = [
    ["unknown question", () => heardFrom({ answers: [{ questionKey: "favourite_colour", optionIds: ["x"] }] }), 400, "answers.0.questionKey"],
    ["unknown option", () => heardFrom({ answers: [{ questionKey: "heard_from", optionIds: ["radio"] }] }), 400, "answers.0.optionIds.0"],
    ["two options on a single choice", () => heardFrom({ answers: [{ questionKey: "heard_from", optionIds: ["x", "line"] }] }), 400, "answers.0.optionIds"],
    ["write-in text without Other", () => heardFrom({ answers: [{ questionKey: "heard_from", optionIds: ["x"], text: "hi" }] }), 400, "answers.0.text"],
    ["wrong type: score on a choice", () => heardFrom({ answers: [{ questionKey: "heard_from", score: 3 }] }), 400, "answers.0.score"],
    ["wrong JSON type", () => heardFrom({ answers: [{ questionKey: "heard_from", optionIds: "x" }] }), 400, "answers.0.optionIds"],
    ["unknown field", () => heardFrom({ answers: [{ questionKey: "heard_from", optionIds: ["x"], html: "<b>" }] }), 400, "answers.0.html"],
    ["bad order id", () => heardFrom({ orderId: "555" }), 400, "orderId"],
    ["unknown survey", () => heardFrom({ surveyId: "nope" }), 400, "surveyId"],
    ["unknown version", () => heardFrom({ surveyVersion: 9 }), 400, "surveyVersion"],
    ["bad placement", () => heardFrom({ placement: "cart" }), 400, "placement"],
    ["no answers", () => heardFrom({ answers: [] }), 400, "answers"],
    ["too long free text", () => heardFrom({ answers: [{ questionKey: "heard_from_influencer", text: "あ".repeat(1001) }] }), 400, "answers.0.text"],
    ["empty free text", () => heardFrom({ answers: [{ questionKey: "heard_from_influencer", text: " \u0000 " }] }), 400, "answers.0.text"],
    ["not JSON", () => "{answers:", 400, "body"],
  ];
  it.each(cases)("%s", async (_name, body, status, field) => {
    const response = await post(body(), await token());
    expect(response.status).toBe(status);
    const problem = await response.json();
    expect(problem.field).toBe(field);
    expect(problem.error.startsWith(`${field}:`)).toBe(true);
    expect(await storedState()).toEqual({ responses: [], answers: [] });
  });

  it.each([
    ["CSAT above 5", { questionKey: "csat", score: 6 }],
    ["CSAT below 1", { questionKey: "csat", score: 0 }],
    ["NPS above 10", { questionKey: "nps", score: 11 }],
    ["fractional NPS", { questionKey: "nps", score: 7.5 }],
    ["consent that is not a boolean", { questionKey: "interview", consent: "yes" }],
  ])("out of range or wrong type: %s", async (_name, answer) => {
    const response = await post(heardFrom({ surveyId: otherSurveyId, answers: [answer] }), await token());
    expect(response.status).toBe(400);
    expect((await response.json()).field).toMatch(/^answers\.0\.(score|consent)$/);
    expect(await storedState()).toEqual({ responses: [], answers: [] });
  });

  it("one bad answer in a batch stores none of the batch, and leaves earlier answers untouched", async () => {
    const t = await token();
    expect((await post(heardFrom({ surveyId: otherSurveyId, answers: [{ questionKey: "csat", score: 2 }] }), t)).status).toBe(200);
    const before = await storedState();
    const batch = [{ questionKey: "csat_why", text: "late" }, { questionKey: "nps", score: 42 }];
    expect((await post(heardFrom({ surveyId: otherSurveyId, answers: batch }), t)).status).toBe(400);
    expect(await storedState()).toEqual(before);
  });

  it("free text is stored as plain text without control characters", async () => {
    const text = "<script>alert(1)</script>\u0007 良かった\r\nまた買います";
    expect((await post(heardFrom({ answers: [{ questionKey: "heard_from", optionIds: ["other"], text }] }), await token())).status).toBe(200);
    expect((await db.surveyAnswer.findFirstOrThrow({ where: { shop: SHOP } })).text).toBe("<script>alert(1)</script> 良かった\nまた買います");
  });

  it("an oversized body gets 413, whether or not Content-Length admits it", async () => {
    const huge = JSON.stringify(heardFrom({ padding: "x".repeat(endpoint.MAX_BODY_BYTES) }));
    expect((await post(huge, await token(), { "Content-Length": String(huge.length) })).status).toBe(413);
    expect((await post(huge, await token())).status).toBe(413);
    expect(await storedState()).toEqual({ responses: [], answers: [] });
  });

  it("a paused survey takes no answers", async () => {
    await surveys.setSurveyStatus(db, SHOP, surveyId, "paused");
    (await import("../../app/surveys/answers.server")).clearSurveyCache();
    expect((await post(heardFrom(), await token())).status).toBe(409);
  });
});

describe("rate limits", () => {
  it("429 per client and per shop, with Retry-After, and nothing stored by a refused call", async () => {
    const { RateLimiter } = await import("../../app/surveys/rate-limit");
    const { authenticate } = app.shopify;
    let clock = 0;
    const deps = {
      db,
      apiKey: TEST_API_KEY,
      authenticate: (request: Request) => authenticate.public.checkout(request),
      shopLimiter: new RateLimiter({ burst: 5, perSecond: 1 }, () => clock),
      clientLimiter: new RateLimiter({ burst: 2, perSecond: 0.1 }, () => clock),
    };
    const t = await token();
    const send = (order: number, ip: string) =>
      endpoint.handleAnswerPost(
        checkoutRequest("/api/survey-answers", t, { body: JSON.stringify(heardFrom({ orderId: `gid://shopify/Order/${order}` })), headers: { "X-Forwarded-For": ip } }),
        deps,
      );
    expect((await send(1, "203.0.113.1")).status).toBe(200);
    expect((await send(2, "203.0.113.1")).status).toBe(200);
    const limited = await send(3, "203.0.113.1");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await send(4, "203.0.113.2")).status).toBe(200);
    expect((await send(5, "203.0.113.3")).status).toBe(200);
    expect((await send(6, "203.0.113.4")).status).toBe(429); // the shop's burst of 5 is spent
    expect((await db.surveyResponse.findMany({ where: { shop: SHOP } })).map((r) => r.orderId).sort()).toEqual(["gid://shopify/Order/1", "gid://shopify/Order/2", "gid://shopify/Order/4", "gid://shopify/Order/5"]);
    clock += 10_000;
    expect((await send(3, "203.0.113.1")).status).toBe(200);
  });
});

describe("compliance", () => {
  async function deliver(topic: "customers/redact" | "customers/data_request", payload: unknown) {
    const { action: hook } = await import(`../../app/routes/webhooks.${topic.replace("/", ".")}.tsx`);
    return (await hook({ request: webhookRequest({ topic, shop: SHOP, payload }), params: {}, context: {} })) as Response;
  }

  it("customers/redact deletes that customer's answers, also those that arrived without a customer id", async () => {
    const { collectCustomerData } = await import("../../app/privacy/redact.server");
    await post(heardFrom(), await token());
    await post(heardFrom({ orderId: "gid://shopify/Order/1000" }), await checkoutSessionToken({ shop: SHOP })); // guest token, synced order of customer 100
    await post(heardFrom({ orderId: "gid://shopify/Order/3" }), await token({ customerId: "gid://shopify/Customer/3" }));
    const response = await deliver("customers/redact", { shop_domain: SHOP, customer: { id: 77 }, orders_to_redact: [] });
    expect(response.status).toBe(200);
    expect((await db.surveyResponse.findMany({ where: { shop: SHOP } })).map((r) => r.orderId).sort()).toEqual(["gid://shopify/Order/1000", "gid://shopify/Order/3"]);
    // The guest answer on order 1000 is found through the synced order's customer, not the payload.
    expect((await collectCustomerData(db, SHOP, "gid://shopify/Customer/100")).surveyResponses.map((r) => r.orderId)).toEqual(["gid://shopify/Order/1000"]);
    expect((await deliver("customers/redact", { shop_domain: SHOP, customer: { id: 100 }, orders_to_redact: [] })).status).toBe(200);
    expect((await db.surveyResponse.findMany({ where: { shop: SHOP } })).map((r) => r.orderId)).toEqual(["gid://shopify/Order/3"]);
    expect(await db.surveyAnswer.count({ where: { shop: SHOP } })).toBe(1);
  });

  it("customers/data_request returns the customer's answers", async () => {
    const { collectCustomerData } = await import("../../app/privacy/redact.server");
    await post(heardFrom({ answers: [{ questionKey: "heard_from", optionIds: ["other"], text: "ポッドキャスト" }] }), await token());
    const report = await collectCustomerData(db, SHOP, CUSTOMER);
    expect(report.surveyResponses).toHaveLength(1);
    expect(report.surveyResponses[0]).toMatchObject({ orderId: ORDER, answers: [{ optionIds: '["other"]', text: "ポッドキャスト", score: null, consent: null }] });
    expect((await deliver("customers/data_request", { shop_domain: SHOP, customer: { id: 77 }, orders_requested: [555] })).status).toBe(200);
  });
});
