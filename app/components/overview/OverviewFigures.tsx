// The Overview's four groups of figures. Customer figures compare as of now with as of N days earlier;
// sales compare the last N days with the N before; satisfaction compares the answers of those windows.
import { Link } from "@remix-run/react";
import { Card, Text } from "@shopify/polaris";
import type { PageView } from "../../snapshots/views";
import { useTranslation } from "../../locales/useTranslation";
import { MetricValue } from "../MetricValue";
import { useViewFormat } from "../SnapshotPage";
import { FigureSection } from "./FigureSection";
import { FigureTile } from "./FigureTile";

type View = PageView<"overview">;

export function OverviewFigures({ view }: { view: View }) {
  const { t } = useTranslation();
  const f = useViewFormat(view.meta);
  const days = view.comparisonDays;
  const common = { f, t };
  const date = (path: string, iso: string) => (
    <MetricValue path={path} value={iso}>
      {f.date(iso)}
    </MetricValue>
  );
  const { sales, subscriptions, satisfaction } = view;
  return (
    <>
      <FigureSection heading={t("overview.section.customers")} caption={t("overview.section.customers.caption", { days, asOf: f.dateTime(view.meta.asOf) })}>
        <FigureTile title={t("overview.customers")} path="customers.customers" figure={view.customers.customers} format={f.count} kind="relative" {...common} />
        <FigureTile title={t("overview.repeatRate")} path="customers.repeatRate" figure={view.customers.repeatRate} format={(v) => f.percent(v)} kind="points" {...common} />
        <FigureTile title={t("overview.f2Rate")} path="customers.f2Rate" figure={view.customers.f2Rate} format={(v) => f.percent(v)} kind="points" unavailable={t("overview.f2.unavailable")} {...common} />
        <FigureTile title={t("overview.historicalLtv")} path="customers.historicalLtv" figure={view.customers.historicalLtv} format={f.money} kind="relative" unavailable={t("overview.ltv.unavailable")} {...common} />
        <FigureTile title={t("overview.predictedClv", { days: view.clvHorizonDays })} path="customers.predictedClv" figure={view.customers.predictedClv} format={f.money} kind="relative" unavailable={t("overview.clv.unavailable")} {...common} />
      </FigureSection>

      <FigureSection
        heading={t("overview.section.sales")}
        caption={
          <>
            {t("overview.section.sales.caption", { days })} {date("sales.windows.current.from", sales.windows.current.from)} – {date("sales.windows.current.to", sales.windows.current.to)}
            {" · "}
            {t("overview.section.sales.before", { days })} {date("sales.windows.previous.from", sales.windows.previous.from)} – {date("sales.windows.previous.to", sales.windows.previous.to)}
          </>
        }
      >
        <FigureTile title={t("overview.netRevenue")} path="sales.netRevenue" figure={sales.netRevenue} format={f.money} kind="relative" {...common} />
        <FigureTile title={t("overview.orders")} path="sales.orders" figure={sales.orders} format={f.count} kind="relative" {...common} />
        <FigureTile title={t("overview.aov")} path="sales.averageOrderValue" figure={sales.averageOrderValue} format={f.money} kind="relative" unavailable={t("overview.aov.unavailable", { days })} {...common} />
      </FigureSection>

      <FigureSection heading={t("overview.section.subscriptions")} caption={t("overview.section.subscriptions.caption", { days })}>
        {subscriptions ? (
          <>
            <FigureTile title={t("overview.activeSubscribers")} path="subscriptions.activeSubscribers" figure={subscriptions.activeSubscribers} format={f.count} kind="relative" {...common} />
            <FigureTile title={t("overview.mrr")} path="subscriptions.mrr" figure={subscriptions.mrr} format={f.money} kind="relative" {...common} />
          </>
        ) : (
          <Card>
            <Text as="p" tone="subdued">
              {t("overview.subscriptions.empty")}
            </Text>
          </Card>
        )}
      </FigureSection>

      <FigureSection heading={t("overview.section.satisfaction")} caption={t("overview.section.satisfaction.caption", { days })}>
        {satisfaction ? (
          (["csat", "nps"] as const).map((key) => (
            <FigureTile
              key={key}
              title={t(`overview.${key}`)}
              path={`satisfaction.${key}`}
              figure={satisfaction[key]}
              format={(v) => f.points(v)}
              kind="points"
              unavailable={t("overview.satisfaction.noAnswers", { days })}
              footer={<AnswerCounts path={`satisfaction.${key}.answers`} answers={satisfaction[key].answers} />}
              {...common}
            />
          ))
        ) : (
          <Card>
            <Text as="p" tone="subdued">
              {t("overview.satisfaction.empty")} <Link to="/app/surveys">{t("overview.satisfaction.surveysLink")}</Link>
            </Text>
          </Card>
        )}
      </FigureSection>
    </>
  );
}

function AnswerCounts({ path, answers }: { path: string; answers: { current: number; previous: number } }) {
  const { locale, t } = useTranslation();
  const count = new Intl.NumberFormat(locale);
  return (
    <Text as="p" variant="bodySm" tone="subdued">
      {t("overview.answers")}{" "}
      <MetricValue path={`${path}.current`} value={answers.current}>
        {count.format(answers.current)}
      </MetricValue>{" "}
      ({t("compare.previous")}{" "}
      <MetricValue path={`${path}.previous`} value={answers.previous}>
        {count.format(answers.previous)}
      </MetricValue>
      )
    </Text>
  );
}
