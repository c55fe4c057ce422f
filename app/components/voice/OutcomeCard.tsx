// One survey question's answers side by side: customers, repeat rate, F2 and LTV with 95 % intervals
// (the table), the repeat rate as bars (the chart), and the verdicts underneath.
import { Badge, InlineStack, Text } from "@shopify/polaris";
import { ChartCard } from "../ChartCard";
import { EstimateCell } from "../EstimateCell";
import type { Formatters } from "../format";
import { MetricValue } from "../MetricValue";
import { WithValues } from "../WithValues";
import type { VoiceDimensionView } from "../../snapshots/views/voice";
import { useTranslation } from "../../locales/useTranslation";
import { answerLabel } from "./answer-label";
import { Verdicts } from "./Verdicts";

interface Props {
  dimension: VoiceDimensionView;
  index: number;
  f2WindowDays: number;
  /** Index into each group's `ltv` windows, and its length in days. */
  ltvWindow: { index: number; days: number };
  minGroupCustomers: number;
  f: Formatters;
}

export function OutcomeCard({ dimension, index, f2WindowDays, ltvWindow, minGroupCustomers, f }: Props) {
  const { t, locale } = useTranslation();
  const base = `dimensions.${index}`;
  const label = (key: string) => answerLabel(locale, t, dimension.name, key);
  const percent = (v: number | null) => f.percent(v);
  const eligible = (path: string, count: number) => (
    <WithValues text={t("voice.eligible")} values={{ count: <MetricValue path={path} value={count}>{f.count(count)}</MetricValue> }} />
  );
  const rows = dimension.groups.map((group, g) => {
    const at = `${base}.groups.${g}`;
    const ltv = group.ltv[ltvWindow.index];
    return [
      <InlineStack key="answer" gap="200" blockAlign="center">
        <Text as="span">{label(group.key)}</Text>
        {group.tooFew && <Badge tone="attention">{t("estimate.tooFew")}</Badge>}
      </InlineStack>,
      <MetricValue key="customers" path={`${at}.customers`} value={group.customers}>
        {f.count(group.customers)}
      </MetricValue>,
      <EstimateCell key="repeat" path={`${at}.repeat`} field="rate" estimate={group.repeat} format={percent} />,
      <EstimateCell key="f2" path={`${at}.f2`} field="rate" estimate={group.f2} format={percent} note={eligible(`${at}.f2.total`, group.f2.total)} />,
      <EstimateCell key="ltv" path={`${at}.ltv.${ltvWindow.index}`} field="mean" estimate={ltv} format={f.money} note={eligible(`${at}.ltv.${ltvWindow.index}.total`, ltv.total)} />,
    ];
  });
  const description = (
    <>
      <WithValues
        text={t("voice.dimension.respondents")}
        values={{ count: <MetricValue path={`${base}.respondents`} value={dimension.respondents}>{f.count(dimension.respondents)}</MetricValue> }}
      />
      {dimension.groupsHidden > 0 && (
        <>
          {" "}
          <WithValues
            text={t("voice.dimension.hidden")}
            values={{ count: <MetricValue path={`${base}.groupsHidden`} value={dimension.groupsHidden}>{f.count(dimension.groupsHidden)}</MetricValue> }}
          />
        </>
      )}
    </>
  );
  return (
    <ChartCard
      title={t(`voice.dimension.${dimension.name}`)}
      description={description}
      footer={<Verdicts dimension={dimension} index={index} ltvWindowDays={ltvWindow.days} minGroupCustomers={minGroupCustomers} f={f} />}
      tableFirst
      height={Math.max(160, 40 * dimension.groups.length)}
      chart={{
        type: "horizontalBar",
        data: [{ name: t("voice.chart.series"), data: dimension.groups.map((g) => ({ key: label(g.key), value: g.repeat.rate })) }],
        yLabel: (v) => f.percent(v, 0),
      }}
      table={{
        headings: [t("voice.col.answer"), t("voice.col.customers"), t("voice.col.repeat"), t("voice.col.f2", { days: f2WindowDays }), t("voice.col.ltv", { days: ltvWindow.days })],
        rows,
      }}
    />
  );
}
