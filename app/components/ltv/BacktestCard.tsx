// The backtest: the model refitted on an earlier period predicts the holdout's repeat purchases, set
// against what customers did, by how often they had bought before; one sentence says how far to trust it.
import { Banner, BlockStack, Text } from "@shopify/polaris";
import { useTranslation } from "../../locales/useTranslation";
import type { PageView } from "../../snapshots/views";
import { ChartCard } from "../ChartCard";
import type { Formatters } from "../format";
import { MetricValue } from "../MetricValue";
import { NoticeCard } from "../NoticeCard";
import { WithValues } from "../WithValues";

type Backtest = NonNullable<PageView<"ltv">["predicted"]["backtest"]>;

const TONE = { good: "success", fair: "warning", poor: "critical", tooFew: "info" } as const;

export function BacktestCard({ backtest, f }: { backtest: Backtest | null; f: Formatters }) {
  const { t } = useTranslation();
  if (!backtest) {
    return <NoticeCard title={t("ltv.backtest.title")}>{t("ltv.backtest.empty")}</NoticeCard>;
  }
  const value = (path: string, raw: number | string | null, text: string) => <MetricValue path={`predicted.backtest.${path}`} value={raw}>{text}</MetricValue>;
  const sentence = (
    <WithValues
      text={t(backtest.relativeError === null ? "ltv.backtest.sentenceNoActual" : "ltv.backtest.sentence")}
      values={{
        days: value("holdoutDays", backtest.holdoutDays, f.count(backtest.holdoutDays)),
        predicted: value("predictedPurchases", backtest.predictedPurchases, f.count(backtest.predictedPurchases)),
        actual: value("actualPurchases", backtest.actualPurchases, f.count(backtest.actualPurchases)),
        error: value("relativeError", backtest.relativeError, f.percent(backtest.relativeError, 0)),
      }}
    />
  );
  const verdict = (
    <Banner tone={TONE[backtest.trust]}>
      <BlockStack gap="100">
        <Text as="p">{sentence}</Text>
        <Text as="p" fontWeight="semibold">{t(`ltv.backtest.verdict.${backtest.trust}`)}</Text>
      </BlockStack>
    </Banner>
  );
  const bucket = (i: number, field: string) => `byFrequency.${i}.${field}`;
  return (
    <ChartCard
      title={t("ltv.backtest.title")}
      controls={verdict}
      description={
        <WithValues
          text={t("ltv.backtest.description")}
          values={{ date: value("calibrationEnd", backtest.calibrationEnd, f.date(backtest.calibrationEnd)), days: value("holdoutDays", backtest.holdoutDays, f.count(backtest.holdoutDays)) }}
        />
      }
      chart={{
        type: "bar",
        data: [
          { name: t("ltv.backtest.actual"), data: backtest.byFrequency.map((b) => ({ key: b.frequency, value: b.actualPurchases })) },
          { name: t("ltv.backtest.predicted"), data: backtest.byFrequency.map((b) => ({ key: b.frequency, value: b.predictedPurchases })), isComparison: true },
        ],
        yLabel: f.countTick,
      }}
      table={{
        headings: [t("ltv.backtest.bucket"), t("ltv.backtest.customers"), t("ltv.backtest.actual"), t("ltv.backtest.predicted")],
        rows: backtest.byFrequency.map((b, i) => [
          value(bucket(i, "frequency"), b.frequency, b.frequency),
          value(bucket(i, "customers"), b.customers, f.count(b.customers)),
          value(bucket(i, "actualPurchases"), b.actualPurchases, f.count(b.actualPurchases)),
          value(bucket(i, "predictedPurchases"), b.predictedPurchases, f.decimal(b.predictedPurchases, 1)),
        ]),
      }}
    />
  );
}
