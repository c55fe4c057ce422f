// The Lorenz curve: cumulative share of revenue against share of customers (lowest spending first),
// beside the dashed equality diagonal.
import { useTranslation } from "../../locales/useTranslation";
import type { PageView } from "../../snapshots/views";
import { ChartCard } from "../ChartCard";
import type { Formatters } from "../format";
import { MetricValue } from "../MetricValue";

type Lorenz = PageView<"customers">["pareto"]["lorenz"];

export function LorenzCard({ lorenz, f }: { lorenz: Lorenz; f: Formatters }) {
  const { t } = useTranslation();
  const key = (share: number) => f.percent(share, 0);
  return (
    <ChartCard
      title={t("customers.lorenz.title")}
      description={t("customers.lorenz.description")}
      chart={{
        type: "line",
        data: [
          { name: t("customers.lorenz.shop"), data: lorenz.map((p) => ({ key: key(p.customerShare), value: p.revenueShare })) },
          { name: t("customers.lorenz.equality"), data: lorenz.map((p) => ({ key: key(p.customerShare), value: p.customerShare })), isComparison: true },
        ],
        yLabel: (v) => f.percent(v, 0),
      }}
      table={{
        headings: [t("customers.lorenz.customerShare"), t("customers.lorenz.revenueShare")],
        rows: lorenz.map((p, i) => [
          <MetricValue key="customers" path={`pareto.lorenz.${i}.customerShare`} value={p.customerShare}>{f.percent(p.customerShare, 0)}</MetricValue>,
          <MetricValue key="revenue" path={`pareto.lorenz.${i}.revenueShare`} value={p.revenueShare}>{f.percent(p.revenueShare)}</MetricValue>,
        ]),
      }}
    />
  );
}
