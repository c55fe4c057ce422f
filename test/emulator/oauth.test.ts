// POST /admin/oauth/access_token as @shopify/shopify-api calls it: a session token verified like Shopify
// verifies it (HS256 with the app secret, aud = client id, dest = the shop, not expired), client
// credentials, offline tokens that expire and refresh, online tokens, and the expiring-token migration.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionToken } from "../helpers/shopify-requests";
import { startShopifyEmulator, type ShopifyEmulator } from "./emulator";
import { adminGraphQL, EMULATOR_APP, exchangeToken, graphqlUrl, handBuiltShop, offlineTokenFor } from "./fixtures";
import { ID_TOKEN_TYPE, OFFLINE_TOKEN_TYPE, ONLINE_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT } from "./oauth/token-endpoint";

const SHOP = "tsuzuku-oauth.myshopify.com";
const OTHER_SHOP = "tsuzuku-oauth-2.myshopify.com";
const HOUR = 3_600_000;

let emulator: ShopifyEmulator;
let clock = Date.now();

beforeAll(async () => {
  emulator = await startShopifyEmulator({
    shops: [handBuiltShop(SHOP), handBuiltShop(OTHER_SHOP)],
    app: EMULATOR_APP,
    appConfigSubscriptions: [],
    now: () => clock,
  });
});

afterAll(async () => {
  await emulator?.close();
});

const exchange = async (token: string, extra: Record<string, unknown> = {}) =>
  exchangeToken(emulator, SHOP, {
    grant_type: TOKEN_EXCHANGE_GRANT,
    subject_token: token,
    subject_token_type: ID_TOKEN_TYPE,
    requested_token_type: OFFLINE_TOKEN_TYPE,
    expiring: "1",
    ...extra,
  });

const shopName = async (accessToken: string) =>
  (await adminGraphQL(graphqlUrl(emulator, SHOP), accessToken, "{ shop { name } }")).status;

describe("token exchange", () => {
  it("gives an expiring offline token with a refresh token and the configured scopes", async () => {
    const { status, body } = await exchange(await sessionToken({ shop: SHOP }));
    expect(status).toBe(200);
    expect(body).toEqual({
      access_token: expect.stringMatching(/^shpat_[0-9a-f]{32}$/),
      scope: EMULATOR_APP.scopes.join(","),
      expires_in: 3600,
      refresh_token: expect.stringMatching(/^shprt_[0-9a-f]{32}$/),
      refresh_token_expires_in: 90 * 24 * 3600,
    });
    expect(await shopName(body.access_token as string)).toBe(200);
  });

  it("gives a non-expiring offline token when the app does not ask for expiry", async () => {
    const { body } = await exchange(await sessionToken({ shop: SHOP }), { expiring: "0" });
    expect(Object.keys(body).sort()).toEqual(["access_token", "scope"]);
  });

  it("gives an online token for the staff member the session token names", async () => {
    const { body } = await exchange(await sessionToken({ shop: SHOP, userId: "84512" }), { requested_token_type: ONLINE_TOKEN_TYPE });
    expect(body).toMatchObject({
      access_token: expect.stringMatching(/^shpua_/),
      expires_in: 86399,
      associated_user_scope: EMULATOR_APP.scopes.join(","),
      associated_user: { id: 84512 },
    });
  });

  const refusedTokens: [string, () => Promise<string>][] = [
    ["signed with another secret (forged)", () => sessionToken({ shop: SHOP, secret: "someone-elses-secret-0123456789abcdef" })],
    ["issued to another app", () => sessionToken({ shop: SHOP, audience: "another-client-id" })],
    ["issued for another shop", () => sessionToken({ shop: OTHER_SHOP })],
    ["expired", () => sessionToken({ shop: SHOP, expiresIn: -120 })],
    ["not a JWT", async () => "not-a-token"],
  ];
  for (const [why, makeToken] of refusedTokens) {
    it(`refuses a session token ${why}: 400 invalid_subject_token, no token issued`, async () => {
      const before = emulator.tokens.grants(SHOP).length;
      const { status, body } = await exchange(await makeToken());
      expect(status).toBe(400);
      expect(body.error).toBe("invalid_subject_token");
      expect(emulator.tokens.grants(SHOP)).toHaveLength(before);
    });
  }

  it("refuses wrong client credentials: 401 invalid_client", async () => {
    const token = await sessionToken({ shop: SHOP });
    expect(await exchange(token, { client_secret: "wrong" })).toMatchObject({ status: 401, body: { error: "invalid_client" } });
    expect(await exchange(token, { client_id: "another-app" })).toMatchObject({ status: 401, body: { error: "invalid_client" } });
  });

  it("refuses an unknown grant or token type: 400", async () => {
    const token = await sessionToken({ shop: SHOP });
    expect(await exchange(token, { grant_type: "authorization_code" })).toMatchObject({ status: 400, body: { error: "unsupported_grant_type" } });
    expect(await exchange(token, { requested_token_type: "urn:example:other" })).toMatchObject({ status: 400, body: { error: "invalid_request" } });
  });
});

describe("expiry and refresh", () => {
  it("an access token stops working after its hour; the refresh token gives a new pair, once", async () => {
    const first = (await offlineTokenFor(emulator, SHOP)).body;
    clock += 2 * HOUR;
    expect(await shopName(first.access_token as string)).toBe(401);

    const refresh = () => exchangeToken(emulator, SHOP, { grant_type: "refresh_token", refresh_token: first.refresh_token });
    const refreshed = await refresh();
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ expires_in: 3600, refresh_token_expires_in: 90 * 24 * 3600 });
    expect(refreshed.body.refresh_token).not.toBe(first.refresh_token);
    expect(await shopName(refreshed.body.access_token as string)).toBe(200);

    // Refresh tokens rotate: the used one is spent.
    expect(await refresh()).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });

  it("a refresh token of another shop, or one past its 90 days, is refused", async () => {
    const { body } = await offlineTokenFor(emulator, SHOP);
    expect(await exchangeToken(emulator, OTHER_SHOP, { grant_type: "refresh_token", refresh_token: body.refresh_token })).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    clock += 91 * 24 * HOUR;
    expect(await exchangeToken(emulator, SHOP, { grant_type: "refresh_token", refresh_token: body.refresh_token })).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    clock = Date.now();
  });

  it("migrates a non-expiring offline token to an expiring one and revokes the old token", async () => {
    const legacy = (await offlineTokenFor(emulator, SHOP, false)).body.access_token as string;
    const migrated = await exchangeToken(emulator, SHOP, {
      grant_type: TOKEN_EXCHANGE_GRANT,
      subject_token: legacy,
      subject_token_type: OFFLINE_TOKEN_TYPE,
      requested_token_type: OFFLINE_TOKEN_TYPE,
      expiring: "1",
    });
    expect(migrated).toMatchObject({ status: 200, body: { expires_in: 3600, refresh_token: expect.any(String) } });
    expect(await shopName(legacy)).toBe(401);
    expect(await shopName(migrated.body.access_token as string)).toBe(200);
  });
});
