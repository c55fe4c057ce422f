// What the Cohorts page shows, all client-side over the stored view: cohort unit, measure, segment
// dimension and one of its values.
import { InlineGrid, Select } from "@shopify/polaris";
import { useTranslation } from "../../locales/useTranslation";
import type { CohortDimensionView } from "../../snapshots/views/cohorts";
import { segmentDimensionLabel, segmentValueLabel } from "../segment-label";
import type { CohortMetric } from "./CohortHeatmap";

export interface CohortSelection {
  unit: "month" | "week";
  metric: CohortMetric;
  dimension: number;
  segment: number;
}

interface Props {
  dimensions: CohortDimensionView[];
  selection: CohortSelection;
  onChange: (selection: CohortSelection) => void;
}

const METRICS: CohortMetric[] = ["retention", "revenuePerCustomer", "cumulativeLtv"];

export function CohortControls({ dimensions, selection, onChange }: Props) {
  const { t, locale } = useTranslation();
  const dimension = dimensions[selection.dimension];
  return (
    <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="300">
      <Select
        label={t("cohorts.controls.unit")}
        options={(["month", "week"] as const).map((unit) => ({ label: t(`cohorts.unit.${unit}`), value: unit }))}
        value={selection.unit}
        onChange={(unit) => onChange({ ...selection, unit: unit === "week" ? "week" : "month" })}
      />
      <Select
        label={t("cohorts.controls.metric")}
        options={METRICS.map((metric) => ({ label: t(`cohorts.metric.${metric}`), value: metric }))}
        value={selection.metric}
        onChange={(metric) => onChange({ ...selection, metric: metric as CohortMetric })}
      />
      <Select
        label={t("cohorts.controls.dimension")}
        options={dimensions.map((d, i) => ({ label: segmentDimensionLabel(locale, t, d.key), value: String(i) }))}
        value={String(selection.dimension)}
        onChange={(value) => onChange({ ...selection, dimension: Number(value), segment: 0 })}
      />
      <Select
        label={t("cohorts.controls.segment")}
        disabled={!dimension || dimension.segments.length < 2}
        options={(dimension?.segments ?? []).map((s, i) => ({ label: segmentValueLabel(locale, t, dimension.key, s.key, s.label), value: String(i) }))}
        value={String(selection.segment)}
        onChange={(value) => onChange({ ...selection, segment: Number(value) })}
      />
    </InlineGrid>
  );
}
