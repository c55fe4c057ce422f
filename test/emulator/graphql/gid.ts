// Shopify global ids: `gid://shopify/Order/123`. Records keep numeric ids; the API speaks GIDs.
export function gid(type: string, id: number | string): string {
  return `gid://shopify/${type}/${id}`;
}

const GID = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(?:\?.*)?$/;

export function parseGid(value: string): { type: string; id: number } | undefined {
  const match = GID.exec(value);
  return match ? { type: match[1], id: Number(match[2]) } : undefined;
}

/** Whether a string is shaped like any Shopify GID (Shopify rejects other strings before resolving). */
export function looksLikeGid(value: string): boolean {
  return /^gid:\/\/shopify\/[A-Za-z]+\/[^/]+$/.test(value);
}
