// What one order row costs the SQLite writer, without the rest of the sync: synthetic order rows (the
// real table, migrations and upsert SQL) inserted in transactions of --batch rows (by default as many as
// a sync transaction holds: BATCHES_PER_COMMIT.sqlite batches of DEFAULT_BATCH_SIZE), with and without
// the `(shop, customerId, processedAt)` index, with it built after the orders (`index-after`, as a backfill
// of a shop alone in its database does; the build is counted), with a bigger page cache (16 or 64 MB), or
// with synchronous=OFF.
//   npx tsx bench/sqlite-order-writes.ts [--orders 1000000] [--batch 50000] [--variants base,no-index,index-after,cache-16mb,cache-64mb,sync-off]
// Customers are drawn uniformly from orders/4 (three orders in four are repeat orders, as in the
// generated shops), so the index is written at random places. Prints µs per order for each variant.
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_BATCH_SIZE } from "../app/sync/backfill/line-import";
import { createIndexSql } from "../app/sync/backfill/deferred-indexes";
import { ORDER_CUSTOMER_INDEX, ORDER_TABLE } from "../app/sync/orders/order-rows";
import { BATCHES_PER_COMMIT } from "../app/sync/write/statements";
import { upsertSql } from "../app/sync/write/upsert-sql";
import { migrateDatabase } from "../scripts/prisma-cli";

const { values } = parseArgs({
  options: {
    orders: { type: "string", default: "1000000" },
    batch: { type: "string", default: String(BATCHES_PER_COMMIT.sqlite * DEFAULT_BATCH_SIZE) },
    variants: { type: "string", default: "base,no-index,index-after,cache-64mb,sync-off" },
  },
});
const ORDERS = Number(values.orders);
const BATCH = Number(values.batch);
const SHOP = "bench.myshopify.com";

function orderRow(i: number, random: () => number): unknown[] {
  return ORDER_TABLE.columns.map((column) => {
    if (column === "shop") return SHOP;
    if (column === "id") return `gid://shopify/Order/${5_000_000_000_000 + i}`;
    if (column === "customerId") return `gid://shopify/Customer/${7_000_000_000_000 + Math.floor((random() * ORDERS) / 4)}`;
    if (column.endsWith("At")) return new Date(1.6e12 + i * 60_000).toISOString();
    if (column.endsWith("Amount")) return BigInt(Math.floor(random() * 10_000));
    if (column === "test" || column === "hasSubscriptionLine") return 0;
    if (column === "tags" || column === "discountCodes") return "[]";
    if (column === "currencyCode" || column === "presentmentCurrencyCode") return "JPY";
    if (column === "customerOrderIndex" || column === "daysToConversion") return 1;
    return "web";
  });
}

function run(variant: string): number {
  const dir = mkdtempSync(path.join(tmpdir(), "tsuzuku-bench-order-writes-"));
  try {
    const file = path.join(dir, "bench.db");
    migrateDatabase(`file:${file}`);
    const db = new Database(file);
    db.pragma("journal_mode = WAL");
    db.pragma(`synchronous = ${variant === "sync-off" ? "OFF" : "NORMAL"}`);
    db.pragma("wal_autocheckpoint = 10000"); // as the sync's writer thread
    if (variant === "cache-64mb") db.pragma("cache_size = -65536");
    if (variant === "no-index" || variant === "index-after") db.exec(`DROP INDEX "${ORDER_CUSTOMER_INDEX.name}"`);
    if (variant === "cache-16mb") db.pragma("cache_size = -16384");
    db.prepare(`INSERT INTO "Shop" ("shop", "updatedAt") VALUES (?, ?)`).run(SHOP, new Date().toISOString());
    const insert = db.prepare(upsertSql("sqlite", ORDER_TABLE, 1));
    const write = db.transaction((rows: unknown[][]) => {
      for (const row of rows) insert.run(row);
    });
    let seed = 1;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    let spent = 0;
    for (let first = 0; first < ORDERS; first += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, ORDERS - first) }, (_, k) => orderRow(first + k, random));
      const started = performance.now();
      write(rows);
      spent += performance.now() - started;
    }
    if (variant === "index-after") {
      const started = performance.now();
      db.exec(createIndexSql(ORDER_CUSTOMER_INDEX));
      spent += performance.now() - started;
    }
    db.close();
    return (spent * 1000) / ORDERS;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`sqlite-order-writes — ${ORDERS.toLocaleString("en-US")} orders, transactions of ${BATCH.toLocaleString("en-US")}`);
for (const variant of values.variants!.split(",")) console.log(`${variant.padEnd(12)} ${run(variant).toFixed(1)} µs per order`);
