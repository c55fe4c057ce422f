// The heatmap's card: what a cell means for the chosen measure, what is left out (older cohorts, smaller
// segment values), the segment's size, and the table — or why the chosen segment has nothing to show.
import { BlockStack, Card, Text } from "@shopify/polaris";
import { useTranslation } from "../../locales/useTranslation";
import type { PageView } from "../../snapshots/views";
import type { Formatters } from "../format";
import { MetricValue } from "../MetricValue";
import { segmentDimensionLabel, segmentValueLabel } from "../segment-label";
import { WithValues } from "../WithValues";
import type { CohortSelection } from "./CohortControls";
import { CohortHeatmap } from "./CohortHeatmap";

interface Props {
  view: PageView<"cohorts">;
  selection: CohortSelection;
  f: Formatters;
}

function emptyKey(dimension: string) {
  if (dimension.startsWith("survey:")) return "cohorts.segment.empty.survey" as const;
  return dimension === "subscriber" ? ("cohorts.segment.empty.subscriber" as const) : ("cohorts.segment.empty.other" as const);
}

export function CohortHeatmapCard({ view, selection, f }: Props) {
  const { t, locale } = useTranslation();
  const { unit, metric } = selection;
  const axis = view[unit];
  const dimension = view.dimensions[selection.dimension];
  const segment = dimension?.segments[selection.segment];
  const segmentPath = `dimensions.${selection.dimension}.segments.${selection.segment}`;
  const count = (path: string, value: number) => (
    <MetricValue path={path} value={value}>
      {f.count(value)}
    </MetricValue>
  );
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("cohorts.heatmap.title")}
        </Text>
        <Text as="p" tone="subdued">
          {t(`cohorts.heatmap.description.${metric}`)}
        </Text>
        {axis.cohortsTotal > axis.cohortsShown && (
          <Text as="p" tone="subdued">
            <WithValues
              text={t(`cohorts.limits.${unit}`)}
              values={{ shown: count(`${unit}.cohortsShown`, axis.cohortsShown), total: count(`${unit}.cohortsTotal`, axis.cohortsTotal), maxOffset: count(`${unit}.maxOffset`, axis.maxOffset) }}
            />
          </Text>
        )}
        {dimension && dimension.values > view.topValues && (
          <Text as="p" tone="subdued">
            <WithValues text={t("cohorts.limits.values")} values={{ shown: count("topValues", view.topValues), values: count(`dimensions.${selection.dimension}.values`, dimension.values) }} />
          </Text>
        )}
        {segment ? (
          <>
            <Text as="p">
              <WithValues text={t("cohorts.segment.customers")} values={{ customers: count(`${segmentPath}.customers`, segment.customers) }} />
            </Text>
            <CohortHeatmap
              caption={t("cohorts.heatmap.caption", {
                metric: t(`cohorts.metric.${metric}`),
                unit: t(`cohorts.unit.${unit}`),
                segment: dimension.key === "all" ? t("cohorts.segment.all") : `${segmentDimensionLabel(locale, t, dimension.key)}: ${segmentValueLabel(locale, t, dimension.key, segment.key, segment.label)}`,
              })}
              unit={unit}
              cohorts={axis.cohorts}
              maxOffset={axis.maxOffset}
              heatmap={segment[unit]}
              metric={metric}
              path={`${segmentPath}.${unit}`}
              f={f}
            />
          </>
        ) : (
          <Text as="p" tone="subdued">
            {t(emptyKey(dimension?.key ?? "all"))}
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}
