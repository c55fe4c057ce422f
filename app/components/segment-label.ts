// How a segment reads on any page that splits customers by customer-segments.ts dimensions (Cohorts,
// LTV…): the dimension's name, and a value's — acquisition channels and survey answers by their built-in
// survey option labels, subscribers and "no value" from the catalog, products by their title when the
// view carries it, anything else (a discount code, a merchant's own option id) as it is.
import { SURVEY_PREFIX } from "../metrics/customer-segments";
import { NO_VALUE } from "../metrics/historical-ltv";
import { type Locale, labelFor, type Translate } from "../locales/i18n";
import type { VoiceDimension } from "../snapshots/views/voice";
import { answerLabel } from "./voice/answer-label";

export function segmentDimensionLabel(locale: Locale, t: Translate, dimension: string): string {
  return dimension === "all" ? t("cohorts.segment.all") : labelFor(locale, "ltv.dimension", dimension);
}

export function segmentValueLabel(locale: Locale, t: Translate, dimension: string, key: string, title?: string | null): string {
  if (dimension === "all") return t("cohorts.segment.all");
  if (dimension.startsWith(SURVEY_PREFIX)) return answerLabel(locale, t, dimension.slice(SURVEY_PREFIX.length) as VoiceDimension, key);
  if (key === NO_VALUE) return t(dimension === "firstDiscountCode" ? "cohorts.segment.noCode" : "cohorts.segment.unknown");
  if (dimension === "subscriber") return labelFor(locale, "ltv.value", key);
  if (dimension === "channel") return key === "direct" ? t("cohorts.segment.channel.direct") : answerLabel(locale, t, "attributionChannel", key);
  return title ?? key;
}
