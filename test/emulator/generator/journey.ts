// Customer journey summaries. A customer's first order carries a first visit that matches their
// acquisition channel (an Instagram ad, a LINE message, an influencer's affiliate link with its
// UTM campaign…); later orders come back through retention traffic (LINE, newsletter, direct,
// brand search). Only online-store (web) orders have a journey, and not all of them: Shopify
// cannot attribute every session.
import type { Channel, EmJourney } from "../store/types";
import { INFLUENCERS } from "./channels";
import { PROCESS } from "./process";
import type { Rng } from "./random";

type Visit = NonNullable<EmJourney["firstVisit"]>;
type Utm = NonNullable<Visit["utm"]>;

const REFERRERS: Record<string, string | null> = {
  instagram: "https://l.instagram.com/",
  x: "https://t.co/",
  facebook: "https://m.facebook.com/",
  tiktok: "https://www.tiktok.com/",
  youtube: "https://www.youtube.com/",
  google: "https://www.google.com/",
  yahoo: "https://search.yahoo.co.jp/",
  line: null,
  email: null,
  direct: null,
};

/** Paid share of social arrivals (the rest are organic posts). */
const PAID_SHARE: Partial<Record<Channel, number>> = { instagram: 0.4, x: 0.3, facebook: 0.7, tiktok: 0.5, youtube: 0.2 };

export interface JourneyContext {
  channel: Channel | null; // null for guest orders: drawn from the channel mix instead
  influencer: number;
  productHandle: string;
  /** "2025-04": campaigns are named by month. */
  month: string;
  customerOrderIndex: number;
}

function utm(source: string, medium: string, campaign: string | null, content: string | null = null, term: string | null = null): Utm {
  return { source, medium, campaign, content, term };
}

function visit(source: string, sourceType: string | null, utmParameters: Utm | null, landingPath: string): Visit {
  const query = utmParameters
    ? "?" + Object.entries({ utm_source: utmParameters.source, utm_medium: utmParameters.medium, utm_campaign: utmParameters.campaign, utm_content: utmParameters.content })
      .filter(([, v]) => v !== null).map(([k, v]) => `${k}=${encodeURIComponent(v!)}`).join("&")
    : "";
  return { source, sourceType, referrerUrl: REFERRERS[source] ?? null, landingPage: landingPath + query, utm: utmParameters };
}

/** The visit that brought a customer of `channel` in. */
export function acquisitionVisit(rng: Rng, channel: Channel, context: JourneyContext): Visit {
  const page = `/products/${context.productHandle}`;
  const campaign = `${channel}_${context.month}`;
  switch (channel) {
    case "line":
      return visit("line", "MESSAGE", utm("line", "message", "line_friends"), page);
    case "influencer": {
      const influencer = INFLUENCERS[Math.max(0, context.influencer)];
      return visit(influencer.platform, "AFFILIATE", utm(influencer.platform, "influencer", influencer.code.toLowerCase(), "post"), page);
    }
    case "search": {
      const engine = rng.chance(0.7) ? "google" : "yahoo";
      return rng.chance(0.3) ? visit(engine, "AD", utm(engine, "cpc", "brand", null, "tsuzuku"), page) : visit(engine, "SEO", null, page);
    }
    case "direct":
      return visit("direct", null, null, "/");
    default: {
      const paid = rng.chance(PAID_SHARE[channel] ?? 0);
      if (paid) return visit(channel, "AD", utm(channel, "paid_social", campaign), page);
      return visit(channel, "POST", rng.chance(0.5) ? utm(channel, "social", "profile_link") : null, page);
    }
  }
}

/** The visit that brought a returning customer back. */
function retentionVisit(rng: Rng, channel: Channel | null, context: JourneyContext): Visit {
  const page = `/products/${context.productHandle}`;
  const u = rng.float();
  if (channel === "line" ? u < 0.6 : u < 0.1) return visit("line", "MESSAGE", utm("line", "message", `line_${context.month}`), page);
  if (u < 0.4) return visit("email", "NEWSLETTER", utm("newsletter", "email", `mail_${context.month}`), page);
  if (u < 0.75) return visit("direct", null, null, "/");
  if (u < 0.92) return visit(rng.chance(0.7) ? "google" : "yahoo", "SEO", null, page);
  return visit("instagram", "POST", null, page);
}

const GUEST_CHANNELS: Channel[] = ["instagram", "search", "direct", "tiktok", "x"];

/** The journey of a web order, or null when Shopify would not have one. */
export function drawJourney(rng: Rng, context: JourneyContext): EmJourney | null {
  const first = context.customerOrderIndex <= 1;
  const present = rng.chance(first ? PROCESS.journey.firstOrderShare : PROCESS.journey.laterOrderShare);
  const channel = context.channel ?? GUEST_CHANNELS[rng.int(GUEST_CHANNELS.length)];
  const firstVisit = first ? acquisitionVisit(rng, channel, context) : retentionVisit(rng, context.channel, context);
  // First purchases often follow days of browsing; returning customers buy within a few days.
  const daysToConversion = first ? (rng.chance(0.45) ? 0 : Math.min(30, 1 + Math.floor(rng.exponential(4)))) : rng.int(4);
  return present ? { customerOrderIndex: Math.max(1, context.customerOrderIndex), daysToConversion, firstVisit } : null;
}
