// The emulator over real HTTP on loopback: shop routing, Shopify's answer to a bad access token, API
// version fall-forward, and bulk results streamed from the URL the bulk operation reports.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startShopifyEmulator, type ShopifyEmulator } from "./emulator";
import { adminGraphQL, EMULATOR_APP, graphqlUrl, handBuiltShop, offlineTokenFor } from "./fixtures";
import { bulkOperationSettled } from "./bulk/hooks";
import { INVALID_TOKEN_BODY } from "./server/routes";

const TOKYO = "tsuzuku-server.myshopify.com";
const OSAKA = "tsuzuku-osaka.myshopify.com";
const SHOP_QUERY = "{ shop { name currencyCode ianaTimezone } }";

let emulator: ShopifyEmulator;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  emulator = await startShopifyEmulator({ shops: [handBuiltShop(TOKYO), handBuiltShop(OSAKA)], app: EMULATOR_APP, appConfigSubscriptions: [] });
  for (const shop of [TOKYO, OSAKA]) tokens[shop] = (await offlineTokenFor(emulator, shop)).body.access_token as string;
});

afterAll(async () => {
  await emulator?.close();
});

describe("the access token", () => {
  it("opens the Admin API of its own shop", async () => {
    const answer = await adminGraphQL(graphqlUrl(emulator, TOKYO), tokens[TOKYO], SHOP_QUERY);
    expect(answer.status).toBe(200);
    expect(answer.body.data?.shop).toEqual({ name: "つづく珈琲", currencyCode: "JPY", ianaTimezone: "Asia/Tokyo" });
    expect(answer.headers.get("x-shopify-api-version")).toBe("2026-07");
  });

  const refusals: [string, () => string | null][] = [
    ["missing", () => null],
    ["unknown", () => "shpat_00000000000000000000000000000000"],
    ["another shop's", () => tokens[OSAKA]],
  ];
  for (const [which, token] of refusals) {
    it(`${which}: 401 with Shopify's own message`, async () => {
      const answer = await adminGraphQL(graphqlUrl(emulator, TOKYO), token(), SHOP_QUERY);
      expect(answer).toMatchObject({ status: 401, body: INVALID_TOKEN_BODY });
      expect(INVALID_TOKEN_BODY.errors).toBe("[API] Invalid API key or access token (unrecognized login or wrong password)");
    });
  }

  it("revoked when the app is uninstalled: 401", async () => {
    const { body } = await offlineTokenFor(emulator, OSAKA);
    emulator.uninstallApp(OSAKA);
    expect((await adminGraphQL(graphqlUrl(emulator, OSAKA), body.access_token as string, SHOP_QUERY)).status).toBe(401);
    emulator.installApp(OSAKA);
    tokens[OSAKA] = (await offlineTokenFor(emulator, OSAKA)).body.access_token as string;
  });
});

describe("shop routing", () => {
  it("tells shops apart by path prefix, Host header or *.localhost sub-domain", async () => {
    const byPath = await adminGraphQL(graphqlUrl(emulator, OSAKA), tokens[OSAKA], "{ shop { myshopifyDomain } }");
    expect(byPath.body.data?.shop.myshopifyDomain).toBe(OSAKA);

    const byHost = await postWithHost(TOKYO, tokens[TOKYO]);
    expect(byHost.status).toBe(200);
    expect(JSON.parse(byHost.body).data.shop.myshopifyDomain).toBe(TOKYO);

    const bySubdomain = await postWithHost(`tsuzuku-osaka.localhost:${new URL(emulator.url).port}`, tokens[OSAKA]);
    expect(JSON.parse(bySubdomain.body).data.shop.myshopifyDomain).toBe(OSAKA);
  });

  it("answers 404 for a shop it does not host, and for a request naming no shop", async () => {
    expect((await adminGraphQL(graphqlUrl(emulator, "nobody.myshopify.com"), tokens[TOKYO], SHOP_QUERY)).status).toBe(404);
    expect((await fetch(`${emulator.url}/admin/api/2026-07/graphql.json`, { method: "POST" })).status).toBe(404);
  });
});

/** fetch cannot set Host; node:http can, as curl --resolve or a proxy would. */
function postWithHost(host: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${emulator.url}/admin/api/2026-07/graphql.json`, {
      method: "POST",
      headers: { Host: host, "Content-Type": "application/json", "X-Shopify-Access-Token": token },
    }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end(JSON.stringify({ query: "{ shop { myshopifyDomain } }" }));
  });
}

describe("API versions", () => {
  it("serves a retired version with the oldest supported one and says so in X-Shopify-API-Version", async () => {
    const answer = await adminGraphQL(graphqlUrl(emulator, TOKYO, "2024-01"), tokens[TOKYO], SHOP_QUERY);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-shopify-api-version")).toBe("2026-07");
    expect(answer.body.data?.shop.currencyCode).toBe("JPY");
  });

  it("answers 404 for a malformed version and for one newer than it serves", async () => {
    for (const version of ["latest", "2026-08", "2099-01"]) {
      expect((await adminGraphQL(graphqlUrl(emulator, TOKYO, version), tokens[TOKYO], SHOP_QUERY)).status).toBe(404);
    }
  });

  it("asks for a query when the body has none", async () => {
    const response = await fetch(graphqlUrl(emulator, TOKYO), {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": tokens[TOKYO] },
      body: "{}",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: { query: "Required parameter missing or invalid" } });
  });
});

describe("bulk operation results", () => {
  it("streams the JSONL file from the url the operation reports, without an access token", async () => {
    const url = graphqlUrl(emulator, TOKYO);
    const run = await adminGraphQL(url, tokens[TOKYO], `mutation { bulkOperationRunQuery(query: "{ orders { edges { node { id } } } }") {
      bulkOperation { id } userErrors { message } } }`);
    const id = run.body.data?.bulkOperationRunQuery.bulkOperation.id as string;
    await bulkOperationSettled(emulator.contexts.get(TOKYO)!, Number(id.split("/").pop()));
    const done = await adminGraphQL(url, tokens[TOKYO], `query($id: ID!) { bulkOperation(id: $id) { status url fileSize } }`, { id });
    const { status, url: fileUrl, fileSize } = done.body.data?.bulkOperation as { status: string; url: string; fileSize: string };
    expect(status).toBe("COMPLETED");
    expect(fileUrl.startsWith(`${emulator.url}/__emulator/bulk-operations/`)).toBe(true);

    const download = await fetch(fileUrl);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-length")).toBe(fileSize);
    const lines = (await download.text()).trim().split("\n").map((line) => JSON.parse(line) as { id: string });
    expect(lines.map((line) => line.id)).toEqual(["gid://shopify/Order/1", "gid://shopify/Order/2", "gid://shopify/Order/3"]);

    expect((await fetch(`${emulator.url}/__emulator/bulk-operations/00ff.jsonl`)).status).toBe(404);
  });
});
