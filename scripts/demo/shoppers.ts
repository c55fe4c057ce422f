// Generated shoppers answering the published surveys through the real answer endpoint, one answer per
// request with a signed checkout session token, exactly as the checkout extension sends them (its own
// sendAnswer). Who answers and what they say is seeded and tied to the synced shop: each responder is a
// real customer answering on their first order; the channel they name follows the journey Shopify
// recorded for that order; satisfied customers are the ones who came back.
import type { Db } from "../../app/db.server";
import type { AnswerInput, PublishedSurvey, SurveyConfig } from "../../app/surveys/flow";
import { nextQuestionIndex } from "../../app/surveys/flow";
import { sendAnswer, type SurveyHost } from "../../extensions/post-purchase-survey/src/host";
import { browserFetch } from "./browser-fetch";
import { checkoutSessionToken, type AppCredentials } from "./tokens";

/** At most this many customers are asked; each answers each survey with the survey's response rate. */
const MAX_ASKED = 3_000;
const RESPONSE_RATE: Record<string, number> = { heard_from: 0.3, purchase_reason: 0.25, satisfaction: 0.22 };
const CONCURRENCY = 12;
const CHECKOUT_ORIGIN = "https://extensions.shopifycdn.com";

/** mulberry32 with a Box–Muller normal: small, seeded, deterministic. */
function rng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    normal: (sd: number) => sd * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
  };
}
type Rng = ReturnType<typeof rng>;

interface Responder {
  customerId: string;
  orderId: string;
  ordersCount: number;
  channel: string;
  discountCode: string | null;
  subscribed: boolean;
}

const SOCIAL = new Set(["instagram", "x", "facebook", "line", "tiktok", "youtube"]);

/** The "How did you hear about us?" option the first order's journey points to. */
function journeyChannel(c: { firstVisitSource: string | null; firstUtmSource: string | null; firstUtmMedium: string | null; firstDiscountCode: string | null }): string {
  if (c.firstUtmMedium === "influencer") return "influencer";
  const source = (c.firstUtmSource ?? c.firstVisitSource ?? "").toLowerCase();
  if (source === "twitter" || source === "t.co") return "x";
  if (SOCIAL.has(source)) return source;
  if (source === "google" || source === "yahoo" || source === "bing") return "search";
  return "direct";
}

/** Customers to ask, in a seeded order: each with their first order, as synced. */
async function responders(db: Db, shop: string, random: Rng): Promise<Responder[]> {
  const customers = await db.customer.findMany({
    where: { shop, firstOrderId: { not: null } },
    orderBy: { id: "asc" },
    select: { id: true, firstOrderId: true, ordersCount: true, firstVisitSource: true, firstUtmSource: true, firstUtmMedium: true, firstDiscountCode: true },
  });
  for (let i = customers.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random.next() * (i + 1));
    [customers[i], customers[j]] = [customers[j], customers[i]];
  }
  const asked = customers.slice(0, MAX_ASKED);
  const subscribed = new Set<string>();
  const firstOrderIds = asked.map((c) => c.firstOrderId!);
  for (let i = 0; i < firstOrderIds.length; i += 500) {
    const orders = await db.order.findMany({ where: { shop, id: { in: firstOrderIds.slice(i, i + 500) }, hasSubscriptionLine: true }, select: { id: true } });
    for (const order of orders) subscribed.add(order.id);
  }
  return asked.map((c) => ({
    customerId: c.id,
    orderId: c.firstOrderId!,
    ordersCount: c.ordersCount,
    channel: journeyChannel(c),
    discountCode: c.firstDiscountCode,
    subscribed: subscribed.has(c.firstOrderId!),
  }));
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

const IMPROVE = {
  ja: ["届くまでに時間がかかりました。", "思ったより量が少なかったです。", "肌に合いませんでした。", "定期便の解約方法が分かりにくいです。"],
  en: ["Delivery took longer than I expected.", "Smaller than I thought.", "It did not suit my skin.", "Hard to find how to change my subscription."],
};

/** What shoppers type after "Other". */
const WRITE_INS: Record<string, Record<"en" | "ja", string[]>> = {
  heard_from: { ja: ["雑誌で見ました", "ポップアップストアで", "店頭で試しました"], en: ["Saw it in a magazine", "At a pop-up store"] },
  purchase_reason: { ja: ["パッケージがかわいかった", "香りが好き"], en: ["Loved the packaging", "I like the scent"] },
};

/** One shopper's answer to one question, or null to skip it (every question can be skipped). */
function answerFor(question: PublishedSurvey["questions"][number], who: Responder, satisfaction: number, language: "en" | "ja", random: Rng): AnswerInput | null {
  const key = question.key;
  if (random.chance(0.06)) return null;
  switch (question.kind) {
    case "csat":
      return { questionKey: key, score: clamp(Math.round(1 + 4 * satisfaction + random.normal(0.45)), 1, 5) };
    case "nps":
      return { questionKey: key, score: clamp(Math.round(10 * satisfaction + random.normal(1.2)), 0, 10) };
    case "interview_opt_in":
      return { questionKey: key, consent: random.chance(0.05 + 0.2 * satisfaction) };
    case "text":
      if (key === "heard_from_influencer") {
        const name = who.discountCode?.replace(/\d+$/, "") ?? "";
        return name ? { questionKey: key, text: name[0] + name.slice(1).toLowerCase() } : null;
      }
      return random.chance(0.6) ? { questionKey: key, text: random.pick(IMPROVE[language]) } : null;
    case "single":
    case "multiple": {
      const ids = new Set(question.options.map((option) => option.id));
      let choice: string;
      if (key === "heard_from") {
        // Most remember how they found the shop; some name a friend, an ad or a search instead.
        const told = who.channel === "direct" ? random.pick(["friend", "search", "ad", "instagram", "other"]) : who.channel;
        choice = random.chance(0.8) ? told : random.pick(["friend", "search", "ad", "instagram", "other"]);
      } else if (key === "purchase_reason") {
        const weights: Array<[string, number]> = [
          ["quality", 3],
          ["reviews", 2.5],
          ["recommendation", who.channel === "influencer" ? 2.5 : 1],
          ["price", who.discountCode ? 3 : 0.8],
          ["subscription", who.subscribed ? 4 : 0.2],
          ["gift", 0.6],
          ["restock", 0.3],
          ["other", 0.3],
        ];
        let draw = random.next() * weights.reduce((sum, [, w]) => sum + w, 0);
        choice = weights.find(([, w]) => (draw -= w) < 0)?.[0] ?? "quality";
      } else {
        choice = random.pick([...ids]);
      }
      if (!ids.has(choice)) choice = [...ids].at(-1)!;
      const writeIn = question.options.find((option) => option.id === choice)?.writeIn;
      const written = WRITE_INS[key]?.[language];
      return { questionKey: key, optionIds: [choice], ...(writeIn && written && random.chance(0.5) ? { text: random.pick(written) } : {}) };
    }
  }
}

export interface ShopperOptions {
  db: Db;
  app: AppCredentials;
  shop: string;
  config: SurveyConfig;
  seed: number;
  /** Called after every 500 answers sent. */
  progress?: (sent: number) => void;
}

/** Has generated shoppers answer; returns the answers sent and how many the endpoint refused. */
export async function answerSurveys(options: ShopperOptions): Promise<{ responders: number; answers: number; failed: number }> {
  const random = rng(options.seed ^ 0x5eed);
  const people = await responders(options.db, options.shop, random);
  // Every decision is drawn up front, in order, so the answers do not depend on request timing.
  const sessions: Array<{ who: Responder; survey: PublishedSurvey; language: "en" | "ja"; loggedIn: boolean; answers: AnswerInput[] }> = [];
  for (const who of people) {
    // Returning customers were the satisfied ones; one-time buyers spread wider and lower.
    const satisfaction = clamp((who.ordersCount >= 3 ? 0.8 : who.ordersCount === 2 ? 0.68 : 0.5) + random.normal(0.2), 0, 1);
    const language = random.chance(0.88) ? "ja" : "en";
    for (const survey of options.config.surveys) {
      const template = survey.questions[0]?.key === "csat" ? "satisfaction" : survey.questions[0]?.key;
      if (!random.chance(RESPONSE_RATE[template] ?? 0.2)) continue;
      const given = new Map<string, AnswerInput>();
      for (let index = nextQuestionIndex(survey.questions, -1, given); index !== -1; index = nextQuestionIndex(survey.questions, index, given)) {
        const answer = answerFor(survey.questions[index], who, satisfaction, language, random);
        if (answer) given.set(answer.questionKey, answer);
      }
      if (given.size) sessions.push({ who, survey, language, loggedIn: random.chance(0.6), answers: [...given.values()] });
    }
  }

  let sent = 0;
  let failed = 0;
  let nextSession = 0;
  const storage = new Map<string, unknown>();
  const worker = async () => {
    while (nextSession < sessions.length) {
      const { who, survey, language, loggedIn, answers } = sessions[nextSession++];
      const host: SurveyHost = {
        placement: survey.placements[0],
        language,
        orderId: who.orderId,
        config: options.config,
        translate: (key) => key,
        sessionToken: async () => checkoutSessionToken(options.app, options.shop, loggedIn ? who.customerId : null),
        storage: { read: async <T>(key: string) => (storage.get(key) as T) ?? null, write: async (key, value) => void storage.set(key, value) },
        // The extension runs in Shopify's sandbox: a cross-origin request.
        fetch: (input, init = {}) => browserFetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), Origin: CHECKOUT_ORIGIN } }),
      };
      for (const answer of answers) {
        if (!(await sendAnswer(host, survey, who.orderId, answer))) failed += 1;
        sent += 1;
        if (sent % 500 === 0) options.progress?.(sent);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { responders: new Set(sessions.map((s) => s.who.customerId)).size, answers: sent, failed };
}
