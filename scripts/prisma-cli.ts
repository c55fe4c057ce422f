// Runs the Prisma CLI for one database kind. The CLI reads prisma.config.ts, which picks the schema,
// migrations folder and driver adapter from DATABASE_URL.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ROOT } from "./prisma-schemas";

const PRISMA_BIN = path.join(ROOT, "node_modules/.bin/prisma");

/** Generating a client never connects; this URL only tells prisma.config.ts which schema to use. */
export const POSTGRES_URL_FOR_GENERATE = "postgres://generate-only@127.0.0.1:1/none";

export function runPrisma(args: string[], databaseUrl: string, opts: { quiet?: boolean } = {}): string {
  const result = spawnSync(PRISMA_BIN, args, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  if (result.status !== 0) {
    throw new Error(`prisma ${args.join(" ")} failed (exit ${result.status}):\n${output.trim()}`);
  }
  if (!opts.quiet) process.stdout.write(output);
  return output;
}

export function generateClients(quiet = false): void {
  runPrisma(["generate"], "file:./prisma/generate-only.db", { quiet });
  runPrisma(["generate"], POSTGRES_URL_FOR_GENERATE, { quiet });
}
