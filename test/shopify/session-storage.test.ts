// Concurrent first writes of one session (two tabs installing at once) all succeed, on SQLite and on
// PostgreSQL. The library's own P2002 retry cannot work with our generated clients (it checks
// `instanceof Prisma.PrismaClientKnownRequestError` from the ungenerated default @prisma/client), so this
// proves it is never needed: Prisma runs these upserts as one native INSERT … ON CONFLICT.
import { afterAll, beforeAll, expect, it } from "vitest";
import { Session } from "@shopify/shopify-api";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

it("stores the same new session from many concurrent writers without failing", async () => {
  const storage = new PrismaSessionStorage(t.db);
  for (let round = 0; round < 5; round++) {
    const id = `offline_race-${round}.myshopify.com`;
    const writes = Array.from({ length: 12 }, (_, i) =>
      storage.storeSession(new Session({ id, shop: `race-${round}.myshopify.com`, state: "", isOnline: false, accessToken: `token-${i}`, scope: "read_orders" })),
    );
    expect(await Promise.all(writes)).toEqual(Array(12).fill(true));
    const stored = await storage.loadSession(id);
    expect(stored?.accessToken).toMatch(/^token-\d+$/);
  }
  expect(await t.db.session.count()).toBe(5);
});
