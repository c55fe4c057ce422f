// Shopify's leaky bucket for the GraphQL Admin API, one per shop (per app and shop on Shopify).
//
// Restore rates are documented per plan: 100 points/s (standard), 200 (Advanced), 1,000 (Plus),
// 2,000 (Enterprise / Commerce Components) — https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits
// and https://shopify.dev/docs/api/usage/limits#rate-limits. That page no longer prints bucket sizes.
// Bucket = 20 × restore rate: a live 2026-04 dev store answers maximumAvailable 2000 with
// restoreRate 100 (airhorns/shopify-draft-proxy fixtures/conformance/harry-test-heelo.myshopify.com/
// 2026-04/**), and the same ratio held before the 2024 doubling (1,000 @ 50/s standard, 2,000 @
// 100/s Plus — e.g. https://community.shopify.com/t/throttled/254776). Advanced, Plus and Enterprise
// sizes (4,000 / 20,000 / 40,000) follow that ratio; override with `bucketOverride` if Shopify says otherwise.
import type { PlanTier } from "../store/types";

export const RESTORE_RATE_BY_PLAN: Record<PlanTier, number> = {
  standard: 100,
  advanced: 200,
  plus: 1_000,
  enterprise: 2_000,
};

export const BUCKET_SIZE_BY_PLAN: Record<PlanTier, number> = {
  standard: 2_000,
  advanced: 4_000,
  plus: 20_000,
  enterprise: 40_000,
};

/** A single query may not request more than this, whatever the bucket holds. */
export const SINGLE_QUERY_MAX_COST = 1_000;

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export class ThrottleBucket {
  private available: number;
  private refilledAt: number;

  constructor(
    readonly maximumAvailable: number,
    readonly restoreRate: number,
    now: number,
  ) {
    this.available = maximumAvailable;
    this.refilledAt = now;
  }

  static forPlan(plan: PlanTier, now: number, bucketOverride?: Partial<Pick<ThrottleStatus, "maximumAvailable" | "restoreRate">>) {
    return new ThrottleBucket(
      bucketOverride?.maximumAvailable ?? BUCKET_SIZE_BY_PLAN[plan],
      bucketOverride?.restoreRate ?? RESTORE_RATE_BY_PLAN[plan],
      now,
    );
  }

  private refill(now: number): void {
    const elapsedSeconds = Math.max(0, now - this.refilledAt) / 1000;
    this.available = Math.min(this.maximumAvailable, this.available + elapsedSeconds * this.restoreRate);
    this.refilledAt = Math.max(this.refilledAt, now);
  }

  /** Takes `cost` points when the bucket holds them; false (and nothing taken) when it does not. */
  tryTake(cost: number, now: number): boolean {
    this.refill(now);
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  /** Gives back the difference between requested and actual cost after execution. */
  giveBack(points: number, now: number): void {
    this.refill(now);
    this.available = Math.min(this.maximumAvailable, this.available + Math.max(0, points));
  }

  status(now: number): ThrottleStatus {
    this.refill(now);
    return {
      maximumAvailable: this.maximumAvailable,
      currentlyAvailable: Math.floor(this.available),
      restoreRate: this.restoreRate,
    };
  }
}
