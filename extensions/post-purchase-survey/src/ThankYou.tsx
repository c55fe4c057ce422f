/** @jsxImportSource preact */
// purchase.thank-you.block.render: the survey right after checkout.
import "@shopify/ui-extensions/preact";
import type { Api } from "@shopify/ui-extensions/purchase.thank-you.block.render";
import { render } from "preact";
import { parseConfig, type SurveyHost } from "./host";
import { Survey } from "./Survey";

export default async () => {
  const api = (globalThis as unknown as { shopify: Api }).shopify;
  const metafield = api.appMetafields.value.find((entry) => entry.metafield.namespace === "$app" && entry.metafield.key === "survey_config");
  const host: SurveyHost = {
    placement: "thank-you",
    language: api.localization.extensionLanguage.value.isoCode,
    orderId: api.orderConfirmation.value?.order?.id,
    config: parseConfig(metafield ? String(metafield.metafield.value) : undefined),
    translate: (key, vars) => api.i18n.translate(key, vars),
    sessionToken: () => api.sessionToken.get(),
    storage: { read: (key) => api.storage.read(key), write: (key, value) => api.storage.write(key, value) },
    fetch: (input, init) => fetch(input, init),
  };
  render(<Survey host={host} />, document.body);
};
