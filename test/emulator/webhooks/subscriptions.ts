// Who gets a delivery: app-specific subscriptions from shopify.app.toml (every shop that has the app
// installed) and shop-specific ones the app registers through the Admin API (`webhookSubscriptionCreate`
// on the GraphQL side calls `create` here). Both can be live at once, and Shopify then sends one delivery
// per subscription: https://shopify.dev/docs/apps/build/webhooks/subscribe
import { readFileSync } from "node:fs";
import { parse } from "smol-toml";
import { z } from "zod";

export interface WebhookSubscription {
  id: number;
  /** null for app-specific subscriptions: they apply to every shop. */
  shop: string | null;
  topic: string; // "orders/create"
  /** Absolute, or relative to the app URL as shopify.app.toml allows. */
  uri: string;
  source: "app_config" | "admin_api";
  apiVersion: string;
  /** Dotted paths the payload is cut down to; empty for the full payload. */
  includeFields: string[];
  /** Kept as given; the emulator does not evaluate Shopify's filter syntax. */
  filter: string | null;
  createdAt: number;
}

export type NewSubscription = Pick<WebhookSubscription, "topic" | "uri"> & Partial<Pick<WebhookSubscription, "includeFields" | "filter">>;

const tomlSubscription = z.object({
  topics: z.array(z.string()).default([]),
  compliance_topics: z.array(z.string()).default([]),
  uri: z.string().min(1),
  include_fields: z.array(z.string()).default([]),
  filter: z.string().optional(),
});
const tomlWebhooks = z.object({
  webhooks: z.object({ api_version: z.string(), subscriptions: z.array(tomlSubscription).default([]) }),
});

/** The `[webhooks]` section of an app configuration file, one subscription per topic. */
export function appConfigSubscriptions(tomlText: string, now = Date.now()): WebhookSubscription[] {
  const config = tomlWebhooks.parse(parse(tomlText));
  let id = 0;
  return config.webhooks.subscriptions.flatMap((entry) =>
    [...entry.topics, ...entry.compliance_topics].map((topic) => ({
      id: ++id,
      shop: null,
      topic,
      uri: entry.uri,
      source: "app_config" as const,
      apiVersion: config.webhooks.api_version,
      includeFields: entry.include_fields,
      filter: entry.filter ?? null,
      createdAt: now,
    })),
  );
}

export function appConfigSubscriptionsFromFile(path: string | URL): WebhookSubscription[] {
  return appConfigSubscriptions(readFileSync(path, "utf8"));
}

export class WebhookSubscriptionRegistry {
  private readonly byId = new Map<number, WebhookSubscription>();
  // Admin API ids start far above the config ones so the two never collide in logs.
  private nextId = 1_000_000;

  constructor(
    private readonly appConfig: WebhookSubscription[],
    private readonly defaultApiVersion: string,
  ) {}

  /** `webhookSubscriptionCreate`: a shop-specific subscription. */
  create(shop: string, input: NewSubscription, now = Date.now()): WebhookSubscription {
    const subscription: WebhookSubscription = {
      id: this.nextId++,
      shop,
      topic: input.topic,
      uri: input.uri,
      source: "admin_api",
      apiVersion: this.defaultApiVersion,
      includeFields: input.includeFields ?? [],
      filter: input.filter ?? null,
      createdAt: now,
    };
    this.byId.set(subscription.id, subscription);
    return { ...subscription };
  }

  /** `webhookSubscriptionDelete`; false when the shop has no such subscription. */
  delete(shop: string, id: number): boolean {
    const subscription = this.byId.get(id);
    if (!subscription || subscription.shop !== shop) return false;
    return this.byId.delete(id);
  }

  /** What the `webhookSubscriptions` query lists: the shop's Admin API subscriptions only. */
  list(shop: string): WebhookSubscription[] {
    return [...this.byId.values()].filter((s) => s.shop === shop).map((s) => ({ ...s }));
  }

  /** Every subscription a delivery of `topic` for `shop` goes to. */
  matching(shop: string, topic: string): WebhookSubscription[] {
    return [...this.appConfig, ...this.byId.values()].filter((s) => s.topic === topic && (s.shop === null || s.shop === shop));
  }

  /** Forgets a shop's Admin API subscriptions (Shopify removes them when the app is uninstalled). */
  removeShop(shop: string): void {
    for (const [id, subscription] of this.byId) if (subscription.shop === shop) this.byId.delete(id);
  }
}

/** The payload cut down to `includeFields` (dotted paths reach into objects and arrays of objects). */
export function pickFields(payload: Record<string, unknown>, includeFields: string[]): Record<string, unknown> {
  if (includeFields.length === 0) return payload;
  const picked: Record<string, unknown> = {};
  for (const path of includeFields) copyPath(payload, picked, path.split("."));
  return picked;
}

function copyPath(from: unknown, to: Record<string, unknown>, path: string[]): void {
  if (typeof from !== "object" || from === null) return;
  const [head, ...rest] = path;
  const value = (from as Record<string, unknown>)[head];
  if (value === undefined) return;
  if (rest.length === 0 || value === null || typeof value !== "object") {
    to[head] = value;
    return;
  }
  if (Array.isArray(value)) {
    const existing = (Array.isArray(to[head]) ? to[head] : value.map(() => ({}))) as Record<string, unknown>[];
    value.forEach((item, i) => copyPath(item, existing[i], rest));
    to[head] = existing;
    return;
  }
  const existing = (to[head] ?? {}) as Record<string, unknown>;
  copyPath(value, existing, rest);
  to[head] = existing;
}
