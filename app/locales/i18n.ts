// Tsuzuku's two admin languages. Catalogs are flat JSON objects; `ja` must carry every key `en` has
// (the Record type below makes a missing translation a type error).
import en from "./en.json";
import ja from "./ja.json";

export type Locale = "en" | "ja";
export type MessageKey = keyof typeof en;

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, ja };

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
