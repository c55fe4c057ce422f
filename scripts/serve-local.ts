// `npm run main` (after setup and build): serves the built app on localhost with local development
// credentials. Real credentials, when set in the environment, win. Nothing here is used in production.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { remixServeCommand } from "./node-flags";
import { ROOT } from "./prisma-schemas";

const port = process.env.PORT ?? "3000";
const toml = parse(readFileSync(path.join(ROOT, "shopify.app.toml"), "utf8")) as { access_scopes: { scopes: string } };
const env: NodeJS.ProcessEnv = {
  SHOPIFY_API_KEY: "tsuzuku-local",
  SHOPIFY_API_SECRET: randomBytes(24).toString("hex"),
  SHOPIFY_APP_URL: `http://localhost:${port}`,
  SCOPES: toml.access_scopes.scopes,
  ...process.env,
  PORT: port,
  NODE_ENV: "production" as const,
  // One process: the web server also runs the sync and metrics jobs (SQLite's queue is in-process).
  TSUZUKU_WORK_JOBS: process.env.TSUZUKU_WORK_JOBS ?? "1",
};

console.log(`Tsuzuku is serving on http://localhost:${port} (database ${env.DATABASE_URL ?? "file:./prisma/tsuzuku.db"})`);
const serve = remixServeCommand("./build/server/index.js");
const server = spawn(serve.command, serve.args, {
  cwd: ROOT,
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
