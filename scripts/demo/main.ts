// `npm run demo [-- --orders 50000 --seed 1 --port 3456]`: the offline demo. Prepares everything (see
// start-demo.ts), prints the stand-in admin's URL and serves until Ctrl-C.
import { parseArgs } from "node:util";
import { z } from "zod";
import { startDemo } from "./start";

const options = z.object({
  orders: z.coerce.number().int().min(1).max(2_000_000).default(50_000),
  seed: z.coerce.number().int().default(1),
  port: z.coerce.number().int().min(0).max(65_535).default(3456),
});

function readOptions(): z.infer<typeof options> {
  const { values } = parseArgs({ options: { orders: { type: "string" }, seed: { type: "string" }, port: { type: "string" } }, strict: true });
  const parsed = options.safeParse(values);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  console.error(`demo: --${issue.path.join(".")}: ${issue.message}`);
  process.exit(2);
}

// A closed terminal or pipe must not crash the demo mid-way and leave its app server behind.
process.stdout.on("error", () => undefined);

async function main() {
  const { orders, seed, port } = readOptions();
  const log = (line: string) => console.log(line);
  log(`Tsuzuku offline demo: ${orders.toLocaleString("en-US")} orders, seed ${seed}`);
  const demo = await startDemo({ orders, seed, port, log });
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log("\nstopping the demo…");
      void demo.stop().then(() => process.exit(0));
    });
  }
  log("");
  log(`Open ${demo.frameUrl} — Tsuzuku inside a stand-in Shopify admin (English; switch to 日本語 at the top right).`);
  log(`The shop is emulated and its data generated; nothing here talks to Shopify. Ctrl-C stops the demo.`);
}

main().catch((error: unknown) => {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
