import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import { Banner, BlockStack, Button, Card, Divider, EmptyState, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { Fragment } from "react";
import { EMPTY_STATE_IMAGE } from "../components/SnapshotPage";
import { SyncRunProgress } from "../components/SyncRunProgress";
import db from "../db.server";
import type { MessageKey } from "../locales/i18n";
import { useTranslation } from "../locales/useTranslation";
import { authenticate } from "../shopify.server";
import { enqueueBackfills } from "../sync/enqueue.server";
import { type RecordCounts, readShopSyncStatus } from "../sync/status.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return readShopSyncStatus(db, session.shop);
};

/** "Resync": the merchant asks for every order and contract to be read again (a backfill job per resource). */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  await enqueueBackfills(session.shop, "resync");
  return { resyncQueued: true };
};

const COUNT_LABELS: Record<keyof RecordCounts, MessageKey> = {
  customers: "count.customers",
  orders: "count.orders",
  orderLines: "count.orderLines",
  refunds: "count.refunds",
  subscriptionContracts: "count.subscriptionContracts",
  surveyResponses: "count.surveyResponses",
};


export default function SyncStatusPage() {
  const { latestRuns, counts, countedAt, hasData } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const { locale, timeZone, t } = useTranslation();
  const numbers = new Intl.NumberFormat(locale);
  const instants = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });

  return (
    <Page>
      <TitleBar title={t("status.title")} />
      {!hasData ? (
        <Card>
          <EmptyState heading={t("status.empty.heading")} image={EMPTY_STATE_IMAGE}>
            <p>{t("status.empty.body")}</p>
          </EmptyState>
        </Card>
      ) : (
        <Layout>
          <Layout.Section>
            <Card>
              <BlockStack gap="400">
                <InlineStack align="space-between" blockAlign="center">
                  <Text as="h2" variant="headingMd">
                    {t("status.runs.heading")}
                  </Text>
                  <Form method="post">
                    <Button submit loading={submitting} accessibilityLabel={t("status.resync.help")}>
                      {t("status.resync")}
                    </Button>
                  </Form>
                </InlineStack>
                {actionData?.resyncQueued && <Banner tone="info">{t("status.resync.queued")}</Banner>}
                {latestRuns.length === 0 && <Text as="p">{t("status.runs.none")}</Text>}
                {latestRuns.map((run, index) => (
                  <Fragment key={run.resource}>
                    {index > 0 && <Divider />}
                    <SyncRunProgress run={run} locale={locale} timeZone={timeZone} t={t} />
                  </Fragment>
                ))}
              </BlockStack>
            </Card>
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {t("status.counts.heading")}
                </Text>
                {counts === null || countedAt === null ? (
                  <Text as="p">{t("status.counts.pending")}</Text>
                ) : (
                  <>
                    {(Object.keys(COUNT_LABELS) as Array<keyof RecordCounts>).map((name) => (
                      <InlineStack key={name} align="space-between">
                        <Text as="span">{t(COUNT_LABELS[name])}</Text>
                        <Text as="span" fontWeight="semibold">
                          {numbers.format(counts[name])}
                        </Text>
                      </InlineStack>
                    ))}
                    <Text as="p" tone="subdued">
                      {t("status.counts.countedAt", { time: instants.format(new Date(countedAt)) })}
                    </Text>
                  </>
                )}
              </BlockStack>
            </Card>
          </Layout.Section>
        </Layout>
      )}
    </Page>
  );
}
export { RouteError as ErrorBoundary } from "../components/RouteError";
