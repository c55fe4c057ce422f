// Month by month: active subscribers, MRR (contracts only) and the new / reactivated / churned movements,
// each chart with its table; the latest months only, and the page says so when older ones are left out.
import { BlockStack } from "@shopify/polaris";
import { ChartCard } from "../ChartCard";
import type { Formatters } from "../format";
import { MetricValue } from "../MetricValue";
import { NoticeCard } from "../NoticeCard";
import { WithValues } from "../WithValues";
import type { SubscriptionActivityView, SubscriptionMonthView } from "../../snapshots/views/subscriptions";
import { useTranslation } from "../../locales/useTranslation";

type Field = Exclude<keyof SubscriptionMonthView, "month">;

const MOVEMENT_COLORS = { new: "#1a7f37", reactivated: "#6e40c9", churned: "#cf222e" } as const;

export function SubscriptionTrends({ activity, f }: { activity: SubscriptionActivityView; f: Formatters }) {
  const { t } = useTranslation();
  const { months } = activity;
  const cell = (i: number, field: Field, format: (v: number | null) => string) => (
    <MetricValue key={field} path={`activity.months.${i}.${field}`} value={months[i][field]}>
      {format(months[i][field])}
    </MetricValue>
  );
  const series = (name: string, field: Field, color?: string) => ({ name, color, data: months.map((m) => ({ key: m.month, value: m[field] })) });
  const capped =
    activity.monthsTotal > activity.monthsShown ? (
      <WithValues
        text={t("subscriptions.chart.capped")}
        values={{
          shown: <MetricValue path="activity.monthsShown" value={activity.monthsShown}>{f.count(activity.monthsShown)}</MetricValue>,
          total: <MetricValue path="activity.monthsTotal" value={activity.monthsTotal}>{f.count(activity.monthsTotal)}</MetricValue>,
        }}
      />
    ) : undefined;
  const monthRows = (...columns: Array<[Field, (v: number | null) => string]>) =>
    months.map((m, i) => [m.month, ...columns.map(([field, format]) => cell(i, field, format))]);
  return (
    <BlockStack gap="500">
      <ChartCard
        title={t("subscriptions.chart.active")}
        description={capped}
        chart={{ type: "line", data: [series(t("subscriptions.col.active"), "activeSubscribers")], yLabel: (v) => f.count(v) }}
        table={{ headings: [t("subscriptions.col.month"), t("subscriptions.col.active")], rows: monthRows(["activeSubscribers", f.count]) }}
      />
      {activity.source === "own" ? (
        <ChartCard
          title={t("subscriptions.chart.mrr")}
          description={capped}
          chart={{ type: "line", data: [series(t("subscriptions.col.mrr"), "mrr")], yLabel: (v) => f.money(v) }}
          table={{ headings: [t("subscriptions.col.month"), t("subscriptions.col.mrr")], rows: monthRows(["mrr", f.money]) }}
        />
      ) : (
        <NoticeCard title={t("subscriptions.chart.mrr")}>{t("subscriptions.chart.mrrUnavailable")}</NoticeCard>
      )}
      <ChartCard
        title={t("subscriptions.chart.movements")}
        description={capped}
        chart={{
          type: "bar",
          // Distinct hues for the three movements (the legend and the table name them too).
          data: [
            series(t("subscriptions.col.new"), "new", MOVEMENT_COLORS.new),
            series(t("subscriptions.col.reactivated"), "reactivated", MOVEMENT_COLORS.reactivated),
            series(t("subscriptions.col.churned"), "churned", MOVEMENT_COLORS.churned),
          ],
          yLabel: (v) => f.count(v),
        }}
        table={{
          headings: [t("subscriptions.col.month"), t("subscriptions.col.new"), t("subscriptions.col.reactivated"), t("subscriptions.col.churned"), t("subscriptions.col.churnRate")],
          rows: monthRows(["new", f.count], ["reactivated", f.count], ["churned", f.count], ["churnRate", (v) => f.percent(v)]),
        }}
      />
    </BlockStack>
  );
}
