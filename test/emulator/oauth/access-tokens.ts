// The access tokens the emulator has issued, per shop. Offline tokens either never expire or, when the
// app asks for expiring ones, live 60 minutes with a 90-day refresh token that is rotated on use.
// https://shopify.dev/changelog/offline-access-tokens-now-support-expiry-and-refresh
import { randomBytes } from "node:crypto";

export const EXPIRING_OFFLINE_TOKEN_TTL_S = 3_600;
export const REFRESH_TOKEN_TTL_S = 90 * 24 * 3_600;
/** Online tokens live for the staff member's admin session, a day at most. */
export const ONLINE_TOKEN_TTL_S = 86_399;

export interface AccessGrant {
  shop: string;
  accessToken: string;
  kind: "offline" | "online";
  scopes: string[];
  issuedAt: number;
  /** null for a non-expiring offline token. */
  expiresAt: number | null;
  refreshToken: string | null;
  refreshTokenExpiresAt: number | null;
  /** The staff member an online token acts for (the session token's `sub`). */
  userId: string | null;
}

const token = (prefix: string) => `${prefix}_${randomBytes(16).toString("hex")}`;

export class AccessTokenStore {
  private readonly byAccessToken = new Map<string, AccessGrant>();
  private readonly byRefreshToken = new Map<string, AccessGrant>();

  issueOffline(shop: string, scopes: string[], expiring: boolean, now: number): AccessGrant {
    return this.add({
      shop,
      accessToken: token("shpat"),
      kind: "offline",
      scopes,
      issuedAt: now,
      expiresAt: expiring ? now + EXPIRING_OFFLINE_TOKEN_TTL_S * 1000 : null,
      refreshToken: expiring ? token("shprt") : null,
      refreshTokenExpiresAt: expiring ? now + REFRESH_TOKEN_TTL_S * 1000 : null,
      userId: null,
    });
  }

  issueOnline(shop: string, scopes: string[], userId: string, now: number): AccessGrant {
    return this.add({
      shop,
      accessToken: token("shpua"),
      kind: "online",
      scopes,
      issuedAt: now,
      expiresAt: now + ONLINE_TOKEN_TTL_S * 1000,
      refreshToken: null,
      refreshTokenExpiresAt: null,
      userId,
    });
  }

  /** The live grant behind an access token of this shop; undefined when unknown, revoked or expired. */
  find(shop: string, accessToken: string, now: number): AccessGrant | undefined {
    const grant = this.byAccessToken.get(accessToken);
    if (!grant || grant.shop !== shop) return undefined;
    if (grant.expiresAt !== null && grant.expiresAt <= now) return undefined;
    return grant;
  }

  /** A new access token and a new refresh token for a live refresh token; the old refresh token dies. */
  refresh(shop: string, refreshToken: string, now: number): AccessGrant | undefined {
    const grant = this.byRefreshToken.get(refreshToken);
    if (!grant || grant.shop !== shop || (grant.refreshTokenExpiresAt ?? 0) <= now) return undefined;
    this.byRefreshToken.delete(refreshToken);
    return this.issueOffline(shop, grant.scopes, true, now);
  }

  revoke(accessToken: string): void {
    const grant = this.byAccessToken.get(accessToken);
    if (!grant) return;
    this.byAccessToken.delete(accessToken);
    if (grant.refreshToken) this.byRefreshToken.delete(grant.refreshToken);
  }

  /** Uninstalling the app revokes every token of the shop. */
  revokeShop(shop: string): void {
    for (const grant of [...this.byAccessToken.values()]) if (grant.shop === shop) this.revoke(grant.accessToken);
  }

  grants(shop: string): AccessGrant[] {
    return [...this.byAccessToken.values()].filter((grant) => grant.shop === shop);
  }

  private add(grant: AccessGrant): AccessGrant {
    this.byAccessToken.set(grant.accessToken, grant);
    if (grant.refreshToken) this.byRefreshToken.set(grant.refreshToken, grant);
    return grant;
  }
}
