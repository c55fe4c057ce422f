// What an answer key in the Voice of customer view reads as: satisfaction bands and the answered /
// not-answered groups from the page's catalog, survey options by their built-in template label (option
// ids are stable across label edits), anything else (a merchant's own option id) as it is.
import { NO_VALUE } from "../../metrics/historical-ltv";
import type { Locale, Translate } from "../../locales/i18n";
import type { VoiceDimension } from "../../snapshots/views/voice";
import { TEMPLATES } from "../../surveys/templates";

const QUESTION_OF: Partial<Record<VoiceDimension, string>> = { attributionChannel: "heard_from", purchaseReason: "purchase_reason" };

const optionLabels = new Map<string, { en: string; ja: string }>();
for (const template of Object.values(TEMPLATES)) {
  for (const question of template.questions) {
    for (const option of question.options) optionLabels.set(`${question.key}:${option.id}`, option.label);
  }
}

export function answerLabel(locale: Locale, t: Translate, dimension: VoiceDimension, key: string): string {
  if (key === NO_VALUE) return t("voice.answer.none");
  if (dimension === "answered") return t(key === "answered" ? "voice.answer.answered" : "voice.answer.not-answered");
  if (dimension === "satisfactionBand" && (key === "low" || key === "neutral" || key === "high")) return t(`voice.band.${key}`);
  const question = QUESTION_OF[dimension];
  return (question && optionLabels.get(`${question}:${key}`)?.[locale]) ?? key;
}
