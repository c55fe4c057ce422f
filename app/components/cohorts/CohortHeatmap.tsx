// The cohort heatmap: an accessible table (caption, column headers for the offsets, a row header per
// cohort, the cohort size column) whose cells are shaded by value and always print the value, so it
// reads without colour. Shades stay light enough for dark text to keep AA contrast.
import type { CSSProperties } from "react";
import type { CohortHeatmap as Heatmap } from "../../snapshots/views/cohorts";
import { useTranslation } from "../../locales/useTranslation";
import type { Formatters } from "../format";
import { MetricValue } from "../MetricValue";
import { cohortLabel, offsetLabel } from "./cohort-label";

export type CohortMetric = "retention" | "revenuePerCustomer" | "cumulativeLtv";

interface Props {
  caption: string;
  unit: "month" | "week";
  cohorts: string[];
  maxOffset: number;
  heatmap: Heatmap;
  metric: CohortMetric;
  /** Dot path of `heatmap` in the stored view. */
  path: string;
  f: Formatters;
}

const cell: CSSProperties = { padding: "6px 8px", textAlign: "right", whiteSpace: "nowrap", borderBottom: "1px solid var(--p-color-border-secondary, #ebebeb)" };
const header: CSSProperties = { ...cell, fontWeight: 600, background: "var(--p-color-bg-surface-secondary, #f7f7f7)" };
/** The cohort column stays in view while the offsets scroll sideways. */
const sticky: CSSProperties = { position: "sticky", left: 0, zIndex: 1, textAlign: "start" };

/** Lightness 97 % (lowest) to 66 % (highest) of one blue: #1a1a1a text keeps a contrast ratio above 7. */
function shade(value: number, max: number): string | undefined {
  if (!(max > 0) || !(value > 0)) return undefined;
  const share = Math.min(1, value / max);
  return `hsl(210 80% ${(97 - 31 * share).toFixed(1)}%)`;
}

/** The scale's top: offsets after the first (k = 0 is 100 % retention and the first order's revenue) unless the metric accumulates. */
function scaleMax(values: number[][], metric: CohortMetric): number {
  let max = 0;
  for (const row of values) for (let k = metric === "cumulativeLtv" ? 0 : 1; k < row.length; k++) if (row[k] > max) max = row[k];
  return max;
}

export function CohortHeatmap({ caption, unit, cohorts, maxOffset, heatmap, metric, path, f }: Props) {
  const { t, locale } = useTranslation();
  const values = heatmap[metric];
  const max = scaleMax(values, metric);
  const show = (value: number) => (metric === "retention" ? f.percent(value) : f.money(value));
  const offsets = Array.from({ length: maxOffset + 1 }, (_, k) => k);
  return (
    <div role="region" aria-label={t("cohorts.heatmap.scrollLabel")} tabIndex={0} style={{ overflowX: "auto" }}>
      <table style={{ borderCollapse: "collapse", fontVariantNumeric: "tabular-nums", minWidth: "100%" }}>
        <caption style={{ textAlign: "start", padding: "0 0 8px", fontWeight: 600 }}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" style={{ ...header, ...sticky }}>
              {t("cohorts.heatmap.cohort")}
            </th>
            <th scope="col" style={header}>
              {t("cohorts.heatmap.customers")}
            </th>
            {offsets.map((k) => (
              <th key={k} scope="col" style={header}>
                {offsetLabel(t, unit, k)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cohorts.map((label, i) => (
            <tr key={label}>
              <th scope="row" style={{ ...header, ...sticky, fontWeight: 500 }}>
                {cohortLabel(locale, label)}
              </th>
              <td style={cell}>
                <MetricValue path={`${path}.customers.${i}`} value={heatmap.customers[i]}>
                  {f.count(heatmap.customers[i])}
                </MetricValue>
              </td>
              {offsets.map((k) => {
                const value = values[i][k];
                if (value === undefined) return <td key={k} style={cell} />;
                const background = shade(value, max);
                return (
                  <td key={k} style={background ? { ...cell, background, color: "#1a1a1a" } : cell}>
                    <MetricValue path={`${path}.${metric}.${i}.${k}`} value={value}>
                      {show(value)}
                    </MetricValue>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
