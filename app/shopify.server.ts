// The one shopifyApp(...) configuration: Admin API 2026-07, App Store distribution, embedded with token
// exchange (Shopify-managed installation, scopes come from shopify.app.toml), sessions in Prisma.
import "@shopify/shopify-app-remix/adapters/node";
import { ApiVersion, AppDistribution, shopifyApp } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import db from "./db.server";
import { parseEnv } from "./env.server";
import { logger } from "./logger.server";
import { allowStandInAdmin, shopifyCdnUrl } from "./shopify/demo-admin.server";
import { routeShopifyTrafficTo } from "./shopify/emulator-fetch.server";
import { parseShopFacts, recordInstall, recordShopFacts } from "./shops/install.server";
import { SHOP_FACTS_QUERY } from "./sync/graphql/ShopFacts";
import { enqueueBackfills } from "./sync/enqueue.server";

const env = parseEnv();
// The one switch for tests and demo mode: the library's Shopify traffic goes to the local emulator.
routeShopifyTrafficTo(env.SHOPIFY_ADMIN_EMULATOR_URL);

export const apiVersion = ApiVersion.July26;
/** The client id App Bridge needs in the browser. */
export const apiKey = env.SHOPIFY_API_KEY;
/** Shopify's CDN (App Bridge's script, the admin font), or in the offline demo its local stand-in. */
export const shopifyCdn = shopifyCdnUrl(env.TSUZUKU_DEMO_ADMIN_URL);

const shopify = shopifyApp({
  apiKey: env.SHOPIFY_API_KEY,
  apiSecretKey: env.SHOPIFY_API_SECRET,
  apiVersion,
  scopes: env.SCOPES,
  appUrl: env.SHOPIFY_APP_URL,
  authPathPrefix: "/auth",
  sessionStorage: new PrismaSessionStorage(db),
  distribution: AppDistribution.AppStore,
  isEmbeddedApp: true,
  future: {
    unstable_newEmbeddedAuthStrategy: true,
    expiringOfflineAccessTokens: true,
  },
  hooks: {
    // Runs after token exchange stores a new offline session: on install, on reinstall, and whenever no
    // usable session was stored.
    afterAuth: async ({ session, admin }) => {
      await recordInstall(db, session.shop, session.scope);
      try {
        const response = await admin.graphql(SHOP_FACTS_QUERY);
        await recordShopFacts(db, session.shop, parseShopFacts(await response.json()));
      } catch (error) {
        // Without its currency and time zone every figure would be wrong. The library has already stored
        // the new session; dropping it makes the next request exchange a token and run this hook again.
        await db.session.deleteMany({ where: { id: session.id } });
        throw error;
      }
      logger.info({ event: "shop_installed", shop: session.shop }, "shop installed");
      await enqueueBackfills(session.shop);
    },
  },
  ...(env.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [env.SHOP_CUSTOM_DOMAIN] } : {}),
});

export default shopify;
export const addDocumentResponseHeaders: typeof shopify.addDocumentResponseHeaders = (request, headers) => {
  shopify.addDocumentResponseHeaders(request, headers);
  if (env.TSUZUKU_DEMO_ADMIN_URL) allowStandInAdmin(headers, env.TSUZUKU_DEMO_ADMIN_URL);
};
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const sessionStorage = shopify.sessionStorage;
