import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useMatches } from "@remix-run/react";
import { shopifyCdn } from "./shopify.server";

// Shopify's CDN, or the offline demo's stand-in for it (TSUZUKU_DEMO_ADMIN_URL). Fixed for the process.
export const loader = () => ({ shopifyCdn });
export const shouldRevalidate = () => false;

export default function App() {
  const { shopifyCdn } = useLoaderData<typeof loader>();
  // Pages put the language they render in their loader data; `lang` lets the browser pick Japanese
  // glyphs (not Chinese ones) for kanji.
  const lang = useMatches()
    .map((match) => (match.data as { locale?: unknown } | undefined)?.locale)
    .find((locale): locale is string => typeof locale === "string");
  return (
    <html lang={lang ?? "en"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <link rel="preconnect" href={`${shopifyCdn}/`} />
        <link rel="stylesheet" href={`${shopifyCdn}/static/fonts/inter/v4/styles.css`} />
        <Meta />
        <Links />
      </head>
      <body>
        <Outlet />
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}
