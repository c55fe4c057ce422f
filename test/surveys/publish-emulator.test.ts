// The builder's publish against the Admin API emulator (the real 2026-07 schema validates the mutation):
// what metafieldsSet stores on the shop is what the extension parses and asks.
import { h, render } from "preact";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../app/db.server";
import { publishSurveyConfig } from "../../app/surveys/publish.server";
import { createSurvey, setSurveyStatus } from "../../app/surveys/store.server";
import { template } from "../../app/surveys/templates";
import { parseConfig, type SurveyHost } from "../../extensions/post-purchase-survey/src/host";
import { Survey } from "../../extensions/post-purchase-survey/src/Survey";
import { executeAdminGraphQL } from "../emulator/graphql/execute";
import { testShop } from "../emulator/graphql/test-shop";
import { MiniDocument } from "../extensions/mini-dom";
import { shopRow } from "../factories/commerce";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { waitFor } from "../helpers/wait-for";

const SHOP = "tsuzuku-demo.myshopify.com";
let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(async () => database?.drop());

function emulatorAdmin() {
  const { ctx } = testShop();
  const graphql = async (query: string, options?: { variables?: Record<string, unknown> }) => {
    const response = await executeAdminGraphQL(ctx, { query, variables: options?.variables });
    return new Response(JSON.stringify(response.body), { status: response.status });
  };
  return { graphql };
}

const READ_BACK = `{ shop { metafield(namespace: "$app", key: "survey_config") { type value } } }`;

describe("publishing through the emulator", () => {
  it("metafieldsSet stores the config on the shop; the extension renders the survey from it", async () => {
    // No stored shop id: publish reads it from the Admin API first.
    await db.shop.create({ data: shopRow(SHOP, { shopGid: null }) });
    const survey = await createSurvey(db, SHOP, template("purchase_reason"));
    await setSurveyStatus(db, SHOP, survey.id, "active");
    const admin = emulatorAdmin();
    await publishSurveyConfig(db, SHOP, admin, "https://tsuzuku.test");

    const stored = (await (await admin.graphql(READ_BACK)).json()) as { data: { shop: { metafield: { type: string; value: string } } }; errors?: unknown };
    expect(stored.errors).toBeUndefined();
    expect(stored.data.shop.metafield.type).toBe("json");
    const config = parseConfig(stored.data.shop.metafield.value);
    expect(config?.surveys.map((s) => [s.surveyId, s.version])).toEqual([[survey.id, 1]]);

    const document = new MiniDocument();
    const saved = (globalThis as { document?: unknown }).document;
    (globalThis as { document?: unknown }).document = document;
    try {
      const host: SurveyHost = {
        placement: "thank-you",
        language: "ja",
        orderId: "gid://shopify/Order/1",
        config,
        translate: (key) => key,
        sessionToken: async () => "t",
        storage: { read: async () => null, write: async () => {} },
        fetch: async () => new Response("{}"),
      };
      render(h(Survey, { host }), document.body as unknown as Element);
      await waitFor("the question", () => document.body.findAll("s-choice-list")[0], { timeoutMs: 5000, intervalMs: 5 });
      expect(document.body.findAll("s-choice-list")[0].getAttribute("label")).toBe("今回ご購入いただいた決め手は何ですか？");
      render(null, document.body as unknown as Element);
    } finally {
      (globalThis as { document?: unknown }).document = saved;
    }
  });

  it("Shopify's user errors (an owner that is not the shop) fail the publish", async () => {
    const admin = emulatorAdmin();
    await db.shop.update({ where: { shop: SHOP }, data: { shopGid: "gid://shopify/Shop/999" } });
    await expect(publishSurveyConfig(db, SHOP, admin, "https://tsuzuku.test")).rejects.toThrow("Owner does not exist.");
  });
});
