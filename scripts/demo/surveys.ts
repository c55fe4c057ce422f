// The merchant's side of the surveys, through the app's real admin routes (App Bridge session tokens, as
// the builder page sends them): create each built-in template, activate it (which publishes the app-owned
// `$app.survey_config` metafield to the shop), then read back what the checkout extension would read.
import { parseConfig, type SurveyConfig } from "../../extensions/post-purchase-survey/src/host";
import { TEMPLATE_IDS } from "../../app/surveys/templates";
import type { AdminContext } from "../../test/emulator/graphql/context";
import { executeAdminGraphQL } from "../../test/emulator/graphql/execute";
import { browserFetch } from "./browser-fetch";
import { adminSessionToken, type AppCredentials } from "./tokens";

const SURVEY_CONFIG_QUERY = `{ shop { metafield(namespace: "$app", key: "survey_config") { value } } }`;

interface MerchantOptions {
  app: AppCredentials & { url: string };
  shop: string;
}

/** A Remix data request from the embedded admin: the route's action, answered as data, not a page. */
async function adminAction(options: MerchantOptions, path: string, routeId: string, form: Record<string, string>): Promise<Response> {
  const response = await browserFetch(`${options.app.url}${path}?_data=${encodeURIComponent(routeId)}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${adminSessionToken(options.app, options.shop)}` },
    body: new URLSearchParams(form),
    redirect: "manual",
  });
  if (response.status >= 400) throw new Error(`POST ${path} (${form.template ?? form.intent}): ${response.status} ${await response.text()}`);
  return response;
}

/** Creates and activates the three built-in surveys; returns the config the extension reads from the shop. */
export async function createAndPublishSurveys(options: MerchantOptions, emulatorShop: AdminContext): Promise<SurveyConfig> {
  for (const template of TEMPLATE_IDS) {
    const created = await adminAction(options, "/app/surveys", "routes/app.surveys._index", { template });
    // The action redirects to the new survey's builder; Remix reports a data request's redirect in a header.
    const builder = created.headers.get("X-Remix-Redirect") ?? "";
    const id = /^\/app\/surveys\/([^/?]+)$/.exec(builder)?.[1];
    if (!id) throw new Error(`creating the "${template}" survey did not lead to its builder (got "${builder}")`);
    const activated = (await (await adminAction(options, `/app/surveys/${id}`, "routes/app.surveys.$id", { intent: "activate" })).json()) as {
      ok: boolean;
      publishError?: string;
      error?: string;
    };
    if (!activated.ok || activated.publishError) throw new Error(`activating the "${template}" survey failed: ${activated.error ?? activated.publishError}`);
  }
  const read = await executeAdminGraphQL(emulatorShop, { query: SURVEY_CONFIG_QUERY });
  const value = (read.body as { data?: { shop?: { metafield?: { value?: string } | null } } }).data?.shop?.metafield?.value;
  const config = parseConfig(value);
  if (!config || config.surveys.length !== TEMPLATE_IDS.length) throw new Error(`the shop's survey_config metafield holds ${config?.surveys.length ?? 0} active surveys`);
  return config;
}
