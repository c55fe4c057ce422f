// Which shop a request is for, when one emulator hosts several. Shopify tells shops apart by host name
// ({shop}.myshopify.com); a local server offers three ways to say it:
//   1. a path prefix:  http://127.0.0.1:4321/shops/{shop}.myshopify.com/admin/api/2026-07/graphql.json
//      (what the app's emulator fetch uses; works from any HTTP client),
//   2. the Host header: Host: {shop}.myshopify.com (curl --resolve, a proxy),
//   3. a loopback sub-domain: http://{store}.localhost:4321/admin/… (browsers and curl resolve *.localhost).

const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;
const PREFIX = /^\/shops\/([^/]+)(\/.*)?$/;

export interface RoutedRequest {
  /** The shop's myshopify domain, or null when the request names none. */
  shop: string | null;
  /** The path as Shopify would see it, without the /shops/{shop} prefix. */
  path: string;
}

export function routeByShop(url: URL, hostHeader: string | null): RoutedRequest {
  const prefixed = PREFIX.exec(url.pathname);
  if (prefixed) {
    const shop = decodeURIComponent(prefixed[1]).toLowerCase();
    return { shop: SHOP_DOMAIN.test(shop) ? shop : null, path: prefixed[2] ?? "/" };
  }
  const host = (hostHeader ?? "").toLowerCase().replace(/:\d+$/, "");
  if (SHOP_DOMAIN.test(host)) return { shop: host, path: url.pathname };
  const local = /^([a-z0-9][a-z0-9-]*)\.localhost$/.exec(host);
  if (local) return { shop: `${local[1]}.myshopify.com`, path: url.pathname };
  return { shop: null, path: url.pathname };
}

/** The base URL under which the emulator answers for `shop` (scheme 1). */
export function shopBaseUrl(emulatorUrl: string, shop: string): string {
  return `${emulatorUrl.replace(/\/$/, "")}/shops/${shop}`;
}
