// The per-order facts fixed at generation, packed into 16 bits of a typed-array column:
//   bits 0–2 kind, bits 3–4 source, bits 5–6 presentment currency (0 = shop currency, 1–3 = cross-border list).
// Everything else about an order (lines, money, refunds, journey) is re-derived from its seed.
import type { OrderSource } from "../store/types";

export const KIND = { oneTime: 0, subscriptionOrigin: 1, renewal: 2, guest: 3, test: 4 } as const;
export type OrderKind = (typeof KIND)[keyof typeof KIND];
export const KIND_NAMES = ["oneTime", "subscriptionOrigin", "renewal", "guest", "test"] as const;

export const SOURCES: readonly OrderSource[] = ["web", "pos", "shopify_draft_order", "subscription_contract"];
export const SOURCE = { web: 0, pos: 1, draft: 2, subscription: 3 } as const;

export function packFlags(kind: number, source: number, presentment: number): number {
  return kind | (source << 3) | (presentment << 5);
}
export const kindOf = (flags: number) => (flags & 7) as OrderKind;
export const sourceOf = (flags: number) => (flags >>> 3) & 3;
export const presentmentOf = (flags: number) => (flags >>> 5) & 3;
