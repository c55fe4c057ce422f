// DateTime as the Admin API prints it: UTC, whole seconds, "Z" ("2026-06-29T20:32:52Z" in live
// responses recorded in airhorns/shopify-draft-proxy fixtures).
export function isoDateTime(epochMs: number): string;
export function isoDateTime(epochMs: number | null | undefined): string | null;
export function isoDateTime(epochMs: number | null | undefined): string | null {
  if (epochMs === null || epochMs === undefined) return null;
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace(".000Z", "Z");
}
