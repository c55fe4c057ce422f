// Historical LTV curves by segment: pick a dimension, see one line per value (the largest values only)
// over 30 … 365 days since the first order; the table gives each LTV with its eligible customers.
import { Select } from "@shopify/polaris";
import { useState } from "react";
import { labelFor } from "../../locales/i18n";
import { useTranslation } from "../../locales/useTranslation";
import type { PageView } from "../../snapshots/views";
import { ChartCard } from "../ChartCard";
import type { Formatters } from "../format";
import { MetricValue } from "../MetricValue";
import { WithValues } from "../WithValues";

type Historical = PageView<"ltv">["historical"];

export function LtvBySegmentCard({ historical, f }: { historical: Historical; f: Formatters }) {
  const { t, locale } = useTranslation();
  const [selected, setSelected] = useState(0);
  const dimension = historical.dimensions[selected];
  const base = `historical.dimensions.${selected}`;
  const valueLabel = (key: string) => labelFor(locale, "ltv.value", key);
  const picker = (
    <Select
      label={t("ltv.segments.dimension")}
      options={historical.dimensions.map((d, i) => ({ label: labelFor(locale, "ltv.dimension", d.key), value: String(i) }))}
      value={String(selected)}
      onChange={(value) => setSelected(Number(value))}
    />
  );
  const windows = dimension.groups[0]?.windows ?? [];
  return (
    <ChartCard
      title={t("ltv.segments.title")}
      controls={picker}
      description={
        <WithValues
          text={t("ltv.segments.description")}
          values={{
            shown: <MetricValue path={`${base}.shown`} value={dimension.shown}>{f.count(dimension.shown)}</MetricValue>,
            values: <MetricValue path={`${base}.values`} value={dimension.values}>{f.count(dimension.values)}</MetricValue>,
          }}
        />
      }
      chart={{
        type: "line",
        data: dimension.groups.map((group) => ({ name: valueLabel(group.key), data: group.windows.map((w) => ({ key: String(w.windowDays), value: w.ltv })) })),
        xLabel: (days) => t("ltv.days", { days }),
        yLabel: (value) => f.money(value),
      }}
      table={{
        headings: [t("ltv.segments.window"), ...dimension.groups.map((group) => valueLabel(group.key))],
        rows: [
          ...windows.map((window, j) => [
            <MetricValue key="days" path={`${base}.groups.0.windows.${j}.windowDays`} value={window.windowDays}>
              {t("ltv.days", { days: f.count(window.windowDays) })}
            </MetricValue>,
            ...dimension.groups.map((group, g) => {
              const at = `${base}.groups.${g}.windows.${j}`;
              const cell = group.windows[j];
              return (
                <WithValues
                  key={group.key}
                  text={t("ltv.segments.cell")}
                  values={{
                    ltv: <MetricValue path={`${at}.ltv`} value={cell.ltv}>{f.money(cell.ltv)}</MetricValue>,
                    eligible: <MetricValue path={`${at}.eligibleCustomers`} value={cell.eligibleCustomers}>{f.count(cell.eligibleCustomers)}</MetricValue>,
                  }}
                />
              );
            }),
          ]),
          [
            t("ltv.segments.customers"),
            ...dimension.groups.map((group, g) => (
              <MetricValue key={group.key} path={`${base}.groups.${g}.customers`} value={group.customers}>
                {f.count(group.customers)}
              </MetricValue>
            )),
          ],
        ],
      }}
    />
  );
}
