// Revenue concentration: the Gini coefficient and the share of revenue from the top 1 … 50 % of customers.
import { BlockStack, DataTable, Text } from "@shopify/polaris";
import { useTranslation } from "../../locales/useTranslation";
import type { PageView } from "../../snapshots/views";
import type { Formatters } from "../format";
import { MetricValue } from "../MetricValue";
import { SectionCard } from "../SectionCard";
import { WithValues } from "../WithValues";

type Pareto = PageView<"customers">["pareto"];

export function ParetoCard({ pareto, f }: { pareto: Pareto; f: Formatters }) {
  const { t } = useTranslation();
  const at = (i: number, field: string) => `pareto.topShares.${i}.${field}`;
  return (
    <SectionCard title={t("customers.pareto.title")}>
      {pareto.gini === null ? (
        <Text as="p" tone="subdued">{t("customers.pareto.empty")}</Text>
      ) : (
        <>
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              {t("customers.pareto.gini")}
            </Text>
            <MetricValue path="pareto.gini" value={pareto.gini} variant="headingLg">
              {f.decimal(pareto.gini, 2)}
            </MetricValue>
            <Text as="p" variant="bodySm" tone="subdued">
              {t("customers.pareto.giniHelp")}
            </Text>
          </BlockStack>
          <DataTable
            columnContentTypes={["text", "numeric", "numeric", "numeric"]}
            headings={[t("customers.pareto.top"), t("customers.pareto.customers"), t("customers.pareto.revenue"), t("customers.pareto.share")]}
            rows={pareto.topShares.map((share, i) => [
              <WithValues
                key="top"
                text={t("customers.pareto.topShare")}
                values={{ percent: <MetricValue path={at(i, "percent")} value={share.percent}>{f.percent(share.percent / 100, 0)}</MetricValue> }}
              />,
              <MetricValue key="customers" path={at(i, "customers")} value={share.customers}>{f.count(share.customers)}</MetricValue>,
              <MetricValue key="revenue" path={at(i, "revenue")} value={share.revenue}>{f.money(share.revenue)}</MetricValue>,
              <MetricValue key="share" path={at(i, "share")} value={share.share}>{f.percent(share.share)}</MetricValue>,
            ])}
          />
        </>
      )}
    </SectionCard>
  );
}
