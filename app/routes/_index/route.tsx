import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { resolveLocale, translator } from "../../locales/i18n";
import { login } from "../../shopify.server";
import styles from "./styles.module.css";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  // Shopify opens the app URL with ?shop=…: that is an admin visit, not a visitor reading this page.
  if (url.searchParams.get("shop")) {
    throw redirect(`/app?${url.searchParams.toString()}`);
  }
  const locale = resolveLocale(url.searchParams.get("locale"), request.headers.get("Accept-Language"));
  return { showForm: Boolean(login), locale };
};

export default function Landing() {
  const { showForm, locale } = useLoaderData<typeof loader>();
  const t = translator(locale);
  return (
    <div className={styles.index}>
      <div className={styles.content}>
        <h1 className={styles.heading}>{t("landing.title")}</h1>
        <p className={styles.text}>{t("landing.tagline")}</p>
        {showForm && (
          <Form className={styles.form} method="post" action="/auth/login">
            <label className={styles.label}>
              <span>{t("landing.shopLabel")}</span>
              <input className={styles.input} type="text" name="shop" />
              <span>{t("landing.shopHelp")}</span>
            </label>
            <button className={styles.button} type="submit">
              {t("landing.login")}
            </button>
          </Form>
        )}
        <ul className={styles.list}>
          <li>{t("landing.feature.cohorts")}</li>
          <li>{t("landing.feature.ltv")}</li>
          <li>{t("landing.feature.survey")}</li>
        </ul>
      </div>
    </div>
  );
}
