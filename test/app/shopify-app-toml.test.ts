// shopify.app.toml: accepted by the real Shopify CLI, and consistent with the app — the scopes the product
// needs, the API version the code uses, a route file behind every webhook uri, the compliance topics.
import { spawnSync } from "node:child_process";
import { sharedPath } from "../helpers/shared";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "smol-toml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp } from "../helpers/app";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

const root = fileURLToPath(new URL("../..", import.meta.url));
const tomlText = readFileSync(path.join(root, "shopify.app.toml"), "utf8");

interface AppToml {
  client_id: string;
  name: string;
  application_url: string;
  embedded: boolean;
  access_scopes: { scopes: string };
  auth: { redirect_urls: string[] };
  webhooks: { api_version: string; subscriptions: Array<{ uri: string; topics?: string[]; compliance_topics?: string[] }> };
}
const config = parse(tomlText) as unknown as AppToml;
const subscriptions = config.webhooks.subscriptions;

/** Remix flat routes: /webhooks/app/scopes_update is served by app/routes/webhooks.app.scopes_update.tsx. */
const routeFileFor = (uri: string) => path.join(root, "app/routes", `${uri.slice(1).replaceAll("/", ".")}.tsx`);

describe("shopify.app.toml", () => {
  it("names the embedded app, leaves client_id for `shopify app config link`, and has https redirect URLs", () => {
    expect(config).toMatchObject({ name: "Tsuzuku", client_id: "", embedded: true });
    expect(config.application_url).toMatch(/^https:\/\//);
    expect(config.auth.redirect_urls.every((url) => url.startsWith(`${config.application_url}/auth/`))).toBe(true);
  });

  it("asks for exactly the read scopes the product uses, and nothing that writes", () => {
    expect(config.access_scopes.scopes.split(",").sort()).toEqual(
      ["read_all_orders", "read_customers", "read_orders", "read_own_subscription_contracts", "read_products"].sort(),
    );
  });

  it("points every topic at /webhooks/<topic>, each topic once", () => {
    const topics = subscriptions.flatMap((s) => [...(s.topics ?? []), ...(s.compliance_topics ?? [])]);
    expect(new Set(topics).size).toBe(topics.length);
    for (const subscription of subscriptions) {
      const [topic, ...more] = [...(subscription.topics ?? []), ...(subscription.compliance_topics ?? [])];
      expect(more).toEqual([]);
      expect(subscription.uri).toBe(`/webhooks/${topic}`);
    }
    expect(topics.sort()).toEqual(
      [
        "orders/create", "orders/updated", "orders/cancelled", "orders/paid", "refunds/create",
        "subscription_contracts/create", "subscription_contracts/update", "subscription_contracts/activate",
        "subscription_contracts/pause", "subscription_contracts/cancel", "subscription_contracts/expire",
        "subscription_contracts/fail", "app/uninstalled", "app/scopes_update", "customers/data_request", "customers/redact", "shop/redact",
      ].sort(),
    );
  });

  it("has a route file behind every uri", () => {
    for (const subscription of subscriptions) {
      const topic = (subscription.topics ?? subscription.compliance_topics ?? [])[0];
      expect({ topic, routed: existsSync(routeFileFor(subscription.uri)) }).toEqual({ topic, routed: true });
    }
  });

  it("subscribes the three mandatory compliance topics as compliance_topics", () => {
    const compliance = subscriptions.flatMap((s) => s.compliance_topics ?? []);
    expect(compliance.sort()).toEqual(["customers/data_request", "customers/redact", "shop/redact"]);
  });
});

describe("webhook API version", () => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startApp(database.url);
  });
  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  it("is 2026-07, the Admin API version app/shopify.server.ts uses", () => {
    expect(config.webhooks.api_version).toBe("2026-07");
    expect(app.shopify.apiVersion).toBe(config.webhooks.api_version);
  });
});

// Shopify's Admin schema for 2026-07 (../shared/shopify beside the repository) states which scope each
// webhook topic requires; Shopify refuses a subscription whose scope the app does not request.
const adminSchemaPath = sharedPath("shopify/admin-2026-07.schema.json");

describe("topics against the 2026-07 Admin schema", () => {
  it("names real topics, each covered by a requested scope", () => {
    const schema = JSON.parse(readFileSync(adminSchemaPath, "utf8"));
    const types: Array<{ name: string; enumValues?: Array<{ name: string; description?: string }> }> = (schema.data ?? schema).__schema.types;
    const topicEnum = new Map(types.find((t) => t.name === "WebhookSubscriptionTopic")!.enumValues!.map((v) => [v.name, v.description ?? ""]));
    const granted = new Set(config.access_scopes.scopes.split(","));
    for (const topic of subscriptions.flatMap((s) => s.topics ?? [])) {
      const description = topicEnum.get(topic.replaceAll("/", "_").toUpperCase());
      expect(description, topic).toBeDefined();
      const required = [...(description!.match(/\b(read|write)_\w+/g) ?? [])];
      if (required.length > 0) expect(required.some((scope) => granted.has(scope)), `${topic} needs one of ${required}`).toBe(true);
    }
  });
});

describe("the Shopify CLI", () => {
  const cli = path.join(root, "node_modules/@shopify/cli/bin/run.js");
  const work = mkdtempSync(path.join(os.tmpdir(), "tsuzuku-cli-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  // `shopify app build` loads and validates the app configuration offline. It runs in a copy holding
  // only the configuration, so it neither installs packages nor builds anything in the repository.
  function build(appToml: string) {
    const dir = mkdtempSync(path.join(work, "app-"));
    writeFileSync(path.join(dir, "shopify.app.toml"), appToml);
    copyFileSync(path.join(root, "shopify.web.toml"), path.join(dir, "shopify.web.toml"));
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "tsuzuku-config-check", private: true }));
    const run = spawnSync(process.execPath, [cli, "app", "build", "--path", dir, "--skip-dependencies-installation", "--no-color"], {
      encoding: "utf8",
      env: { ...process.env, SHOPIFY_CLI_NO_ANALYTICS: "1", CI: "1" },
      timeout: 120_000,
    });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  }

  it("accepts shopify.app.toml and shopify.web.toml", () => {
    const result = build(tomlText);
    expect(result.output).toContain("Tsuzuku built!");
    expect(result.status).toBe(0);
  });

  it("really validates: the same file with a wrongly typed field is refused", () => {
    const result = build(tomlText.replace("embedded = true", 'embedded = "yes"'));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("[embedded]: Value must be Boolean");
  });
});
