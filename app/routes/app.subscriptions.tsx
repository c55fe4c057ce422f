// Subscriptions: subscribers, MRR and its movements, churn, lifetimes, subscriber LTV and the sBG
// projection — from Tsuzuku's own contracts or inferred from subscription orders, each figure labelled.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Card, EmptyState, Text } from "@shopify/polaris";
import { RouteError } from "../components/RouteError";
import { EMPTY_STATE_IMAGE, SnapshotPage, useViewFormat } from "../components/SnapshotPage";
import { RetentionProjection } from "../components/subscriptions/RetentionProjection";
import { SourceBanner } from "../components/subscriptions/SourceBanner";
import { SubscriptionKpis } from "../components/subscriptions/SubscriptionKpis";
import { SubscriptionOrders } from "../components/subscriptions/SubscriptionOrders";
import { SubscriptionTrends } from "../components/subscriptions/SubscriptionTrends";
import db from "../db.server";
import { useTranslation } from "../locales/useTranslation";
import { authenticate } from "../shopify.server";
import { loadPageView } from "../snapshots/page-views.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return { stored: await loadPageView(db, session.shop, "subscriptions") };
};

export default function SubscriptionsPage() {
  const { stored } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const f = useViewFormat(stored?.view.meta);
  const view = stored?.view;
  return (
    <SnapshotPage titleKey="nav.subscriptions" snapshot={stored && { meta: stored.view.meta, computedAt: stored.computedAt }}>
      {view && !view.activity && !view.orders && (
        <Card>
          <EmptyState heading={t("subscriptions.empty.heading")} image={EMPTY_STATE_IMAGE}>
            <Text as="p">{t("subscriptions.empty.body")}</Text>
          </EmptyState>
        </Card>
      )}
      {view?.activity && (
        <>
          <SourceBanner source={view.activity.source} />
          <SubscriptionKpis activity={view.activity} f={f} />
          <SubscriptionTrends activity={view.activity} f={f} />
          <RetentionProjection activity={view.activity} f={f} />
        </>
      )}
      {view?.orders && <SubscriptionOrders orders={view.orders} f={f} />}
    </SnapshotPage>
  );
}

export const ErrorBoundary = RouteError;
