import { Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches } from "@remix-run/react";

export default function App() {
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
        <link rel="preconnect" href="https://cdn.shopify.com/" />
        <link rel="stylesheet" href="https://cdn.shopify.com/static/fonts/inter/v4/styles.css" />
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
