// A generated shop served by the Admin API emulator, a real test database holding its Shop row, and a
// throttle-aware admin client holding an offline token — what every sync test starts from.
import { writeFileSync } from "node:fs";
import { expect } from "vitest";
import { createAdminClient, type AdminClient } from "../../app/sync/admin-client";
import { runBackfill } from "../../app/sync/backfill/backfill";
import { type PollOptions, startBulkExport, waitForBulkOperation } from "../../app/sync/backfill/bulk-operation";
import type { BackfillResource } from "../../app/sync/backfill/resources";
import { fetchTransport } from "../../app/sync/fetch-transport";
import { ORDERS_BULK_EXPORT } from "../../app/sync/graphql/OrdersBulkExport";
import { openSqlWriter, type SqlWriter, type Statement } from "../../app/sync/write/statements";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { startShopifyEmulator, type ShopifyEmulator, type ShopifyEmulatorOptions } from "../emulator/emulator";
import { EMULATOR_APP, graphqlUrl, offlineTokenFor } from "../emulator/fixtures";
import { generateShop } from "../emulator/generator";
import { MutableShopStore } from "../emulator/store/shop-store";
import { shopRow } from "../factories/commerce";
import { expectedShop } from "./expected-rows";

export interface SyncHarness {
  database: TestDatabase;
  writer: SqlWriter;
  store: MutableShopStore;
  emulator: ShopifyEmulator;
  client: AdminClient;
  shop: string;
  accessToken: string;
  /**
   * The real backfill of one resource into the test database, polling the emulator every 20 ms, through
   * the harness's writer or `options.writer` (one of watchedWriter, say).
   */
  backfill(resource: BackfillResource, options?: { batchSize?: number; poll?: PollOptions; writer?: SqlWriter }): ReturnType<typeof runBackfill>;
  close(): Promise<void>;
}

export async function startSyncHarness(options: {
  orders: number;
  seed?: number;
  currency?: string;
  emulator?: Partial<Pick<ShopifyEmulatorOptions, "webhooks" | "now" | "bulkAutoStart">>;
}): Promise<SyncHarness> {
  const store = new MutableShopStore(generateShop({ seed: options.seed ?? 7, orders: options.orders, currency: options.currency }));
  const shop = store.shop.domain;
  const database = await createTestDatabase();
  await database.db.shop.create({ data: shopRow(shop, { currencyCode: store.shop.currencyCode, ianaTimezone: store.shop.ianaTimezone }) });
  const emulator = await startShopifyEmulator({ shops: [store], app: EMULATOR_APP, ...options.emulator });
  const token = (await offlineTokenFor(emulator, shop)).body.access_token as string;
  const client = createAdminClient({ transport: fetchTransport(graphqlUrl(emulator, shop), token), baseDelayMs: 10 });
  const writer = openSqlWriter(database.url);
  return {
    database,
    writer,
    store,
    emulator,
    client,
    shop,
    accessToken: token,
    backfill: (resource, backfillOptions = {}) =>
      runBackfill({
        db: database.db, writer: backfillOptions.writer ?? writer, client, shop, resource,
        batchSize: backfillOptions.batchSize, poll: { intervalMs: 20, ...backfillOptions.poll },
      }),
    async close() {
      await writer.close();
      await emulator.close();
      await database.drop();
    },
  };
}

/**
 * The writer, with every statement list it is given shown to `see` first: "run" for a list run alone
 * (by `run` or `runBeside`), "batch" for a bulk session's batch. `see` may be async (it runs before the statements do).
 */
export function watchedWriter(writer: SqlWriter, see: (how: "run" | "batch", statements: Statement[]) => void | Promise<void>): SqlWriter {
  return {
    ...writer,
    async run(statements) {
      await see("run", statements);
      await writer.run(statements);
    },
    runBeside:
      writer.runBeside &&
      (async (statements) => {
        await see("run", statements);
        await writer.runBeside!(statements);
      }),
    bulk(options) {
      const session = writer.bulk(options);
      return {
        append: async (statements) => {
          await see("batch", statements);
          await session.append(statements);
        },
        end: () => session.end(),
      };
    },
  };
}

/** A completed bulk export of the shop's orders (the backfill's query) and its non-empty lines. */
export async function exportedOrderLines(harness: SyncHarness): Promise<{ operationId: string; lines: string[] }> {
  const operationId = await startBulkExport(harness.client, ORDERS_BULK_EXPORT);
  const operation = await waitForBulkOperation(harness.client, operationId, { intervalMs: 20 });
  const text = await (await fetch(operation.url!)).text();
  return { operationId, lines: text.split("\n").filter((line) => line.length > 0) };
}

/**
 * The emulator serves `lines` as the result of the completed operation (Shopify's file, as a test wants
 * it: shuffled, broken, short of an order), and the shop's cursor is the one a run that started this
 * operation leaves, so the next backfill imports this file instead of exporting again.
 */
export async function serveResultFile(harness: SyncHarness, operationId: string, lines: string[]): Promise<void> {
  const bulk = harness.emulator.contexts.get(harness.shop)!.bulk;
  const operation = bulk.get(Number(operationId.split("/").pop()));
  const file = operation?.fileToken ? bulk.filePath(operation.fileToken) : undefined;
  if (!file) throw new Error(`${operationId} has no result file`);
  writeFileSync(file, `${lines.join("\n")}\n`);
  await harness.database.db.syncCursor.create({ data: { shop: harness.shop, resource: "orders", bulkOperationId: operationId, bulkLinesConsumed: 0 } });
}

/** The database's rows of a shop, in the shape of test/sync/expected-rows.ts, sorted by id. */
export async function storedShop(harness: SyncHarness) {
  const { db } = harness.database;
  const where = { shop: harness.shop };
  const orderBy = { id: "asc" as const };
  const [customers, orders, lines, refunds, contracts] = await Promise.all([
    db.customer.findMany({
      where, orderBy,
      select: { shop: true, id: true, firstOrderId: true, firstOrderAt: true, ordersCount: true, firstVisitSource: true, firstUtmSource: true, firstUtmMedium: true, firstUtmCampaign: true, firstDiscountCode: true },
    }),
    db.order.findMany({ where, orderBy, omit: { syncedAt: true, appName: true, countryCode: true } }),
    db.orderLine.findMany({ where, orderBy, omit: { orderUpdatedAt: true } }),
    db.refund.findMany({ where, orderBy, omit: { processedAt: true, orderUpdatedAt: true } }),
    db.subscriptionContract.findMany({ where, orderBy, omit: { syncedAt: true }, include: { lines: { orderBy } } }),
  ]);
  return { customers, orders, lines, refunds, contracts };
}

export function sortedById<T extends { id: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

type Table = "customers" | "orders" | "lines" | "refunds" | "contracts";
const ALL_TABLES: Table[] = ["customers", "orders", "lines", "refunds", "contracts"];

async function storedAndExpected(harness: SyncHarness, tables: Table[]) {
  const expected = expectedShop(harness.shop, harness.store);
  const stored = await storedShop(harness);
  return tables.map((table) => ({ table, stored: stored[table], expected: sortedById<{ id: string }>(expected[table]) }));
}

const bigints = (_key: string, value: unknown) => (typeof value === "bigint" ? `${value}n` : value);

/** True when the database holds the emulator's shop exactly (for waiting; the expectation below reports). */
export async function storedShopMatchesShopify(harness: SyncHarness, tables: Table[] = ALL_TABLES): Promise<boolean> {
  return (await storedAndExpected(harness, tables)).every(({ stored, expected }) => JSON.stringify(stored, bigints) === JSON.stringify(expected, bigints));
}

/** The database holds the emulator's shop exactly, table by table (a failure names the table's rows). */
export async function expectStoredShopEqualsShopify(harness: SyncHarness, tables: Table[] = ALL_TABLES) {
  for (const { table, stored, expected } of await storedAndExpected(harness, tables)) expect({ table, rows: stored }).toEqual({ table, rows: expected });
}
