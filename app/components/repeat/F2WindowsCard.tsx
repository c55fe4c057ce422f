// F2 conversion by window: a bar per window now and (dashed / grey comparison series) one period earlier,
// with a table of the customers old enough for each window, how many ordered again, and both rates.
import { useTranslation } from "../../locales/useTranslation";
import type { PageView } from "../../snapshots/views";
import { ChartCard } from "../ChartCard";
import type { Formatters } from "../format";
import { MetricValue } from "../MetricValue";
import { WithValues } from "../WithValues";

/** The earlier period in grey, beside the current bars in the theme's colour (and named in the legend). */
const PREVIOUS_GREY = "rgb(138, 138, 138)";

export function F2WindowsCard({ view, f }: { view: PageView<"repeat">; f: Formatters }) {
  const { t } = useTranslation();
  const days = (windowDays: number) => t("repeat.f2.days", { days: windowDays });
  const previousLabel = t("repeat.f2.seriesPrevious", { days: view.comparisonDays });
  return (
    <ChartCard
      title={t("repeat.f2.title")}
      description={t("repeat.f2.description")}
      chart={{
        type: "bar",
        data: [
          { name: t("repeat.f2.seriesNow"), data: view.f2.map((w) => ({ key: days(w.windowDays), value: w.rate.current })) },
          { name: previousLabel, isComparison: true, color: PREVIOUS_GREY, data: view.f2.map((w) => ({ key: days(w.windowDays), value: w.rate.previous })) },
        ],
        yLabel: (value) => f.percent(value, 0),
      }}
      table={{
        headings: [t("repeat.f2.window"), t("repeat.f2.eligible"), t("repeat.f2.converted"), t("repeat.f2.rate"), t("repeat.f2.previous", { days: view.comparisonDays })],
        rows: view.f2.map((w, i) => [
          <WithValues key="window" text={t("repeat.f2.days")} values={{ days: <MetricValue path={`f2.${i}.windowDays`} value={w.windowDays}>{f.count(w.windowDays)}</MetricValue> }} />,
          <MetricValue key="eligible" path={`f2.${i}.eligibleCustomers`} value={w.eligibleCustomers}>{f.count(w.eligibleCustomers)}</MetricValue>,
          <MetricValue key="converted" path={`f2.${i}.convertedCustomers`} value={w.convertedCustomers}>{f.count(w.convertedCustomers)}</MetricValue>,
          <MetricValue key="rate" path={`f2.${i}.rate.current`} value={w.rate.current}>{f.percent(w.rate.current)}</MetricValue>,
          <MetricValue key="previous" path={`f2.${i}.rate.previous`} value={w.rate.previous}>{f.percent(w.rate.previous)}</MetricValue>,
        ]),
      }}
    />
  );
}
