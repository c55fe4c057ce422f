// The Settings form's field values (strings and switches, as the inputs hold them) from stored settings.
import type { Locale } from "../../locales/i18n";
import { DRAFT_ORDER_SOURCE, POS_SOURCE, type SettingsFormField, type ShopSettingsValues } from "../../settings/shop-settings";

export type SettingsFormValues = {
  excludeTestOrders: boolean;
  excludePos: boolean;
  excludeDraftOrders: boolean;
  otherSources: string;
  excludedTags: string;
  cohortGranularity: "month" | "week";
  clvHorizonDays: string;
  annualDiscountRatePercent: string;
  language: Locale;
};

export interface SettingsCardProps {
  values: SettingsFormValues;
  onChange: (update: (values: SettingsFormValues) => SettingsFormValues) => void;
  errors: readonly SettingsFormField[];
}

export function formValuesOf(settings: ShopSettingsValues, language: Locale): SettingsFormValues {
  const sources = settings.exclusions.sourceNames;
  return {
    excludeTestOrders: settings.exclusions.testOrders,
    excludePos: sources.includes(POS_SOURCE),
    excludeDraftOrders: sources.includes(DRAFT_ORDER_SOURCE),
    otherSources: sources.filter((source) => source !== POS_SOURCE && source !== DRAFT_ORDER_SOURCE).join(", "),
    excludedTags: settings.exclusions.tags.join(", "),
    cohortGranularity: settings.cohortGranularity,
    clvHorizonDays: String(settings.clvHorizonDays),
    // 0.1 → "10"; the rounding drops float noise (0.07 × 100 = 7.000000000000001).
    annualDiscountRatePercent: String(Math.round(settings.annualDiscountRate * 1e6) / 1e4),
    language,
  };
}
