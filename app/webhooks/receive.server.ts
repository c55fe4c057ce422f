// What every webhook route does: check Shopify's HMAC, validate the payload, record the delivery in the
// ledger, apply it once, answer 200. Routes pass only their topic, payload schema and applier.
import type { z } from "zod";
import db from "../db.server";
import { logger } from "../logger.server";
import { authenticate } from "../shopify.server";
import { applyOnce } from "./ledger.server";

export interface WebhookHandler<Payload> {
  /** The X-Shopify-Topic this route is subscribed to in shopify.app.toml, e.g. "app/uninstalled". */
  topic: string;
  payload: z.ZodType<Payload, z.ZodTypeDef, unknown>;
  /** The GID the delivery is about, kept in the ledger to trace it. */
  resourceId?: (payload: Payload) => string | null;
  apply: (shop: string, payload: Payload) => Promise<void>;
}

export async function receiveWebhook<Payload>(request: Request, handler: WebhookHandler<Payload>): Promise<Response> {
  // Throws 401 on a bad HMAC, 400 on missing headers, 405 on a non-POST, as the library decides.
  const context = await authenticate.webhook(request);
  const topic = request.headers.get("X-Shopify-Topic") ?? "";
  if (topic !== handler.topic) {
    return badRequest(`X-Shopify-Topic "${topic}" is not handled here (expected "${handler.topic}")`);
  }
  const parsed = handler.payload.safeParse(context.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return badRequest(`payload.${issue.path.join(".")}: ${issue.message}`);
  }
  const delivery = {
    shop: context.shop,
    // Older deliveries may lack X-Shopify-Event-Id; the webhook id is then the best key there is.
    eventId: context.eventId ?? context.webhookId,
    webhookId: context.webhookId,
    topic,
    apiVersion: context.apiVersion,
    triggeredAt: parseInstant(context.triggeredAt),
    resourceId: handler.resourceId?.(parsed.data) ?? null,
  };
  const outcome = await applyOnce(db, delivery, () => handler.apply(context.shop, parsed.data));
  logger.info({ event: "webhook", topic, shop: context.shop, eventId: delivery.eventId, outcome }, "webhook received");
  return new Response(null, { status: 200 });
}

function badRequest(message: string): Response {
  logger.warn({ event: "webhook_rejected", reason: message }, "webhook rejected");
  return new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

function parseInstant(value: string | undefined): Date | null {
  if (!value) return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant;
}
