// Time from the first to the second order: the quartiles in a sentence and a histogram of the days,
// with its table (bucket, customers, share of the customers who ordered again).
import { useTranslation } from "../../locales/useTranslation";
import type { PageView } from "../../snapshots/views";
import { ChartCard } from "../ChartCard";
import type { Formatters } from "../format";
import { MetricValue } from "../MetricValue";
import { NoticeCard } from "../NoticeCard";
import { WithValues } from "../WithValues";

export function TimeToSecondOrderCard({ view, f }: { view: PageView<"repeat">; f: Formatters }) {
  const { t } = useTranslation();
  const gaps = view.timeToSecondOrder;
  if (gaps.customers === 0) return <NoticeCard title={t("repeat.gap.title")}>{t("repeat.gap.empty")}</NoticeCard>;
  const bucketText = (from: number, to: number | null) => (to === null ? t("repeat.gap.over", { from }) : t("repeat.gap.range", { from, to }));
  const days = (path: string, value: number | null) => (
    <MetricValue path={path} value={value}>
      {f.days(value)}
    </MetricValue>
  );
  return (
    <ChartCard
      title={t("repeat.gap.title")}
      description={
        <WithValues
          text={t("repeat.gap.description")}
          values={{
            customers: <MetricValue path="timeToSecondOrder.customers" value={gaps.customers}>{f.count(gaps.customers)}</MetricValue>,
            median: days("timeToSecondOrder.median.current", gaps.median.current),
            p25: days("timeToSecondOrder.p25", gaps.p25),
            p75: days("timeToSecondOrder.p75", gaps.p75),
          }}
        />
      }
      chart={{
        type: "bar",
        data: [{ name: t("repeat.gap.customers"), data: gaps.histogram.map((b) => ({ key: bucketText(b.fromDays, b.toDays), value: b.customers })) }],
        yLabel: (value) => f.count(value),
      }}
      table={{
        headings: [t("repeat.gap.bucket"), t("repeat.gap.customers"), t("repeat.gap.share")],
        rows: gaps.histogram.map((b, i) => {
          const bound = (name: "fromDays" | "toDays", value: number) => (
            <MetricValue path={`timeToSecondOrder.histogram.${i}.${name}`} value={value}>
              {f.count(value)}
            </MetricValue>
          );
          return [
            <WithValues
              key="bucket"
              text={t(b.toDays === null ? "repeat.gap.over" : "repeat.gap.range")}
              values={{ from: bound("fromDays", b.fromDays), ...(b.toDays === null ? {} : { to: bound("toDays", b.toDays) }) }}
            />,
            <MetricValue key="customers" path={`timeToSecondOrder.histogram.${i}.customers`} value={b.customers}>{f.count(b.customers)}</MetricValue>,
            <MetricValue key="share" path={`timeToSecondOrder.histogram.${i}.share`} value={b.share}>{f.percent(b.share)}</MetricValue>,
          ];
        }),
      }}
    />
  );
}
