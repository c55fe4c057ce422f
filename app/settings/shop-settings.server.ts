// A shop's settings row read with defaults, and saved (settings and the shop's language together).
import type { Db } from "../db.server";
import { DEFAULT_SETTINGS, type ShopSettingsValues } from "./shop-settings";

const stringList = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
};

export async function readShopSettings(db: Db, shop: string): Promise<ShopSettingsValues> {
  const row = await db.shopSettings.findUnique({ where: { shop } });
  if (!row) return DEFAULT_SETTINGS;
  return {
    exclusions: { testOrders: row.excludeTestOrders, sourceNames: stringList(row.excludedSourceNames), tags: stringList(row.excludedTags) },
    cohortGranularity: row.cohortGranularity === "week" ? "week" : "month",
    clvHorizonDays: row.clvHorizonDays,
    annualDiscountRate: row.annualDiscountRate,
  };
}

export async function saveShopSettings(db: Db, shop: string, settings: ShopSettingsValues, language: "en" | "ja"): Promise<void> {
  const data = {
    excludeTestOrders: settings.exclusions.testOrders,
    excludedSourceNames: JSON.stringify(settings.exclusions.sourceNames),
    excludedTags: JSON.stringify(settings.exclusions.tags),
    cohortGranularity: settings.cohortGranularity,
    clvHorizonDays: settings.clvHorizonDays,
    annualDiscountRate: settings.annualDiscountRate,
  };
  await db.$transaction([
    db.shopSettings.upsert({ where: { shop }, create: { shop, ...data }, update: data }),
    db.shop.update({ where: { shop }, data: { locale: language } }),
  ]);
}
