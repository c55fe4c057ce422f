// Benchmark of the survey answer endpoint on SQLite over loopback:
//   npm run bench:survey            (npx tsx bench/survey-answers.ts --seconds 10 --connections 16)
// A child process serves the real route module (app/routes/api.survey-answers.tsx: the library's
// authenticate.public.checkout, zod, rate limits, storage) behind node:http; this process signs checkout
// session tokens as Shopify does (HS256, app secret) and keeps `connections` keep-alive requests in
// flight, each answering for a new order (a new response and answer row: the write-heavy case), spread
// over 10 shops with the default per-shop limits. Prints throughput, p50/p99 latency and errors.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { parseArgs } from "node:util";
import { SignJWT } from "jose";

const API_KEY = "tsuzuku-bench-client-id";
const API_SECRET = "tsuzuku-bench-client-secret-0123456789abcdef";
const SHOPS = Array.from({ length: 10 }, (_, i) => `bench-${i}.myshopify.com`);

const { values } = parseArgs({
  options: {
    serve: { type: "string" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "16" },
  },
});

function appEnv(databaseUrl: string) {
  return {
    ...process.env,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    SHOPIFY_API_KEY: API_KEY,
    SHOPIFY_API_SECRET: API_SECRET,
    SHOPIFY_APP_URL: "https://tsuzuku.bench",
    SCOPES: "read_orders",
    DATABASE_URL: databaseUrl,
  };
}

async function serve(databaseUrl: string) {
  Object.assign(process.env, appEnv(databaseUrl));
  const { default: db, prepareDb } = await import("../app/db.server");
  await prepareDb(db, databaseUrl);
  const { action } = await import("../app/routes/api.survey-answers");
  const server = http.createServer(async (req, res) => {
    const request = new Request(`https://tsuzuku.bench${req.url}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: req.method === "GET" || req.method === "HEAD" ? undefined : (Readable.toWeb(req) as ReadableStream),
      duplex: "half",
    } as RequestInit);
    let response: Response;
    try {
      response = await action({ request, params: {}, context: {} });
    } catch (thrown) {
      response = thrown instanceof Response ? thrown : new Response("error", { status: 500 });
    }
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => console.log(`PORT ${(server.address() as { port: number }).port}`));
}

async function seed(databaseUrl: string): Promise<Map<string, string>> {
  Object.assign(process.env, appEnv(databaseUrl));
  const { createDb } = await import("../app/db.server");
  const { createSurvey, setSurveyStatus } = await import("../app/surveys/store.server");
  const { template } = await import("../app/surveys/templates");
  const db = createDb(databaseUrl);
  const surveys = new Map<string, string>();
  for (const shop of SHOPS) {
    await db.shop.create({ data: { shop } });
    const survey = await createSurvey(db, shop, template("heard_from"));
    await setSurveyStatus(db, shop, survey.id, "active");
    surveys.set(shop, survey.id);
  }
  await db.$disconnect();
  return surveys;
}

const checkoutToken = (shop: string) =>
  new SignJWT({ dest: shop })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setAudience(API_KEY)
    .setIssuedAt()
    .setNotBefore(Math.floor(Date.now() / 1000) - 5)
    .setExpirationTime("10m")
    .sign(new TextEncoder().encode(API_SECRET));

function percentile(sorted: Float64Array, p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "tsuzuku-bench-survey-"));
  const databaseUrl = `file:${path.join(dir, "bench.db")}`;
  const { migrateDatabase } = await import("../scripts/prisma-cli");
  migrateDatabase(databaseUrl);
  const surveys = await seed(databaseUrl);
  const tokens = new Map(await Promise.all(SHOPS.map(async (shop) => [shop, await checkoutToken(shop)] as const)));

  const child = spawn(process.execPath, ["--import", "tsx", "bench/survey-answers.ts", "--serve", databaseUrl], { stdio: ["ignore", "pipe", "inherit"], env: appEnv(databaseUrl) as NodeJS.ProcessEnv });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      const match = /PORT (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });

  const agent = new http.Agent({ keepAlive: true, maxSockets: Number(values.connections) });
  const channels = ["instagram", "x", "facebook", "line", "tiktok", "youtube", "influencer", "friend", "search", "ad"];
  let orderNumber = 0;
  function answerOnce(): Promise<number> {
    orderNumber += 1;
    const n = orderNumber;
    const shop = SHOPS[n % SHOPS.length];
    const body = JSON.stringify({
      surveyId: surveys.get(shop),
      surveyVersion: 1,
      orderId: `gid://shopify/Order/${n}`,
      placement: "thank-you",
      locale: "ja",
      answers: [{ questionKey: "heard_from", optionIds: [channels[n % channels.length]] }],
    });
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          agent,
          host: "127.0.0.1",
          port,
          path: "/api/survey-answers",
          method: "POST",
          headers: {
            Authorization: `Bearer ${tokens.get(shop)}`,
            "Content-Type": "application/json",
            "Content-Length": Buffer.byteLength(body),
            Origin: "https://extensions.shopifycdn.com",
            "X-Forwarded-For": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
          },
        },
        (response) => {
          response.resume();
          response.on("end", () => resolve(response.statusCode ?? 0));
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  }

  async function run(seconds: number) {
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const deadline = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: Number(values.connections) }, async () => {
        while (performance.now() < deadline) {
          const t0 = performance.now();
          const status = await answerOnce().catch(() => -1);
          latencies.push(performance.now() - t0);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      }),
    );
    return { latencies, statuses, elapsedS: (performance.now() - started) / 1000 };
  }

  await run(2); // warm-up: JIT, prepared statements, survey cache
  const { latencies, statuses, elapsedS } = await run(Number(values.seconds));
  const sorted = Float64Array.from(latencies).sort();
  const ok = statuses.get(200) ?? 0;
  const errors = latencies.length - ok;
  console.log(`survey answers on SQLite over loopback: ${values.connections} connections, ${values.seconds} s, ${SHOPS.length} shops, one new order per answer`);
  console.log(`  answers stored   ${ok.toLocaleString("en-US")}  (${(ok / elapsedS).toFixed(0)} answers/s)`);
  console.log(`  latency          p50 ${percentile(sorted, 50).toFixed(1)} ms   p99 ${percentile(sorted, 99).toFixed(1)} ms   max ${sorted[sorted.length - 1].toFixed(1)} ms`);
  console.log(`  errors           ${errors}${errors ? `  (${[...statuses].filter(([s]) => s !== 200).map(([s, c]) => `${s}: ${c}`).join(", ")})` : ""}`);
  agent.destroy();
  child.kill();
  rmSync(dir, { recursive: true, force: true });
}

if (values.serve) await serve(values.serve);
else await main();
