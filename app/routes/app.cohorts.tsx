// Cohorts: a heatmap of retention, revenue per customer or cumulative LTV by first-order month or week,
// for all customers or one segment, and the curves of the latest cohorts. Every switch is client-side
// state over the stored view; the unit opens at the shop's cohort-granularity setting.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, Text } from "@shopify/polaris";
import { useState } from "react";
import { CohortControls, type CohortSelection } from "../components/cohorts/CohortControls";
import { CohortCurvesCard } from "../components/cohorts/CohortCurvesCard";
import { CohortHeatmapCard } from "../components/cohorts/CohortHeatmapCard";
import { RouteError } from "../components/RouteError";
import { SnapshotPage, useViewFormat } from "../components/SnapshotPage";
import db from "../db.server";
import { useTranslation } from "../locales/useTranslation";
import { readShopSettings } from "../settings/shop-settings.server";
import { authenticate } from "../shopify.server";
import { loadPageView } from "../snapshots/page-views.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const [stored, settings] = await Promise.all([loadPageView(db, session.shop, "cohorts"), readShopSettings(db, session.shop)]);
  return { stored, granularity: settings.cohortGranularity };
};

export default function CohortsPage() {
  const { stored, granularity } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const f = useViewFormat(stored?.view.meta);
  const [selection, setSelection] = useState<CohortSelection>({ unit: granularity, metric: "retention", dimension: 0, segment: 0 });
  const view = stored?.view;
  return (
    <SnapshotPage titleKey="nav.cohorts" snapshot={stored && { meta: stored.view.meta, computedAt: stored.computedAt }}>
      {view && (
        <>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("cohorts.controls.title")}
              </Text>
              <CohortControls dimensions={view.dimensions} selection={selection} onChange={setSelection} />
            </BlockStack>
          </Card>
          <CohortHeatmapCard view={view} selection={selection} f={f} />
          {view.dimensions[selection.dimension]?.segments[selection.segment] && (
            <CohortCurvesCard
              unit={selection.unit}
              cohorts={view[selection.unit].cohorts}
              heatmap={view.dimensions[selection.dimension].segments[selection.segment][selection.unit]}
              metric={selection.metric}
              path={`dimensions.${selection.dimension}.segments.${selection.segment}.${selection.unit}`}
              f={f}
            />
          )}
        </>
      )}
    </SnapshotPage>
  );
}

export const ErrorBoundary = RouteError;
