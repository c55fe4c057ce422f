// One view per snapshot-backed admin page, built once when the snapshot job runs and stored as its own
// MetricSnapshot row (kind = the page's key), so a page's loader reads and sends only what it shows.
import type { SnapshotPageKey } from "../../components/admin-pages";
import type { ViewMeta } from "../../components/format";
import { buildCohortsView } from "./cohorts";
import { buildCustomersView } from "./customers";
import { buildLtvView } from "./ltv";
import { buildOverviewView } from "./overview";
import { buildRepeatView } from "./repeat";
import { buildSubscriptionsView } from "./subscriptions";
import { type ViewInput, viewMeta } from "./view-input";
import { buildVoiceView } from "./voice";

export const PAGE_VIEW_BUILDERS = {
  overview: buildOverviewView,
  cohorts: buildCohortsView,
  repeat: buildRepeatView,
  ltv: buildLtvView,
  customers: buildCustomersView,
  subscriptions: buildSubscriptionsView,
  voice: buildVoiceView,
} satisfies Record<SnapshotPageKey, (input: ViewInput) => object>;

export type PageView<K extends SnapshotPageKey> = ReturnType<(typeof PAGE_VIEW_BUILDERS)[K]> & { meta: ViewMeta };

export function buildPageViews(input: ViewInput): { [K in SnapshotPageKey]: PageView<K> } {
  const meta = viewMeta(input.analysis);
  const entries = Object.entries(PAGE_VIEW_BUILDERS).map(([key, build]) => [key, { ...build(input), meta }]);
  return Object.fromEntries(entries) as { [K in SnapshotPageKey]: PageView<K> };
}
