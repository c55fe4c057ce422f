// Repurchase by first product: the products with the most first-time customers, how many of those
// customers ordered again, and the rate, beside the shop's repeat rate.
import { BlockStack, Card, DataTable, Text } from "@shopify/polaris";
import { useTranslation } from "../../locales/useTranslation";
import type { PageView } from "../../snapshots/views";
import type { Formatters } from "../format";
import { MetricValue } from "../MetricValue";
import { NoticeCard } from "../NoticeCard";
import { WithValues } from "../WithValues";

export function RepurchaseByProductCard({ view, f }: { view: PageView<"repeat">; f: Formatters }) {
  const { t } = useTranslation();
  const products = view.repurchaseByFirstProduct;
  if (products.rows.length === 0) return <NoticeCard title={t("repeat.products.title")}>{t("repeat.products.empty")}</NoticeCard>;
  const count = (path: string, value: number) => (
    <MetricValue key={path} path={path} value={value}>
      {f.count(value)}
    </MetricValue>
  );
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("repeat.products.title")}
        </Text>
        <Text as="p" tone="subdued">
          <WithValues
            text={t("repeat.products.description")}
            values={{ rate: <MetricValue path="repeatRate.current" value={view.repeatRate.current}>{f.percent(view.repeatRate.current)}</MetricValue> }}
          />
        </Text>
        {products.productsTotal > products.shown && (
          <Text as="p" tone="subdued">
            <WithValues text={t("repeat.products.limit")} values={{ shown: count("repurchaseByFirstProduct.shown", products.shown), total: count("repurchaseByFirstProduct.productsTotal", products.productsTotal) }} />
          </Text>
        )}
        <DataTable
          columnContentTypes={["text", "numeric", "numeric", "numeric"]}
          headings={[t("repeat.products.product"), t("repeat.products.customers"), t("repeat.products.repeat"), t("repeat.products.rate")]}
          rows={products.rows.map((row, i) => [
            row.title ?? row.product,
            count(`repurchaseByFirstProduct.rows.${i}.customers`, row.customers),
            count(`repurchaseByFirstProduct.rows.${i}.repeatCustomers`, row.repeatCustomers),
            <MetricValue key="rate" path={`repurchaseByFirstProduct.rows.${i}.rate`} value={row.rate}>{f.percent(row.rate)}</MetricValue>,
          ])}
        />
      </BlockStack>
    </Card>
  );
}
