// The sBG projection: the share of subscribers still subscribed 0–12 months after starting, or why there
// is none yet (no churn to fit on).
import { ChartCard } from "../ChartCard";
import type { Formatters } from "../format";
import { MetricValue } from "../MetricValue";
import { NoticeCard } from "../NoticeCard";
import { WithValues } from "../WithValues";
import type { SubscriptionActivityView } from "../../snapshots/views/subscriptions";
import { useTranslation } from "../../locales/useTranslation";
import { SourceBadge } from "./SourceBadge";

export function RetentionProjection({ activity, f }: { activity: SubscriptionActivityView; f: Formatters }) {
  const { t } = useTranslation();
  const { survival } = activity;
  if (!survival) {
    return <NoticeCard title={t("subscriptions.sbg.title")}>{t("subscriptions.sbg.empty")}</NoticeCard>;
  }
  const description = (
    <>
      <SourceBadge source={activity.source} />{" "}
      <WithValues
        text={t("subscriptions.sbg.description")}
        values={{
          subscribers: <MetricValue path="activity.survival.subscribers" value={survival.subscribers}>{f.count(survival.subscribers)}</MetricValue>,
          churned: <MetricValue path="activity.survival.churned" value={survival.churned}>{f.count(survival.churned)}</MetricValue>,
        }}
      />
    </>
  );
  return (
    <ChartCard
      title={t("subscriptions.sbg.title")}
      description={description}
      chart={{
        type: "line",
        data: [{ name: t("subscriptions.sbg.series"), data: survival.projected.map((share, month) => ({ key: String(month), value: share })) }],
        yLabel: (v) => f.percent(v, 0),
      }}
      table={{
        headings: [t("subscriptions.sbg.col.month"), t("subscriptions.sbg.col.survival")],
        rows: survival.projected.map((share, month) => [
          f.count(month),
          <MetricValue key="share" path={`activity.survival.projected.${month}`} value={share}>
            {f.percent(share)}
          </MetricValue>,
        ]),
      }}
    />
  );
}
