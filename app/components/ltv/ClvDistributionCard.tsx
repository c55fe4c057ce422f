// How many customers fall in each predicted-value bin (round money amounts, log-spaced), with the
// bins' total predicted value in the table.
import { useTranslation } from "../../locales/useTranslation";
import type { PageView } from "../../snapshots/views";
import { ChartCard } from "../ChartCard";
import type { Formatters } from "../format";
import { MetricValue } from "../MetricValue";
import { NoticeCard } from "../NoticeCard";
import { WithValues } from "../WithValues";

type Bin = PageView<"ltv">["predicted"]["distribution"][number];

export function ClvDistributionCard({ bins, f }: { bins: Bin[]; f: Formatters }) {
  const { t } = useTranslation();
  if (bins.length === 0) {
    return (
      <NoticeCard title={t("ltv.distribution.title")}>{t("ltv.distribution.empty")}</NoticeCard>
    );
  }
  // Axis labels in short amounts ("¥1K – ¥2K"): ten full ranges do not fit under the bars.
  const chartLabel = (bin: Bin) =>
    bin.to === null
      ? t("ltv.bin.over", { from: f.moneyCompact(bin.from) })
      : bin.from === 0
        ? t("ltv.bin.under", { to: f.moneyCompact(bin.to) })
        : t("ltv.bin.range", { from: f.moneyCompact(bin.from), to: f.moneyCompact(bin.to) });
  const tableLabel = (bin: Bin, i: number) => {
    const from = <MetricValue path={`predicted.distribution.${i}.from`} value={bin.from}>{f.money(bin.from)}</MetricValue>;
    const to = <MetricValue path={`predicted.distribution.${i}.to`} value={bin.to}>{f.money(bin.to)}</MetricValue>;
    const key = bin.to === null ? "ltv.bin.over" : bin.from === 0 ? "ltv.bin.under" : "ltv.bin.range";
    return <WithValues key="bin" text={t(key)} values={{ from, to }} />;
  };
  return (
    <ChartCard
      title={t("ltv.distribution.title")}
      description={t("ltv.distribution.description")}
      chart={{ type: "bar", data: [{ name: t("ltv.distribution.customers"), data: bins.map((bin) => ({ key: chartLabel(bin), value: bin.customers })) }], yLabel: f.countTick }}
      table={{
        headings: [t("ltv.distribution.bin"), t("ltv.distribution.customers"), t("ltv.distribution.total")],
        rows: bins.map((bin, i) => [
          tableLabel(bin, i),
          <MetricValue key="customers" path={`predicted.distribution.${i}.customers`} value={bin.customers}>{f.count(bin.customers)}</MetricValue>,
          <MetricValue key="total" path={`predicted.distribution.${i}.total`} value={bin.total}>{f.money(bin.total)}</MetricValue>,
        ]),
      }}
    />
  );
}
