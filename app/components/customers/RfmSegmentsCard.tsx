// The ten RFM segments: customers per segment on the chart; the table adds both shares and revenue.
import { labelFor } from "../../locales/i18n";
import { useTranslation } from "../../locales/useTranslation";
import type { PageView } from "../../snapshots/views";
import { ChartCard } from "../ChartCard";
import type { Formatters } from "../format";
import { MetricValue } from "../MetricValue";
import { WithValues } from "../WithValues";

type Rfm = PageView<"customers">["rfm"];

export function RfmSegmentsCard({ rfm, f }: { rfm: Rfm; f: Formatters }) {
  const { t, locale } = useTranslation();
  const name = (segment: string) => labelFor(locale, "customers.segment", segment);
  const at = (i: number, field: string) => `rfm.segments.${i}.${field}`;
  return (
    <ChartCard
      title={t("customers.segments.title")}
      description={
        <WithValues text={t("customers.segments.description")} values={{ customers: <MetricValue path="rfm.customers" value={rfm.customers}>{f.count(rfm.customers)}</MetricValue> }} />
      }
      height={360}
      chart={{
        type: "horizontalBar",
        data: [{ name: t("customers.segments.customers"), data: rfm.segments.map((s) => ({ key: name(s.segment), value: s.customers })) }],
        // Horizontal bars: the value axis is x (the y axis holds the segment names).
        xLabel: (v) => f.countTick(Number(v)),
      }}
      table={{
        headings: [t("customers.segments.segment"), t("customers.segments.customers"), t("customers.segments.customerShare"), t("customers.segments.revenue"), t("customers.segments.revenueShare")],
        rows: rfm.segments.map((s, i) => [
          name(s.segment),
          <MetricValue key="customers" path={at(i, "customers")} value={s.customers}>{f.count(s.customers)}</MetricValue>,
          <MetricValue key="customerShare" path={at(i, "customerShare")} value={s.customerShare}>{f.percent(s.customerShare)}</MetricValue>,
          <MetricValue key="revenue" path={at(i, "revenue")} value={s.revenue}>{f.money(s.revenue)}</MetricValue>,
          <MetricValue key="share" path={at(i, "share")} value={s.share}>{f.percent(s.share)}</MetricValue>,
        ]),
      }}
    />
  );
}
