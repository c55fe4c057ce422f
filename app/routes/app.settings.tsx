// Settings: which orders count, how cohorts and CLV are computed, the admin language, and what Tsuzuku
// stores. A form page (not snapshot-backed): saving validates every field (nothing is saved when one is
// wrong), stores the shop's settings and asks for a fresh snapshot so the figures follow.
import { type ActionFunctionArgs, json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import { Banner, BlockStack, Button, InlineStack, Layout, Page } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { AnalysisSettingsCard } from "../components/settings/AnalysisSettingsCard";
import { ExclusionsCard } from "../components/settings/ExclusionsCard";
import { PrivacyCard } from "../components/settings/PrivacyCard";
import { formValuesOf } from "../components/settings/form-values";
import { RouteError } from "../components/RouteError";
import db from "../db.server";
import { resolveLocale } from "../locales/i18n";
import { useTranslation } from "../locales/useTranslation";
import { parseSettingsForm } from "../settings/shop-settings";
import { readShopSettings, saveShopSettings } from "../settings/shop-settings.server";
import { authenticate } from "../shopify.server";
import { enqueueSnapshot } from "../snapshots/enqueue.server";
import { enqueueBackfills } from "../sync/enqueue.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const [settings, shop] = await Promise.all([
    readShopSettings(db, session.shop),
    db.shop.findUnique({ where: { shop: session.shop }, select: { locale: true } }),
  ]);
  return { settings, language: resolveLocale(shop?.locale) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = Object.fromEntries(await request.formData());
  if (form.intent === "resync") {
    await enqueueBackfills(session.shop, "resync");
    return json({ resyncQueued: true as const });
  }
  const parsed = parseSettingsForm(form);
  if (!parsed.ok) return json({ errors: parsed.fields }, { status: 400 });
  await saveShopSettings(db, session.shop, parsed.settings, parsed.language);
  return json({ saved: true as const, snapshotJob: await enqueueSnapshot(session.shop) });
};

/** App Bridge's toast when the page runs inside the admin; nothing (no throw) outside it. */
function showToast(message: string) {
  const bridge = typeof window === "undefined" ? undefined : (window as { shopify?: { toast?: { show(message: string): void } } }).shopify;
  bridge?.toast?.show(message);
}

export default function SettingsPage() {
  const { settings, language } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const [values, setValues] = useState(() => formValuesOf(settings, language));
  const errors = result && "errors" in result ? result.errors : [];
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "save";

  useEffect(() => {
    if (result && "saved" in result) showToast(t("settings.saved"));
    if (result && "resyncQueued" in result) showToast(t("status.resync.queued"));
  }, [result, t]);

  return (
    <Page title={t("nav.settings")}>
      <TitleBar title={t("nav.settings")} />
      <BlockStack gap="500">
        {errors.length > 0 && (
          <Banner tone="critical" title={t("settings.invalid")}>
            <ul>
              {errors.map((field) => (
                <li key={field}>{t(`settings.error.${field}`)}</li>
              ))}
            </ul>
          </Banner>
        )}
        {result && "saved" in result && <Banner tone="success">{t("settings.saved")}</Banner>}
        {/* The server's messages (named fields, in the merchant's language) rather than the browser's. */}
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="save" />
          <Layout>
            <Layout.AnnotatedSection title={t("settings.exclusions.title")} description={t("settings.exclusions.description")}>
              <ExclusionsCard values={values} onChange={setValues} errors={errors} />
            </Layout.AnnotatedSection>
            <Layout.AnnotatedSection title={t("settings.analysis.title")} description={t("settings.analysis.description")}>
              <AnalysisSettingsCard values={values} onChange={setValues} errors={errors} />
            </Layout.AnnotatedSection>
            <Layout.Section>
              <InlineStack align="end">
                <Button submit variant="primary" loading={saving}>
                  {t("settings.save")}
                </Button>
              </InlineStack>
            </Layout.Section>
          </Layout>
        </Form>
        <Layout>
          <Layout.AnnotatedSection title={t("settings.privacy.title")} description={t("settings.privacy.description")}>
            <PrivacyCard resyncQueued={Boolean(result && "resyncQueued" in result)} />
          </Layout.AnnotatedSection>
        </Layout>
      </BlockStack>
    </Page>
  );
}

export const ErrorBoundary = RouteError;
