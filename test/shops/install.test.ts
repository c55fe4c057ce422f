// The Shop row through install (afterAuth), facts from the ShopFacts query, and reinstall.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseShopFacts, recordInstall, recordShopFacts, recordUninstall } from "../../app/shops/install.server";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

// The body Admin API 2026-07 answers the ShopFacts query with.
const shopFactsBody = {
  data: {
    shop: {
      id: "gid://shopify/Shop/77001",
      name: "続く珈琲",
      currencyCode: "JPY",
      ianaTimezone: "Asia/Tokyo",
      plan: { publicDisplayName: "Grow", shopifyPlus: false },
    },
  },
  extensions: { cost: { requestedQueryCost: 2, actualQueryCost: 2 } },
};

describe("install", () => {
  it("creates the shop on first install and fills its facts", async () => {
    const { db } = database;
    const shop = "kohi.myshopify.com";
    await recordInstall(db, shop, "read_orders,read_customers", new Date("2026-06-01T00:00:00Z"));
    await recordShopFacts(db, shop, parseShopFacts(shopFactsBody));

    expect(await db.shop.findUniqueOrThrow({ where: { shop } })).toMatchObject({
      installState: "installed",
      installedAt: new Date("2026-06-01T00:00:00Z"),
      scopes: "read_orders,read_customers",
      shopGid: "gid://shopify/Shop/77001",
      name: "続く珈琲",
      currencyCode: "JPY",
      ianaTimezone: "Asia/Tokyo",
      planName: "Grow",
      shopifyPlus: false,
    });
  });

  it("keeps the install date on a token renewal, starts a new one on reinstall", async () => {
    const { db } = database;
    const shop = "again.myshopify.com";
    await recordInstall(db, shop, "read_orders", new Date("2026-01-01T00:00:00Z"));
    await recordInstall(db, shop, "read_orders", new Date("2026-02-01T00:00:00Z"));
    expect((await db.shop.findUniqueOrThrow({ where: { shop } })).installedAt).toEqual(new Date("2026-01-01T00:00:00Z"));

    await recordUninstall(db, shop, new Date("2026-03-01T00:00:00Z"));
    await recordInstall(db, shop, "read_orders", new Date("2026-03-02T00:00:00Z"));
    expect(await db.shop.findUniqueOrThrow({ where: { shop } })).toMatchObject({
      installState: "installed",
      installedAt: new Date("2026-03-02T00:00:00Z"),
      uninstalledAt: null,
    });
  });

  it("refuses a ShopFacts answer without the fields it stores, naming the path", () => {
    const { plan: _plan, ...withoutPlan } = shopFactsBody.data.shop;
    expect(() => parseShopFacts({ data: { shop: withoutPlan } })).toThrow(/data.*shop.*plan/s);
  });
});
