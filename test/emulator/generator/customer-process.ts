// One customer's life, from their own seed: channel, latent parameters (BG/NBD-style purchase rate
// and dropout, gamma-gamma-style spend), first product, subscription, and the instants of all their
// orders inside the window. The first order is the arrival; each later one-time order follows an
// exponential gap, and after every purchase the customer drops out for good with their dropout
// probability. A subscriber's renewals come from the contract process.
import { CATALOGUE } from "./catalogue";
import { CHANNELS, INFLUENCERS, firstProductWeights } from "./channels";
import { type ContractLifecycle, simulateContract } from "./contract-process";
import { CROSS_BORDER_WEIGHTS } from "./money";
import { KIND, SOURCE } from "./order-flags";
import { PROCESS } from "./process";
import { Rng, STREAM, WeightedChoice, deriveSeed } from "./random";
import type { HourProfile, ShopTiming } from "./timing";

export interface CustomerDraw {
  channel: number; // index into CHANNELS
  influencer: number; // index into INFLUENCERS, -1 unless the channel is "influencer"
  firstProduct: number; // index into CATALOGUE
  crossBorder: number; // 0 = domestic, 1..3 = cross-border currency
  ratePerYear: number;
  dropout: number;
  meanSpendJpy: number;
  contractSeed: number;
  contract: ContractLifecycle | null;
}

/** A customer's orders as drawn, reused between customers to avoid garbage. */
export class Timeline {
  readonly times: number[] = [];
  readonly kinds: number[] = [];
  readonly sources: number[] = [];

  get length(): number {
    return this.times.length;
  }

  clear(): void {
    this.times.length = 0;
    this.kinds.length = 0;
    this.sources.length = 0;
  }

  push(at: number, kind: number, source: number): void {
    this.times.push(at);
    this.kinds.push(kind);
    this.sources.push(source);
  }
}

export const profileOfSource = (source: number): HourProfile => (source === SOURCE.pos ? "pos" : "online");

const sourceWeights = (mix: Record<"web" | "pos" | "shopify_draft_order", number>) => [mix.web, mix.pos, mix.shopify_draft_order];

/** Distributions shared by all customers of a shop. */
export class CustomerModel {
  private readonly channel = new WeightedChoice(CHANNELS.map((c) => c.share));
  private readonly influencer = new WeightedChoice(INFLUENCERS.map((i) => i.share));
  readonly firstProduct = CHANNELS.map((c) => new WeightedChoice(firstProductWeights(c, CATALOGUE.map((p) => p.popularity))));
  private readonly crossBorder = new WeightedChoice(CROSS_BORDER_WEIGHTS);
  private readonly source = new WeightedChoice(sourceWeights(PROCESS.customerSources));

  constructor(readonly shopSeed: number, readonly timing: ShopTiming) {}

  /** Draws customer `k` and writes their orders into `timeline` (cleared first). */
  draw(k: number, timeline: Timeline): CustomerDraw {
    const rng = new Rng(deriveSeed(this.shopSeed, STREAM.customer, k));
    const { purchase, spend, subscription } = PROCESS;
    const channel = this.channel.pick(rng);
    const behaviour = CHANNELS[channel];
    const influencer = behaviour.channel === "influencer" ? this.influencer.pick(rng) : -1;
    const firstProduct = this.firstProduct[channel].pick(rng);
    const product = CATALOGUE[firstProduct];
    const crossBorder = rng.chance(PROCESS.crossBorder.customerShare) ? 1 + this.crossBorder.pick(rng) : 0;
    const subscriber = crossBorder === 0 && product.subscribable && rng.chance(behaviour.subscribeShare);
    const ratePerYear = rng.gamma(purchase.rateShape, purchase.meanRatePerYear / purchase.rateShape)
      * behaviour.rateFactor * product.rateFactor * (subscriber ? purchase.subscriberRateFactor : 1);
    const [a, b] = behaviour.dropoutBeta;
    const dropout = Math.min(purchase.dropoutRange[1], Math.max(purchase.dropoutRange[0], rng.beta(a, b) * product.dropoutFactor));
    const meanSpendJpy = rng.gamma(spend.customerShape, spend.meanOrderValueJpy / spend.customerShape) * behaviour.spendFactor;

    timeline.clear();
    this.drawOneTimeOrders(rng, ratePerYear, dropout, timeline);
    let contract: ContractLifecycle | null = null;
    const contractSeed = subscriber ? deriveSeed(this.shopSeed, STREAM.contract, k) : 0;
    if (subscriber) {
      const origin = timeline.length >= 2 && !rng.chance(subscription.originFirstOrderShare) ? 1 : 0;
      timeline.kinds[origin] = KIND.subscriptionOrigin;
      timeline.sources[origin] = SOURCE.web; // subscriptions start in the online store
      contract = simulateContract(contractSeed, timeline.times[origin], this.timing);
      for (const at of contract.renewals) timeline.push(at, KIND.renewal, SOURCE.subscription);
    }
    return { channel, influencer, firstProduct, crossBorder, ratePerYear, dropout, meanSpendJpy, contractSeed, contract };
  }

  private drawOneTimeOrders(rng: Rng, ratePerYear: number, dropout: number, timeline: Timeline): void {
    const { calendar } = this.timing;
    const firstDay = this.timing.arrivalDayIn(rng);
    const firstSource = this.source.pick(rng);
    timeline.push(this.timing.orderInstant(rng, firstDay, profileOfSource(firstSource)), KIND.oneTime, firstSource);
    const meanGapDays = 365.25 / ratePerYear;
    let day = firstDay;
    let clock = firstDay; // continuous time in days; orders land on the local day it falls on
    while (!rng.chance(dropout)) {
      clock += rng.exponential(meanGapDays);
      // At most one one-time order per local day, and always after the first order's day.
      day = Math.max(day + 1, Math.floor(clock));
      if (day >= calendar.endWindowDay) break;
      const source = this.source.pick(rng);
      timeline.push(this.timing.orderInstant(rng, day, profileOfSource(source)), KIND.oneTime, source);
    }
  }
}
