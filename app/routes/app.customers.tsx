// Customers: RFM segments and how customers moved between them since the previous period, then the
// Pareto view (Gini, top shares, Lorenz curve). Everything comes from the stored view.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { InlineGrid } from "@shopify/polaris";
import { LorenzCard } from "../components/customers/LorenzCard";
import { ParetoCard } from "../components/customers/ParetoCard";
import { RfmSegmentsCard } from "../components/customers/RfmSegmentsCard";
import { SegmentMovesCard } from "../components/customers/SegmentMovesCard";
import { RouteError } from "../components/RouteError";
import { SnapshotPage, useViewFormat } from "../components/SnapshotPage";
import db from "../db.server";
import { authenticate } from "../shopify.server";
import { loadPageView } from "../snapshots/page-views.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return { stored: await loadPageView(db, session.shop, "customers") };
};

export default function CustomersPage() {
  const { stored } = useLoaderData<typeof loader>();
  const f = useViewFormat(stored?.view.meta);
  const view = stored?.view;
  return (
    <SnapshotPage titleKey="nav.customers" snapshot={stored && { meta: stored.view.meta, computedAt: stored.computedAt }}>
      {view && (
        <>
          <RfmSegmentsCard rfm={view.rfm} f={f} />
          <SegmentMovesCard moves={view.moves} f={f} />
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
            <ParetoCard pareto={view.pareto} f={f} />
            <LorenzCard lorenz={view.pareto.lorenz} f={f} />
          </InlineGrid>
        </>
      )}
    </SnapshotPage>
  );
}

export const ErrorBoundary = RouteError;
