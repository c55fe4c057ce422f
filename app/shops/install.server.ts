// The Shop row through an installation's life: installed (afterAuth), facts filled from the Admin API,
// scopes changed, uninstalled. Every function takes the client and the shop so tests can call it directly.
import { z } from "zod";
import type { Db } from "../db.server";

const shopFactsResponse = z.object({
  data: z.object({
    shop: z.object({
      id: z.string(),
      name: z.string(),
      currencyCode: z.string().length(3),
      ianaTimezone: z.string().min(1),
      plan: z.object({ publicDisplayName: z.string(), shopifyPlus: z.boolean() }),
    }),
  }),
});

export type ShopFacts = z.infer<typeof shopFactsResponse>["data"]["shop"];

/** Reads the ShopFacts query's JSON body; throws naming the missing field when Shopify's answer is not usable. */
export function parseShopFacts(body: unknown): ShopFacts {
  return shopFactsResponse.parse(body).data.shop;
}

/** Marks the shop installed with the scopes it granted; a reinstall after an uninstall starts a new date. */
export async function recordInstall(db: Db, shop: string, scopes: string | undefined, now = new Date()) {
  const existing = await db.shop.findUnique({ where: { shop }, select: { installState: true } });
  const installed = { installState: "installed", uninstalledAt: null, scopes: scopes ?? null };
  await db.shop.upsert({
    where: { shop },
    create: { shop, installedAt: now, ...installed },
    // afterAuth also runs when a live installation gets a new token; that keeps its install date.
    update: existing?.installState === "uninstalled" ? { ...installed, installedAt: now } : installed,
  });
}

export async function recordShopFacts(db: Db, shop: string, facts: ShopFacts) {
  await db.shop.update({
    where: { shop },
    data: {
      shopGid: facts.id,
      name: facts.name,
      currencyCode: facts.currencyCode,
      ianaTimezone: facts.ianaTimezone,
      planName: facts.plan.publicDisplayName,
      shopifyPlus: facts.plan.shopifyPlus,
    },
  });
}

/** app/uninstalled: the shop keeps its data until shop/redact (48 hours later) but loses its sessions. */
export async function recordUninstall(db: Db, shop: string, now = new Date()) {
  await db.$transaction([
    db.shop.updateMany({ where: { shop }, data: { installState: "uninstalled", uninstalledAt: now } }),
    db.session.deleteMany({ where: { shop } }),
  ]);
}

/** app/scopes_update: the granted scopes as Shopify reports them now. */
export async function recordScopes(db: Db, shop: string, scopes: string[]) {
  const scope = scopes.join(",");
  await db.$transaction([
    db.shop.updateMany({ where: { shop }, data: { scopes: scope } }),
    db.session.updateMany({ where: { shop }, data: { scope } }),
  ]);
}
