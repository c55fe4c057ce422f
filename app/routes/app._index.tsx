// Overview: the shop's headline figures, each beside the same figure one comparison period earlier, and
// the sync's live progress. The loader reads one stored view and a small sync-status query.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { OverviewFigures } from "../components/overview/OverviewFigures";
import { SyncActivityCard } from "../components/overview/SyncActivityCard";
import { RouteError } from "../components/RouteError";
import { SnapshotPage } from "../components/SnapshotPage";
import db from "../db.server";
import { authenticate } from "../shopify.server";
import { loadPageView } from "../snapshots/page-views.server";
import { readSyncActivity } from "../sync/status.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const [stored, sync] = await Promise.all([loadPageView(db, session.shop, "overview"), readSyncActivity(db, session.shop)]);
  return { stored, sync };
};

export default function OverviewPage() {
  const { stored, sync } = useLoaderData<typeof loader>();
  return (
    <SnapshotPage titleKey="nav.overview" snapshot={stored && { meta: stored.view.meta, computedAt: stored.computedAt }} before={<SyncActivityCard activity={sync} />}>
      {stored && <OverviewFigures view={stored.view} />}
    </SnapshotPage>
  );
}

export const ErrorBoundary = RouteError;
