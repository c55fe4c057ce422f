// POST /admin/oauth/access_token, as @shopify/shopify-api 13 calls it (lib/auth/oauth/token-exchange,
// refresh-token, migrate-to-expiring-token): client credentials plus either a token exchange of an App
// Bridge session token, a migration of a non-expiring offline token, or a refresh.
// https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/token-exchange
// ("If your session token is expired or otherwise invalid, then the token exchange request fails with
// an HTTP status code of 400"; the library reacts to `error: "invalid_subject_token"`).
import { timingSafeEqual } from "node:crypto";
import { jwtVerify } from "jose";
import { z } from "zod";
import { type AccessGrant, type AccessTokenStore } from "./access-tokens";

export const TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
export const ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
export const OFFLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:offline-access-token";
export const ONLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:online-access-token";

export interface AppCredentials {
  apiKey: string;
  apiSecret: string;
  /** What a Shopify-managed installation grants: the scopes of shopify.app.toml. */
  scopes: string[];
}

export interface TokenEndpointContext {
  shop: string;
  app: AppCredentials;
  tokens: AccessTokenStore;
  now: number;
}

export interface JsonAnswer {
  status: number;
  body: unknown;
}

const request = z.object({
  client_id: z.string(),
  client_secret: z.string(),
  grant_type: z.string(),
  subject_token: z.string().optional(),
  subject_token_type: z.string().optional(),
  requested_token_type: z.string().optional(),
  expiring: z.union([z.string(), z.number(), z.boolean()]).optional(),
  refresh_token: z.string().optional(),
});

const oauthError = (status: number, error: string, description: string): JsonAnswer => ({
  status,
  body: { error, error_description: description },
});

export async function handleAccessTokenRequest(input: unknown, ctx: TokenEndpointContext): Promise<JsonAnswer> {
  const parsed = request.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return oauthError(400, "invalid_request", `${issue.path.join(".")}: ${issue.message}`);
  }
  const body = parsed.data;
  if (body.client_id !== ctx.app.apiKey || !sameSecret(body.client_secret, ctx.app.apiSecret)) {
    // RFC 6749 section 5.2: failed client authentication may answer 401.
    return oauthError(401, "invalid_client", "Client authentication failed: unknown client_id or wrong client_secret");
  }
  if (body.grant_type === "refresh_token") {
    const grant = body.refresh_token && ctx.tokens.refresh(ctx.shop, body.refresh_token, ctx.now);
    return grant ? granted(grant, ctx.now) : oauthError(400, "invalid_grant", "The refresh token is invalid, expired or already used");
  }
  if (body.grant_type !== TOKEN_EXCHANGE_GRANT) {
    return oauthError(400, "unsupported_grant_type", `grant_type ${body.grant_type} is not supported`);
  }
  const expiring = body.expiring === "1" || body.expiring === 1 || body.expiring === true;
  if (body.subject_token_type === OFFLINE_TOKEN_TYPE) return migrateToExpiring(body.subject_token ?? "", body.requested_token_type, ctx);
  if (body.subject_token_type !== ID_TOKEN_TYPE) {
    return oauthError(400, "invalid_request", `subject_token_type must be ${ID_TOKEN_TYPE}`);
  }
  const subject = await verifySessionToken(body.subject_token ?? "", ctx);
  if ("error" in subject) return oauthError(400, "invalid_subject_token", subject.error);
  if (body.requested_token_type === OFFLINE_TOKEN_TYPE) {
    return granted(ctx.tokens.issueOffline(ctx.shop, ctx.app.scopes, expiring, ctx.now), ctx.now);
  }
  if (body.requested_token_type === ONLINE_TOKEN_TYPE) {
    return granted(ctx.tokens.issueOnline(ctx.shop, ctx.app.scopes, subject.userId, ctx.now), ctx.now);
  }
  return oauthError(400, "invalid_request", `requested_token_type must be ${OFFLINE_TOKEN_TYPE} or ${ONLINE_TOKEN_TYPE}`);
}

/** Checks what Shopify checks of a session token: HS256 signature with the app secret, expiry, aud, dest. */
async function verifySessionToken(jwt: string, ctx: TokenEndpointContext): Promise<{ userId: string } | { error: string }> {
  try {
    const { payload } = await jwtVerify(jwt, new TextEncoder().encode(ctx.app.apiSecret), {
      algorithms: ["HS256"],
      audience: ctx.app.apiKey,
      currentDate: new Date(ctx.now),
      // The library allows the same skew when it decodes the token (decode-session-token.mjs).
      clockTolerance: 10,
    });
    const dest = typeof payload.dest === "string" ? hostOf(payload.dest) : undefined;
    if (dest !== ctx.shop) return { error: `Session token dest ${String(payload.dest)} is not ${ctx.shop}` };
    if (typeof payload.sub !== "string" || payload.sub === "") return { error: "Session token has no sub" };
    return { userId: payload.sub };
  } catch (error) {
    return { error: `Session token is invalid: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function migrateToExpiring(subjectToken: string, requested: string | undefined, ctx: TokenEndpointContext): JsonAnswer {
  const current = ctx.tokens.find(ctx.shop, subjectToken, ctx.now);
  if (!current || current.kind !== "offline" || current.expiresAt !== null || requested !== OFFLINE_TOKEN_TYPE) {
    return oauthError(400, "invalid_subject_token", "Only a live non-expiring offline access token can be exchanged for an expiring one");
  }
  ctx.tokens.revoke(subjectToken);
  return granted(ctx.tokens.issueOffline(ctx.shop, current.scopes, true, ctx.now), ctx.now);
}

function granted(grant: AccessGrant, now: number): JsonAnswer {
  const seconds = (at: number | null) => (at === null ? undefined : Math.round((at - now) / 1000));
  const body: Record<string, unknown> = { access_token: grant.accessToken, scope: grant.scopes.join(",") };
  if (grant.expiresAt !== null) body.expires_in = seconds(grant.expiresAt);
  if (grant.refreshToken) {
    body.refresh_token = grant.refreshToken;
    body.refresh_token_expires_in = seconds(grant.refreshTokenExpiresAt);
  }
  if (grant.kind === "online") {
    // The emulator has no staff records: the user is known by the id the session token carried.
    body.associated_user_scope = grant.scopes.join(",");
    body.associated_user = {
      id: Number(grant.userId) || grant.userId,
      first_name: "Staff",
      last_name: String(grant.userId),
      email: `staff-${grant.userId}@${grant.shop}`,
      email_verified: true,
      account_owner: false,
      locale: "ja",
      collaborator: false,
    };
  }
  return { status: 200, body };
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
