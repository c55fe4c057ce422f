// A small local stand-in for the Shopify admin frame: a page with an admin-like top bar, navigation and
// an en/ja switch around an <iframe> that opens the app as Shopify admin does (embedded=1, shop, host, a
// signed id_token, locale). It also stands in for Shopify's CDN, serving the App Bridge stand-in
// (frame/app-bridge.js) and the admin font stylesheet, and signs session tokens for the app's requests.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { adminHost, adminSessionToken, type AppCredentials } from "./tokens";

const asset = (name: string) => readFileSync(new URL(`./frame/${name}`, import.meta.url), "utf8");
const PAGE = asset("index.html");
const ADMIN_SCRIPT = asset("admin.js");
const APP_BRIDGE_SCRIPT = asset("app-bridge.js");
// Shopify admin's font (Inter) is not available offline; Polaris falls back to the system font.
const FONT_STYLESHEET = "/* The offline demo has no Inter font: Polaris falls back to the system font. */\n";

const CHROME = {
  en: {
    adminLabel: "Shopify admin",
    demoNote: "Offline demo · emulated shop",
    languageLabel: "Language",
    adminNavLabel: "Admin",
    appsLabel: "Apps",
    sections: ["Home", "Orders", "Products", "Customers", "Marketing", "Analytics"],
  },
  ja: {
    adminLabel: "Shopify 管理画面",
    demoNote: "オフラインデモ・エミュレーターのストア",
    languageLabel: "言語",
    adminNavLabel: "管理画面",
    appsLabel: "アプリ",
    sections: ["ホーム", "注文管理", "商品管理", "顧客管理", "マーケティング", "ストア分析"],
  },
} as const;

export interface AdminFrameOptions {
  port: number;
  app: AppCredentials & { url: string; name: string };
  shop: { domain: string; name: string };
}

export interface AdminFrame {
  url: string;
  /** The app as the frame opens it: a document URL with a fresh signed id_token. */
  appDocumentUrl(path?: string, locale?: "en" | "ja"): string;
  close(): Promise<void>;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Only the app's own pages open in the frame. */
function appPath(requested: string | null): string {
  return requested && /^\/app(\/[A-Za-z0-9._~%$-]+)*\/?$/.test(requested) ? requested : "/app";
}

export async function startAdminFrame(options: AdminFrameOptions): Promise<AdminFrame> {
  const { app, shop } = options;
  const appDocumentUrl = (path = "/app", locale: "en" | "ja" = "en") =>
    `${app.url}${appPath(path)}?${new URLSearchParams({
      embedded: "1",
      shop: shop.domain,
      host: adminHost(shop.domain),
      id_token: adminSessionToken(app, shop.domain),
      locale,
    })}`;

  const page = (locale: "en" | "ja", path: string) => {
    const chrome = CHROME[locale];
    const config = { appUrl: app.url, appName: app.name, shopName: shop.name, locale, path };
    const values: Record<string, string> = {
      lang: locale,
      appName: escapeHtml(app.name),
      shopName: escapeHtml(shop.name),
      shopInitial: escapeHtml(Array.from(shop.name)[0] ?? "S"),
      adminLabel: chrome.adminLabel,
      demoNote: chrome.demoNote,
      languageLabel: chrome.languageLabel,
      adminNavLabel: chrome.adminNavLabel,
      appsLabel: chrome.appsLabel,
      adminSections: chrome.sections.map((name) => `<li><span class="admin-section">${name}</span></li>`).join(""),
      enCurrent: locale === "en" ? 'aria-current="true"' : "",
      jaCurrent: locale === "ja" ? 'aria-current="true"' : "",
      iframeSrc: escapeHtml(appDocumentUrl(path, locale)),
      config: JSON.stringify(config).replace(/</g, "\\u003c"),
    };
    return PAGE.replace(/\{\{(\w+)\}\}/g, (_match, key: string) => values[key] ?? "");
  };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const send = (status: number, type: string, body: string, cache = "no-store") => {
      response.writeHead(status, { "Content-Type": type, "Cache-Control": cache });
      response.end(body);
    };
    if (request.method !== "GET" && request.method !== "HEAD") return send(405, "text/plain", "GET only");
    switch (url.pathname) {
      case "/": {
        const locale = url.searchParams.get("locale") === "ja" ? "ja" : "en";
        return send(200, "text/html; charset=utf-8", page(locale, appPath(url.searchParams.get("path"))));
      }
      case "/admin.js":
        return send(200, "text/javascript; charset=utf-8", ADMIN_SCRIPT);
      case "/session-token":
        return send(200, "application/json", JSON.stringify({ token: adminSessionToken(app, shop.domain) }));
      case "/shopifycloud/app-bridge.js":
        return send(200, "text/javascript; charset=utf-8", APP_BRIDGE_SCRIPT, "max-age=300");
      case "/static/fonts/inter/v4/styles.css":
        return send(200, "text/css; charset=utf-8", FONT_STYLESHEET, "max-age=300");
      default:
        return send(404, "text/plain", "Not found");
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new Error(`port ${options.port} is in use (choose another with --port)`) : error),
    );
    server.listen(options.port, () => resolve());
  });
  const url = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    url,
    appDocumentUrl,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
