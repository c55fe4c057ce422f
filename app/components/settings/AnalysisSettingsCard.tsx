// How the figures are computed and shown: the Cohorts page's default granularity, the predicted CLV's
// horizon and discount rate, and the language of Tsuzuku's pages.
import { BlockStack, Card, Select, TextField } from "@shopify/polaris";
import { CLV_HORIZON_DAYS, DISCOUNT_RATE_PERCENT } from "../../settings/shop-settings";
import { useTranslation } from "../../locales/useTranslation";
import type { SettingsCardProps } from "./form-values";

export function AnalysisSettingsCard({ values, onChange, errors }: SettingsCardProps) {
  const { t } = useTranslation();
  const error = (field: SettingsCardProps["errors"][number]) => (errors.includes(field) ? t(`settings.error.${field}`) : undefined);
  const set = (field: "cohortGranularity" | "clvHorizonDays" | "annualDiscountRatePercent" | "language") => (value: string) =>
    onChange((v) => ({ ...v, [field]: value }));
  return (
    <Card>
      <BlockStack gap="400">
        <Select
          label={t("settings.cohortGranularity")}
          helpText={t("settings.cohortGranularity.help")}
          name="cohortGranularity"
          options={[
            { label: t("settings.cohortGranularity.month"), value: "month" },
            { label: t("settings.cohortGranularity.week"), value: "week" },
          ]}
          value={values.cohortGranularity}
          onChange={set("cohortGranularity")}
          error={error("cohortGranularity")}
        />
        <TextField
          label={t("settings.clvHorizonDays")}
          helpText={t("settings.clvHorizonDays.help", { min: CLV_HORIZON_DAYS.min, max: CLV_HORIZON_DAYS.max })}
          name="clvHorizonDays"
          type="number"
          inputMode="numeric"
          min={CLV_HORIZON_DAYS.min}
          max={CLV_HORIZON_DAYS.max}
          suffix={t("settings.days")}
          value={values.clvHorizonDays}
          onChange={set("clvHorizonDays")}
          error={error("clvHorizonDays")}
          autoComplete="off"
        />
        <TextField
          label={t("settings.annualDiscountRate")}
          helpText={t("settings.annualDiscountRate.help")}
          name="annualDiscountRatePercent"
          type="number"
          inputMode="decimal"
          min={DISCOUNT_RATE_PERCENT.min}
          max={DISCOUNT_RATE_PERCENT.max}
          step={0.1}
          suffix="%"
          value={values.annualDiscountRatePercent}
          onChange={set("annualDiscountRatePercent")}
          error={error("annualDiscountRatePercent")}
          autoComplete="off"
        />
        <Select
          label={t("settings.language")}
          helpText={t("settings.language.help")}
          name="language"
          options={[
            { label: "English", value: "en" },
            { label: "日本語", value: "ja" },
          ]}
          value={values.language}
          onChange={set("language")}
          error={error("language")}
        />
      </BlockStack>
    </Card>
  );
}
