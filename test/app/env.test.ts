import { describe, expect, it } from "vitest";
import { InvalidEnvError, parseEnv } from "../../app/env.server";

const valid = {
  SHOPIFY_API_KEY: "client-id",
  SHOPIFY_API_SECRET: "client-secret",
  SHOPIFY_APP_URL: "https://tsuzuku.example.com",
  SCOPES: "read_orders, read_all_orders",
  DATABASE_URL: "postgres://u:p@db:5432/tsuzuku",
};

describe("parseEnv", () => {
  it("reads a complete environment, splitting the scopes", () => {
    expect(parseEnv(valid)).toMatchObject({ SCOPES: ["read_orders", "read_all_orders"], DATABASE_URL: valid.DATABASE_URL });
  });

  it("defaults DATABASE_URL to the embedded SQLite file", () => {
    expect(parseEnv({ ...valid, DATABASE_URL: undefined }).DATABASE_URL).toBe("file:./prisma/tsuzuku.db");
  });

  it("names every missing or malformed variable, one line each", () => {
    const env = { ...valid, SHOPIFY_API_SECRET: undefined, SHOPIFY_APP_URL: "tsuzuku.example.com", SCOPES: "", DATABASE_URL: "mysql://x" };
    let error: unknown;
    try {
      parseEnv(env);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(InvalidEnvError);
    expect((error as InvalidEnvError).problems).toEqual([
      "SHOPIFY_API_SECRET is not set (the app's client secret)",
      "SHOPIFY_APP_URL must be a URL, e.g. https://tsuzuku.example.com",
      "SCOPES is empty (comma-separated access scopes, as in shopify.app.toml)",
      "DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL)",
    ]);
  });
});
