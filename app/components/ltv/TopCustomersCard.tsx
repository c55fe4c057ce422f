// The customers with the highest predicted value, by Shopify customer id only (no names or contact data
// are stored), with what the model expects of them and what they have spent so far.
import { DataTable } from "@shopify/polaris";
import { useTranslation } from "../../locales/useTranslation";
import type { PageView } from "../../snapshots/views";
import type { Formatters } from "../format";
import { MetricValue } from "../MetricValue";
import { SectionCard } from "../SectionCard";
import { WithValues } from "../WithValues";

type Predicted = PageView<"ltv">["predicted"];

/** "gid://shopify/Customer/123" → "123": the number a merchant finds in the customer's admin URL. */
const numericId = (gid: string | null) => (gid ? (gid.split("/").pop() ?? gid) : "—");

export function TopCustomersCard({ predicted, f }: { predicted: Predicted; f: Formatters }) {
  const { t } = useTranslation();
  const path = (i: number, field: string) => `predicted.topCustomers.${i}.${field}`;
  return (
    <SectionCard
      title={t("ltv.top.title")}
      description={
        <WithValues
          text={t("ltv.top.description")}
          values={{ shown: <MetricValue path="predicted.topCustomersShown" value={predicted.topCustomersShown}>{f.count(predicted.topCustomersShown)}</MetricValue> }}
        />
      }
    >
      <DataTable
        columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric", "numeric"]}
        headings={[t("ltv.top.id"), t("ltv.top.orders"), t("ltv.top.revenue"), t("ltv.top.purchases"), t("ltv.top.pAlive"), t("ltv.top.clv")]}
        rows={predicted.topCustomers.map((customer, i) => [
          <MetricValue key="id" path={path(i, "id")} value={customer.id}>{numericId(customer.id)}</MetricValue>,
          <MetricValue key="orders" path={path(i, "orders")} value={customer.orders}>{f.count(customer.orders)}</MetricValue>,
          <MetricValue key="revenue" path={path(i, "historicalRevenue")} value={customer.historicalRevenue}>{f.money(customer.historicalRevenue)}</MetricValue>,
          <MetricValue key="purchases" path={path(i, "expectedPurchases")} value={customer.expectedPurchases}>{f.decimal(customer.expectedPurchases, 1)}</MetricValue>,
          <MetricValue key="alive" path={path(i, "pAlive")} value={customer.pAlive}>{f.percent(customer.pAlive, 0)}</MetricValue>,
          <MetricValue key="clv" path={path(i, "predictedClv")} value={customer.predictedClv}>{f.money(customer.predictedClv)}</MetricValue>,
        ])}
      />
    </SectionCard>
  );
}
