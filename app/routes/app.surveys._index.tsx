// Surveys: create one from a built-in template, see each survey's status and open its builder or results.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import { Badge, BlockStack, Button, Card, InlineGrid, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { z } from "zod";
import db from "../db.server";
import { type MessageKey, resolveLocale, translator } from "../locales/i18n";
import { useTranslation } from "../locales/useTranslation";
import { authenticate } from "../shopify.server";
import { createSurvey, listSurveys } from "../surveys/store.server";
import { template, TEMPLATE_IDS } from "../surveys/templates";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const surveys = await listSurveys(db, session.shop);
  return { surveys: surveys.map((s) => ({ ...s, placements: JSON.parse(s.placements) as string[] })) };
};

const createForm = z.object({ template: z.enum(TEMPLATE_IDS) });

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const parsed = createForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return new Response("template: unknown template", { status: 400 });
  // The survey's name in the merchant's language; the questions carry both languages anyway.
  const shop = await db.shop.findUnique({ where: { shop: session.shop }, select: { locale: true } });
  const t = translator(resolveLocale(shop?.locale));
  const definition = { ...template(parsed.data.template), name: t(`surveys.template.${parsed.data.template}` as MessageKey) };
  const survey = await createSurvey(db, session.shop, definition);
  return redirect(`/app/surveys/${survey.id}`);
};

const STATUS_TONE = { draft: undefined, active: "success", paused: "attention" } as const;

export default function SurveysPage() {
  const { surveys } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <Page>
      <TitleBar title={t("surveys.title")} />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Text as="h2" variant="headingMd">
              {t("surveys.create.heading")}
            </Text>
            <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
              {TEMPLATE_IDS.map((id) => (
                <Card key={id}>
                  <BlockStack gap="200">
                    <Text as="h3" variant="headingSm">
                      {t(`surveys.template.${id}` as MessageKey)}
                    </Text>
                    <Text as="p" tone="subdued">
                      {t(`surveys.template.${id}.body` as MessageKey)}
                    </Text>
                    <Form method="post">
                      <input type="hidden" name="template" value={id} />
                      <Button submit>{t("surveys.create.action")}</Button>
                    </Form>
                  </BlockStack>
                </Card>
              ))}
            </InlineGrid>
          </BlockStack>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("surveys.list.heading")}
              </Text>
              {surveys.length === 0 && <Text as="p">{t("surveys.list.empty")}</Text>}
              {surveys.map((survey) => (
                <InlineStack key={survey.id} align="space-between" blockAlign="center" gap="300">
                  <BlockStack gap="100">
                    <InlineStack gap="200" blockAlign="center">
                      <Text as="span" fontWeight="semibold">
                        {survey.name}
                      </Text>
                      <Badge tone={STATUS_TONE[survey.status as keyof typeof STATUS_TONE]}>{t(`surveys.status.${survey.status}` as MessageKey)}</Badge>
                    </InlineStack>
                    <Text as="span" tone="subdued">
                      {[t("surveys.version", { version: survey.currentVersion }), ...survey.placements.map((p) => t(`surveys.placement.${p}` as MessageKey))].join(" · ")}
                    </Text>
                  </BlockStack>
                  <InlineStack gap="200">
                    <Link to={`/app/surveys/${survey.id}`}>{t("surveys.edit")}</Link>
                    <Link to={`/app/surveys/${survey.id}/results`}>{t("surveys.results")}</Link>
                  </InlineStack>
                </InlineStack>
              ))}
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
