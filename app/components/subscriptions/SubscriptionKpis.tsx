// The headline subscription figures, each with its source; MRR and the projected LTV say why they are
// missing when subscriptions are inferred from orders, churn-based figures when nobody has churned yet.
import { BlockStack, InlineGrid, Text } from "@shopify/polaris";
import type { Formatters } from "../format";
import { KpiTile } from "../KpiTile";
import type { SubscriptionActivityView } from "../../snapshots/views/subscriptions";
import type { MessageKey } from "../../locales/i18n";
import { useTranslation } from "../../locales/useTranslation";
import { SourceBadge } from "./SourceBadge";

type Field = "activeSubscribers" | "subscribers" | "mrr" | "averageMonthlyChurnRate" | "averageObservedLifetimeMonths" | "expectedLifetimeMonths" | "subscriberLtv" | "projectedSubscriberLtv";

interface Tile {
  field: Field;
  title: MessageKey;
  format: (f: Formatters) => (value: number | null) => string;
  help?: MessageKey;
  /** Why the figure is missing, when it is. */
  unavailable?: MessageKey;
}

export function SubscriptionKpis({ activity, f }: { activity: SubscriptionActivityView; f: Formatters }) {
  const { t } = useTranslation();
  const inferred = activity.source === "inferred";
  const noChurn = activity.averageMonthlyChurnRate === null ? "subscriptions.kpi.noChurnYet" : undefined;
  const tiles: Tile[] = [
    { field: "activeSubscribers", title: "subscriptions.kpi.active", format: (f) => f.count },
    { field: "subscribers", title: "subscriptions.kpi.subscribers", format: (f) => f.count },
    { field: "mrr", title: "subscriptions.kpi.mrr", format: (f) => f.money, unavailable: inferred ? "subscriptions.kpi.mrrUnavailable" : undefined },
    { field: "averageMonthlyChurnRate", title: "subscriptions.kpi.churn", format: (f) => (v) => f.percent(v), help: "subscriptions.kpi.churnHelp", unavailable: noChurn },
    { field: "averageObservedLifetimeMonths", title: "subscriptions.kpi.observedLifetime", format: (f) => f.months, help: "subscriptions.kpi.observedLifetimeHelp" },
    { field: "expectedLifetimeMonths", title: "subscriptions.kpi.expectedLifetime", format: (f) => f.months, help: "subscriptions.kpi.expectedLifetimeHelp", unavailable: noChurn },
    { field: "subscriberLtv", title: "subscriptions.kpi.ltv", format: (f) => f.money, help: "subscriptions.kpi.ltvHelp" },
    {
      field: "projectedSubscriberLtv",
      title: "subscriptions.kpi.projectedLtv",
      format: (f) => f.money,
      help: "subscriptions.kpi.projectedLtvHelp",
      unavailable: inferred ? "subscriptions.kpi.projectedUnavailable" : noChurn,
    },
  ];
  return (
    <BlockStack gap="300">
      <Text as="h2" variant="headingMd">
        {t("subscriptions.kpis.heading")}
      </Text>
      <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="400">
        {tiles.map((tile) => (
          <KpiTile
            key={tile.field}
            title={t(tile.title)}
            path={`activity.${tile.field}`}
            value={activity[tile.field]}
            formatted={tile.format(f)(activity[tile.field])}
            badge={<SourceBadge source={activity.source} />}
            help={tile.help && t(tile.help)}
            unavailable={tile.unavailable && t(tile.unavailable)}
          />
        ))}
      </InlineGrid>
    </BlockStack>
  );
}
