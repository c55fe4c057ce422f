// The app's side of the stand-in admin: one switch, refused in production outside demo mode, that lets
// the stand-in frame the app and serve what Shopify's CDN serves; without it nothing changes.
import { describe, expect, it } from "vitest";
import { type InvalidEnvError, parseEnv } from "../../app/env.server";
import { allowStandInAdmin, SHOPIFY_CDN_URL, shopifyCdnUrl } from "../../app/shopify/demo-admin.server";

const base = {
  SHOPIFY_API_KEY: "client-id",
  SHOPIFY_API_SECRET: "client-secret",
  SHOPIFY_APP_URL: "http://localhost:3000",
  SCOPES: "read_orders",
};

function problems(env: Record<string, string | undefined>): string[] {
  try {
    parseEnv(env);
    return [];
  } catch (error) {
    return (error as InvalidEnvError).problems;
  }
}

describe("TSUZUKU_DEMO_ADMIN_URL", () => {
  it("is refused in production unless demo mode is on, and must be an http(s) URL", () => {
    const production = { ...base, NODE_ENV: "production", TSUZUKU_DEMO_ADMIN_URL: "http://localhost:3456" };
    expect(problems(production)).toEqual(["TSUZUKU_DEMO_ADMIN_URL is refused when NODE_ENV=production (set TSUZUKU_DEMO_MODE=1 for the offline demo)"]);
    expect(parseEnv({ ...production, TSUZUKU_DEMO_MODE: "1" }).TSUZUKU_DEMO_ADMIN_URL).toBe("http://localhost:3456");
    expect(problems({ ...base, TSUZUKU_DEMO_ADMIN_URL: "localhost:3456" })).toEqual(["TSUZUKU_DEMO_ADMIN_URL must be an http(s) URL, e.g. http://localhost:3456"]);
  });

  it("replaces Shopify's CDN and admin in the document headers; unset, Shopify's CDN is used", () => {
    expect(shopifyCdnUrl(undefined)).toBe(SHOPIFY_CDN_URL);
    expect(shopifyCdnUrl("http://localhost:3456/")).toBe("http://localhost:3456");

    const headers = new Headers({
      Link: '<https://cdn.shopify.com/shopifycloud/app-bridge.js>; rel="preload"; as="script";',
      "Content-Security-Policy": "frame-ancestors https://shop.myshopify.com https://admin.shopify.com;",
    });
    allowStandInAdmin(headers, "http://localhost:3456");
    expect(headers.get("Link")).toBe('<http://localhost:3456/shopifycloud/app-bridge.js>; rel="preload"; as="script";');
    expect(headers.get("Content-Security-Policy")).toBe("frame-ancestors http://localhost:3456;");

    const withoutShop = new Headers();
    allowStandInAdmin(withoutShop, "http://localhost:3456");
    expect([...withoutShop.keys()]).toEqual([]);
  });
});
