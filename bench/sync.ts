// `npm run bench:sync`: the real backfill of a generated 1,000,000-order shop from the Admin API emulator
// into SQLite and into PostgreSQL.
//   npx tsx bench/sync.ts [--orders 1000000] [--seed 1] [--databases sqlite,postgres]
// The emulator runs in its own process (as Shopify would be), so this process's peak RSS is the sync's
// alone. PostgreSQL: TEST_POSTGRES_URL if set, else a throwaway server from Debian's package.
// Each database is measured in a process of its own, started with the app's node flags
// (scripts/node-flags.ts). Prints, per database: Shopify-side export time, the app's download + write
// time and its steps (with the CPU each thread and process spent in them), orders/s over the app's part
// and over the whole backfill, and peak RSS.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { createDb, prepareDb } from "../app/db.server";
import { APP_NODE_FLAGS } from "../scripts/node-flags";
import { migrateDatabase } from "../scripts/prisma-cli";
import { createAdminClient } from "../app/sync/admin-client";
import { runBackfill } from "../app/sync/backfill/backfill";
import { fetchTransport } from "../app/sync/fetch-transport";
import { openSqlWriter } from "../app/sync/write/statements";
import { postgresCpuMs, processCpuMs, threadCpuMs } from "./cpu-time";
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";

const { values } = parseArgs({
  options: {
    orders: { type: "string", default: "1000000" },
    seed: { type: "string", default: "1" },
    databases: { type: "string", default: "sqlite,postgres" },
    // Internal: the measuring process, started by this script with the app's node flags.
    "in-process": { type: "boolean", default: false },
  },
});
const API_KEY = "bench-client";
const API_SECRET = "bench-secret-0123456789abcdef";
const SHOP = "tsuzuku-demo.myshopify.com";
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function startEmulator(): Promise<{ url: string; pid: number; stop: () => void }> {
  const child = spawn(process.execPath, ["--import", "tsx", "test/emulator/cli.ts", "--orders", values.orders!, "--seed", values.seed!, "--port", "0", "--api-key", API_KEY, "--api-secret", API_SECRET], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /SHOPIFY_ADMIN_EMULATOR_URL=(\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.on("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  return { url, pid: child.pid!, stop: () => child.kill("SIGTERM") };
}

/** An App Bridge session token for the shop, signed with the bench app's secret. */
function sessionToken(): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ dest: `https://${SHOP}`, sid: randomUUID() })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(`https://${SHOP}/admin`).setAudience(API_KEY).setSubject("1")
    .setIssuedAt(now).setNotBefore(now).setExpirationTime(now + 60).setJti(randomUUID())
    .sign(new TextEncoder().encode(API_SECRET));
}

async function accessToken(emulatorUrl: string): Promise<string> {
  const response = await fetch(`${emulatorUrl}/shops/${SHOP}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({
      client_id: API_KEY, client_secret: API_SECRET,
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token: await sessionToken(),
      subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
      requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
    }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`token exchange failed: ${JSON.stringify(body)}`);
  return body.access_token;
}

async function databaseFor(kind: string, dir: string): Promise<{ url: string; cleanup: () => Promise<void> }> {
  if (kind === "sqlite") return { url: `file:${path.join(dir, "bench.db")}`, cleanup: async () => {} };
  let adminUrl = process.env.TEST_POSTGRES_URL;
  let pgDir: string | null = null;
  if (!adminUrl) {
    pgDir = mkdtempSync(path.join(tmpdir(), "tsuzuku-bench-pg-"));
    adminUrl = execFileSync("bash", ["scripts/postgres-throwaway.sh", "start", pgDir, "54339"], { encoding: "utf8" }).trim();
  }
  const name = `tsuzuku_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    cleanup: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
      if (pgDir) execFileSync("bash", ["scripts/postgres-throwaway.sh", "stop", pgDir]);
    },
  };
}

const kinds = values.databases!.split(",");
if (!values["in-process"]) {
  // One process per database, run as the app's job-running processes are (APP_NODE_FLAGS): peak RSS is
  // a process's figure, and the second database's run would otherwise carry the first one's peak and
  // its leftover heap.
  for (const kind of kinds) {
    const args = [...APP_NODE_FLAGS, "--import", "tsx", fileURLToPath(import.meta.url), "--orders", values.orders!, "--seed", values.seed!, "--databases", kind, "--in-process"];
    const child = spawn(process.execPath, args, { stdio: "inherit" });
    const [code] = (await once(child, "exit")) as [number | null];
    if (code !== 0) process.exit(code ?? 1);
  }
  process.exit(0);
}

const emulator = await startEmulator();
const dir = mkdtempSync(path.join(tmpdir(), "tsuzuku-bench-sync-"));
try {
  const token = await accessToken(emulator.url);
  console.log(`bench:sync — ${fmt(Number(values.orders))} orders (seed ${values.seed}), emulator at ${emulator.url}`);
  for (const kind of kinds) {
    const { url, cleanup } = await databaseFor(kind, dir);
    try {
      migrateDatabase(url);
      const db = createDb(url);
      await prepareDb(db, url);
      await db.shop.create({ data: { shop: SHOP, currencyCode: "JPY", ianaTimezone: "Asia/Tokyo" } });
      const client = createAdminClient({ transport: fetchTransport(`${emulator.url}/shops/${SHOP}/admin/api/2026-07/graphql.json`, token) });
      const threadsBeforeWriter = new Set(threadCpuMs().keys());
      const writer = openSqlWriter(url);
      const threadsBeforeRun = new Set(threadCpuMs().keys());
      // CPU seconds per step: this process's main thread, the threads the writer started (SQLite's),
      // the threads the run started (the line thread, line-thread.ts), its other threads (V8's,
      // libuv's), the emulator's process and PostgreSQL's processes.
      const cpuSample = () => {
        const threads = threadCpuMs();
        return { threads, emulator: processCpuMs(emulator.pid), postgres: kind === "postgres" ? postgresCpuMs() : 0 };
      };
      let cpuAt = cpuSample();
      const cpuSteps: string[] = [];
      const cpuStep = (step: string) => {
        const now = cpuSample();
        const spent = { main: 0, writer: 0, run: 0, other: 0 };
        for (const [tid, ms] of now.threads) {
          const delta = ms - (cpuAt.threads.get(tid) ?? 0);
          if (tid === process.pid) spent.main += delta;
          else if (threadsBeforeWriter.has(tid)) spent.other += delta;
          else if (threadsBeforeRun.has(tid)) spent.writer += delta;
          else spent.run += delta;
        }
        const s = (ms: number) => fmt(ms / 1000, 1);
        cpuSteps.push(`${step} ${s(spent.main)} · ${s(spent.writer)} · ${s(spent.run)} · ${s(spent.other)} · ${s(now.emulator - cpuAt.emulator)} · ${s(now.postgres - cpuAt.postgres)}`);
        cpuAt = now;
      };
      let exportSeconds = 0;
      const started = performance.now();
      // What the memory is at its highest sample (every 250 ms): V8's heap, or native (SQLite, buffers).
      let highest = process.memoryUsage();
      let mainHeap = 0;
      const sampler = setInterval(() => {
        threadCpuMs(); // keeps each thread's last figure, for threads that end before the step does
        const now = process.memoryUsage();
        if (now.rss > highest.rss) highest = now;
        if (now.heapTotal > mainHeap) mainHeap = now.heapTotal;
      }, 250);
      const steps: string[] = [];
      let stepStarted = 0;
      const onStep = (step: string) => {
        const at = performance.now();
        steps.push(`${step} ${fmt((at - (stepStarted || started + exportSeconds * 1000)) / 1000, 1)} s (peak RSS ${fmt(process.resourceUsage().maxRSS / 1024)} MB)`);
        stepStarted = at;
        cpuStep(step);
      };
      const result = await runBackfill({
        db, writer, client, shop: SHOP, resource: "orders", onStep,
        poll: {
          intervalMs: 250, maxIntervalMs: 1_000,
          onProgress: (op) => {
            if (op.status !== "COMPLETED") return;
            exportSeconds = (performance.now() - started) / 1000;
            cpuAt = cpuSample();
          },
        },
      });
      clearInterval(sampler);
      const totalSeconds = (performance.now() - started) / 1000;
      const appSeconds = totalSeconds - exportSeconds;
      const stored = await db.order.count({ where: { shop: SHOP } });
      const lines = await db.orderLine.count({ where: { shop: SHOP } });
      await db.$disconnect();
      await writer.close();
      if (stored !== result.written || stored !== Number(values.orders)) throw new Error(`stored ${stored} orders, wrote ${result.written}`);
      console.log(
        `${kind.padEnd(8)} export (Shopify side) ${fmt(exportSeconds, 1)} s · download + write ${fmt(appSeconds, 1)} s → ` +
          `${fmt(stored / appSeconds)} orders/s (app side), ${fmt(stored / totalSeconds)} orders/s end to end · ` +
          `${fmt(stored)} orders, ${fmt(lines)} lines · peak RSS so far ${fmt(process.resourceUsage().maxRSS / 1024)} MB`,
      );
      console.log(`         app-side steps: ${steps.join(" · ")}`);
      console.log(`         CPU s per step (main thread · writer thread · line thread · other threads · emulator · PostgreSQL): ${cpuSteps.join(" | ")}`);
      const mb = (bytes: number) => `${fmt(bytes / 1048576)} MB`;
      console.log(`         highest RSS sample ${mb(highest.rss)}: V8 heap ${mb(highest.heapTotal)} (${mb(highest.heapUsed)} used), outside it ${mb(highest.rss - highest.heapTotal)} (external ${mb(highest.external)}, array buffers ${mb(highest.arrayBuffers)}); this thread's V8 heap at most ${mb(mainHeap)}`);
    } finally {
      await cleanup();
    }
  }
} finally {
  emulator.stop();
  rmSync(dir, { recursive: true, force: true });
}
