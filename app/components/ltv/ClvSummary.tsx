// The predicted CLV headline: the horizon and discount rate it assumes, and four figures.
import { BlockStack, InlineGrid, Text } from "@shopify/polaris";
import { useTranslation } from "../../locales/useTranslation";
import type { PageView } from "../../snapshots/views";
import type { Formatters } from "../format";
import { KpiTile } from "../KpiTile";
import { MetricValue } from "../MetricValue";
import { WithValues } from "../WithValues";

type Predicted = PageView<"ltv">["predicted"];

export function ClvSummary({ predicted, f }: { predicted: Predicted; f: Formatters }) {
  const { t } = useTranslation();
  return (
    <BlockStack gap="300">
      <Text as="h2" variant="headingLg">
        {t("ltv.clv.title")}
      </Text>
      <Text as="p" tone="subdued">
        <WithValues
          text={t("ltv.clv.description")}
          values={{
            days: <MetricValue path="predicted.horizonDays" value={predicted.horizonDays}>{f.count(predicted.horizonDays)}</MetricValue>,
            rate: <MetricValue path="predicted.annualDiscountRate" value={predicted.annualDiscountRate}>{f.percent(predicted.annualDiscountRate, 0)}</MetricValue>,
          }}
        />
      </Text>
      <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="400">
        <KpiTile title={t("ltv.clv.total")} path="predicted.totalClv" value={predicted.totalClv} formatted={f.money(predicted.totalClv)} />
        <KpiTile title={t("ltv.clv.mean")} path="predicted.meanClv" value={predicted.meanClv} formatted={f.money(predicted.meanClv)} />
        <KpiTile title={t("ltv.clv.median")} path="predicted.medianClv" value={predicted.medianClv} formatted={f.money(predicted.medianClv)} />
        <KpiTile
          title={t("ltv.clv.purchases")}
          path="predicted.expectedPurchasesInHorizon"
          value={predicted.expectedPurchasesInHorizon}
          formatted={f.count(predicted.expectedPurchasesInHorizon)}
        />
      </InlineGrid>
    </BlockStack>
  );
}
