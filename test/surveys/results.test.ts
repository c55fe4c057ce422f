// Results, CSV export, the engine's segments and the builder's publish, on a real database.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../app/db.server";
import { clearSurveyCache, submitAnswers, type Submission } from "../../app/surveys/answers.server";
import { parseConfig, surveyFor } from "../../extensions/post-purchase-survey/src/host";
import { publishSurveyConfig, SURVEY_CONFIG_KEY, SURVEY_CONFIG_NAMESPACE } from "../../app/surveys/publish.server";
import { answersCsv, csatScore, npsScore, surveyResults } from "../../app/surveys/results.server";
import { surveySegmentsByCustomer } from "../../app/surveys/segments.server";
import { createSurvey, loadSurvey, saveSurveyVersion, setSurveyStatus } from "../../app/surveys/store.server";
import { template } from "../../app/surveys/templates";
import { redactShop } from "../../app/privacy/redact.server";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { shopRow } from "../factories/commerce";

const SHOP = "tsuzuku-results.myshopify.com";
const OTHER = "other-results.myshopify.com";
let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(async () => database?.drop());
beforeEach(async () => {
  clearSurveyCache();
  for (const shop of [SHOP, OTHER]) {
    await redactShop(db, shop);
    await db.shop.create({ data: shopRow(shop, { shopGid: `gid://shopify/Shop/${shop.length}` }) });
  }
});

const order = (shop: string, n: number, customer: number | null, createdAt = new Date()) =>
  db.order.create({
    data: { shop, id: `gid://shopify/Order/${n}`, customerId: customer ? `gid://shopify/Customer/${customer}` : null, createdAt, processedAt: createdAt, shopifyUpdatedAt: createdAt, currencyCode: "JPY", presentmentCurrencyCode: "JPY" },
  });

const submission = (surveyId: string, orderN: number, answers: Submission["answers"], version = 1): Submission => ({
  surveyId,
  surveyVersion: version,
  orderId: `gid://shopify/Order/${orderN}`,
  placement: "thank-you",
  answers,
});

describe("scores by their standard definitions", () => {
  it("CSAT is the share of 4–5; NPS is promoters minus detractors", () => {
    expect(csatScore([5, 4, 3, 1])).toBe(50);
    expect(npsScore([10, 9, 8, 7, 6, 0])).toBeCloseTo(0);
    expect(npsScore([10, 10, 10, 0])).toBe(50);
    expect(csatScore([])).toBeNull();
    expect(npsScore([])).toBeNull();
  });
});

describe("versioning", () => {
  it("an edit is a new version; the old version's questions stay", async () => {
    const survey = await createSurvey(db, SHOP, template("heard_from"));
    const edited = template("heard_from");
    edited.questions[0].options.splice(2, 1); // drop Facebook
    const v2 = await saveSurveyVersion(db, SHOP, survey.id, edited);
    expect(v2.version).toBe(2);
    expect(v2.questions[0].options.map((o) => o.id)).not.toContain("facebook");
    expect((await loadSurvey(db, SHOP, survey.id, 1)).questions[0].options.map((o) => o.id)).toContain("facebook");
    await expect(saveSurveyVersion(db, OTHER, survey.id, edited)).rejects.toThrow(/not found/);
    // Only the placement changes: same questions, same version.
    const moved = await saveSurveyVersion(db, SHOP, survey.id, { ...edited, placements: ["order-status"] });
    expect([moved.version, moved.placements]).toEqual([2, ["order-status"]]);
  });
});

describe("results", () => {
  it("response rate, distributions, CSAT, NPS, attribution shares and free-text search over a range", async () => {
    const heard = await createSurvey(db, SHOP, template("heard_from"));
    const sat = await createSurvey(db, SHOP, template("satisfaction"));
    await setSurveyStatus(db, SHOP, heard.id, "active");
    await setSurveyStatus(db, SHOP, sat.id, "active");
    for (let n = 1; n <= 8; n += 1) await order(SHOP, n, n);
    await order(SHOP, 99, 99, new Date("2020-01-01T00:00:00Z")); // before activation: not counted
    const channels = ["instagram", "instagram", "line", "influencer", "other"];
    for (const [i, channel] of channels.entries()) {
      const answers: Submission["answers"] = [{ questionKey: "heard_from", optionIds: [channel], ...(channel === "other" ? { text: "ラジオ番組" } : {}) }];
      if (channel === "influencer") answers.push({ questionKey: "heard_from_influencer", text: "Yuko" });
      await submitAnswers(db, SHOP, submission(heard.id, i + 1, answers), `gid://shopify/Customer/${i + 1}`);
    }
    for (const [i, [csat, nps]] of [[5, 10], [4, 9], [2, 3], [3, 8]].entries()) {
      await submitAnswers(db, SHOP, submission(sat.id, i + 1, [{ questionKey: "csat", score: csat }, { questionKey: "nps", score: nps }]), null);
    }
    const range = { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 60_000) };
    const results = await surveyResults(db, SHOP, heard.id, range);
    expect(results).toMatchObject({ responses: 5, orders: 8, responseRate: 5 / 8 });
    const heardFrom = results.questions[0];
    expect(heardFrom.counts.find((c) => c.value === "instagram")).toMatchObject({ count: 2, share: 0.4, label: { en: "Instagram", ja: "Instagram" } });
    expect(heardFrom.counts.at(-1)!.value).toBe("other");
    expect(heardFrom.texts.map((t) => t.text)).toEqual(["ラジオ番組"]);
    expect((await surveyResults(db, SHOP, heard.id, range, "yuko")).questions[1].texts.map((t) => t.text)).toEqual(["Yuko"]);

    const satisfaction = await surveyResults(db, SHOP, sat.id, range);
    expect(satisfaction.questions.find((q) => q.key === "csat")).toMatchObject({ answered: 4, score: 50 });
    expect(satisfaction.questions.find((q) => q.key === "nps")).toMatchObject({ answered: 4, score: 25 });
    expect(satisfaction.questions.find((q) => q.key === "nps")!.counts.map((c) => c.value)).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);

    const past = await surveyResults(db, SHOP, heard.id, { from: new Date("2020-01-01T00:00:00Z"), to: new Date("2020-02-01T00:00:00Z") });
    expect(past.responses).toBe(0);
    await expect(surveyResults(db, OTHER, heard.id, range)).rejects.toThrow(/not found/);
  });

  it("exports answers as CSV, quoted, formula-safe, with the version answered", async () => {
    const heard = await createSurvey(db, SHOP, template("heard_from"));
    await setSurveyStatus(db, SHOP, heard.id, "active");
    await submitAnswers(db, SHOP, submission(heard.id, 1, [{ questionKey: "heard_from", optionIds: ["other"], text: '=HYPERLINK("x"), "友達"' }]), null);
    const csv = await answersCsv(db, SHOP, heard.id, { from: new Date(0), to: new Date(Date.now() + 60_000) });
    const [header, row] = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(header).toBe("submitted_at,order_id,customer_id,placement,locale,survey_version,question_key,kind,score,option_ids,text,consent");
    expect(row).toContain(',gid://shopify/Order/1,,thank-you,,1,heard_from,single,,other,"\'=HYPERLINK(""x""), ""友達""",');
  });
});

describe("segments for the engine", () => {
  it("per customer: satisfaction band, attribution channel, purchase reason; guest answers join when the order syncs", async () => {
    const heard = await createSurvey(db, SHOP, template("heard_from"));
    const sat = await createSurvey(db, SHOP, template("satisfaction"));
    const reason = await createSurvey(db, SHOP, template("purchase_reason"));
    for (const s of [heard, sat, reason]) await setSurveyStatus(db, SHOP, s.id, "active");
    await submitAnswers(db, SHOP, submission(heard.id, 1, [{ questionKey: "heard_from", optionIds: ["line"] }]), "gid://shopify/Customer/1");
    await submitAnswers(db, SHOP, submission(sat.id, 1, [{ questionKey: "csat", score: 2 }]), "gid://shopify/Customer/1");
    await submitAnswers(db, SHOP, submission(reason.id, 1, [{ questionKey: "purchase_reason", optionIds: ["reviews"] }]), "gid://shopify/Customer/1");
    // A guest answer for an order not synced yet.
    await submitAnswers(db, SHOP, submission(sat.id, 2, [{ questionKey: "nps", score: 10 }]), null);
    expect(await surveySegmentsByCustomer(db, SHOP)).toEqual([
      { customerId: "gid://shopify/Customer/1", satisfactionBand: "low", attributionChannel: "line", purchaseReason: "reviews" },
    ]);
    await order(SHOP, 2, 2); // the sync brings the order and its customer
    expect(await surveySegmentsByCustomer(db, SHOP)).toContainEqual({ customerId: "gid://shopify/Customer/2", satisfactionBand: "high", attributionChannel: null, purchaseReason: null });
    expect(await surveySegmentsByCustomer(db, OTHER)).toEqual([]);
  });
});

describe("publishing what the extension reads", () => {
  it("saving writes the active surveys to the $app metafield on the shop, and the extension asks them", async () => {
    const calls: Array<{ query: string; variables?: Record<string, unknown> }> = [];
    const admin = {
      graphql: async (query: string, options?: { variables?: Record<string, unknown> }) => {
        calls.push({ query, variables: options?.variables });
        return new Response(JSON.stringify({ data: { metafieldsSet: { metafields: [{ id: "gid://shopify/Metafield/1" }], userErrors: [] } } }));
      },
    };
    const heard = await createSurvey(db, SHOP, template("heard_from"));
    await setSurveyStatus(db, SHOP, heard.id, "active");
    await publishSurveyConfig(db, SHOP, admin, "https://tsuzuku.test/");
    const [metafield] = (calls[0].variables!.metafields as Array<Record<string, string>>);
    expect(calls[0].query).toContain("metafieldsSet");
    expect(metafield).toMatchObject({ ownerId: `gid://shopify/Shop/${SHOP.length}`, namespace: SURVEY_CONFIG_NAMESPACE, key: SURVEY_CONFIG_KEY, type: "json" });
    const config = parseConfig(metafield.value)!;
    expect(config.appUrl).toBe("https://tsuzuku.test");
    expect(surveyFor(config, "thank-you")).toMatchObject({ surveyId: heard.id, version: 1, questions: [{ key: "heard_from" }, { key: "heard_from_influencer" }] });

    await setSurveyStatus(db, SHOP, heard.id, "paused");
    await publishSurveyConfig(db, SHOP, admin, "https://tsuzuku.test");
    expect(parseConfig((calls[1].variables!.metafields as Array<Record<string, string>>)[0].value)!.surveys).toEqual([]);
  });

  it("a user error from Shopify fails the publish", async () => {
    const admin = { graphql: async () => new Response(JSON.stringify({ data: { metafieldsSet: { metafields: [], userErrors: [{ field: ["metafields"], message: "Value is invalid JSON" }] } } })) };
    await expect(publishSurveyConfig(db, SHOP, admin, "https://tsuzuku.test")).rejects.toThrow("Value is invalid JSON");
  });
});
