// Every admin page, in navigation order. The layout's NavMenu, the browser tests and bench:admin all
// iterate over this list, so a page added here is linked, tested and measured.
import type { MessageKey } from "../locales/i18n";

export interface AdminPage {
  /** Also the `MetricSnapshot.kind` of the page's stored view, for pages that read a snapshot. */
  key: string;
  path: string;
  /** Remix route id, for `?_data=` requests. */
  routeId: string;
  titleKey: MessageKey;
  /** Whether the page renders a stored snapshot view (whose numbers carry data-metric paths). */
  snapshot: boolean;
}

export const ADMIN_PAGES = [
  { key: "overview", path: "/app", routeId: "routes/app._index", titleKey: "nav.overview", snapshot: true },
  { key: "cohorts", path: "/app/cohorts", routeId: "routes/app.cohorts", titleKey: "nav.cohorts", snapshot: true },
  { key: "repeat", path: "/app/repeat", routeId: "routes/app.repeat", titleKey: "nav.repeat", snapshot: true },
  { key: "ltv", path: "/app/ltv", routeId: "routes/app.ltv", titleKey: "nav.ltv", snapshot: true },
  { key: "customers", path: "/app/customers", routeId: "routes/app.customers", titleKey: "nav.customers", snapshot: true },
  { key: "subscriptions", path: "/app/subscriptions", routeId: "routes/app.subscriptions", titleKey: "nav.subscriptions", snapshot: true },
  { key: "voice", path: "/app/voice", routeId: "routes/app.voice", titleKey: "nav.voice", snapshot: true },
  { key: "surveys", path: "/app/surveys", routeId: "routes/app.surveys._index", titleKey: "nav.surveys", snapshot: false },
  { key: "settings", path: "/app/settings", routeId: "routes/app.settings", titleKey: "nav.settings", snapshot: false },
  { key: "sync", path: "/app/sync", routeId: "routes/app.sync", titleKey: "nav.sync", snapshot: false },
] as const satisfies readonly AdminPage[];

export type SnapshotPageKey = Extract<(typeof ADMIN_PAGES)[number], { snapshot: true }>["key"];
