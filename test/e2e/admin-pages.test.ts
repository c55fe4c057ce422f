// Every admin page in a real browser, in English and Japanese, the way a merchant opens it: the offline
// demo (emulator shop, token-exchange install, backfill, metrics snapshot, survey answers) serves the
// built app inside its stand-in admin frame, and Debian's Chromium opens each page through the frame.
// Per page: it renders, nothing goes wrong in the console or the network, every number shown
// (data-metric) is the stored snapshot's value at its path, axe finds nothing serious, and a screenshot
// lands in test-artifacts/screenshots/<locale>-<page>.png.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_PAGES, type SnapshotPageKey } from "../../app/components/admin-pages";
import { loadPageView } from "../../app/snapshots/page-views.server";
import { startDemo } from "../../scripts/demo/start";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "../helpers/database";
import {
  appFrame,
  formatViolations,
  framePageUrl,
  launchChromium,
  newAdminContext,
  screenshot,
  seriousAccessibilityViolations,
  settle,
  watchPage,
} from "./browser";
import { metricMismatches, type ShownMetric } from "./metric-check";

const LOCALES = ["en", "ja"] as const;
const SCREENSHOTS = path.resolve(import.meta.dirname, "../../test-artifacts/screenshots");

type Demo = Awaited<ReturnType<typeof startDemo>>;

// SQLite only: the browser side (rendering, numbers shown, console, axe) does not depend on the
// database, and what does (backfill, snapshot job, loaders' queries, session storage) is covered by the
// PostgreSQL pass of test/sync, test/snapshots and test/app. A second browser pass would add this file's
// ~4 minutes (a demo start and 20 page loads with axe on this 2-core machine) for the same checks.
describe.runIf(testDatabaseKind === "sqlite")("admin pages in Chromium", () => {
  let database: TestDatabase;
  let ownTmp: string;
  let demo: Demo;
  let browser: Browser;

  beforeAll(async () => {
    // The app downloads bulk exports to <tmpdir>/tsuzuku-bulk/<shop>-<resource>-<operation id>.jsonl:
    // every demo has the same shop and operation ids, so a demo started elsewhere at the same time
    // (test/demo, npm run demo) would overwrite or delete this one's files. Its own TMPDIR, inherited
    // by the app server, keeps them apart.
    ownTmp = mkdtempSync(path.join(tmpdir(), "tsuzuku-e2e-"));
    process.env.TMPDIR = ownTmp;
    database = await createTestDatabase();
    demo = await startDemo({ orders: 2000, seed: 8, databaseUrl: database.url, log: () => undefined });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
    await database?.drop();
    if (ownTmp) rmSync(ownTmp, { recursive: true, force: true });
  });

  for (const locale of LOCALES) {
    for (const adminPage of ADMIN_PAGES) {
      it(`${locale} ${adminPage.key} (${adminPage.path})`, async () => {
        const context = await newAdminContext(browser, { locale });
        try {
          const page = await context.newPage();
          const watch = watchPage(page);
          await page.goto(framePageUrl(demo.frameUrl, adminPage.path, locale));
          const frame = await appFrame(page, demo.appUrl);
          const rendered = adminPage.snapshot ? "[data-metric]" : ".Polaris-Page";
          try {
            await frame.locator(rendered).first().waitFor({ state: "attached", timeout: 20_000 });
          } catch {
            const shows = (await frame.locator("body").textContent())?.replace(/\s+/g, " ").slice(0, 500);
            await screenshot(page, path.join(SCREENSHOTS, `${locale}-${adminPage.key}.png`));
            throw new Error(`${locale} ${adminPage.path}: no ${rendered} after 20 s; the frame shows "${shows}"\n${watch.take().join("\n")}`);
          }
          await settle(frame);

          const report: string[] = [];
          const lang = await frame.locator("html").getAttribute("lang");
          if (lang !== locale) report.push(`the app's document says lang="${lang}", expected "${locale}"`);

          const shown: ShownMetric[] = await frame.locator("[data-metric]").evaluateAll((elements) =>
            elements.map((element) => ({
              path: element.getAttribute("data-metric") ?? "",
              value: element.getAttribute("data-value") ?? "",
              text: element.textContent ?? "",
            })),
          );
          if (adminPage.snapshot) {
            const stored = await loadPageView(database.db, demo.shop, adminPage.key as SnapshotPageKey);
            if (!stored) report.push(`no stored ${adminPage.key} snapshot for ${demo.shop}`);
            else if (shown.length === 0) report.push("shows no data-metric element");
            else report.push(...metricMismatches(stored.view, shown));
          }

          const violations = await seriousAccessibilityViolations(page, frame);
          if (violations.length > 0) report.push(`axe (serious/critical):\n${formatViolations(violations)}`);

          await screenshot(page, path.join(SCREENSHOTS, `${locale}-${adminPage.key}.png`));
          report.push(...watch.take());
          expect(report.join("\n"), `${locale} ${adminPage.path}: ${shown.length} metrics checked`).toBe("");
        } finally {
          await context.close();
        }
      });
    }
  }
});
