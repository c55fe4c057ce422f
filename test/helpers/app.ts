// Boots the real app modules against a test database: the environment is set first, because
// app/env.server.ts validates it and app/db.server.ts reads DATABASE_URL when they are imported.
import { readFileSync } from "node:fs";
import { parse } from "smol-toml";
import { vi } from "vitest";

export const TEST_API_KEY = "tsuzuku-test-client-id";
export const TEST_API_SECRET = "tsuzuku-test-client-secret-0123456789abcdef";
export const TEST_APP_URL = "https://tsuzuku.test";

/** The scopes shopify.app.toml requests, as `shopify app dev` passes them in SCOPES. */
export function configuredScopes(): string {
  const config = parse(readFileSync(new URL("../../shopify.app.toml", import.meta.url), "utf8")) as {
    access_scopes: { scopes: string };
  };
  return config.access_scopes.scopes;
}

export async function startApp(databaseUrl: string) {
  Object.assign(process.env, {
    SHOPIFY_API_KEY: TEST_API_KEY,
    SHOPIFY_API_SECRET: TEST_API_SECRET,
    SHOPIFY_APP_URL: TEST_APP_URL,
    SCOPES: configuredScopes(),
    DATABASE_URL: databaseUrl,
  });
  // test/helpers/database imported db.server before DATABASE_URL pointed at this test's database, and
  // db.server keeps its client on globalThis across reloads: start the app's modules afresh.
  vi.resetModules();
  delete globalThis.tsuzukuDb;
  const { default: appDb } = await import("../../app/db.server");
  const shopify = await import("../../app/shopify.server");
  return {
    shopify,
    async stop() {
      await appDb.$disconnect();
    },
  };
}
