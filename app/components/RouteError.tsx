// A page whose loader failed: the merchant keeps the navigation and sees what went wrong in their
// language, instead of a blank frame. Shopify's own thrown responses still go to the layout's boundary.
import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { Banner, Page } from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import { useTranslation } from "../locales/useTranslation";

export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  // Redirects and 401s carry headers App Bridge needs; let the library render those.
  if (isRouteErrorResponse(error) && (error.status === 401 || error.status === 302)) return boundary.error(error);
  const detail = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : String(error);
  return (
    <Page>
      <Banner tone="critical" title={t("page.error.title")}>
        <p>{t("page.error.body")}</p>
        <p>{detail}</p>
      </Banner>
    </Page>
  );
}
