// The real built app (remix-serve <server build>, as `npm start` and `npm run main` serve build/) in
// a child process, pointed at the emulator and at the stand-in admin. Its own logs go to a file.
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parse } from "smol-toml";
import { remixServeCommand } from "../node-flags";
import { ROOT } from "../prisma-schemas";

export interface AppServerOptions {
  /** The server build to serve (its client assets are found from it). */
  serverBuild: string;
  port: number;
  apiKey: string;
  apiSecret: string;
  databaseUrl: string;
  emulatorUrl: string;
  /** The stand-in admin frame, which also serves App Bridge's script and the admin font stylesheet. */
  adminUrl: string;
  logFile: string;
}

export interface AppServer {
  url: string;
  /** Rejects if the process exits before stop() is called. */
  exited: Promise<never>;
  stop(): Promise<void>;
}

/** A free loopback port, from the operating system. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export function configuredScopes(): string {
  return (parse(readFileSync(path.join(ROOT, "shopify.app.toml"), "utf8")) as { access_scopes: { scopes: string } }).access_scopes.scopes;
}

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const url = `http://localhost:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(options.port),
    SHOPIFY_API_KEY: options.apiKey,
    SHOPIFY_API_SECRET: options.apiSecret,
    SHOPIFY_APP_URL: url,
    SCOPES: configuredScopes(),
    DATABASE_URL: options.databaseUrl,
    TSUZUKU_DEMO_MODE: "1",
    SHOPIFY_ADMIN_EMULATOR_URL: options.emulatorUrl,
    TSUZUKU_DEMO_ADMIN_URL: options.adminUrl,
    // One process: the web server runs the backfill and metrics jobs (SQLite's queue is in-process).
    TSUZUKU_WORK_JOBS: "1",
    // Bulk exports download under the temp dir, named by shop and operation id; every demo's emulated shop
    // has the same ones, so each app server gets its own (two demos at once would share files otherwise).
    TMPDIR: mkdtempSync(path.join(tmpdir(), "tsuzuku-demo-app-")),
    TSUZUKU_JOB_POLL_MS: "500", // pg-boss allows no less
    // Thousands of generated shoppers answer within seconds; a real shop's answers trickle in.
    SURVEY_SHOP_BURST: "100000",
    SURVEY_SHOP_PER_SECOND: "100000",
  };
  const log = createWriteStream(options.logFile, { flags: "a" });
  const serve = remixServeCommand(path.relative(ROOT, options.serverBuild));
  const child: ChildProcess = spawn(serve.command, serve.args, {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  // If this process ends without stop() (a crash, process.exit), the server must not outlive it.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  let stopping = false;
  const exited = new Promise<never>((_resolve, reject) => {
    child.once("exit", (code, signal) => {
      if (!stopping) reject(new Error(`the app server stopped (${signal ?? `exit ${code}`}); its log: ${options.logFile}\n${tail(options.logFile)}`));
    });
  });
  exited.catch(() => undefined); // observed by whoever awaits it

  const stop = async () => {
    stopping = true;
    process.off("exit", killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      // remix-serve closes its listener on SIGTERM, but the job runner's timers keep the process alive;
      // jobs are durable, so a process killed mid-job loses nothing.
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const exited = await Promise.race([gone.then(() => true), sleep(2_000).then(() => false)]);
      if (!exited) {
        child.kill("SIGKILL");
        await gone;
      }
    }
    log.end();
  };
  try {
    await Promise.race([waitUntilServing(url), exited]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, exited, stop };
}

async function waitUntilServing(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await fetch(`${url}/auth/login`, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`the app did not answer on ${url} within a minute`);
      await sleep(100);
    }
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-20).join("\n");
  } catch {
    return "";
  }
}
