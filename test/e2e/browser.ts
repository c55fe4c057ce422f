// The browser side of the end-to-end tests and of bench:admin: Debian's Chromium driven by
// playwright-core (no browser download), what went wrong on a page (console errors, uncaught
// exceptions, failed requests), axe in the same browser, and the page's Web Vitals measured inside the
// app's own iframe.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, type BrowserContext, chromium, type Frame, type Page } from "playwright-core";

const CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** CHROMIUM_PATH, else the first Chromium installed where Debian (or Chrome's package) puts it. */
export function chromiumExecutable(): string {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return configured;
  const found = CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(`No Chromium found (looked at ${CHROMIUM_CANDIDATES.join(", ")}): apt-get install chromium, or set CHROMIUM_PATH`);
  }
  return found;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutable(), headless: true });
}

/**
 * A fresh context (axe needs one made with browser.newContext()) at a desktop admin size. Headless
 * Chromium says "HeadlessChrome" in its user agent, which the Shopify library (isbot) answers with 410
 * Gone; a merchant's browser says "Chrome", so the context does too.
 */
export async function newAdminContext(browser: Browser, options: { locale?: string } = {}): Promise<BrowserContext> {
  const probe = await browser.newPage();
  const userAgent = (await probe.evaluate(() => navigator.userAgent)).replace("HeadlessChrome", "Chrome");
  await probe.close();
  return browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: options.locale === "ja" ? "ja-JP" : "en-US", userAgent });
}

export interface PageWatch {
  /** Console errors, uncaught exceptions and failed requests since the last `take()`, one line each. */
  take(): string[];
}

/** Collects everything that went wrong on the page and in its frames (the app's iframe included). */
export function watchPage(page: Page): PageWatch {
  let problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const { url, lineNumber } = message.location();
    problems.push(`console error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ""}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught exception: ${error.stack ?? error.message}`));
  page.on("requestfailed", (request) => {
    problems.push(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText ?? "unknown"})`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  return {
    take() {
      // A chart drawing 30 bars logs the same error 30 times: each message once, with its count.
      const counts = new Map<string, number>();
      for (const problem of problems) counts.set(problem, (counts.get(problem) ?? 0) + 1);
      problems = [];
      return [...counts].map(([problem, count]) => (count > 1 ? `${problem} (×${count})` : problem));
    },
  };
}

/** A page of the app opened through the demo's stand-in admin frame (scripts/demo/admin-frame.ts). */
export function framePageUrl(frameUrl: string, appPath: string, locale: "en" | "ja"): string {
  const url = new URL(frameUrl);
  url.search = new URLSearchParams({ locale, path: appPath }).toString();
  return url.toString();
}

/** The frame whose document comes from the app (the admin frame's iframe), once it has loaded. */
export async function appFrame(page: Page, appUrl: string, timeoutMs = 30_000): Promise<Frame> {
  const appOrigin = new URL(appUrl).origin;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame() && candidate.url().startsWith(appOrigin));
    if (frame) {
      await frame.waitForLoadState("load");
      return frame;
    }
    if (Date.now() > deadline) {
      throw new Error(`No frame from ${appOrigin} in ${page.url()} after ${timeoutMs} ms (frames: ${page.frames().map((f) => f.url()).join(", ")})`);
    }
    await page.waitForTimeout(50);
  }
}

/** Two animation frames inside `frame`: whatever hydration or a client-only chart scheduled has painted. */
export async function settle(frame: Frame): Promise<void> {
  await frame.waitForLoadState("networkidle");
  await frame.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

export interface AxeProblem {
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  targets: string[];
  summary: string;
}

/**
 * axe on the app's document only (the admin frame around it is a local stand-in for Shopify's own
 * admin, not the app): violations of impact serious or critical.
 */
export async function seriousAccessibilityViolations(page: Page, frame: Frame): Promise<AxeProblem[]> {
  const iframe = await frame.frameElement();
  await iframe.evaluate((element) => (element as Element).setAttribute("data-axe-app-frame", ""));
  // No preload: axe would fetch every stylesheet again with XHR (for CSSOM rules), which a font CDN
  // without CORS headers refuses, an error of axe's making in the page's console.
  const results = await new AxeBuilder({ page }).include(["iframe[data-axe-app-frame]", "html"]).options({ preload: false }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? "unknown",
      help: violation.help,
      helpUrl: violation.helpUrl,
      targets: violation.nodes.map((node) => node.target.map(String).join(" → ")),
      summary: violation.nodes[0]?.failureSummary?.replace(/\s+/g, " ").trim() ?? "",
    }));
}

/** One readable block per violation: rule, impact, what it means, where (first few elements), why. */
export function formatViolations(violations: AxeProblem[]): string {
  return violations
    .map((violation) => {
      const where = violation.targets.slice(0, 5).join("\n      ");
      const more = violation.targets.length > 5 ? `\n      … and ${violation.targets.length - 5} more` : "";
      return `  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n    ${violation.summary}\n    at: ${where}${more}`;
    })
    .join("\n");
}

export async function screenshot(page: Page, file: string): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
}

/**
 * Installed before any document loads, in every frame: records the document's largest contentful
 * paint and layout shifts with buffered PerformanceObservers. Read it with `webVitals(frame)`.
 */
export async function recordWebVitals(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const vitals = { lcp: null as number | null, shifts: [] as { value: number; startTime: number }[] };
    (window as unknown as { __tsuzukuVitals: typeof vitals }).__tsuzukuVitals = vitals;
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) vitals.lcp = entry.startTime;
      }).observe({ type: "largest-contentful-paint", buffered: true });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) vitals.shifts.push({ value: entry.value, startTime: entry.startTime });
        }
      }).observe({ type: "layout-shift", buffered: true });
    } catch {
      // An engine without these entry types leaves lcp null.
    }
  });
}

export interface WebVitals {
  /** ms from the frame's own navigation start; null if the document painted no contentful element. */
  lcp: number | null;
  /** Cumulative layout shift: the largest session window (gaps < 1 s, windows ≤ 5 s), as web-vitals computes it. */
  cls: number;
}

export async function webVitals(frame: Frame): Promise<WebVitals> {
  const recorded = await frame.evaluate(() => (window as unknown as { __tsuzukuVitals?: { lcp: number | null; shifts: { value: number; startTime: number }[] } }).__tsuzukuVitals);
  if (!recorded) throw new Error(`Web Vitals were not recorded in ${frame.url()} (recordWebVitals on the context first)`);
  let cls = 0;
  let sessionWindow = 0;
  let windowStart = -Infinity;
  let previous = -Infinity;
  for (const shift of recorded.shifts) {
    if (shift.startTime - previous >= 1000 || shift.startTime - windowStart >= 5000) {
      sessionWindow = 0;
      windowStart = shift.startTime;
    }
    sessionWindow += shift.value;
    previous = shift.startTime;
    cls = Math.max(cls, sessionWindow);
  }
  return { lcp: recorded.lcp, cls };
}
