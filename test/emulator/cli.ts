// npx tsx test/emulator/cli.ts --orders 100000 --seed 1 [--port 4321] [--currency JPY]
//   [--timezone Asia/Tokyo] [--domain tsuzuku-demo.myshopify.com] [--app-url http://localhost:3000]
//   [--api-key … --api-secret …]
//   webhook faults: [--duplicate-rate 0.1] [--drop-rate 0.01] [--reorder-window 5] [--max-delay-ms 30000]
//   [--time-scale 60] (emulated ms per real ms for delays and Shopify's four-hour retry schedule)
// Generates a shop, serves it on loopback and prints how to point the app at it. A test tool for demos.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parse } from "smol-toml";
import { z } from "zod";
import { APP_CONFIG_PATH, startShopifyEmulator } from "./emulator";
import { generateShop } from "./generator";
import { MutableShopStore } from "./store/shop-store";

const options = z.object({
  orders: z.coerce.number().int().min(0),
  seed: z.coerce.number().int(),
  port: z.coerce.number().int().min(0).max(65_535).default(4321),
  currency: z.string().default("JPY"),
  timezone: z.string().default("Asia/Tokyo"),
  domain: z.string().default("tsuzuku-demo.myshopify.com"),
  "app-url": z.string().url().default("http://localhost:3000"),
  "api-key": z.string().min(1).default("tsuzuku-local"),
  "api-secret": z.string().min(1).optional(),
  "duplicate-rate": z.coerce.number().min(0).max(1).default(0),
  "drop-rate": z.coerce.number().min(0).max(1).default(0),
  "reorder-window": z.coerce.number().int().min(0).default(0),
  "max-delay-ms": z.coerce.number().min(0).default(0),
  "time-scale": z.coerce.number().positive().default(1),
});

function readOptions(): z.infer<typeof options> {
  const { values } = parseArgs({
    options: Object.fromEntries(Object.keys(options.shape).map((name) => [name, { type: "string" as const }])),
    strict: true,
  });
  const parsed = options.safeParse(values);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  console.error(`emulator: --${issue.path.join(".")}: ${issue.message}`);
  process.exit(2);
}

async function main() {
  const o = readOptions();
  const scopes = (parse(readFileSync(APP_CONFIG_PATH, "utf8")) as { access_scopes: { scopes: string } }).access_scopes.scopes;
  const apiSecret = o["api-secret"] ?? randomBytes(24).toString("hex");
  const source = generateShop({ orders: o.orders, seed: o.seed, currency: o.currency, timezone: o.timezone, domain: o.domain });
  const store = new MutableShopStore(source);
  const emulator = await startShopifyEmulator({
    shops: [store],
    app: { apiKey: o["api-key"], apiSecret, scopes: scopes.split(",").map((s) => s.trim()), url: o["app-url"] },
    port: o.port,
    webhooks: {
      timeScale: o["time-scale"],
      seed: o.seed,
      faults: { duplicateRate: o["duplicate-rate"], dropRate: o["drop-rate"], reorderWindow: o["reorder-window"], delayMs: { min: 0, max: o["max-delay-ms"] } },
    },
  });
  const shop = store.shop;
  console.log(
    [
      `Shopify emulator serving ${shop.domain} (${shop.name}, ${store.orderCount()} orders, ${shop.currencyCode}, ${shop.ianaTimezone})`,
      `  Admin API:  ${emulator.shopUrl(shop.domain)}/admin/api/2026-07/graphql.json`,
      `  Webhooks:   to ${o["app-url"]} (subscriptions of shopify.app.toml)`,
      ``,
      `Point the app at it (the emulator checks this client id and secret):`,
      `  SHOPIFY_API_KEY=${o["api-key"]} SHOPIFY_API_SECRET=${apiSecret} SHOPIFY_APP_URL=${o["app-url"]} \\`,
      `  SHOPIFY_ADMIN_EMULATOR_URL=${emulator.url} TSUZUKU_DEMO_MODE=1 npm run main`,
      `Then open the app with a session token for ${shop.domain}: the first request exchanges it here.`,
    ].join("\n"),
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => void emulator.close().then(() => process.exit(0)));
  }
}

main().catch((error: unknown) => {
  console.error(`emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
