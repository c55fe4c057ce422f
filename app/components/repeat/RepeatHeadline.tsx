// The Repeat page's headline figures, each beside its value one comparison period earlier: the repeat
// rate, F2 conversion within 90 days, and the median time to a second order.
import { BlockStack, InlineGrid, Text } from "@shopify/polaris";
import { useTranslation } from "../../locales/useTranslation";
import type { PageView } from "../../snapshots/views";
import type { Formatters } from "../format";
import { MetricValue } from "../MetricValue";
import { FigureTile } from "../overview/FigureTile";
import { WithValues } from "../WithValues";

/** The F2 window shown as a headline (the Overview's too). */
const HEADLINE_F2_DAYS = 90;

export function RepeatHeadline({ view, f }: { view: PageView<"repeat">; f: Formatters }) {
  const { t } = useTranslation();
  const f2Index = view.f2.findIndex((w) => w.windowDays === HEADLINE_F2_DAYS);
  const percent = (value: number | null) => f.percent(value);
  const common = { f, t };
  return (
    <BlockStack gap="300">
      <BlockStack gap="100">
        <Text as="h2" variant="headingMd">
          {t("repeat.headline.title")}
        </Text>
        <Text as="p" variant="bodySm" tone="subdued">
          <WithValues text={t("repeat.headline.caption")} values={{ days: <MetricValue path="comparisonDays" value={view.comparisonDays}>{f.count(view.comparisonDays)}</MetricValue> }} />
        </Text>
      </BlockStack>
      <InlineGrid columns={{ xs: 1, sm: 2, md: 3 }} gap="400">
        <FigureTile
          title={t("repeat.repeatRate")}
          path="repeatRate"
          figure={view.repeatRate}
          format={percent}
          kind="points"
          footer={
            <Text as="p" variant="bodySm" tone="subdued">
              <WithValues
                text={t("repeat.repeatRate.help")}
                values={{
                  repeat: <MetricValue path="repeatCustomers" value={view.repeatCustomers}>{f.count(view.repeatCustomers)}</MetricValue>,
                  customers: <MetricValue path="customers" value={view.customers}>{f.count(view.customers)}</MetricValue>,
                }}
              />
            </Text>
          }
          {...common}
        />
        {f2Index >= 0 && (
          <FigureTile
            title={t("repeat.f2Headline", { days: HEADLINE_F2_DAYS })}
            path={`f2.${f2Index}.rate`}
            figure={view.f2[f2Index].rate}
            format={percent}
            kind="points"
            unavailable={t("repeat.rate.unavailable")}
            {...common}
          />
        )}
        <FigureTile
          title={t("repeat.median")}
          path="timeToSecondOrder.median"
          figure={view.timeToSecondOrder.median}
          format={f.days}
          kind="relative"
          lowerIsBetter
          unavailable={t("repeat.median.unavailable")}
          {...common}
        />
      </InlineGrid>
    </BlockStack>
  );
}
