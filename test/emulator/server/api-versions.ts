// Which API version answers a request. Shopify serves a request for a version it no longer supports
// with the oldest supported stable version and says so in the X-Shopify-API-Version response header
// ("falling forward"): https://shopify.dev/docs/api/usage/versioning
// The emulator has one schema per version it serves (2026-07 today): older versions fall forward to the
// oldest served one; a version newer than any it serves, `unstable`, or a malformed one is Not Found.

const STABLE_VERSION = /^\d{4}-(01|04|07|10)$/;

export type VersionResolution = { served: string; fellForward: boolean } | { notFound: true };

export function resolveApiVersion(requested: string, servedVersions: readonly string[]): VersionResolution {
  const served = [...servedVersions].sort();
  if (!STABLE_VERSION.test(requested)) return { notFound: true };
  if (served.includes(requested)) return { served: requested, fellForward: false };
  if (served.length > 0 && requested < served[0]) return { served: served[0], fellForward: true };
  return { notFound: true };
}
