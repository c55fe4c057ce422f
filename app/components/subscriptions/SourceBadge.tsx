// Where a subscription figure comes from: contracts Tsuzuku can read, or inferred from subscription orders.
import { Badge } from "@shopify/polaris";
import type { SubscriptionSource } from "../../snapshots/views/subscriptions";
import { useTranslation } from "../../locales/useTranslation";

export function SourceBadge({ source }: { source: SubscriptionSource }) {
  const { t } = useTranslation();
  return <Badge tone={source === "own" ? "success" : "info"}>{t(source === "own" ? "subscriptions.source.own" : "subscriptions.source.inferred")}</Badge>;
}
