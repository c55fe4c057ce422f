/** @jsxImportSource preact */
// customer-account.order-status.block.render: the survey on the order-status page, unless the order
// answered already (there or on the thank-you page).
import "@shopify/ui-extensions/preact";
import type { Api } from "@shopify/ui-extensions/customer-account.order-status.block.render";
import { render } from "preact";
import { parseConfig, type SurveyHost } from "./host";
import { Survey } from "./Survey";

export default async () => {
  const api = (globalThis as unknown as { shopify: Api }).shopify;
  const host: SurveyHost = {
    placement: "order-status",
    // Getters: read while the survey renders, so the signals behind them re-render it when they change
    // (the order id can arrive after the first render).
    get language() {
      return api.localization.extensionLanguage.value.isoCode;
    },
    get orderId() {
      return api.order.value?.id;
    },
    get config() {
      const entry = api.appMetafields.value.find((e) => e.metafield.namespace === "$app" && e.metafield.key === "survey_config");
      return parseConfig(entry ? String(entry.metafield.value) : undefined);
    },
    translate: (key, vars) => api.i18n.translate(key, vars),
    sessionToken: () => api.sessionToken.get(),
    storage: { read: (key) => api.storage.read(key), write: (key, value) => api.storage.write(key, value) },
    fetch: (input, init) => fetch(input, init),
  };
  render(<Survey host={host} />, document.body);
};
