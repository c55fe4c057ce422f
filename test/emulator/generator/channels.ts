// Acquisition channels and how their customers behave. A customer's channel is drawn once, at
// arrival, and shifts the BG/NBD-style parameters drawn for them (see process.ts): LINE friends and
// direct visitors come back often (the shop messages them), TikTok and influencer-code buyers mostly
// buy once. docs/emulator-shop.md lists the same table.
import type { Channel } from "../store/types";
import { productIndex } from "./catalogue";

export interface ChannelBehaviour {
  channel: Channel;
  /** Share of new customers. */
  share: number;
  /** Multiplier on the latent purchase rate. */
  rateFactor: number;
  /** Dropout probability after each purchase ~ Beta(a, b); mean a / (a + b). */
  dropoutBeta: readonly [a: number, b: number];
  /** Multiplier on the customer's mean order value. */
  spendFactor: number;
  /** Probability of subscribing when the first product is subscribable. */
  subscribeShare: number;
  /** Products this channel's content sells (three times as likely as a first product). */
  affinity: readonly string[];
}

export const CHANNELS: readonly ChannelBehaviour[] = [
  { channel: "instagram", share: 0.22, rateFactor: 1.0, dropoutBeta: [1.0, 1.8], spendFactor: 1.0, subscribeShare: 0.27, affinity: ["brightening-serum", "lip-tint", "cleansing-balm"] },
  { channel: "x", share: 0.07, rateFactor: 0.9, dropoutBeta: [1.0, 1.4], spendFactor: 0.9, subscribeShare: 0.21, affinity: ["all-in-one-gel", "hydrating-lotion", "vitamin-c-60"] },
  { channel: "facebook", share: 0.06, rateFactor: 1.0, dropoutBeta: [1.0, 1.8], spendFactor: 1.15, subscribeShare: 0.3, affinity: ["aojiru-30", "collagen-jelly", "eye-cream"] },
  { channel: "line", share: 0.14, rateFactor: 1.5, dropoutBeta: [1.0, 3.5], spendFactor: 1.05, subscribeShare: 0.38, affinity: ["aojiru-30", "lactobacillus-30", "trial-set-7"] },
  { channel: "tiktok", share: 0.12, rateFactor: 0.7, dropoutBeta: [1.0, 0.8], spendFactor: 0.8, subscribeShare: 0.13, affinity: ["lip-tint", "sheet-mask-7", "trial-set-7"] },
  { channel: "youtube", share: 0.06, rateFactor: 1.0, dropoutBeta: [1.0, 1.8], spendFactor: 1.1, subscribeShare: 0.3, affinity: ["retinol-cream", "brightening-serum", "facial-roller"] },
  { channel: "influencer", share: 0.1, rateFactor: 0.8, dropoutBeta: [1.0, 1.2], spendFactor: 0.95, subscribeShare: 0.21, affinity: ["brightening-serum", "lip-tint", "all-in-one-gel"] },
  { channel: "search", share: 0.13, rateFactor: 1.1, dropoutBeta: [1.0, 2.2], spendFactor: 1.1, subscribeShare: 0.3, affinity: ["all-in-one-gel", "scalp-shampoo", "uv-milk"] },
  { channel: "direct", share: 0.1, rateFactor: 1.3, dropoutBeta: [1.0, 2.6], spendFactor: 1.15, subscribeShare: 0.34, affinity: ["gift-set", "hydrating-lotion", "aojiru-30"] },
];

export const channelIndex = new Map(CHANNELS.map((c, i) => [c.channel, i]));

/** Influencers whose codes bring the "influencer" channel; the platform is where their posts live. */
export const INFLUENCERS = [
  { code: "YUKI15", percentOff: 15, platform: "instagram", share: 0.35 },
  { code: "MIKA10", percentOff: 10, platform: "youtube", share: 0.25 },
  { code: "SAKURA20", percentOff: 20, platform: "tiktok", share: 0.25 },
  { code: "REINA15", percentOff: 15, platform: "instagram", share: 0.15 },
] as const;

/** First-product weights per channel: catalogue popularity, tripled for the channel's affinity products. */
export function firstProductWeights(behaviour: ChannelBehaviour, popularity: readonly number[]): number[] {
  const weights = [...popularity];
  for (const handle of behaviour.affinity) weights[productIndex(handle)] *= 3;
  return weights;
}
