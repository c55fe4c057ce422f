// The demo's own signer for the two tokens Shopify issues to an app, both HS256 JWTs signed with the
// app's client secret: App Bridge session tokens (admin) and checkout session tokens (the survey
// extension). Claims as Shopify sets them; the app verifies them with the Shopify library, unchanged.
import { createHmac, randomUUID } from "node:crypto";

const base64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

function signJwt(claims: Record<string, unknown>, secret: string): string {
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64url(JSON.stringify(claims));
  const signature = createHmac("sha256", secret).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${signature}`;
}

export interface AppCredentials {
  apiKey: string;
  apiSecret: string;
}

/** An App Bridge session token (`shopify.idToken()`), valid for a minute like Shopify's. */
export function adminSessionToken(app: AppCredentials, shop: string, userId = "70123456789"): string {
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    {
      iss: `https://${shop}/admin`,
      dest: `https://${shop}`,
      aud: app.apiKey,
      sub: userId,
      exp: now + 60,
      nbf: now - 5,
      iat: now - 5,
      jti: randomUUID(),
      sid: randomUUID(),
    },
    app.apiSecret,
  );
}

/** A checkout extension's session token: `dest` the shop, `sub` the customer only for a logged-in buyer, no `iss`. */
export function checkoutSessionToken(app: AppCredentials, shop: string, customerId: string | null): string {
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    {
      dest: shop,
      aud: app.apiKey,
      ...(customerId ? { sub: customerId } : {}),
      exp: now + 300,
      nbf: now - 5,
      iat: now - 5,
      jti: randomUUID(),
    },
    app.apiSecret,
  );
}

/** The `host` query parameter Shopify admin passes: base64 of the admin's address for the store. */
export function adminHost(shop: string): string {
  return Buffer.from(`admin.shopify.com/store/${shop.replace(".myshopify.com", "")}`).toString("base64url");
}
