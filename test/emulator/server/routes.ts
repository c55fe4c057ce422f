// The emulator's HTTP surface, as fetch handlers:
//   POST /admin/oauth/access_token               token exchange, expiring-token migration, refresh
//   POST /admin/api/{version}/graphql.json       Admin GraphQL behind X-Shopify-Access-Token
//   GET  /__emulator/bulk-operations/{token}.jsonl  bulk operation results (the `url` Shopify hands out
//        points at cloud storage and needs no token, so neither does this)
import { randomUUID } from "node:crypto";
import { resolveBulkFile } from "../bulk/hooks";
import type { AdminContext } from "../graphql/context";
import { executeAdminGraphQL } from "../graphql/execute";
import type { AccessTokenStore } from "../oauth/access-tokens";
import { type AppCredentials, handleAccessTokenRequest } from "../oauth/token-endpoint";
import { resolveApiVersion } from "./api-versions";
import { type FetchHandler, fileResponse } from "./node-adapter";
import { routeByShop } from "./shop-routing";

export interface RouteDependencies {
  app: AppCredentials;
  tokens: AccessTokenStore;
  /** The Admin GraphQL context of each hosted shop, by myshopify domain. */
  shops: ReadonlyMap<string, AdminContext>;
  servedApiVersions: readonly string[];
  now(): number;
}

// Shopify's exact answer to a missing, unknown or revoked access token.
export const INVALID_TOKEN_BODY = { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" };
const NOT_FOUND_BODY = { errors: "Not Found" };
const GRAPHQL_PATH = /^\/admin\/api\/([^/]+)\/graphql\.json$/;
const BULK_FILE_PATH = /^\/__emulator\/bulk-operations\/([0-9a-f]+)\.jsonl$/;

export function createRoutes(deps: RouteDependencies): FetchHandler {
  return async (request) => {
    const url = new URL(request.url);
    const bulkFile = BULK_FILE_PATH.exec(url.pathname);
    if (bulkFile && request.method === "GET") return serveBulkFile(deps, bulkFile[1]);

    const { shop, path } = routeByShop(url, request.headers.get("host"));
    const ctx = shop ? deps.shops.get(shop) : undefined;
    if (!shop || !ctx) return json(404, NOT_FOUND_BODY);
    if (path === "/admin/oauth/access_token") {
      if (request.method !== "POST") return json(405, { errors: "Method Not Allowed" }, { Allow: "POST" });
      const answer = await handleAccessTokenRequest(await readParams(request), { shop, app: deps.app, tokens: deps.tokens, now: deps.now() });
      return json(answer.status, answer.body);
    }
    const graphql = GRAPHQL_PATH.exec(path);
    if (graphql) {
      if (request.method !== "POST") return json(405, { errors: "Method Not Allowed" }, { Allow: "POST" });
      return serveGraphQL(deps, ctx, shop, graphql[1], request);
    }
    return json(404, NOT_FOUND_BODY);
  };
}

async function serveGraphQL(deps: RouteDependencies, ctx: AdminContext, shop: string, requestedVersion: string, request: Request): Promise<Response> {
  const token = request.headers.get("x-shopify-access-token") ?? "";
  if (!deps.tokens.find(shop, token, deps.now())) return json(401, INVALID_TOKEN_BODY);
  const version = resolveApiVersion(requestedVersion, deps.servedApiVersions);
  if ("notFound" in version) return json(404, NOT_FOUND_BODY);
  const operation = await readGraphQLRequest(request);
  if (!operation) return json(400, { errors: { query: "Required parameter missing or invalid" } });
  const result = await executeAdminGraphQL(ctx, { ...operation, apiVersion: version.served });
  return json(result.status, result.body, { "X-Shopify-API-Version": version.served });
}

/** application/json `{query, variables, operationName}`, or a bare document as application/graphql. */
async function readGraphQLRequest(request: Request): Promise<{ query: string; variables?: Record<string, unknown>; operationName?: string } | undefined> {
  const text = await request.text();
  if ((request.headers.get("content-type") ?? "").includes("application/graphql")) return text.trim() ? { query: text } : undefined;
  try {
    const body = JSON.parse(text) as { query?: unknown; variables?: unknown; operationName?: unknown };
    if (typeof body.query !== "string" || body.query.trim() === "") return undefined;
    return {
      query: body.query,
      variables: body.variables && typeof body.variables === "object" ? (body.variables as Record<string, unknown>) : undefined,
      operationName: typeof body.operationName === "string" ? body.operationName : undefined,
    };
  } catch {
    return undefined;
  }
}

/** The token endpoint takes JSON (as the library sends) or a form body (as OAuth clients send). */
async function readParams(request: Request): Promise<unknown> {
  const text = await request.text();
  if ((request.headers.get("content-type") ?? "").includes("application/x-www-form-urlencoded")) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function serveBulkFile(deps: RouteDependencies, token: string): Promise<Response> {
  for (const ctx of deps.shops.values()) {
    const file = await resolveBulkFile(ctx, token);
    if (!file) continue;
    return fileResponse(file.path, {
      status: 200,
      headers: { "Content-Type": file.contentType, "Content-Length": String(file.size) },
    });
  }
  return json(404, NOT_FOUND_BODY);
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "X-Request-Id": randomUUID(), ...headers },
  });
}
