// Before the demo starts: a freshly migrated database (the committed migrations, applied by the Prisma
// CLI as `npm run setup` does) and a build of the app that is not older than its sources.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { databaseKind } from "../../app/db/database-url";
import { runPrisma } from "../prisma-cli";
import { ROOT } from "../prisma-schemas";

/** The SQLite file of a `file:` URL, relative paths taken from the repository root (as the app's cwd). */
export function sqliteFile(databaseUrl: string): string {
  return path.resolve(ROOT, databaseUrl.replace(/^file:/, "").replace(/\?.*$/, ""));
}

/**
 * SQLite: the file is deleted and migrated afresh, because the emulator's shop and its access tokens
 * live only as long as one demo run. PostgreSQL: migrated; it must not hold the demo shop already.
 */
export function freshDatabase(databaseUrl: string): void {
  if (databaseKind(databaseUrl) === "sqlite") {
    const file = sqliteFile(databaseUrl);
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  }
  runPrisma(["migrate", "deploy"], databaseUrl, { quiet: true });
}

const SOURCES = ["app", "public", "vite.config.ts", "package.json", "package-lock.json", "tsconfig.json"];
export const SERVER_BUILD = path.join(ROOT, "build/server/index.js");

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Whether build/ is missing or older than any source file it is built from. */
export function buildIsStale(): boolean {
  if (!existsSync(SERVER_BUILD)) return true;
  const built = statSync(SERVER_BUILD).mtimeMs;
  return SOURCES.some((source) => newestMtime(path.join(ROOT, source)) > built);
}

/** `remix vite:build` (what `npm run build` runs), only when the build is missing or stale. */
export function buildIfStale(log: (line: string) => void): void {
  if (!buildIsStale()) return;
  log("building the app (remix vite:build)…");
  const result = spawnSync(path.join(ROOT, "node_modules/.bin/remix"), ["vite:build"], { cwd: ROOT, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`remix vite:build failed (exit ${result.status}):\n${`${result.stdout}${result.stderr}`.trim()}`);
}
