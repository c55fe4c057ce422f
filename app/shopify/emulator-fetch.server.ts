// Tests and demo mode only: sends the Shopify library's own outgoing traffic (Admin GraphQL, the token
// exchange and refresh on /admin/oauth/access_token) to the local Shopify emulator instead of
// https://{shop}.myshopify.com. It swaps the fetch of the library's runtime adapter — the one function
// @shopify/shopify-api routes every Shopify request through (lib/utils/fetch-request and the Admin
// GraphQL client's customFetchApi) — so everything else runs the library's production code path.
import { abstractFetch, type AbstractFetchFunc, setAbstractFetchFunc } from "@shopify/shopify-api/runtime";

const LIBRARY_FETCH = Symbol.for("tsuzuku.shopifyLibraryFetch");
type EmulatorFetch = AbstractFetchFunc & { [LIBRARY_FETCH]?: AbstractFetchFunc };

const SHOP_HOST = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/**
 * `https://{shop}.myshopify.com/{path}` as the emulator addresses it: `{emulator}/shops/{shop}/{path}`,
 * the shop carried in the path because fetch cannot set a Host header. Other URLs are left alone.
 */
export function emulatorUrlFor(url: string, emulatorUrl: string): string {
  const target = new URL(url);
  if (target.protocol !== "https:" || !SHOP_HOST.test(target.hostname)) return url;
  return `${emulatorUrl.replace(/\/$/, "")}/shops/${target.hostname}${target.pathname}${target.search}`;
}

/**
 * Routes the library's Shopify traffic to `emulatorUrl`; with undefined, restores the library's fetch.
 * Safe to call again (module reloads in tests): it always wraps the library's original fetch.
 */
export function routeShopifyTrafficTo(emulatorUrl: string | undefined): void {
  const current = abstractFetch as EmulatorFetch;
  const libraryFetch = current[LIBRARY_FETCH] ?? current;
  if (!emulatorUrl) {
    setAbstractFetchFunc(libraryFetch);
    return;
  }
  const emulatorFetch: EmulatorFetch = (input, init) => {
    if (input instanceof Request) return libraryFetch(new Request(emulatorUrlFor(input.url, emulatorUrl), input), init);
    return libraryFetch(emulatorUrlFor(input instanceof URL ? input.href : input, emulatorUrl), init);
  };
  emulatorFetch[LIBRARY_FETCH] = libraryFetch;
  setAbstractFetchFunc(emulatorFetch);
}
