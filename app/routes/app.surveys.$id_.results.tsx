// A survey's results over a date range in the shop's time zone: response rate, distributions, CSAT,
// NPS, attribution shares, free-text answers with search, and the CSV export.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import { BlockStack, Button, Card, InlineGrid, InlineStack, Layout, Page, ProgressBar, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import db from "../db.server";
import { useTranslation } from "../locales/useTranslation";
import { authenticate } from "../shopify.server";
import { dayRange } from "../surveys/date-range";
import { localized } from "../surveys/flow";
import { surveyResults } from "../surveys/results.server";
import { loadSurvey, SurveyNotFoundError } from "../surveys/store.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const shop = await db.shop.findUnique({ where: { shop: session.shop }, select: { ianaTimezone: true } });
  const url = new URL(request.url);
  const { range, from, to } = dayRange(url.searchParams.get("from"), url.searchParams.get("to"), shop?.ianaTimezone ?? "UTC");
  const search = (url.searchParams.get("q") ?? "").slice(0, 100);
  try {
    const survey = await loadSurvey(db, session.shop, params.id ?? "");
    return { name: survey.name, from, to, search, results: await surveyResults(db, session.shop, survey.id, range, search) };
  } catch (error) {
    if (error instanceof SurveyNotFoundError) throw new Response("Survey not found", { status: 404 });
    throw error;
  }
};

export default function SurveyResultsPage() {
  const { name, from, to, search, results } = useLoaderData<typeof loader>();
  const { t, locale, timeZone } = useTranslation();
  const [range, setRange] = useState({ from, to, q: search });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const none = t("results.none");

  const download = async () => {
    // App Bridge adds the session token to the app's own fetches; a plain link would carry none.
    const response = await fetch(`/app/surveys/${results.surveyId}/export?${new URLSearchParams({ from, to })}`);
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement("a");
    link.href = url;
    link.download = `survey-${from}-${to}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Page backAction={{ url: "/app/surveys" }}>
      <TitleBar title={t("results.title", { name })} />
      <Layout>
        <Layout.Section>
          <Card>
            <Form method="get">
              <InlineStack gap="300" blockAlign="end">
                <TextField label={t("results.from")} type="date" name="from" value={range.from} onChange={(value) => setRange((r) => ({ ...r, from: value }))} autoComplete="off" />
                <TextField label={t("results.to")} type="date" name="to" value={range.to} onChange={(value) => setRange((r) => ({ ...r, to: value }))} autoComplete="off" />
                <TextField label={t("results.search")} name="q" value={range.q} onChange={(value) => setRange((r) => ({ ...r, q: value }))} autoComplete="off" />
                <Button submit>{t("results.apply")}</Button>
                <Button onClick={download}>{t("results.export")}</Button>
              </InlineStack>
            </Form>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
            <Card>
              <Text as="p" tone="subdued">{t("results.responses")}</Text>
              <Text as="p" variant="headingLg">{number.format(results.responses)}</Text>
            </Card>
            <Card>
              <Text as="p" tone="subdued">{t("results.orders")}</Text>
              <Text as="p" variant="headingLg">{number.format(results.orders)}</Text>
            </Card>
            <Card>
              <Text as="p" tone="subdued">{t("results.responseRate")}</Text>
              <Text as="p" variant="headingLg">{results.responseRate === null ? none : percent.format(results.responseRate)}</Text>
            </Card>
          </InlineGrid>
        </Layout.Section>
        {results.questions.map((question) => (
          <Layout.Section key={question.key}>
            <Card>
              <BlockStack gap="300">
                <InlineStack align="space-between">
                  <Text as="h2" variant="headingMd">
                    {localized(question.prompt, locale)}
                  </Text>
                  <Text as="span" tone="subdued">
                    {t("results.answered", { count: number.format(question.answered) })}
                  </Text>
                </InlineStack>
                {question.kind === "csat" && (
                  <Text as="p" variant="headingLg">
                    {t("results.csat")}: {question.score === null ? none : `${number.format(question.score)}%`}
                  </Text>
                )}
                {question.kind === "nps" && (
                  <Text as="p" variant="headingLg">
                    {t("results.nps")}: {question.score === null ? none : number.format(question.score)}
                  </Text>
                )}
                {question.key === "heard_from" && (
                  <Text as="h3" variant="headingSm">
                    {t("results.attribution")}
                  </Text>
                )}
                {question.counts.map((count) => (
                  <BlockStack key={count.value} gap="100">
                    <InlineStack align="space-between">
                      <Text as="span">
                        {count.label ? localized(count.label, locale) : count.value === "yes" ? t("results.yes") : count.value === "no" ? t("results.no") : count.value}
                      </Text>
                      <Text as="span">
                        {number.format(count.count)} ({percent.format(count.share)})
                      </Text>
                    </InlineStack>
                    <ProgressBar progress={Math.round(count.share * 100)} size="small" />
                  </BlockStack>
                ))}
                {(question.kind === "text" || question.texts.length > 0) && (
                  <BlockStack gap="200">
                    {question.texts.length === 0 && <Text as="p" tone="subdued">{t("results.noTexts")}</Text>}
                    {question.texts.map((answer, i) => (
                      <Text as="p" key={`${answer.orderId}-${i}`}>
                        “{answer.text}”{" "}
                        <Text as="span" tone="subdued" variant="bodySm">
                          {new Date(answer.submittedAt).toLocaleDateString(locale, { timeZone })}
                        </Text>
                      </Text>
                    ))}
                  </BlockStack>
                )}
              </BlockStack>
            </Card>
          </Layout.Section>
        ))}
      </Layout>
    </Page>
  );
}
