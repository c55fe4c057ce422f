// The chart beside the heatmap: one line per recent cohort of the selected segment (the measure by
// periods since the first order), with its table alternative at the same view paths.
import { useTranslation } from "../../locales/useTranslation";
import type { CohortHeatmap } from "../../snapshots/views/cohorts";
import { ChartCard } from "../ChartCard";
import type { Formatters } from "../format";
import { MetricValue } from "../MetricValue";
import { NoticeCard } from "../NoticeCard";
import { cohortLabel, offsetLabel } from "./cohort-label";
import type { CohortMetric } from "./CohortHeatmap";

/** Cohorts drawn: the latest ones with at least two periods. */
export const CURVE_COHORTS = 6;

interface Props {
  unit: "month" | "week";
  cohorts: string[];
  heatmap: CohortHeatmap;
  metric: CohortMetric;
  path: string;
  f: Formatters;
}

export function CohortCurvesCard({ unit, cohorts, heatmap, metric, path, f }: Props) {
  const { t, locale } = useTranslation();
  const values = heatmap[metric];
  const drawn = cohorts
    .map((label, i) => ({ label, i }))
    .filter(({ i }) => values[i].length >= 2)
    .slice(-CURVE_COHORTS);
  if (drawn.length === 0) return <NoticeCard title={t("cohorts.curves.title")}>{t("cohorts.curves.empty")}</NoticeCard>;
  const show = (value: number) => (metric === "retention" ? f.percent(value) : f.money(value));
  const offset = (k: number) => offsetLabel(t, unit, k);
  const longest = Math.max(...drawn.map(({ i }) => values[i].length));
  return (
    <ChartCard
      title={t("cohorts.curves.title")}
      description={t("cohorts.curves.description", { metric: t(`cohorts.metric.${metric}`) })}
      chart={{
        type: "line",
        data: drawn.map(({ label, i }) => ({ name: cohortLabel(locale, label), data: values[i].map((value, k) => ({ key: offset(k), value })) })),
        yLabel: show,
      }}
      table={{
        headings: [t("cohorts.curves.offset"), ...drawn.map(({ label }) => cohortLabel(locale, label))],
        rows: Array.from({ length: longest }, (_, k) => [
          offset(k),
          ...drawn.map(({ i }) =>
            values[i][k] === undefined ? "" : (
              <MetricValue key={i} path={`${path}.${metric}.${i}.${k}`} value={values[i][k]}>
                {show(values[i][k])}
              </MetricValue>
            ),
          ),
        ]),
      }}
    />
  );
}
