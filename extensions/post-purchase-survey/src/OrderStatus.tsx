/** @jsxImportSource preact */
// customer-account.order-status.block.render: the survey on the order-status page, unless the order
// answered already (there or on the thank-you page).
import "@shopify/ui-extensions/preact";
import type { Api } from "@shopify/ui-extensions/customer-account.order-status.block.render";
import { render } from "preact";
import { pageHost } from "./host";
import { Survey } from "./Survey";

export default async () => {
  const api = (globalThis as unknown as { shopify: Api }).shopify;
  render(<Survey host={pageHost(api, "order-status", () => api.order.value?.id)} />, document.body);
};
