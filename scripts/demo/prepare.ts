// Before the demo starts: a freshly migrated database (the committed migrations, applied by the Prisma
// CLI as `npm run setup` does) and a build of the app's current sources.
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { databaseKind } from "../../app/db/database-url";
import { migrateDatabase, sqliteFile } from "../prisma-cli";
import { ROOT } from "../prisma-schemas";

/**
 * SQLite: the file is deleted and migrated afresh, because the emulator's shop and its access tokens
 * live only as long as one demo run. PostgreSQL: migrated; it must not hold the demo shop already.
 */
export function freshDatabase(databaseUrl: string): void {
  if (databaseKind(databaseUrl) === "sqlite") {
    const file = sqliteFile(databaseUrl);
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  }
  migrateDatabase(databaseUrl);
}

const SOURCES = ["app", "public", "vite.config.ts", "tsconfig.json", "package-lock.json"];
const BUILDS = path.join(ROOT, ".cache/demo-build");
/** Builds of older sources are removed once this old (a demo still serving one keeps its server code in memory, not its assets). */
const KEEP_OLD_BUILDS_MS = 24 * 60 * 60_000;

function hashSources(hash: ReturnType<typeof createHash>, target: string): void {
  if (!existsSync(target)) return;
  if (statSync(target).isDirectory()) {
    for (const entry of readdirSync(target).sort()) hashSources(hash, path.join(target, entry));
    return;
  }
  hash.update(path.relative(ROOT, target)).update("\0").update(readFileSync(target)).update("\0");
}

/**
 * The app built from its current sources, in `.cache/demo-build/<hash of the sources>/`: reused while the
 * sources are unchanged, and never rebuilt under a running demo (build/ belongs to `npm run build`, and
 * other demos, tests and benchmarks may be serving from theirs). Returns the server build's path.
 */
export async function demoBuild(log: (line: string) => void): Promise<string> {
  const hash = createHash("sha256");
  for (const source of SOURCES) hashSources(hash, path.join(ROOT, source));
  const dir = path.join(BUILDS, hash.digest("hex").slice(0, 16));
  const serverBuild = path.join(dir, "server/index.js");
  const complete = path.join(dir, ".complete");
  const lock = `${dir}.lock`;
  mkdirSync(BUILDS, { recursive: true });
  for (;;) {
    if (existsSync(complete)) return serverBuild;
    let lockFd: number;
    try {
      lockFd = openSync(lock, "wx");
    } catch {
      // Another process is building the same sources; a lock older than 5 minutes was left by a dead one.
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 5 * 60_000) rmSync(lock, { force: true });
      await sleep(500);
      continue;
    }
    try {
      log(`building the app (remix vite:build into ${path.relative(ROOT, dir)})…`);
      rmSync(dir, { recursive: true, force: true });
      const result = spawnSync(path.join(ROOT, "node_modules/.bin/remix"), ["vite:build"], {
        cwd: ROOT,
        env: { ...process.env, TSUZUKU_BUILD_DIR: path.relative(ROOT, dir) },
        encoding: "utf8",
      });
      if (result.status !== 0) throw new Error(`remix vite:build failed (exit ${result.status}):\n${`${result.stdout}${result.stderr}`.trim()}`);
      writeFileSync(complete, new Date().toISOString());
    } finally {
      closeSync(lockFd);
      rmSync(lock, { force: true });
    }
    for (const old of readdirSync(BUILDS)) {
      const oldDir = path.join(BUILDS, old);
      if (oldDir !== dir && !old.endsWith(".lock") && Date.now() - statSync(oldDir).mtimeMs > KEEP_OLD_BUILDS_MS) rmSync(oldDir, { recursive: true, force: true });
    }
    return serverBuild;
  }
}
