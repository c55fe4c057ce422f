// Repeat purchase: the repeat rate, F2 conversion and median time to a second order beside their values
// one period earlier; F2 by window; the time-to-second-order histogram; repurchase by first product.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { F2WindowsCard } from "../components/repeat/F2WindowsCard";
import { RepeatHeadline } from "../components/repeat/RepeatHeadline";
import { RepurchaseByProductCard } from "../components/repeat/RepurchaseByProductCard";
import { TimeToSecondOrderCard } from "../components/repeat/TimeToSecondOrderCard";
import { RouteError } from "../components/RouteError";
import { SnapshotPage, useViewFormat } from "../components/SnapshotPage";
import db from "../db.server";
import { authenticate } from "../shopify.server";
import { loadPageView } from "../snapshots/page-views.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return { stored: await loadPageView(db, session.shop, "repeat") };
};

export default function RepeatPage() {
  const { stored } = useLoaderData<typeof loader>();
  const f = useViewFormat(stored?.view.meta);
  const view = stored?.view;
  return (
    <SnapshotPage titleKey="nav.repeat" snapshot={stored && { meta: stored.view.meta, computedAt: stored.computedAt }}>
      {view && (
        <>
          <RepeatHeadline view={view} f={f} />
          <F2WindowsCard view={view} f={f} />
          <TimeToSecondOrderCard view={view} f={f} />
          <RepurchaseByProductCard view={view} f={f} />
        </>
      )}
    </SnapshotPage>
  );
}

export const ErrorBoundary = RouteError;
