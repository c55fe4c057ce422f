// Voice of customer — the product's thesis: does satisfaction, the channel a customer names or their
// reason for buying go with repeat purchase and LTV? Counts, 95 % intervals and a verdict per question.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, EmptyState, Link, Select, Text } from "@shopify/polaris";
import { useState } from "react";
import { MetricValue } from "../components/MetricValue";
import { NoticeCard } from "../components/NoticeCard";
import { RouteError } from "../components/RouteError";
import { EMPTY_STATE_IMAGE, SnapshotPage, useViewFormat } from "../components/SnapshotPage";
import { OutcomeCard } from "../components/voice/OutcomeCard";
import { WithValues } from "../components/WithValues";
import db from "../db.server";
import { useTranslation } from "../locales/useTranslation";
import { authenticate } from "../shopify.server";
import { loadPageView } from "../snapshots/page-views.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return { stored: await loadPageView(db, session.shop, "voice") };
};

export default function VoicePage() {
  const { stored } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const f = useViewFormat(stored?.view.meta);
  const [ltvIndex, setLtvIndex] = useState(0);
  const view = stored?.view;
  const surveysLink = { content: t("voice.empty.action"), url: "/app/surveys" };
  return (
    <SnapshotPage titleKey="nav.voice" snapshot={stored && { meta: stored.view.meta, computedAt: stored.computedAt }}>
      {view && view.dimensions.length === 0 && (
        <Card>
          <EmptyState heading={t("voice.empty.heading")} image={EMPTY_STATE_IMAGE} action={surveysLink}>
            <Text as="p">{t("voice.empty.body")}</Text>
          </EmptyState>
        </Card>
      )}
      {view && view.dimensions.length > 0 && (
        <>
          <Card>
            <BlockStack gap="300">
              <Text as="p">
                <WithValues
                  text={t("voice.intro")}
                  values={{
                    min: <MetricValue path="minGroupCustomers" value={view.minGroupCustomers}>{f.count(view.minGroupCustomers)}</MetricValue>,
                    respondents: <MetricValue path="respondents" value={view.respondents}>{f.count(view.respondents)}</MetricValue>,
                  }}
                />
              </Text>
              <Text as="p" tone="subdued">
                {t("voice.caution")} <Link url="/app/surveys">{t("voice.surveysLink")}</Link>
              </Text>
              <Select
                label={t("voice.ltvWindow")}
                options={view.ltvWindowsDays.map((days, i) => ({ label: t("voice.ltvWindow.option", { days }), value: String(i) }))}
                value={String(ltvIndex)}
                onChange={(value) => setLtvIndex(Number(value))}
              />
            </BlockStack>
          </Card>
          {view.dimensions.map((dimension, index) =>
            dimension.respondents > 0 ? (
              <OutcomeCard
                key={dimension.name}
                dimension={dimension}
                index={index}
                f2WindowDays={view.f2WindowDays}
                ltvWindow={{ index: ltvIndex, days: view.ltvWindowsDays[ltvIndex] }}
                minGroupCustomers={view.minGroupCustomers}
                f={f}
              />
            ) : (
              <NoticeCard key={dimension.name} title={t(`voice.dimension.${dimension.name}`)}>
                {t("voice.dimension.noAnswers")} <Link url="/app/surveys">{t("voice.empty.action")}</Link>
              </NoticeCard>
            ),
          )}
        </>
      )}
    </SnapshotPage>
  );
}

export const ErrorBoundary = RouteError;
