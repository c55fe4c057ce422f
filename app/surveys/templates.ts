// Built-in surveys a merchant starts from. Option ids are stable: attribution shares and segments group
// by them, so a label can be reworded without splitting the history.
import type { SurveyDefinition } from "./definition";

export const TEMPLATE_IDS = ["heard_from", "purchase_reason", "satisfaction"] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** Options of "How did you hear about us?" that are acquisition channels, as the engine names them. */
export const HEARD_FROM_CHANNELS = ["instagram", "x", "facebook", "line", "tiktok", "youtube", "influencer", "friend", "search", "ad", "other"] as const;

const heardFrom: SurveyDefinition = {
  name: "How did you hear about us?",
  placements: ["thank-you", "order-status"],
  questions: [
    {
      key: "heard_from",
      kind: "single",
      prompt: { en: "How did you hear about us?", ja: "当店を何で知りましたか？" },
      randomize: true,
      options: [
        { id: "instagram", label: { en: "Instagram", ja: "Instagram" } },
        { id: "x", label: { en: "X (Twitter)", ja: "X（旧Twitter）" } },
        { id: "facebook", label: { en: "Facebook", ja: "Facebook" } },
        { id: "line", label: { en: "LINE", ja: "LINE" } },
        { id: "tiktok", label: { en: "TikTok", ja: "TikTok" } },
        { id: "youtube", label: { en: "YouTube", ja: "YouTube" } },
        { id: "influencer", label: { en: "An influencer or creator", ja: "インフルエンサー・クリエイター" } },
        { id: "friend", label: { en: "A friend or family member", ja: "友人・家族の紹介" } },
        { id: "search", label: { en: "Search (Google, Yahoo!)", ja: "検索（Google・Yahoo!など）" } },
        { id: "ad", label: { en: "An ad", ja: "広告" } },
        { id: "other", label: { en: "Other", ja: "その他" }, writeIn: true },
      ],
    },
    {
      key: "heard_from_influencer",
      kind: "text",
      prompt: { en: "Which one?", ja: "どなたですか？" },
      options: [],
      randomize: false,
      showIf: { key: "heard_from", optionIds: ["influencer"] },
    },
  ],
};

const purchaseReason: SurveyDefinition = {
  name: "What made you buy today?",
  placements: ["thank-you"],
  questions: [
    {
      key: "purchase_reason",
      kind: "single",
      prompt: { en: "What made you buy today?", ja: "今回ご購入いただいた決め手は何ですか？" },
      randomize: true,
      options: [
        { id: "quality", label: { en: "Ingredients or quality", ja: "成分・品質" } },
        { id: "reviews", label: { en: "Reviews", ja: "口コミ・レビュー" } },
        { id: "recommendation", label: { en: "Someone recommended it", ja: "人にすすめられた" } },
        { id: "price", label: { en: "Price or a promotion", ja: "価格・キャンペーン" } },
        { id: "subscription", label: { en: "The subscription is convenient", ja: "定期便が便利" } },
        { id: "gift", label: { en: "It's a gift", ja: "プレゼント用" } },
        { id: "restock", label: { en: "I ran out", ja: "使い切ったので" } },
        { id: "other", label: { en: "Other", ja: "その他" }, writeIn: true },
      ],
    },
  ],
};

const satisfaction: SurveyDefinition = {
  name: "Satisfaction",
  placements: ["order-status"],
  questions: [
    {
      key: "csat",
      kind: "csat",
      prompt: { en: "How satisfied are you with your purchase?", ja: "今回のお買い物にどのくらい満足していますか？" },
      options: [],
      randomize: false,
    },
    {
      key: "csat_why",
      kind: "text",
      prompt: { en: "Sorry to hear that. What could we do better?", ja: "申し訳ございません。改善できる点を教えてください。" },
      options: [],
      randomize: false,
      showIf: { key: "csat", scoreAtMost: 2 },
    },
    {
      key: "nps",
      kind: "nps",
      prompt: { en: "How likely are you to recommend us to a friend?", ja: "当店を友人や知人にすすめる可能性はどのくらいありますか？" },
      options: [],
      randomize: false,
    },
    {
      key: "interview",
      kind: "interview_opt_in",
      prompt: { en: "May we contact you for a short interview about your experience?", ja: "ご感想について、短いインタビューのご連絡を差し上げてもよろしいですか？" },
      options: [],
      randomize: false,
    },
  ],
};

export const TEMPLATES: Record<TemplateId, SurveyDefinition> = {
  heard_from: heardFrom,
  purchase_reason: purchaseReason,
  satisfaction,
};

/** A fresh copy: the builder edits it freely. */
export function template(id: TemplateId): SurveyDefinition {
  return structuredClone(TEMPLATES[id]);
}
