/** @jsxImportSource preact */
// purchase.thank-you.block.render: the survey right after checkout.
import "@shopify/ui-extensions/preact";
import type { Api } from "@shopify/ui-extensions/purchase.thank-you.block.render";
import { render } from "preact";
import { pageHost } from "./host";
import { Survey } from "./Survey";

export default async () => {
  const api = (globalThis as unknown as { shopify: Api }).shopify;
  render(<Survey host={pageHost(api, "thank-you", () => api.orderConfirmation.value?.order?.id)} />, document.body);
};
