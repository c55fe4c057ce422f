// Overview: the shop's headline figures, each beside the same figure one comparison period earlier.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, InlineGrid, Text } from "@shopify/polaris";
import { MetricValue } from "../components/MetricValue";
import { RouteError } from "../components/RouteError";
import { SnapshotPage, useViewFormat } from "../components/SnapshotPage";
import db from "../db.server";
import { useTranslation } from "../locales/useTranslation";
import { authenticate } from "../shopify.server";
import { loadPageView } from "../snapshots/page-views.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return { stored: await loadPageView(db, session.shop, "overview") };
};

export default function OverviewPage() {
  const { stored } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const f = useViewFormat(stored?.view.meta);
  return (
    <SnapshotPage titleKey="nav.overview" snapshot={stored && { meta: stored.view.meta, computedAt: stored.computedAt }}>
      {stored && (
        <InlineGrid columns={{ xs: 1, sm: 2, md: 3 }} gap="400">
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingSm">
                {t("overview.customers")}
              </Text>
              <MetricValue path="current.totals.customers" value={stored.view.current.totals.customers} variant="headingLg">
                {f.count(stored.view.current.totals.customers)}
              </MetricValue>
            </BlockStack>
          </Card>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingSm">
                {t("overview.netRevenue")}
              </Text>
              <MetricValue path="current.totals.netRevenue" value={stored.view.current.totals.netRevenue} variant="headingLg">
                {f.money(stored.view.current.totals.netRevenue)}
              </MetricValue>
            </BlockStack>
          </Card>
        </InlineGrid>
      )}
    </SnapshotPage>
  );
}

export const ErrorBoundary = RouteError;
