// webhookSubscriptionCreate hands the subscription to the webhooks part of the emulator, which owns
// subscriptions and deliveries; this file only speaks the Admin API shape.
import type { FieldMap } from "../fields/field-map";
import { notImplemented } from "../fields/field-map";

/** ORDERS_CREATE → "orders/create" (topics with more underscores keep them: APP_SUBSCRIPTIONS_UPDATE → app_subscriptions/update). */
export function topicPath(topicEnum: string): string {
  const lower = topicEnum.toLowerCase();
  const cut = lower.lastIndexOf("_");
  return cut === -1 ? lower : `${lower.slice(0, cut)}/${lower.slice(cut + 1)}`;
}

export const webhookMutations: FieldMap<unknown> = {
  webhookSubscriptionCreate: (_root, args, env) => {
    const create = env.ctx.createWebhookSubscription;
    if (!create) throw notImplemented("Mutation", "webhookSubscriptionCreate (no webhook registry attached)");
    const input = args.webhookSubscription as { uri?: string; callbackUrl?: string; includeFields?: string[]; filter?: string | null };
    const uri = input.uri ?? input.callbackUrl;
    if (!uri) return { webhookSubscription: null, userErrors: [{ field: ["webhookSubscription", "uri"], message: "Address can't be blank" }] };
    const record = create({ topic: topicPath(String(args.topic)), uri, includeFields: input.includeFields ?? [], filter: input.filter ?? null });
    return { webhookSubscription: record, userErrors: [] };
  },
};
