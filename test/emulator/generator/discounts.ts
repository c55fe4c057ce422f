// Discount codes: WELCOME10 on first orders, the LINE friend coupon, influencer codes (YUKI15…) and
// yearly campaigns whose code carries the year (BF2025). Campaign windows also lift new-customer
// arrivals (see timing.ts), so promotions show up both in codes and in cohort sizes.
import type { Channel } from "../store/types";
import { INFLUENCERS } from "./channels";
import { PROCESS } from "./process";
import type { Rng } from "./random";

export interface Campaign {
  prefix: string;
  percentOff: number;
  /** Inclusive local dates as month * 100 + day (month 0-based). */
  from: number;
  to: number;
  arrivalBoost: number;
}

export const CAMPAIGNS: readonly Campaign[] = [
  { prefix: "NEWYEAR", percentOff: 15, from: 1, to: 7, arrivalBoost: 1.3 },
  { prefix: "SUMMER", percentOff: 10, from: 620, to: 720, arrivalBoost: 1.1 },
  { prefix: "BF", percentOff: 20, from: 1022, to: 1030, arrivalBoost: 1.6 },
  { prefix: "HOLIDAY", percentOff: 10, from: 1115, to: 1125, arrivalBoost: 1.2 },
];

export function campaignOn(month: number, dayOfMonth: number): Campaign | undefined {
  const date = month * 100 + dayOfMonth;
  return CAMPAIGNS.find((c) => date >= c.from && date <= c.to);
}

export interface DiscountChoice {
  code: string;
  /** Percentage off every line, or 0 for a fixed amount. */
  percentOff: number;
  /** Fixed amount off the order in JPY (converted to the shop currency by the caller), or 0. */
  fixedJpy: number;
}

export const WELCOME = { code: "WELCOME10", percentOff: 10 } as const;
export const LINE_COUPON = { code: "LINE500" } as const;

export interface DiscountContext {
  isFirstOrder: boolean;
  channel: Channel | null; // null for guests
  influencer: number; // index into INFLUENCERS, or -1
  year: number;
  month: number;
  dayOfMonth: number;
}

/** At most one code per order; draws from `rng` in a fixed sequence whatever the outcome. */
export function chooseDiscount(rng: Rng, context: DiscountContext): DiscountChoice | null {
  const p = PROCESS.discounts;
  const first = rng.float();
  const repeat = rng.float();
  const campaignDraw = rng.float();
  if (context.channel !== null && context.isFirstOrder) {
    if (context.influencer >= 0) {
      if (first < p.influencerFirstShare) return influencerCode(context.influencer);
    } else if (context.channel === "line") {
      if (first < p.lineCouponShare) return { code: LINE_COUPON.code, percentOff: 0, fixedJpy: p.lineCouponJpy };
    } else if (first < p.welcomeShare) {
      return { code: WELCOME.code, percentOff: WELCOME.percentOff, fixedJpy: 0 };
    }
  } else if (context.influencer >= 0 && repeat < p.influencerRepeatShare) {
    return influencerCode(context.influencer);
  }
  const campaign = campaignOn(context.month, context.dayOfMonth);
  if (campaign && campaignDraw < p.campaignShare) {
    return { code: `${campaign.prefix}${context.year}`, percentOff: campaign.percentOff, fixedJpy: 0 };
  }
  return null;
}

function influencerCode(index: number): DiscountChoice {
  const influencer = INFLUENCERS[index];
  return { code: influencer.code, percentOff: influencer.percentOff, fixedJpy: 0 };
}
