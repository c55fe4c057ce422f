// What a row costs the PostgreSQL bulk writer, without the rest of the sync: synthetic orders and
// lines (the real tables, migrations and writer), written through bulk sessions in batches as the
// backfill's, first as new rows (COPY straight into the tables), then again over themselves (stored
// rows: the session's COPY meets a conflict and it upserts through its staging tables).
//   npx tsx bench/postgres-writes.ts [--orders 200000]
// PostgreSQL: TEST_POSTGRES_URL if set, else a throwaway server from Debian's package. Prints µs per
// row: wall time, this process's CPU and the CPU of every postgres process (server-wide).
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { DEFAULT_BATCH_SIZE } from "../app/sync/backfill/line-import";
import { ORDER_LINE_TABLE, ORDER_TABLE } from "../app/sync/orders/order-rows";
import { openSqlWriter, type SqlWriter } from "../app/sync/write/statements";
import type { TableSpec } from "../app/sync/write/upsert-sql";
import { migrateDatabase } from "../scripts/prisma-cli";
import { postgresCpuMs } from "./cpu-time";

const { values } = parseArgs({
  options: {
    orders: { type: "string", default: "200000" },
  },
});
const ORDERS = Number(values.orders);
const SHOP = "bench.myshopify.com";
const BATCH = DEFAULT_BATCH_SIZE;

function orderRow(i: number, random: () => number): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const column of ORDER_TABLE.columns) {
    row[column] =
      column === "shop" ? SHOP
      : column === "id" ? `gid://shopify/Order/${5_000_000_000_000 + i}`
      : column === "customerId" ? `gid://shopify/Customer/${7_000_000_000_000 + Math.floor((random() * ORDERS) / 4)}`
      : column.endsWith("At") ? new Date(1.6e12 + i * 60_000)
      : column.endsWith("Amount") ? BigInt(Math.floor(random() * 10_000))
      : column === "test" || column === "hasSubscriptionLine" ? false
      : column === "tags" || column === "discountCodes" ? "[]"
      : column === "currencyCode" || column === "presentmentCurrencyCode" ? "JPY"
      : column === "customerOrderIndex" || column === "daysToConversion" ? 1
      : column === "name" ? `#${1000 + i}`
      : null;
  }
  return row;
}

function lineRow(i: number, k: number, random: () => number): Record<string, unknown> {
  return {
    shop: SHOP, id: `gid://shopify/LineItem/${9_000_000_000_000 + i * 2 + k}`, orderId: `gid://shopify/Order/${5_000_000_000_000 + i}`,
    productId: `gid://shopify/Product/${Math.floor(random() * 50)}`, variantId: `gid://shopify/ProductVariant/${Math.floor(random() * 200)}`,
    sku: "SKU-1", title: "化粧水 しっとり 150ml", quantity: 1, currentQuantity: 1, originalUnitPriceAmount: 3200n, discountedTotalAmount: 3200n,
    sellingPlanId: null, sellingPlanName: null, contractId: null, orderUpdatedAt: new Date(0),
  };
}

/** Writes every batch through one bulk session; answers µs per row: wall, this process's CPU, the server's CPU. */
async function writeAll(writer: SqlWriter, spec: TableSpec<Record<string, unknown>>, batches: Record<string, unknown>[][]) {
  const rows = batches.reduce((sum, batch) => sum + batch.length, 0);
  const cpu = process.cpuUsage();
  const server = postgresCpuMs();
  const started = performance.now();
  const session = writer.bulk();
  for (const batch of batches) await session.append(writer.upsert(spec, batch));
  await session.end();
  const wall = performance.now() - started;
  const app = process.cpuUsage(cpu);
  const perRow = (ms: number) => ((ms * 1000) / rows).toFixed(1);
  return `${perRow(wall)} wall, app ${perRow((app.user + app.system) / 1000)}, server ${perRow(postgresCpuMs() - server)}`;
}

async function run(adminUrl: string) {
  const name = `tsuzuku_bench_pgw_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  try {
    migrateDatabase(url);
    const writer = openSqlWriter(url);
    await writer.run([writer.raw(`INSERT INTO "Shop" ("shop", "updatedAt") VALUES ($1, now())`, SHOP)]);
    let seed = 1;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const tables = [
      { spec: ORDER_TABLE, make: (i: number) => [orderRow(i, random)] },
      { spec: ORDER_LINE_TABLE, make: (i: number) => (i % 2 ? [lineRow(i, 0, random)] : [lineRow(i, 0, random), lineRow(i, 1, random)]) },
    ];
    for (const { spec, make } of tables) {
      const batches: Record<string, unknown>[][] = [];
      for (let first = 0; first < ORDERS; first += BATCH) {
        const batch: Record<string, unknown>[] = [];
        for (let i = first; i < Math.min(ORDERS, first + BATCH); i++) batch.push(...make(i));
        batches.push(batch);
      }
      const typed = spec as unknown as TableSpec<Record<string, unknown>>;
      const fresh = await writeAll(writer, typed, batches);
      const stored = await writeAll(writer, typed, batches);
      console.log(`${spec.table.padEnd(10)} new rows (COPY): ${fresh} · stored rows (upsert): ${stored}`);
    }
    await writer.close();
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

let url = process.env.TEST_POSTGRES_URL;
let dir: string | null = null;
if (!url) {
  dir = mkdtempSync(path.join(tmpdir(), "tsuzuku-bench-pgw-"));
  url = execFileSync("bash", ["scripts/postgres-throwaway.sh", "start", dir, "54341"], { encoding: "utf8" }).trim();
}
console.log(`postgres-writes — ${ORDERS.toLocaleString("en-US")} orders and their lines, batches of ${BATCH.toLocaleString("en-US")}, µs per row`);
try {
  await run(url);
} finally {
  if (dir) execFileSync("bash", ["scripts/postgres-throwaway.sh", "stop", dir]);
}
