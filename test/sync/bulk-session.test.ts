// The bulk writer's sessions on the real database: batches committed a few at a time, a failed batch
// taking the uncommitted ones with it and stopping the session, other writes never mixed in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
