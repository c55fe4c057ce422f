// The offline demo end to end on a small shop: startDemo builds (if needed) and serves the real app,
// installs it into the emulator, syncs, surveys and snapshots; the stand-in admin serves its frame and
// App Bridge stand-in, and the frame's session tokens open the app.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { testDatabaseKind } from "../helpers/database";
import { browserFetch } from "../../scripts/demo/browser-fetch";
import { type Demo, startDemo } from "../../scripts/demo/start";

let dir: string;
let demo: Demo;
let db: Db;
// The demo runs on the embedded SQLite default whatever the suite's database; the PostgreSQL pass of
// `npm test` would only run it again.
const runs = testDatabaseKind === "sqlite";

beforeAll(async () => {
  if (!runs) return;
  dir = mkdtempSync(path.join(tmpdir(), "tsuzuku-demo-test-"));
  demo = await startDemo({ orders: 1_500, seed: 3, databaseUrl: `file:${path.join(dir, "demo.db")}` });
  db = createDb(demo.databaseUrl);
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await demo?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.runIf(runs)("npm run demo (startDemo)", () => {
  it("synced the generated shop through the real install and stored a snapshot that includes the survey answers", async () => {
    const shop = await db.shop.findUniqueOrThrow({ where: { shop: demo.shop } });
    expect(shop).toMatchObject({ installState: "installed", currencyCode: "JPY", ianaTimezone: "Asia/Tokyo" });
    expect(await db.order.count({ where: { shop: demo.shop } })).toBe(1_500);

    const responses = await db.surveyResponse.findMany({ where: { shop: demo.shop }, select: { orderId: true, submittedAt: true } });
    const answers = await db.surveyAnswer.count({ where: { shop: demo.shop } });
    expect(responses.length).toBeGreaterThan(50);
    expect(answers).toBeGreaterThan(responses.length);
    // Every answer belongs to a synced order.
    const orderIds = [...new Set(responses.map((r) => r.orderId))];
    expect(await db.order.count({ where: { shop: demo.shop, id: { in: orderIds } } })).toBe(orderIds.length);

    const latest = await db.metricSnapshot.findFirstOrThrow({ where: { shop: demo.shop, kind: "analysis" }, orderBy: { computedAt: "desc" } });
    const lastAnswer = Math.max(...responses.map((r) => r.submittedAt.getTime()));
    expect(latest.computedAt.getTime()).toBeGreaterThan(lastAnswer);
  });

  it("serves the stand-in admin frame, with the app in an iframe opened by a signed id_token", async () => {
    const page = await fetch(`${demo.frameUrl}?locale=ja&path=/app/surveys`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="ja">');
    const src = /<iframe id="app-frame"[^>]* src="([^"]+)"/.exec(html)?.[1]?.replaceAll("&amp;", "&");
    expect(src).toBeDefined();
    const appPage = new URL(src!);
    expect(`${appPage.origin}${appPage.pathname}`).toBe(`${demo.appUrl}/app/surveys`);
    expect(Object.fromEntries(appPage.searchParams)).toMatchObject({ embedded: "1", shop: demo.shop, locale: "ja" });

    // The iframe's document: the app allows the stand-in to frame it and loads App Bridge from it.
    const document = await browserFetch(src!);
    expect(document.status).toBe(200);
    const frameOrigin = new URL(demo.frameUrl).origin;
    expect(document.headers.get("Content-Security-Policy")).toBe(`frame-ancestors ${frameOrigin};`);
    const body = await document.text();
    expect(body).toContain(`src="${frameOrigin}/shopifycloud/app-bridge.js"`);
    expect(body).not.toContain("cdn.shopify.com");
  });

  it("serves the App Bridge stand-in and the admin font stylesheet in place of Shopify's CDN", async () => {
    const script = await fetch(new URL("/shopifycloud/app-bridge.js", demo.frameUrl));
    expect(script.status).toBe(200);
    expect(script.headers.get("Content-Type")).toContain("javascript");
    const source = await script.text();
    for (const element of ["ui-nav-menu", "ui-title-bar", "s-app-nav"]) expect(source).toContain(`customElements.define("${element}"`);
    expect((await fetch(new URL("/static/fonts/inter/v4/styles.css", demo.frameUrl))).status).toBe(200);
  });

  it("a session token from the frame authenticates the app's data requests", async () => {
    const { token } = (await (await fetch(new URL("/session-token", demo.frameUrl))).json()) as { token: string };
    const layout = await browserFetch(`${demo.appUrl}/app?_data=routes/app`, { headers: { Authorization: `Bearer ${token}` } });
    expect(layout.status).toBe(200);
    expect(await layout.json()).toMatchObject({ apiKey: demo.apiKey, appBridgeUrl: `${new URL(demo.frameUrl).origin}/shopifycloud/app-bridge.js` });

    const unsigned = await browserFetch(`${demo.appUrl}/app?_data=routes/app`, { headers: { Authorization: `Bearer ${token.slice(0, -2)}xx` } });
    expect(unsigned.status).toBe(401);
  });
});
