// "Shopify in a box": one loopback server hosting one or more emulated shops for one app. It answers the
// app's Admin GraphQL and OAuth calls and sends the app its webhooks. Tests start it in-process; the CLI
// (cli.ts) starts it for a demo.
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type AdminContext, createAdminContext } from "./graphql/context";
import { ADMIN_API_VERSION } from "./graphql/schema";
import { AccessTokenStore } from "./oauth/access-tokens";
import type { AppCredentials } from "./oauth/token-endpoint";
import { listen } from "./server/node-adapter";
import { createRoutes } from "./server/routes";
import { shopBaseUrl } from "./server/shop-routing";
import type { EmShop, ShopStore } from "./store/types";
import { WebhookDispatcher, type WebhookDispatcherOptions } from "./webhooks/dispatcher";
import {
  customersDataRequestPayload, customersRedactPayload, shopPayload, shopRedactPayload,
} from "./webhooks/payloads";
import { webhookEventSink } from "./webhooks/shop-events";
import { appConfigSubscriptionsFromFile, type WebhookSubscription, WebhookSubscriptionRegistry } from "./webhooks/subscriptions";

export const APP_CONFIG_PATH = fileURLToPath(new URL("../../shopify.app.toml", import.meta.url));

export interface ShopifyEmulatorOptions {
  shops: ShopStore[];
  app: AppCredentials & { /** Where webhooks go: the base of shopify.app.toml's relative uris. */ url: string };
  /** App-specific subscriptions; those of shopify.app.toml by default. */
  appConfigSubscriptions?: WebhookSubscription[];
  /** The emulated clock (epoch ms) for tokens, mutations and webhooks; real time by default. */
  now?: () => number;
  host?: string;
  port?: number;
  webhooks?: Pick<WebhookDispatcherOptions, "timeScale" | "send" | "faults" | "seed" | "retryDelaysMs" | "timeoutMs">;
  /** Bulk operations start on their own unless a test wants to hold them. */
  bulkAutoStart?: boolean;
}

export interface ShopifyEmulator {
  /** http://127.0.0.1:<port> — the value of the app's SHOPIFY_ADMIN_EMULATOR_URL. */
  url: string;
  /** Base URL of one shop's Admin API on this server. */
  shopUrl(shop: string): string;
  contexts: ReadonlyMap<string, AdminContext>;
  tokens: AccessTokenStore;
  subscriptions: WebhookSubscriptionRegistry;
  webhooks: WebhookDispatcher;
  isInstalled(shop: string): boolean;
  /** The merchant installs (or reinstalls) the app: Shopify-managed installation, before any token exchange. */
  installApp(shop: string): void;
  /** The merchant uninstalls: app/uninstalled is sent, every token of the shop revoked. */
  uninstallApp(shop: string): string;
  /** Compliance requests, as a merchant or Shopify triggers them; each returns the event id. */
  requestCustomerData(shop: string, customerId: number, orderIds: number[]): string;
  redactCustomer(shop: string, customerId: number, orderIds: number[]): string;
  redactShop(shop: string): string;
  close(): Promise<void>;
}

export async function startShopifyEmulator(options: ShopifyEmulatorOptions): Promise<ShopifyEmulator> {
  const now = options.now ?? Date.now;
  const tokens = new AccessTokenStore();
  const subscriptions = new WebhookSubscriptionRegistry(options.appConfigSubscriptions ?? appConfigSubscriptionsFromFile(APP_CONFIG_PATH), ADMIN_API_VERSION);
  const installed = new Set(options.shops.map((store) => store.shop.domain));
  const webhooks = new WebhookDispatcher({
    ...options.webhooks,
    apiSecret: options.app.apiSecret,
    appUrl: options.app.url,
    registry: subscriptions,
    now,
    isInstalled: (shop) => installed.has(shop),
  });
  // The server's address is known only once it listens; bulk result URLs are built on demand.
  let serverUrl = "";
  const contexts = new Map<string, AdminContext>();
  const shops = new Map<string, EmShop>();
  for (const store of options.shops) {
    const domain = store.shop.domain;
    shops.set(domain, store.shop);
    contexts.set(domain, createAdminContext({
      store,
      now,
      events: webhookEventSink(webhooks, store),
      bulk: { autoStart: options.bulkAutoStart ?? true },
      bulkFileUrl: (token) => `${serverUrl}/__emulator/bulk-operations/${token}.jsonl`,
      webhookSubscriptions: () => subscriptions.list(domain),
      createWebhookSubscription: (input) =>
        subscriptions.create(domain, { topic: input.topic, uri: input.uri, includeFields: input.includeFields, filter: input.filter ?? null }, now()),
    }));
  }
  const server = await listen(
    createRoutes({ app: options.app, tokens, shops: contexts, servedApiVersions: [ADMIN_API_VERSION], now }),
    { host: options.host, port: options.port },
  );
  serverUrl = server.url;

  const shopOf = (domain: string): EmShop => {
    const shop = shops.get(domain);
    if (!shop) throw new Error(`The emulator hosts no shop ${domain}`);
    return shop;
  };
  let dataRequestId = 0;
  return {
    url: server.url,
    shopUrl: (shop) => shopBaseUrl(server.url, shop),
    contexts,
    tokens,
    subscriptions,
    webhooks,
    isInstalled: (shop) => installed.has(shop),
    installApp: (shop) => void installed.add(shopOf(shop).domain),
    uninstallApp(shop) {
      const eventId = webhooks.publish(shopOf(shop), "app/uninstalled", shopPayload(shopOf(shop), now()));
      installed.delete(shop);
      tokens.revokeShop(shop);
      subscriptions.removeShop(shop);
      return eventId;
    },
    requestCustomerData: (shop, customerId, orderIds) =>
      webhooks.publish(shopOf(shop), "customers/data_request", customersDataRequestPayload(shopOf(shop), customerId, orderIds, ++dataRequestId)),
    redactCustomer: (shop, customerId, orderIds) =>
      webhooks.publish(shopOf(shop), "customers/redact", customersRedactPayload(shopOf(shop), customerId, orderIds)),
    redactShop: (shop) => webhooks.publish(shopOf(shop), "shop/redact", shopRedactPayload(shopOf(shop))),
    async close() {
      webhooks.close();
      await server.close();
      for (const ctx of contexts.values()) rmSync(ctx.bulk.dir, { recursive: true, force: true });
    },
  };
}
