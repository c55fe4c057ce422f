// The answer endpoint's work, apart from Remix: the route passes the library's checkout authentication,
// and tests and the benchmark pass their own limits.
import type { Db } from "../db.server";
import { logger } from "../logger.server";
import type { AnswerWriter } from "./answer-writer.server";
import { AnswerRejectedError, responseStatus, submissionSchema, submitAnswers } from "./answers.server";
import { RateLimiter } from "./rate-limit";

/** Larger than any real submission (20 answers of 1,000 characters of Japanese is ~60 KB of UTF-8). */
export const MAX_BODY_BYTES = 64 * 1024;

export interface CheckoutAuth {
  sessionToken: { dest?: unknown; aud?: unknown; sub?: unknown };
  cors: (response: Response) => Response;
}

export interface AnswerEndpointDeps {
  db: Db;
  apiKey: string;
  authenticate: (request: Request) => Promise<CheckoutAuth>;
  /** Per shop: all of its shoppers together. */
  shopLimiter: RateLimiter;
  /** Per client (address, else order): one shopper. */
  clientLimiter: RateLimiter;
  /** The SQLite fast path for storing answers; without it answers are written through Prisma. */
  answerWriter?: AnswerWriter;
}

export function defaultLimiters() {
  return {
    shopLimiter: new RateLimiter({ burst: Number(process.env.SURVEY_SHOP_BURST ?? 600), perSecond: Number(process.env.SURVEY_SHOP_PER_SECOND ?? 200) }),
    clientLimiter: new RateLimiter({ burst: 20, perSecond: 1 }),
  };
}

const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

function json(body: unknown, status: number, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store", ...headers } });
}

function problem(status: number, field: string, message: string, headers: Record<string, string> = {}) {
  return json({ error: `${field}: ${message}`, field }, status, headers);
}

/** The shop a checkout session token was issued for, if it names one. */
function tokenShop(dest: unknown): string | null {
  if (typeof dest !== "string") return null;
  const host = dest.replace(/^https:\/\//, "").replace(/\/$/, "").toLowerCase();
  return SHOP_DOMAIN.test(host) ? host : null;
}

/**
 * The shopper's address as the app's own proxy saw it: the last X-Forwarded-For hop (earlier hops are
 * whatever the client claimed), else X-Real-IP.
 */
function clientAddress(request: Request): string | null {
  const forwarded = request.headers.get("X-Forwarded-For")?.split(",").at(-1)?.trim();
  return forwarded || request.headers.get("X-Real-IP") || null;
}

/** Reads at most `limit` bytes; null when the body is larger, whatever Content-Length claimed. */
async function readCapped(request: Request, limit: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

// Whether a shop is installed, re-read after a few seconds: every answer needs it, and an uninstall
// takes effect soon enough.
const INSTALLED_TTL_MS = 5_000;
const installedCache = new Map<string, { installed: boolean; at: number }>();

async function isInstalled(db: Db, shop: string): Promise<boolean> {
  const cached = installedCache.get(shop);
  if (cached && Date.now() - cached.at < INSTALLED_TTL_MS) return cached.installed;
  const row = await db.shop.findUnique({ where: { shop }, select: { installState: true } });
  if (installedCache.size > 10_000) installedCache.clear();
  installedCache.set(shop, { installed: row?.installState === "installed", at: Date.now() });
  return row?.installState === "installed";
}

export function clearInstalledCache() {
  installedCache.clear();
}

type Authenticated = { shop: string; customerId: string | null; cors: (response: Response) => Response };

async function authenticated(request: Request, deps: AnswerEndpointDeps): Promise<Authenticated | Response> {
  let auth: CheckoutAuth;
  try {
    auth = await deps.authenticate(request);
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    // The library's 401 (and its preflight 204) carry no CORS headers on the error path; without them
    // the extension cannot even read the status.
    if (request.headers.get("Origin")) thrown.headers.set("Access-Control-Allow-Origin", "*");
    return thrown;
  }
  const shop = tokenShop(auth.sessionToken.dest);
  // The library skips the audience check for extension tokens; Tsuzuku checks it (and that `dest` is a
  // myshopify domain) so a token is only ever read as one Shopify issued for this app and that shop.
  if (!shop || auth.sessionToken.aud !== deps.apiKey) return auth.cors(problem(401, "token", "not issued for this app"));
  if (!(await isInstalled(deps.db, shop))) return auth.cors(problem(401, "token", "shop is not installed"));
  const sub = auth.sessionToken.sub;
  const customerId = typeof sub === "string" && /^gid:\/\/shopify\/Customer\/\d+$/.test(sub) ? sub : null;
  return { shop, customerId, cors: auth.cors };
}

export async function handleAnswerPost(request: Request, deps: AnswerEndpointDeps): Promise<Response> {
  const auth = await authenticated(request, deps);
  if (auth instanceof Response) return auth;
  const { shop, customerId, cors } = auth;
  if (request.method !== "POST") return cors(problem(405, "method", "use POST", { Allow: "POST, GET, OPTIONS" }));

  const declared = Number(request.headers.get("Content-Length") ?? 0);
  if (declared > MAX_BODY_BYTES) return cors(problem(413, "body", `larger than ${MAX_BODY_BYTES} bytes`));

  const shopWait = deps.shopLimiter.take(shop);
  if (shopWait) return cors(problem(429, "rate", "too many answers for this shop", { "Retry-After": String(shopWait) }));

  const raw = await readCapped(request, MAX_BODY_BYTES);
  if (raw === null) return cors(problem(413, "body", `larger than ${MAX_BODY_BYTES} bytes`));
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return cors(problem(400, "body", "not valid JSON"));
  }
  const parsed = submissionSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0]].join(".") : issue.path.join(".") || "body";
    return cors(problem(400, field, issue.message));
  }
  const client = clientAddress(request) ?? parsed.data.orderId;
  const clientWait = deps.clientLimiter.take(`${shop}\u0000${client}`);
  if (clientWait) return cors(problem(429, "rate", "too many answers from this client", { "Retry-After": String(clientWait) }));

  try {
    const result = await submitAnswers(deps.db, shop, parsed.data, customerId, deps.answerWriter);
    return cors(json(result, 200));
  } catch (error) {
    if (error instanceof AnswerRejectedError) return cors(problem(error.status, error.field, error.reason));
    logger.error({ event: "survey_answer_failed", shop, err: error }, "survey answer failed");
    return cors(problem(500, "server", "could not store the answer"));
  }
}

/** GET ?orderId=…&surveyId=…: whether this order already answered (the order-status page asks nothing again). */
export async function handleAnswerStatus(request: Request, deps: AnswerEndpointDeps): Promise<Response> {
  const auth = await authenticated(request, deps);
  if (auth instanceof Response) return auth;
  const url = new URL(request.url);
  const orderId = url.searchParams.get("orderId") ?? "";
  const surveyId = url.searchParams.get("surveyId") ?? "";
  if (!/^gid:\/\/shopify\/Order\/\d{1,20}$/.test(orderId)) return auth.cors(problem(400, "orderId", "expected gid://shopify/Order/<id>"));
  if (!surveyId || surveyId.length > 64) return auth.cors(problem(400, "surveyId", "required"));
  if (deps.clientLimiter.take(`${auth.shop}\u0000${clientAddress(request) ?? orderId}`)) {
    return auth.cors(problem(429, "rate", "too many requests from this client", { "Retry-After": "1" }));
  }
  return auth.cors(json(await responseStatus(deps.db, auth.shop, orderId, surveyId), 200));
}
