// The admin survey pages behind real App Bridge session tokens: create from a template, save a new
// version, activate and pause — each publishing, through the library's Admin GraphQL client, the
// metafield the checkout extension reads — and the results and CSV export loaders.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Session } from "@shopify/shopify-app-remix/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../app/db.server";
import { parseConfig, surveyFor } from "../../extensions/post-purchase-survey/src/host";
import { shopRow } from "../factories/commerce";
import { startApp, TEST_APP_URL } from "../helpers/app";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { respond, sessionToken } from "../helpers/shopify-requests";

const SHOP = "tsuzuku-builder.myshopify.com";
const OTHER_SHOP = "builder-neighbour.myshopify.com";

let database: TestDatabase;
let db: Db;
let app: Awaited<ReturnType<typeof startApp>>;
let admin: Server;
const graphqlCalls: Array<{ shop: string; query: string; variables: Record<string, unknown> }> = [];

/** Shopify's Admin GraphQL endpoint as far as publishing needs it: metafieldsSet succeeds. */
function startAdminApi(): Promise<string> {
  admin = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const shop = request.url?.split("/")[2] ?? "";
      const { query, variables } = JSON.parse(body);
      graphqlCalls.push({ shop, query, variables });
      response.setHeader("Content-Type", "application/json");
      response.end(JSON.stringify({ data: { metafieldsSet: { metafields: [{ id: "gid://shopify/Metafield/1", namespace: "app--1--x", key: "survey_config" }], userErrors: [] } } }));
    });
  });
  return new Promise((resolve) => admin.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(admin.address() as AddressInfo).port}`)));
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  app = await startApp(database.url);
  const { routeShopifyTrafficTo } = await import("../../app/shopify/emulator-fetch.server");
  routeShopifyTrafficTo(await startAdminApi());
  for (const shop of [SHOP, OTHER_SHOP]) {
    await db.shop.create({ data: shopRow(shop, { shopGid: `gid://shopify/Shop/${shop.length}` }) });
    await app.shopify.sessionStorage.storeSession(new Session({ id: `offline_${shop}`, shop, state: "", isOnline: false, scope: "read_orders", accessToken: "shpat_test" }));
  }
});

afterAll(async () => {
  const { routeShopifyTrafficTo } = await import("../../app/shopify/emulator-fetch.server");
  routeShopifyTrafficTo(undefined);
  admin?.close();
  await app?.stop();
  await database?.drop();
});

beforeEach(() => {
  graphqlCalls.length = 0;
});

async function adminRequest(path: string, shop = SHOP, form?: Record<string, string>): Promise<Request> {
  const token = await sessionToken({ shop });
  return new Request(`${TEST_APP_URL}${path}`, {
    method: form ? "POST" : "GET",
    headers: { Authorization: `Bearer ${token}`, ...(form ? { "Content-Type": "application/x-www-form-urlencoded" } : {}) },
    body: form ? new URLSearchParams(form) : undefined,
  });
}

const routes = {
  list: () => import("../../app/routes/app.surveys._index"),
  builder: () => import("../../app/routes/app.surveys.$id"),
  results: () => import("../../app/routes/app.surveys.$id_.results"),
  exportCsv: () => import("../../app/routes/app.surveys.$id_.export"),
};

async function createFromTemplate(templateId: string): Promise<string> {
  const { action } = await routes.list();
  const request = await adminRequest("/app/surveys", SHOP, { template: templateId });
  const result = await respond(() => action({ request, params: {}, context: {} }) as Promise<Response>);
  const response = (result.data ?? result.response) as Response;
  expect(response.status).toBe(302);
  return response.headers.get("Location")!.split("/").at(-1)!;
}

async function builderAction(id: string, form: Record<string, string>) {
  const { action } = await routes.builder();
  return action({ request: await adminRequest(`/app/surveys/${id}`, SHOP, form), params: { id }, context: {} });
}

const publishedConfig = () => parseConfig((graphqlCalls.at(-1)!.variables.metafields as Array<{ value: string }>)[0].value)!;

describe("builder", () => {
  it("creates from a template, activates (publishing to the extension), saves a new version, pauses", async () => {
    const id = await createFromTemplate("heard_from");
    const { loader } = await routes.builder();
    const loaded = await loader({ request: await adminRequest(`/app/surveys/${id}`), params: { id }, context: {} });
    expect(loaded).toMatchObject({ status: "draft", version: 1, definition: { name: "当店を何で知りましたか？", questions: [{ key: "heard_from" }, { key: "heard_from_influencer" }] } });

    expect(await builderAction(id, { intent: "activate" })).toEqual({ ok: true, message: "builder.activated", version: 1 });
    expect(graphqlCalls).toHaveLength(1);
    expect(graphqlCalls[0].shop).toBe(SHOP);
    expect(graphqlCalls[0].query).toContain("metafieldsSet");
    expect((graphqlCalls[0].variables.metafields as Array<Record<string, string>>)[0]).toMatchObject({ ownerId: `gid://shopify/Shop/${SHOP.length}`, namespace: "$app", key: "survey_config", type: "json" });
    expect(publishedConfig().appUrl).toBe(TEST_APP_URL);
    expect(surveyFor(publishedConfig(), "order-status")).toMatchObject({ surveyId: id, version: 1 });

    const edited = structuredClone(loaded.definition);
    edited.placements = ["thank-you"];
    edited.questions[0].options = edited.questions[0].options.filter((o) => o.id !== "facebook");
    edited.questions.push({ key: "nps", kind: "nps", prompt: { en: "Recommend us?", ja: "おすすめしますか？" }, options: [], randomize: false });
    expect(await builderAction(id, { intent: "save", definition: JSON.stringify(edited) })).toEqual({ ok: true, message: "builder.saved", version: 2 });
    const v2 = surveyFor(publishedConfig(), "thank-you")!;
    expect(v2.version).toBe(2);
    expect(v2.questions.map((q) => q.key)).toEqual(["heard_from", "heard_from_influencer", "nps"]);
    expect(v2.questions[0].options.map((o) => o.id)).not.toContain("facebook");
    expect(surveyFor(publishedConfig(), "order-status")).toBeUndefined();

    expect(await builderAction(id, { intent: "pause" })).toMatchObject({ ok: true, message: "builder.paused" });
    expect(publishedConfig().surveys).toEqual([]);
  });

  it("refuses an invalid definition naming the field, and keeps the stored version", async () => {
    const id = await createFromTemplate("satisfaction");
    const { loader } = await routes.builder();
    const loaded = await loader({ request: await adminRequest(`/app/surveys/${id}`), params: { id }, context: {} });
    const broken = structuredClone(loaded.definition);
    broken.questions[1].showIf = { key: "nope", scoreAtMost: 2 };
    expect(await builderAction(id, { intent: "save", definition: JSON.stringify(broken) })).toEqual({ ok: false, error: 'questions.1.showIf.key: "nope" is not an earlier question' });
    expect(await builderAction(id, { intent: "save", definition: "{" })).toEqual({ ok: false, error: "definition: not valid JSON" });
    expect((await db.survey.findFirstOrThrow({ where: { shop: SHOP, id } })).currentVersion).toBe(1);
    expect(graphqlCalls).toHaveLength(0);
  });

  it("another shop cannot open or change this shop's survey", async () => {
    const id = await createFromTemplate("purchase_reason");
    const { loader, action } = await routes.builder();
    const opened = await respond(async () => loader({ request: await adminRequest(`/app/surveys/${id}`, OTHER_SHOP), params: { id }, context: {} }));
    expect(opened.status).toBe(404);
    const changed = await respond(async () => action({ request: await adminRequest(`/app/surveys/${id}`, OTHER_SHOP, { intent: "activate" }), params: { id }, context: {} }));
    expect(changed.status).toBe(404);
    expect((await db.survey.findFirstOrThrow({ where: { shop: SHOP, id } })).status).toBe("draft");
  });
});

describe("results and export", () => {
  it("loads results for a day range in the shop's time zone and exports CSV", async () => {
    const id = await createFromTemplate("heard_from");
    await builderAction(id, { intent: "activate" });
    const { submitAnswers } = await import("../../app/surveys/answers.server");
    await submitAnswers(db, SHOP, { surveyId: id, surveyVersion: 1, orderId: "gid://shopify/Order/1", placement: "thank-you", answers: [{ questionKey: "heard_from", optionIds: ["line"] }] }, null);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(new Date());
    const { loader } = await routes.results();
    const page = await loader({ request: await adminRequest(`/app/surveys/${id}/results?to=${today}`), params: { id }, context: {} });
    expect(page).toMatchObject({ to: today, results: { responses: 1, questions: [{ key: "heard_from", answered: 1 }, { key: "heard_from_influencer" }] } });
    expect(page.results.questions[0].counts.find((c) => c.value === "line")).toMatchObject({ count: 1, share: 1 });
    const { loader: exportLoader } = await routes.exportCsv();
    const csv = await exportLoader({ request: await adminRequest(`/app/surveys/${id}/export?to=${today}`), params: { id }, context: {} });
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(await csv.text()).toContain("gid://shopify/Order/1,,thank-you,,1,heard_from,single,,line,,");
  });
});
