// Tsuzuku's two admin languages. Catalogs are flat JSON objects: the shared one, and one per admin page
// under pages/ (keys prefixed with the page's key). `ja` must carry every key `en` has (the Record type
// below makes a missing translation a type error).
import en from "./en.json";
import ja from "./ja.json";
import overviewEn from "./pages/overview.en.json";
import overviewJa from "./pages/overview.ja.json";
import cohortsEn from "./pages/cohorts.en.json";
import cohortsJa from "./pages/cohorts.ja.json";
import repeatEn from "./pages/repeat.en.json";
import repeatJa from "./pages/repeat.ja.json";
import ltvEn from "./pages/ltv.en.json";
import ltvJa from "./pages/ltv.ja.json";
import customersEn from "./pages/customers.en.json";
import customersJa from "./pages/customers.ja.json";
import subscriptionsEn from "./pages/subscriptions.en.json";
import subscriptionsJa from "./pages/subscriptions.ja.json";
import voiceEn from "./pages/voice.en.json";
import voiceJa from "./pages/voice.ja.json";
import settingsEn from "./pages/settings.en.json";
import settingsJa from "./pages/settings.ja.json";

export type Locale = "en" | "ja";
const enCatalog = { ...en, ...overviewEn, ...cohortsEn, ...repeatEn, ...ltvEn, ...customersEn, ...subscriptionsEn, ...voiceEn, ...settingsEn };
const jaCatalog = { ...ja, ...overviewJa, ...cohortsJa, ...repeatJa, ...ltvJa, ...customersJa, ...subscriptionsJa, ...voiceJa, ...settingsJa };

export type MessageKey = keyof typeof enCatalog;

const catalogs: Record<Locale, Record<MessageKey, string>> = { en: enCatalog, ja: jaCatalog };

export const DEFAULT_LOCALE: Locale = "en";

/**
 * The first candidate naming a supported language wins: "ja", "ja-JP" → ja. Callers pass, in order, what
 * Shopify says the merchant reads (the `locale` query parameter) and what the shop row stores.
 */
export function resolveLocale(...candidates: Array<string | null | undefined>): Locale {
  for (const candidate of candidates) {
    const language = candidate?.trim().toLowerCase().split(/[-_]/)[0];
    if (language === "en" || language === "ja") return language;
  }
  return DEFAULT_LOCALE;
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  return (key, vars) =>
    catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) => (vars && name in vars ? String(vars[name]) : whole));
}

/** For values stored as data (a sync phase, a resource name): its label, or the value itself when unknown. */
export function labelFor(locale: Locale, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return key in catalogs[locale] ? catalogs[locale][key as MessageKey] : value;
}
