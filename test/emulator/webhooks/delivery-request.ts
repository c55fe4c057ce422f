// One HTTPS delivery as Shopify sends it: a JSON POST signed with the app's client secret (base64
// HMAC-SHA256 of the raw body) and Shopify's header set.
// Headers: https://shopify.dev/docs/apps/build/webhooks/delivery-structure#headers
// HMAC: https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-2-validate-the-origin-of-your-webhook-to-ensure-its-coming-from-shopify
// Event id as the duplicate key: https://shopify.dev/docs/apps/build/webhooks/ignore-duplicates
import { createHmac } from "node:crypto";

export interface DeliveryEnvelope {
  url: string;
  topic: string;
  shopDomain: string;
  apiVersion: string;
  /** X-Shopify-Webhook-Id: one per delivery to one subscription, kept across its retries. */
  webhookId: string;
  /** X-Shopify-Event-Id: one per event, the same on every delivery and duplicate of it. */
  eventId: string;
  /** When the event happened (emulated clock); retries keep it, so stale payloads can be recognised. */
  triggeredAt: number;
  body: string;
}

export function webhookSignature(body: string, apiSecret: string): string {
  return createHmac("sha256", apiSecret).update(body, "utf8").digest("base64");
}

export function webhookHeaders(delivery: DeliveryEnvelope, apiSecret: string): Record<string, string> {
  return {
    "Content-Type": "application/json",
    "User-Agent": "Shopify-Captain-Hook",
    "X-Shopify-Topic": delivery.topic,
    "X-Shopify-Hmac-Sha256": webhookSignature(delivery.body, apiSecret),
    "X-Shopify-Shop-Domain": delivery.shopDomain,
    "X-Shopify-API-Version": delivery.apiVersion,
    "X-Shopify-Webhook-Id": delivery.webhookId,
    "X-Shopify-Event-Id": delivery.eventId,
    "X-Shopify-Triggered-At": new Date(delivery.triggeredAt).toISOString(),
  };
}

export function webhookRequest(delivery: DeliveryEnvelope, apiSecret: string, signal?: AbortSignal): Request {
  return new Request(delivery.url, { method: "POST", headers: webhookHeaders(delivery, apiSecret), body: delivery.body, signal });
}
