// Shared by the emulator's server, OAuth, webhook and app tests: a small hand-built JPY shop in Tokyo,
// and clients that talk to a running emulator over HTTP exactly as the Shopify library does.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { configuredScopes, TEST_API_KEY, TEST_API_SECRET, TEST_APP_URL } from "../helpers/app";
import { sessionToken } from "../helpers/shopify-requests";
import type { ShopifyEmulator } from "./emulator";
import { contract, customer, line, order, shop } from "./graphql/test-shop";
import { ID_TOKEN_TYPE, OFFLINE_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT } from "./oauth/token-endpoint";
import { recordsSource } from "./store/source";
import { MutableShopStore } from "./store/shop-store";

export const EMULATOR_APP = {
  apiKey: TEST_API_KEY,
  apiSecret: TEST_API_SECRET,
  scopes: configuredScopes().split(",").map((scope) => scope.trim()),
  url: TEST_APP_URL,
};

/** Two customers, three orders (one on a monthly subscription, one refunded), one active contract. */
export function handBuiltShop(domain: string): MutableShopStore {
  const plan = { id: 55, name: "毎月お届け", intervalUnit: "MONTH" as const, intervalCount: 1 };
  return new MutableShopStore(recordsSource({
    shop: shop({ id: 77, domain, name: "つづく珈琲", planTier: "advanced", planDisplayName: "Advanced" }),
    customers: [customer(1), customer(2)],
    orders: [
      order(1, { customerId: 1, lineItems: [line(101, { unitPrice: 3_000, sellingPlan: plan, contractId: 17 })] }),
      order(2, { customerId: 2, discountCodes: ["WELCOME10"], lineItems: [line(201, { unitPrice: 2_400, quantity: 2, currentQuantity: 2, discount: 480 })] }),
      order(3, { customerId: null, lineItems: [line(301, { unitPrice: 1_200 })] }),
    ],
    contracts: [contract(17, { customerId: 1, originOrderId: 1 })],
    sellingPlans: [plan],
  }));
}

export async function exchangeToken(emulator: ShopifyEmulator, shopDomain: string, body: Record<string, unknown>) {
  const response = await fetch(`${emulator.shopUrl(shopDomain)}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ client_id: EMULATOR_APP.apiKey, client_secret: EMULATOR_APP.apiSecret, ...body }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** What the library sends for an expiring offline token (lib/auth/oauth/token-exchange). */
export async function offlineTokenFor(emulator: ShopifyEmulator, shopDomain: string, expiring = true) {
  return exchangeToken(emulator, shopDomain, {
    grant_type: TOKEN_EXCHANGE_GRANT,
    subject_token: await sessionToken({ shop: shopDomain }),
    subject_token_type: ID_TOKEN_TYPE,
    requested_token_type: OFFLINE_TOKEN_TYPE,
    expiring: expiring ? "1" : "0",
  });
}

export async function adminGraphQL(
  url: string,
  accessToken: string | null,
  query: string,
  variables?: Record<string, unknown>,
) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(accessToken ? { "X-Shopify-Access-Token": accessToken } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: Record<string, any>; errors?: unknown } }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export const graphqlUrl = (emulator: ShopifyEmulator, shopDomain: string, version = "2026-07") =>
  `${emulator.shopUrl(shopDomain)}/admin/api/${version}/graphql.json`;

export interface ReceivedDelivery {
  path: string;
  headers: Record<string, string>;
  body: string;
  status: number;
}

/**
 * Hands each delivery to the app's own webhook route for its path (app/routes/webhooks.<topic>.tsx), or,
 * for topics the app has no route for yet, to the app's `authenticate.webhook` — the library's real HMAC
 * and header check — answering 200 when it passes. Every delivery is recorded with the app's answer.
 */
export function appWebhookTransport(authenticateWebhook: (request: Request) => Promise<unknown>, received: ReceivedDelivery[]) {
  return async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    const copy = request.clone();
    const routeFile = fileURLToPath(new URL(`../../app/routes/${path.slice(1).replaceAll("/", ".")}.tsx`, import.meta.url));
    let status: number;
    try {
      if (existsSync(routeFile)) {
        const route = (await import(/* @vite-ignore */ routeFile)) as { action: (args: { request: Request; params: object; context: object }) => Promise<Response> };
        status = (await route.action({ request, params: {}, context: {} })).status;
      } else {
        await authenticateWebhook(request);
        status = 200;
      }
    } catch (thrown) {
      if (!(thrown instanceof Response)) throw thrown;
      status = thrown.status;
    }
    received.push({ path, headers: Object.fromEntries(copy.headers), body: await copy.text(), status });
    return new Response(null, { status });
  };
}
