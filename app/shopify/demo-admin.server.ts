// Demo mode only (`npm run demo`): the app runs inside a local stand-in for Shopify admin, which also
// stands in for Shopify's CDN. Without TSUZUKU_DEMO_ADMIN_URL nothing here changes what the app sends.
export const SHOPIFY_CDN_URL = "https://cdn.shopify.com";

/** Where the browser loads App Bridge's script and the admin font from: Shopify's CDN, or the stand-in. */
export function shopifyCdnUrl(demoAdminUrl: string | undefined): string {
  return (demoAdminUrl ?? SHOPIFY_CDN_URL).replace(/\/$/, "");
}

/**
 * The library's document headers name Shopify admin as the only frame ancestors and preload App Bridge
 * from the CDN; with the stand-in, the stand-in may frame the app and the preload points at it.
 */
export function allowStandInAdmin(headers: Headers, demoAdminUrl: string): void {
  const origin = new URL(demoAdminUrl).origin;
  if (headers.has("Content-Security-Policy")) headers.set("Content-Security-Policy", `frame-ancestors ${origin};`);
  const preload = headers.get("Link");
  if (preload) headers.set("Link", preload.replaceAll(SHOPIFY_CDN_URL, shopifyCdnUrl(demoAdminUrl)));
}
