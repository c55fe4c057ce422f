// The Overview's live data card: a progress bar per sync run in progress, otherwise when the last sync
// finished; always a link to the sync status page. Read on request (not from the snapshot).
import { Link } from "@remix-run/react";
import { BlockStack, Card, Divider, InlineStack, Text } from "@shopify/polaris";
import { Fragment } from "react";
import type { SyncActivity } from "../../sync/status.server";
import { useTranslation } from "../../locales/useTranslation";
import { SyncRunProgress } from "../SyncRunProgress";

export function SyncActivityCard({ activity }: { activity: SyncActivity }) {
  const { locale, timeZone, t } = useTranslation();
  const instants = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {activity.running.length > 0 ? t("overview.sync.running") : t("overview.sync.heading")}
          </Text>
          <Link to="/app/sync">{t("overview.sync.link")}</Link>
        </InlineStack>
        {activity.running.map((run, index) => (
          <Fragment key={`${run.resource}-${run.startedAt}`}>
            {index > 0 && <Divider />}
            <SyncRunProgress run={run} locale={locale} timeZone={timeZone} t={t} />
          </Fragment>
        ))}
        {activity.running.length === 0 && (
          <Text as="p" tone="subdued">
            {activity.lastFinishedAt ? t("overview.sync.lastFinished", { time: instants.format(new Date(activity.lastFinishedAt)) }) : t("overview.sync.never")}
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}
