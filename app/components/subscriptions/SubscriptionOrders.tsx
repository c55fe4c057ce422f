// Figures from subscription orders, whichever app manages the subscriptions: always inferred from orders.
import { BlockStack, InlineGrid, InlineStack, Text } from "@shopify/polaris";
import type { Formatters } from "../format";
import { KpiTile } from "../KpiTile";
import type { SubscriptionOrdersView } from "../../snapshots/views/subscriptions";
import { useTranslation } from "../../locales/useTranslation";
import { SourceBadge } from "./SourceBadge";

export function SubscriptionOrders({ orders, f }: { orders: SubscriptionOrdersView; f: Formatters }) {
  const { t } = useTranslation();
  const badge = <SourceBadge source="inferred" />;
  const tile = (key: "count" | "revenue" | "subscribers" | "repeatRate" | "perSubscriber", field: keyof SubscriptionOrdersView, formatted: string) => (
    <KpiTile title={t(`subscriptions.orders.${key}`)} path={`orders.${field}`} value={orders[field]} formatted={formatted} badge={badge} />
  );
  return (
    <BlockStack gap="300">
      <InlineStack gap="200" blockAlign="center">
        <Text as="h2" variant="headingMd">
          {t("subscriptions.orders.title")}
        </Text>
      </InlineStack>
      <Text as="p" tone="subdued">
        {t("subscriptions.orders.body")}
      </Text>
      <InlineGrid columns={{ xs: 1, sm: 2, md: 3 }} gap="400">
        {tile("count", "subscriptionOrders", f.count(orders.subscriptionOrders))}
        {tile("revenue", "subscriptionNetRevenue", f.money(orders.subscriptionNetRevenue))}
        {tile("subscribers", "subscribers", f.count(orders.subscribers))}
        {tile("repeatRate", "repeatRate", f.percent(orders.repeatRate))}
        {tile("perSubscriber", "subscriptionOrdersPerSubscriber", f.decimal(orders.subscriptionOrdersPerSubscriber, 1))}
      </InlineGrid>
    </BlockStack>
  );
}
