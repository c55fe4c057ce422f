// Orders without a customer: guest checkouts (web, or walk-in buyers at the pop-up store) spread like
// new-customer arrivals, and staff test orders, most of them in the shop's first month.
import { CROSS_BORDER_WEIGHTS } from "./money";
import { KIND, SOURCE, packFlags } from "./order-flags";
import { PROCESS } from "./process";
import { Rng, STREAM, WeightedChoice, deriveSeed } from "./random";
import { profileOfSource } from "./customer-process";
import type { ShopTiming } from "./timing";

export interface AnonymousOrder {
  at: number;
  seed: number;
  flags: number;
}

export class AnonymousOrderModel {
  private readonly source = new WeightedChoice([PROCESS.guestSources.web, PROCESS.guestSources.pos, PROCESS.guestSources.shopify_draft_order]);
  private readonly crossBorder = new WeightedChoice(CROSS_BORDER_WEIGHTS);

  constructor(readonly shopSeed: number, readonly timing: ShopTiming) {}

  guest(g: number): AnonymousOrder {
    // The order's own seed (for materialising it) is a different stream from the one placing it.
    const seed = deriveSeed(this.shopSeed, STREAM.guestOrder, g, 1);
    const rng = new Rng(deriveSeed(this.shopSeed, STREAM.guestOrder, g, 0));
    const source = this.source.pick(rng);
    const day = this.timing.arrivalDayIn(rng);
    const at = this.timing.orderInstant(rng, day, profileOfSource(source));
    const presentment = source === SOURCE.web && rng.chance(PROCESS.crossBorder.guestWebShare) ? 1 + this.crossBorder.pick(rng) : 0;
    return { at, seed, flags: packFlags(KIND.guest, source, presentment) };
  }

  test(t: number): AnonymousOrder {
    const seed = deriveSeed(this.shopSeed, STREAM.testOrder, t, 1);
    const rng = new Rng(deriveSeed(this.shopSeed, STREAM.testOrder, t, 0));
    const day = rng.chance(PROCESS.shares.launchTests) ? this.timing.earlyDay(rng, 30) : this.timing.earlyDay(rng, Infinity);
    return { at: this.timing.orderInstant(rng, day, "test"), seed, flags: packFlags(KIND.test, SOURCE.web, 0) };
  }
}
