// The bulk writer's sessions on the real database: batches committed a few at a time, a failed batch
// taking the uncommitted ones with it and stopping the session, other writes never mixed in; on SQLite,
// statements made on another thread reaching the writer's thread through the session's port.
import { once } from "node:events";
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORDER_TABLE, type OrderRow } from "../../app/sync/orders/order-rows";
import { openSqlWriter, type SqlWriter } from "../../app/sync/write/statements";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

let database: TestDatabase;
let writer: SqlWriter;

beforeAll(async () => {
  database = await createTestDatabase();
  writer = openSqlWriter(database.url);
  // Both connections open before the timing-sensitive reads below (SQLite's session commits after
  // 100 ms without a batch).
  await writer.run([]);
  await writer.query("SELECT 1");
  await storedShops("warm-up");
});

afterAll(async () => {
  await writer?.close();
  await database?.drop();
});

const insertShop = (name: string) =>
  writer.raw(`INSERT INTO "Shop" ("shop", "currencyCode", "ianaTimezone", "updatedAt") VALUES (${writer.param(1)}, 'JPY', 'Asia/Tokyo', ${writer.param(2)})`, `${name}.myshopify.com`, new Date());
const storedShops = async (prefix: string) =>
  (await database.db.shop.findMany({ where: { shop: { startsWith: prefix } }, select: { shop: true }, orderBy: { shop: "asc" } })).map((row) => row.shop.split(".")[0]);

describe("a bulk session", () => {
  it("commits every few batches and at its end", async () => {
    const session = writer.bulk({ commitEvery: 2 });
    await session.append([insertShop("a1")]);
    await session.append([insertShop("a2")]);
    await session.append([insertShop("a3")]);
    expect(await storedShops("a")).toEqual(["a1", "a2"]);
    await session.end();
    expect(await storedShops("a")).toEqual(["a1", "a2", "a3"]);
  });

  it("after a failed batch: the uncommitted batches are rolled back, the committed ones stay, and the session refuses more", async () => {
    const session = writer.bulk({ commitEvery: 2 });
    await session.append([insertShop("b1")]);
    await session.append([insertShop("b2")]);
    await session.append([insertShop("b3")]);
    await expect(session.append([insertShop("b4"), insertShop("b4")])).rejects.toThrow(/unique|duplicate/i);
    await expect(session.append([insertShop("b5")])).rejects.toThrow("an earlier batch of this bulk write failed");
    await session.end().catch(() => {});
    expect(await storedShops("b")).toEqual(["b1", "b2"]);
  });

  it("a write of its own meanwhile commits the session's batches first and stays apart from them", async () => {
    const session = writer.bulk({ commitEvery: 10 });
    await session.append([insertShop("c1")]);
    await expect(writer.run([insertShop("c2"), insertShop("c2")])).rejects.toThrow(/unique|duplicate/i);
    await writer.run([insertShop("c3")]);
    await session.append([insertShop("c4")]);
    await session.end();
    expect(await storedShops("c")).toEqual(["c1", "c3", "c4"]);
  });

  it("writes rows over stored ones exactly: the newer copy wins, nothing before the conflict is lost, a key twice keeps its last copy", async () => {
    // On PostgreSQL the session COPYs new rows straight in; the stored ones make it write the open
    // transaction's batches again as upserts (postgres-writer.ts). Text goes through COPY's escapes.
    const shop = "e.myshopify.com";
    await writer.run([insertShop("e")]);
    const at = (minutes: number) => new Date(Date.UTC(2026, 10, 28, 9, minutes, 0, 123));
    await writer.run(writer.upsert(ORDER_TABLE, [order(shop, 2, at(10), "#stored newer"), order(shop, 4, at(-10), "#stored older")]));
    const session = writer.bulk({ commitEvery: 10 });
    await session.append(writer.upsert(ORDER_TABLE, [order(shop, 1, at(0), "tab\there\nline\\ 'quoted' \"日本\" \r"), order(shop, 6, at(0), "#first copy")]));
    await session.append(writer.upsert(ORDER_TABLE, [order(shop, 2, at(0), "#bulk"), order(shop, 3, at(0), null)]));
    await session.append(writer.upsert(ORDER_TABLE, [order(shop, 4, at(0), "#bulk"), order(shop, 5, at(0), "#bulk"), order(shop, 6, at(1), "#second copy")]));
    await session.end();
    const stored = await database.db.order.findMany({ where: { shop }, orderBy: { id: "asc" }, select: { id: true, name: true, shopifyUpdatedAt: true, totalPriceAmount: true } });
    expect(stored).toEqual([
      { id: "gid://shopify/Order/1", name: "tab\there\nline\\ 'quoted' \"日本\" \r", shopifyUpdatedAt: at(0), totalPriceAmount: 9_007_199_254_740_993n },
      { id: "gid://shopify/Order/2", name: "#stored newer", shopifyUpdatedAt: at(10), totalPriceAmount: 9_007_199_254_740_993n },
      { id: "gid://shopify/Order/3", name: null, shopifyUpdatedAt: at(0), totalPriceAmount: 9_007_199_254_740_993n },
      { id: "gid://shopify/Order/4", name: "#bulk", shopifyUpdatedAt: at(0), totalPriceAmount: 9_007_199_254_740_993n },
      { id: "gid://shopify/Order/5", name: "#bulk", shopifyUpdatedAt: at(0), totalPriceAmount: 9_007_199_254_740_993n },
      { id: "gid://shopify/Order/6", name: "#second copy", shopifyUpdatedAt: at(1), totalPriceAmount: 9_007_199_254_740_993n },
    ]);
  });

  it("a key written twice by one session, with nothing stored before, keeps the later copy", async () => {
    const shop = "f.myshopify.com";
    await writer.run([insertShop("f")]);
    const at = (minutes: number) => new Date(Date.UTC(2026, 10, 28, 9, minutes));
    const session = writer.bulk({ commitEvery: 2 });
    await session.append(writer.upsert(ORDER_TABLE, [order(shop, 1, at(0), "#1"), order(shop, 2, at(0), "#2 first")]));
    await session.append(writer.upsert(ORDER_TABLE, [order(shop, 3, at(0), "#3")]));
    await session.append(writer.upsert(ORDER_TABLE, [order(shop, 4, at(0), "#4"), order(shop, 2, at(5), "#2 second")]));
    await session.end();
    const stored = await database.db.order.findMany({ where: { shop }, orderBy: { id: "asc" }, select: { name: true } });
    expect(stored.map((row) => row.name)).toEqual(["#1", "#2 second", "#3", "#4"]);
  });

  it.runIf(process.env.TEST_DATABASE !== "postgres")("on SQLite, commits by itself when no batch comes for a moment, so the app's own writes get the lock", async () => {
    const session = writer.bulk({ commitEvery: 1_000 });
    await session.append([insertShop("d1")]);
    // The app's Prisma connection writes while the session's transaction is open: it gets the lock
    // once the idle session commits.
    await database.db.shop.create({ data: { shop: "d2.myshopify.com" } });
    expect(await storedShops("d")).toEqual(["d1", "d2"]);
    await session.end();
  });
});

describe("a bulk session's port (statements made on another thread)", () => {
  it.runIf(process.env.TEST_DATABASE !== "postgres")("on SQLite: each list posted there is applied by the append that carries it, before the append's own, and goes with a failed batch", async () => {
    const session = writer.bulk({ commitEvery: 2, port: true });
    // Posted from a thread of its own, as the backfill's line thread posts its batches.
    const poster = new Worker(`const { workerData } = require("node:worker_threads"); for (const list of workerData.lists) workerData.port.postMessage(list); workerData.port.close();`, {
      eval: true,
      workerData: { port: session.port, lists: [[insertShop("g1")], [insertShop("g3")], [insertShop("g5"), insertShop("g5")]] },
      transferList: [session.port!],
    });
    await once(poster, "exit");
    await session.append([insertShop("g2")], true);
    expect(await storedShops("g")).toEqual([]);
    await session.append([insertShop("g4")], true);
    expect(await storedShops("g")).toEqual(["g1", "g2", "g3", "g4"]);
    await session.append([insertShop("g6")]);
    await expect(session.append([], true)).rejects.toThrow(/unique/i);
    await session.end().catch(() => {});
    expect(await storedShops("g")).toEqual(["g1", "g2", "g3", "g4"]);
  });

  it.runIf(process.env.TEST_DATABASE !== "postgres")("on SQLite: an append that carries a list never posted fails like any failed batch, instead of writing without it", async () => {
    const session = writer.bulk({ commitEvery: 10, port: true });
    await session.append([insertShop("h0")]);
    await expect(session.append([insertShop("h1")], true)).rejects.toThrow("a batch's statements did not reach the SQLite writer thread");
    await expect(session.append([insertShop("h2")])).rejects.toThrow("an earlier batch of this bulk write failed");
    await session.end().catch(() => {});
    expect(await storedShops("h")).toEqual([]);
  });

  it.runIf(process.env.TEST_DATABASE === "postgres")("on PostgreSQL: none is offered (its batches are written from the thread that appends them)", () => {
    const session = writer.bulk({ port: true });
    expect(session.port).toBeUndefined();
    return session.end();
  });
});

function order(shop: string, n: number, updatedAt: Date, name: string | null): OrderRow {
  return {
    shop, id: `gid://shopify/Order/${n}`, name, customerId: `gid://shopify/Customer/${n}`,
    createdAt: updatedAt, processedAt: updatedAt, shopifyUpdatedAt: updatedAt, cancelledAt: null, cancelReason: null, closedAt: null,
    test: false, sourceName: "web", financialStatus: "PAID", fulfillmentStatus: null, tags: "[]", discountCodes: "[]",
    customerOrderIndex: 0, daysToConversion: null, firstVisitSource: null, firstVisitSourceType: null, firstVisitReferrerHost: null,
    utmSource: null, utmMedium: null, utmCampaign: null, utmContent: null, utmTerm: null, currencyCode: "JPY",
    subtotalAmount: 0n, totalDiscountsAmount: 0n, totalShippingAmount: 0n, totalTaxAmount: 0n, totalPriceAmount: 9_007_199_254_740_993n,
    currentTotalPriceAmount: 0n, totalRefundedAmount: 0n, presentmentCurrencyCode: "JPY", presentmentTotalAmount: 0n, syncedAt: updatedAt,
    hasSubscriptionLine: false,
  };
}
