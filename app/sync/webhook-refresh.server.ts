// What the order, refund and subscription contract webhook routes do: check the HMAC, record the
// delivery in the ledger (applied once per X-Shopify-Event-Id), and enqueue a read of the record it
// names. The route answers 200 within milliseconds; the job does the work.
import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { appJobQueue } from "../jobs/app-queue.server";
import { receiveWebhook } from "../webhooks/receive.server";

const gidOf = (type: string) => z.string().startsWith(`gid://shopify/${type}/`, `must be a gid://shopify/${type}/… id`);

const orderPayload = z.object({ admin_graphql_api_id: gidOf("Order") });
const refundPayload = z.object({ order_id: z.number().int().positive() });
const contractPayload = z.object({ admin_graphql_api_id: gidOf("SubscriptionContract") });

type Resource = "orders" | "subscriptionContracts";

function refreshRoute<Payload>(topic: string, resource: Resource, payload: z.ZodType<Payload, z.ZodTypeDef, unknown>, idOf: (p: Payload) => string) {
  return ({ request }: ActionFunctionArgs) =>
    receiveWebhook(request, {
      topic,
      payload,
      resourceId: idOf,
      apply: async (shop, p) => {
        await (await appJobQueue()).enqueue("sync.refresh", { shop, resource, ids: [idOf(p)] }, { shop });
      },
    });
}

export const orderWebhook = (topic: string) => refreshRoute(topic, "orders", orderPayload, (p) => p.admin_graphql_api_id);
// A refund changes its order (totals, current quantities): the order is read again.
export const refundWebhook = (topic: string) => refreshRoute(topic, "orders", refundPayload, (p) => `gid://shopify/Order/${p.order_id}`);
export const contractWebhook = (topic: string) => refreshRoute(topic, "subscriptionContracts", contractPayload, (p) => p.admin_graphql_api_id);
