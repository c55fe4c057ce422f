// How Tsuzuku's own processes that run jobs (the app server, which runs them on SQLite, and `npm run
// worker`) are started: `node` with APP_NODE_FLAGS. package.json's `start` and `worker` scripts carry the
// same flags (test/app/node-flags.test.ts holds them equal).
//
// --initial-heap-size: V8 sizes the old generation's limit from the live heap. A backfill's live heap
// is small (about 20 MB), so the limit stays near 40 MB, and with a young generation of 32 MB V8 starts
// incremental marking again every few batches: about 300 full collections for 300,000 orders, a third
// of the main thread's time. Starting with a 128 MB heap, there were 17 (bench:sync, 300,000 orders on
// SQLite: 13.3 s → 9.6 s for the orders pass; measured figures in the README). The flag is not allowed
// in NODE_OPTIONS, so it is given on the command line.
import { createRequire } from "node:module";

export const APP_NODE_FLAGS = ["--initial-heap-size=128"] as const;

/** The command that serves a Remix server build with remix-serve, in a node run with APP_NODE_FLAGS. */
export function remixServeCommand(serverBuild: string): { command: string; args: string[] } {
  const cli = createRequire(import.meta.url).resolve("@remix-run/serve/dist/cli.js");
  return { command: process.execPath, args: [...APP_NODE_FLAGS, cli, serverBuild] };
}
