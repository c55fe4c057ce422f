import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useLocation, useNavigation, useRouteError } from "@remix-run/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
// The chart library's stylesheet with the page, not with the lazily loaded chart: a chart measured before
// its styles arrive draws at negative heights first.
import polarisVizStyles from "@shopify/polaris-viz/build/esm/styles.css?url";
import polarisEn from "@shopify/polaris/locales/en.json";
import polarisJa from "@shopify/polaris/locales/ja.json";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { ADMIN_PAGES } from "../components/admin-pages";
import { PageSkeleton } from "../components/PageSkeleton";
import db from "../db.server";
import { resolveLocale, translator } from "../locales/i18n";
import type { AdminLocale } from "../locales/useTranslation";
import { apiKey, authenticate, shopifyCdn } from "../shopify.server";

export const links = () => [
  { rel: "stylesheet", href: polarisStyles },
  { rel: "stylesheet", href: polarisVizStyles },
];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const shop = await db.shop.findUnique({ where: { shop: session.shop }, select: { locale: true, ianaTimezone: true } });
  // Shopify passes the merchant's admin language as `locale` on the document request; the shop's
  // stored preference covers requests without it.
  const locale = resolveLocale(new URL(request.url).searchParams.get("locale"), shop?.locale);
  const adminLocale: AdminLocale = { locale, timeZone: shop?.ianaTimezone ?? "UTC" };
  return { apiKey, appBridgeUrl: `${shopifyCdn}/shopifycloud/app-bridge.js`, ...adminLocale };
};

export default function App() {
  const { apiKey, appBridgeUrl, locale } = useLoaderData<typeof loader>();
  const t = translator(locale);
  // A client-side navigation to another page shows that page's skeleton until its data arrives.
  const navigation = useNavigation();
  const location = useLocation();
  const changingPage = navigation.state === "loading" && navigation.location.pathname !== location.pathname;
  return (
    <AppProvider isEmbeddedApp apiKey={apiKey} __APP_BRIDGE_URL={appBridgeUrl} i18n={locale === "ja" ? polarisJa : polarisEn}>
      <NavMenu>
        {ADMIN_PAGES.map((page) => (
          <Link key={page.key} to={page.path} rel={page.path === "/app" ? "home" : undefined}>
            {t(page.titleKey)}
          </Link>
        ))}
      </NavMenu>
      {changingPage ? <PageSkeleton /> : <Outlet />}
    </AppProvider>
  );
}

// Shopify needs Remix to catch some thrown responses, so that their headers are included in the response.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
