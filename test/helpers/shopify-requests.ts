// Requests as Shopify sends them, signed for real: App Bridge session tokens (HS256 JWTs signed with the
// app secret) and webhook deliveries (base64 HMAC-SHA256 of the raw body).
import { createHmac, randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { TEST_API_KEY, TEST_API_SECRET, TEST_APP_URL } from "./app";

export interface SessionTokenOptions {
  shop: string;
  secret?: string;
  audience?: string;
  /** Seconds from now; negative for a token that has already expired. */
  expiresIn?: number;
  userId?: string;
}

export async function sessionToken(options: SessionTokenOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const expiresAt = now + (options.expiresIn ?? 60);
  return new SignJWT({ dest: `https://${options.shop}`, sid: randomUUID() })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(`https://${options.shop}/admin`)
    .setAudience(options.audience ?? TEST_API_KEY)
    .setSubject(options.userId ?? "70123456789")
    .setIssuedAt(expiresAt - 60)
    .setNotBefore(expiresAt - 60)
    .setExpirationTime(expiresAt)
    .setJti(randomUUID())
    .sign(new TextEncoder().encode(options.secret ?? TEST_API_SECRET));
}

/** A fetch from the embedded app (App Bridge adds the bearer token). */
export function bearerRequest(path: string, token: string): Request {
  return new Request(`${TEST_APP_URL}${path}`, { headers: { Authorization: `Bearer ${token}` } });
}

/** The first load inside the Shopify admin iframe: the token arrives as `id_token`. */
export function documentRequest(path: string, shop: string, token: string, extra: Record<string, string> = {}): Request {
  const store = shop.replace(".myshopify.com", "");
  const params = new URLSearchParams({
    embedded: "1",
    shop,
    host: Buffer.from(`admin.shopify.com/store/${store}`).toString("base64url"),
    id_token: token,
    ...extra,
  });
  return new Request(`${TEST_APP_URL}${path}?${params}`);
}

export interface WebhookOptions {
  topic: string;
  shop: string;
  payload: unknown;
  eventId?: string;
  secret?: string;
  /** Replaces the body after signing, to model tampering in transit. */
  tamperedBody?: string;
}

export function webhookRequest(options: WebhookOptions): Request {
  const body = JSON.stringify(options.payload);
  const hmac = createHmac("sha256", options.secret ?? TEST_API_SECRET).update(body, "utf8").digest("base64");
  const path = `/webhooks/${options.topic}`;
  return new Request(`${TEST_APP_URL}${path}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Topic": options.topic,
      "X-Shopify-Hmac-Sha256": hmac,
      "X-Shopify-Shop-Domain": options.shop,
      "X-Shopify-API-Version": "2026-07",
      "X-Shopify-Webhook-Id": randomUUID(),
      "X-Shopify-Event-Id": options.eventId ?? randomUUID(),
      "X-Shopify-Triggered-At": new Date().toISOString(),
    },
    body: options.tamperedBody ?? body,
  });
}

/**
 * What Remix sends for a loader or action: a returned value is a 200 with that data, a thrown Response
 * is sent as it is (401, a redirect to the bounce page, …).
 */
export async function respond<T>(handler: () => Promise<T>): Promise<{ status: number; data?: T; response?: Response }> {
  try {
    return { status: 200, data: await handler() };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, response: thrown };
    throw thrown;
  }
}

export interface CheckoutTokenOptions {
  shop: string;
  secret?: string;
  audience?: string;
  /** Seconds from now; negative for a token that has already expired. */
  expiresIn?: number;
  /** The logged-in buyer, e.g. gid://shopify/Customer/1; guests have none. */
  customerId?: string;
}

/**
 * A checkout UI extension's session token as Shopify issues it (`shopify.sessionToken.get()`): HS256
 * with the app secret, `dest` the shop's myshopify domain, `aud` the app's client id, `sub` the
 * customer GID only for a logged-in buyer, no `iss`.
 */
export async function checkoutSessionToken(options: CheckoutTokenOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const expiresAt = now + (options.expiresIn ?? 300);
  const jwt = new SignJWT({ dest: options.shop })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setAudience(options.audience ?? TEST_API_KEY)
    .setIssuedAt(expiresAt - 300)
    .setNotBefore(expiresAt - 300)
    .setExpirationTime(expiresAt)
    .setJti(randomUUID());
  if (options.customerId) jwt.setSubject(options.customerId);
  return jwt.sign(new TextEncoder().encode(options.secret ?? TEST_API_SECRET));
}

/** A request from a checkout extension's sandbox: cross-origin, bearer token. */
export function checkoutRequest(path: string, token: string | null, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Request {
  return new Request(`${TEST_APP_URL}${path}`, {
    method: init.method ?? "POST",
    headers: {
      Origin: "https://extensions.shopifycdn.com",
      "Content-Type": "application/json",
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...init.headers,
    },
    body: init.body,
  });
}
