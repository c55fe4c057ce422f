// Admin pages render in the language the `app` layout loader chose, so a client-side navigation (whose
// data request carries no `locale` parameter) keeps the language the page was opened in.
import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { DEFAULT_LOCALE, type Locale, translator } from "./i18n";

export interface AdminLocale {
  locale: Locale;
  timeZone: string;
}

export const APP_LAYOUT_ROUTE_ID = "routes/app";

export function useTranslation() {
  const layout = useRouteLoaderData<AdminLocale>(APP_LAYOUT_ROUTE_ID);
  const locale = layout?.locale ?? DEFAULT_LOCALE;
  const timeZone = layout?.timeZone ?? "UTC";
  return useMemo(() => ({ locale, timeZone, t: translator(locale) }), [locale, timeZone]);
}
