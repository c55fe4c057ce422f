// Switchable delivery faults: what an app must survive from Shopify's at-least-once, unordered delivery
// (https://shopify.dev/docs/apps/build/webhooks/ignore-duplicates) plus the losses an app can only
// recover from by reconciling. Decisions come from a seeded generator, so a run can be replayed.
import { unsafeUniformIntDistribution, xoroshiro128plus, type RandomGenerator } from "pure-rand";

export interface WebhookFaults {
  /** Chance a delivery is sent a second time: same X-Shopify-Event-Id, its own webhook id. */
  duplicateRate: number;
  /** Chance a delivery is never sent at all. */
  dropRate: number;
  /** Emulated milliseconds added before a delivery's first attempt, drawn from [min, max]. */
  delayMs: { min: number; max: number };
  /** Deliveries are held until this many wait, then sent in shuffled order; 0 or 1 keeps order. */
  reorderWindow: number;
  /** Emulated milliseconds after which a window that never fills is released anyway; null holds until it fills or `flush()`. */
  reorderHoldMs: number | null;
}

export const NO_FAULTS: WebhookFaults = { duplicateRate: 0, dropRate: 0, delayMs: { min: 0, max: 0 }, reorderWindow: 0, reorderHoldMs: 60_000 };

export class FaultDice {
  private rng: RandomGenerator;

  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed);
  }

  /** True with probability `rate` (0 never draws, so a fault-free run uses no randomness). */
  chance(rate: number): boolean {
    if (rate <= 0) return false;
    if (rate >= 1) return true;
    return unsafeUniformIntDistribution(0, 999_999, this.rng) < rate * 1_000_000;
  }

  between(min: number, max: number): number {
    return max <= min ? min : unsafeUniformIntDistribution(Math.ceil(min), Math.floor(max), this.rng);
  }

  /** A shuffled copy that is never the original order when there are two or more items. */
  shuffle<T>(items: T[]): T[] {
    const shuffled = [...items];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = unsafeUniformIntDistribution(0, i, this.rng);
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    if (shuffled.length > 1 && shuffled.every((item, i) => item === items[i])) shuffled.reverse();
    return shuffled;
  }
}
