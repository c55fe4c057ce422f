// One plain sentence per measure: is the gap between the best and the worst answer likely real, could it
// be noise, or are there too few answers to tell (engine: segment-outcomes.ts comparisons).
import { List } from "@shopify/polaris";
import type { Formatters } from "../format";
import { MetricValue } from "../MetricValue";
import { WithValues } from "../WithValues";
import type { VoiceDimensionView } from "../../snapshots/views/voice";
import { useTranslation } from "../../locales/useTranslation";
import { answerLabel } from "./answer-label";

interface Props {
  dimension: VoiceDimensionView;
  /** Index of the dimension in view.dimensions, for data-metric paths. */
  index: number;
  ltvWindowDays: number;
  minGroupCustomers: number;
  f: Formatters;
}

export function Verdicts({ dimension, index, ltvWindowDays, minGroupCustomers, f }: Props) {
  const { t, locale } = useTranslation();
  const shown = dimension.comparisons.map((comparison, c) => ({ comparison, c })).filter(({ comparison }) => comparison.measure !== "ltv" || comparison.windowDays === ltvWindowDays);
  return (
    <List type="bullet">
      {shown.map(({ comparison, c }) => {
        const days = String(comparison.windowDays ?? "");
        const measure = comparison.measure === "repeat" ? t("voice.measure.repeat") : t(comparison.measure === "f2" ? "voice.measure.f2" : "voice.measure.ltv", { days });
        const label = (key: string | null) => (key === null ? "" : answerLabel(locale, t, dimension.name, key));
        const p = comparison.pValue;
        return (
          <List.Item key={`${comparison.measure}${comparison.windowDays ?? ""}`}>
            <WithValues
              text={t(`voice.verdict.${comparison.verdict}`)}
              values={{
                measure,
                best: label(comparison.best),
                worst: label(comparison.worst),
                p: (
                  <MetricValue path={`dimensions.${index}.comparisons.${c}.pValue`} value={p}>
                    {p !== null && p < 0.001 ? `< ${f.decimal(0.001, 3)}` : f.decimal(p, 3)}
                  </MetricValue>
                ),
                min: <MetricValue path="minGroupCustomers" value={minGroupCustomers}>{f.count(minGroupCustomers)}</MetricValue>,
              }}
            />
          </List.Item>
        );
      })}
    </List>
  );
}
