// The app's one switch to the emulator: validated with the rest of the environment, refused in
// production unless demo mode says so, and rewriting only https://{shop}.myshopify.com traffic.
import { describe, expect, it } from "vitest";
import { InvalidEnvError, parseEnv } from "../../app/env.server";
import { emulatorUrlFor } from "../../app/shopify/emulator-fetch.server";

const base = {
  SHOPIFY_API_KEY: "client-id",
  SHOPIFY_API_SECRET: "client-secret",
  SHOPIFY_APP_URL: "https://tsuzuku.example.com",
  SCOPES: "read_orders",
};

const problems = (env: Record<string, string | undefined>) => {
  try {
    parseEnv(env);
    return [];
  } catch (error) {
    if (error instanceof InvalidEnvError) return error.problems;
    throw error;
  }
};

describe("SHOPIFY_ADMIN_EMULATOR_URL", () => {
  it("is optional, and read when set outside production", () => {
    expect(parseEnv(base).SHOPIFY_ADMIN_EMULATOR_URL).toBeUndefined();
    expect(parseEnv({ ...base, SHOPIFY_ADMIN_EMULATOR_URL: "" }).SHOPIFY_ADMIN_EMULATOR_URL).toBeUndefined();
    expect(parseEnv({ ...base, NODE_ENV: "test", SHOPIFY_ADMIN_EMULATOR_URL: "http://127.0.0.1:4321" }).SHOPIFY_ADMIN_EMULATOR_URL).toBe("http://127.0.0.1:4321");
  });

  it("is refused in production unless demo mode is on", () => {
    const production = { ...base, NODE_ENV: "production", SHOPIFY_ADMIN_EMULATOR_URL: "http://127.0.0.1:4321" };
    expect(problems(production)).toEqual([
      "SHOPIFY_ADMIN_EMULATOR_URL is refused when NODE_ENV=production (set TSUZUKU_DEMO_MODE=1 to run a demo against the emulator)",
    ]);
    expect(problems({ ...production, TSUZUKU_DEMO_MODE: "0" })).toHaveLength(1);
    expect(parseEnv({ ...production, TSUZUKU_DEMO_MODE: "1" }).SHOPIFY_ADMIN_EMULATOR_URL).toBe("http://127.0.0.1:4321");
  });

  it("must be an http(s) URL", () => {
    for (const url of ["127.0.0.1:4321", "ftp://127.0.0.1", "not a url"]) {
      expect(problems({ ...base, SHOPIFY_ADMIN_EMULATOR_URL: url })).toEqual(["SHOPIFY_ADMIN_EMULATOR_URL must be an http(s) URL, e.g. http://127.0.0.1:4321"]);
    }
  });
});

describe("the emulator fetch's rewrite", () => {
  const emulator = "http://127.0.0.1:4321";

  it("sends a shop's Admin API and OAuth calls to the emulator, the shop in the path", () => {
    expect(emulatorUrlFor("https://tsuzuku-demo.myshopify.com/admin/api/2026-07/graphql.json", emulator)).toBe(
      "http://127.0.0.1:4321/shops/tsuzuku-demo.myshopify.com/admin/api/2026-07/graphql.json",
    );
    expect(emulatorUrlFor("https://tsuzuku-demo.myshopify.com/admin/oauth/access_token?x=1", `${emulator}/`)).toBe(
      "http://127.0.0.1:4321/shops/tsuzuku-demo.myshopify.com/admin/oauth/access_token?x=1",
    );
  });

  it("leaves every other URL alone", () => {
    for (const url of ["https://cdn.shopify.com/x.js", "https://example.com/admin/api", "http://tsuzuku-demo.myshopify.com/admin", "https://myshopify.com.evil.test/admin"]) {
      expect(emulatorUrlFor(url, emulator)).toBe(url);
    }
  });
});
