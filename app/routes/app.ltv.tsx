// LTV: historical LTV curves by segment, then the predicted CLV — headline, distribution, top customers,
// the backtest with how far to trust it, and the model's notes. Everything comes from the stored view.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, EmptyState, Text } from "@shopify/polaris";
import { BacktestCard } from "../components/ltv/BacktestCard";
import { ClvDistributionCard } from "../components/ltv/ClvDistributionCard";
import { ClvSummary } from "../components/ltv/ClvSummary";
import { LtvBySegmentCard } from "../components/ltv/LtvBySegmentCard";
import { ModelNotes } from "../components/ltv/ModelNotes";
import { NoticeCard } from "../components/NoticeCard";
import { TopCustomersCard } from "../components/ltv/TopCustomersCard";
import { RouteError } from "../components/RouteError";
import { EMPTY_STATE_IMAGE, SnapshotPage, useViewFormat } from "../components/SnapshotPage";
import db from "../db.server";
import { useTranslation } from "../locales/useTranslation";
import { authenticate } from "../shopify.server";
import { loadPageView } from "../snapshots/page-views.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return { stored: await loadPageView(db, session.shop, "ltv") };
};

export default function LtvPage() {
  const { stored } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const f = useViewFormat(stored?.view.meta);
  const view = stored?.view;
  return (
    <SnapshotPage titleKey="nav.ltv" snapshot={stored && { meta: stored.view.meta, computedAt: stored.computedAt }}>
      {view && (
        <>
          {view.historical.dimensions.length > 0 ? (
            <LtvBySegmentCard historical={view.historical} f={f} />
          ) : (
            <NoticeCard title={t("ltv.segments.title")}>{t("ltv.segments.empty")}</NoticeCard>
          )}
          {view.predicted.model.fitted ? (
            <>
              <ClvSummary predicted={view.predicted} f={f} />
              <ModelNotes model={view.predicted.model} />
              <ClvDistributionCard bins={view.predicted.distribution} f={f} />
              {view.predicted.topCustomers.length > 0 && <TopCustomersCard predicted={view.predicted} f={f} />}
              <BacktestCard backtest={view.predicted.backtest} f={f} />
            </>
          ) : (
            <Card>
              <EmptyState heading={t("ltv.clv.empty.heading")} image={EMPTY_STATE_IMAGE}>
                <BlockStack gap="200">
                  <Text as="p">{t("ltv.clv.empty.body")}</Text>
                  <ModelNotes model={view.predicted.model} />
                </BlockStack>
              </EmptyState>
            </Card>
          )}
        </>
      )}
    </SnapshotPage>
  );
}

export const ErrorBoundary = RouteError;
