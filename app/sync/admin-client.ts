// The throttle-aware Admin GraphQL client every sync job uses. It paces itself from the cost Shopify
// reports (extensions.cost.throttleStatus: a leaky bucket per app and shop), retries THROTTLED answers
// once the bucket has refilled enough, retries 5xx / 429 / network failures with exponential backoff and
// full jitter, and gives up with an AdminApiError that the caller records on the sync run.
// https://shopify.dev/docs/api/usage/limits#graphql-admin-api-rate-limits
//
// The transport is the only I/O: the app passes the Shopify library's admin client (token refresh
// included), tests may pass a plain fetch to the emulator. Pure otherwise, so the pacing is testable.

export interface GraphQLBody {
  data?: unknown;
  errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown[] }>;
  extensions?: { cost?: QueryCost };
}

export interface QueryCost {
  requestedQueryCost?: number;
  actualQueryCost?: number | null;
  throttleStatus?: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
}

/** Sends one GraphQL request. Resolves with the body for any 200 (GraphQL errors included). */
export type AdminTransport = (query: string, variables?: Record<string, unknown>) => Promise<GraphQLBody>;

/** An HTTP failure the transport saw: 5xx and 429 are retried, other statuses are not. */
export class AdminHttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = "AdminHttpError";
  }
}

/** The client gave up, or Shopify refused the request; `message` is what the merchant's status shows. */
export class AdminApiError extends Error {
  constructor(message: string, readonly code: string, readonly retryable: boolean) {
    super(message);
    this.name = "AdminApiError";
  }
}

export interface AdminClientOptions {
  transport: AdminTransport;
  /** Runs allowed per request, the first included (default 8). */
  maxAttempts?: number;
  /** First backoff for HTTP / network failures (default 1 s), doubled per attempt, capped at 60 s. */
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
  /** Called before each wait, for logs and tests. */
  onWait?: (wait: { reason: "throttled" | "pacing" | "retry"; ms: number; attempt: number }) => void;
}

const MAX_BACKOFF_MS = 60_000;

export interface AdminClient {
  /** `data` of a successful request; throws AdminApiError on GraphQL errors or when retries run out. */
  request<Data>(query: string, variables?: Record<string, unknown>, options?: { expectedCost?: number }): Promise<Data>;
  /** The bucket as last reported (estimated forward to now), or null before the first answer. */
  bucket(): { available: number; maximum: number; restoreRate: number } | null;
}

export function createAdminClient(options: AdminClientOptions): AdminClient {
  const maxAttempts = options.maxAttempts ?? 8;
  const baseDelayMs = options.baseDelayMs ?? 1_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  let reported: { available: number; maximum: number; restoreRate: number; at: number } | null = null;
  // The cost each document last really used: the next call's estimate for pacing.
  const lastCost = new Map<string, number>();

  const bucket = () => {
    if (!reported) return null;
    const elapsed = Math.max(0, now() - reported.at) / 1000;
    return {
      available: Math.min(reported.maximum, reported.available + elapsed * reported.restoreRate),
      maximum: reported.maximum,
      restoreRate: reported.restoreRate,
    };
  };

  const msUntilAvailable = (cost: number): number => {
    const current = bucket();
    if (!current || cost <= current.available) return 0;
    const needed = Math.min(cost, current.maximum) - current.available;
    return Math.ceil((needed / current.restoreRate) * 1000);
  };

  const wait = async (reason: "throttled" | "pacing" | "retry", ms: number, attempt: number) => {
    if (ms <= 0) return;
    options.onWait?.({ reason, ms, attempt });
    await sleep(ms);
  };

  async function request<Data>(query: string, variables?: Record<string, unknown>, requestOptions?: { expectedCost?: number }): Promise<Data> {
    let lastProblem = "";
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const expected = requestOptions?.expectedCost ?? lastCost.get(query) ?? 0;
      await wait("pacing", msUntilAvailable(expected), attempt);
      let body: GraphQLBody;
      try {
        body = await options.transport(query, variables);
      } catch (error) {
        if (!isRetryableTransportError(error)) throw asAdminApiError(error);
        lastProblem = describe(error);
        await wait("retry", backoff(attempt), attempt);
        continue;
      }
      const cost = body.extensions?.cost;
      if (cost?.throttleStatus) {
        const status = cost.throttleStatus;
        reported = { available: status.currentlyAvailable, maximum: status.maximumAvailable, restoreRate: status.restoreRate, at: now() };
      }
      const throttled = body.errors?.some((error) => error.extensions?.code === "THROTTLED");
      if (throttled) {
        const requested = cost?.requestedQueryCost ?? expected;
        lastCost.set(query, requested);
        lastProblem = "Shopify answered THROTTLED";
        // Wait for the bucket to hold the request, plus a little jitter so parallel workers spread out.
        await wait("throttled", Math.max(msUntilAvailable(requested), 1_000) + Math.floor(random() * 500), attempt);
        continue;
      }
      if (body.errors?.length) {
        const first = body.errors[0];
        const code = String(first.extensions?.code ?? "GRAPHQL_ERROR");
        throw new AdminApiError(`Shopify Admin API: ${first.message}${code !== "GRAPHQL_ERROR" ? ` (${code})` : ""}`, code, false);
      }
      if (cost?.actualQueryCost != null) lastCost.set(query, cost.actualQueryCost);
      return body.data as Data;
    }
    throw new AdminApiError(`Shopify Admin API: gave up after ${maxAttempts} attempts (${lastProblem})`, "RETRIES_EXHAUSTED", true);
  }

  // Full jitter (AWS architecture blog, "Exponential Backoff And Jitter"): uniform in [0, cap].
  const backoff = (attempt: number) => Math.floor(random() * Math.min(MAX_BACKOFF_MS, baseDelayMs * 2 ** (attempt - 1))) + 1;

  return { request, bucket };
}

function isRetryableTransportError(error: unknown): boolean {
  if (error instanceof AdminHttpError) return error.status >= 500 || error.status === 429;
  if (error instanceof AdminApiError) return error.retryable;
  // fetch's network failures (connection refused, reset) arrive as TypeError.
  return error instanceof TypeError;
}

function asAdminApiError(error: unknown): AdminApiError {
  if (error instanceof AdminApiError) return error;
  if (error instanceof AdminHttpError) return new AdminApiError(`Shopify Admin API: HTTP ${error.status} ${error.message}`, `HTTP_${error.status}`, false);
  return new AdminApiError(`Shopify Admin API: ${describe(error)}`, "TRANSPORT", false);
}

function describe(error: unknown): string {
  if (error instanceof AdminHttpError) return `HTTP ${error.status}`;
  return error instanceof Error ? error.message : String(error);
}
