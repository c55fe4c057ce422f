// A generated shop served by the Admin API emulator, a real test database holding its Shop row, and a
// throttle-aware admin client holding an offline token — what every sync test starts from.
import { tmpdir } from "node:os";
import { expect } from "vitest";
import path from "node:path";
import { createAdminClient, type AdminClient } from "../../app/sync/admin-client";
import { fetchTransport } from "../../app/sync/fetch-transport";
import { openSqlWriter, type SqlWriter } from "../../app/sync/write/statements";
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
  workDir: string;
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
    workDir: path.join(tmpdir(), `tsuzuku-sync-${process.pid}-${Date.now().toString(36)}`),
    async close() {
      await writer.close();
      await emulator.close();
      await database.drop();
    },
  };
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

/** The database holds the emulator's shop exactly, table by table (a failure names the table's rows). */
type Table = "customers" | "orders" | "lines" | "refunds" | "contracts";

export async function expectStoredShopEqualsShopify(harness: SyncHarness, tables: Table[] = ["customers", "orders", "lines", "refunds", "contracts"]) {
  const expected = expectedShop(harness.shop, harness.store);
  const stored = await storedShop(harness);
  for (const table of tables) expect({ table, rows: stored[table] }).toEqual({ table, rows: sortedById<{ id: string }>(expected[table]) });
}
