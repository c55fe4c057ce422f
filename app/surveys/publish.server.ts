// Saving or (de)activating a survey publishes what the checkout extension reads: every active survey at
// its current version and the app's URL for answers, in one app-owned metafield on the shop.
import type { Db } from "../db.server";
import { SHOP_ID_QUERY, SURVEY_CONFIG_SET } from "./graphql/SurveyConfigSet";
import type { SurveyConfig } from "./flow";
import { activeSurveys } from "./store.server";

export const SURVEY_CONFIG_NAMESPACE = "$app";
export const SURVEY_CONFIG_KEY = "survey_config";

/** The library's admin GraphQL client, as far as publishing needs it. */
export interface AdminGraphql {
  graphql(query: string, options?: { variables?: Record<string, unknown> }): Promise<Response>;
}

export async function surveyConfig(db: Db, shop: string, appUrl: string): Promise<SurveyConfig> {
  return { appUrl: appUrl.replace(/\/$/, ""), surveys: await activeSurveys(db, shop) };
}

export class PublishError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PublishError";
  }
}

async function shopGid(db: Db, shop: string, admin: AdminGraphql): Promise<string> {
  const stored = await db.shop.findUnique({ where: { shop }, select: { shopGid: true } });
  if (stored?.shopGid) return stored.shopGid;
  const body = (await (await admin.graphql(SHOP_ID_QUERY)).json()) as { data?: { shop?: { id?: string } } };
  const id = body.data?.shop?.id;
  if (!id) throw new PublishError("could not read the shop id");
  return id;
}

export async function publishSurveyConfig(db: Db, shop: string, admin: AdminGraphql, appUrl: string): Promise<SurveyConfig> {
  const config = await surveyConfig(db, shop, appUrl);
  const ownerId = await shopGid(db, shop, admin);
  const response = await admin.graphql(SURVEY_CONFIG_SET, {
    variables: {
      metafields: [{ ownerId, namespace: SURVEY_CONFIG_NAMESPACE, key: SURVEY_CONFIG_KEY, type: "json", value: JSON.stringify(config) }],
    },
  });
  const body = (await response.json()) as { data?: { metafieldsSet?: { userErrors?: Array<{ message: string }> } }; errors?: Array<{ message: string }> };
  const problem = body.errors?.[0]?.message ?? body.data?.metafieldsSet?.userErrors?.[0]?.message;
  if (problem) throw new PublishError(problem);
  return config;
}
