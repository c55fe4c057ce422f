// Says once, at the top, which source the subscription activity comes from and what that implies
// (README: "Subscriptions of other apps" — read_own_subscription_contracts shows only Tsuzuku's contracts).
import { Banner, Text } from "@shopify/polaris";
import type { SubscriptionSource } from "../../snapshots/views/subscriptions";
import { useTranslation } from "../../locales/useTranslation";

export function SourceBanner({ source }: { source: SubscriptionSource }) {
  const { t } = useTranslation();
  const own = source === "own";
  return (
    <Banner tone="info" title={t(own ? "subscriptions.banner.own.title" : "subscriptions.banner.inferred.title")}>
      <Text as="p">{t(own ? "subscriptions.banner.own.body" : "subscriptions.banner.inferred.body")}</Text>
    </Banner>
  );
}
