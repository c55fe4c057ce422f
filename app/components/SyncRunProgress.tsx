// One sync run as the merchant sees it: what is being synced, where it stands, how far along, what failed.
import { Badge, BlockStack, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import type { Locale, Translate } from "../locales/i18n";
import { labelFor } from "../locales/i18n";
import type { SyncRunStatus } from "../sync/status.server";

const STATUS_TONE = { succeeded: "success", failed: "critical", running: "info" } as const;

interface Props {
  run: SyncRunStatus;
  locale: Locale;
  timeZone: string;
  t: Translate;
}

export function SyncRunProgress({ run, locale, timeZone, t }: Props) {
  const numbers = new Intl.NumberFormat(locale);
  const instants = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  const done = numbers.format(run.doneCount);
  const progress =
    run.expectedCount !== null
      ? t("status.run.progress", { done, expected: numbers.format(run.expectedCount) })
      : t("status.run.progressUnknown", { done });
  const percent = run.phase === "done" ? 100 : run.expectedCount ? Math.min(100, (100 * run.doneCount) / run.expectedCount) : 0;
  const when = run.finishedAt
    ? t("status.run.finished", { time: instants.format(new Date(run.finishedAt)) })
    : t("status.run.started", { time: instants.format(new Date(run.startedAt)) });
  const tone = STATUS_TONE[run.status as keyof typeof STATUS_TONE];
  const pace =
    run.status === "running" && run.ratePerSecond && run.etaSeconds !== null
      ? t("status.run.rate", {
          rate: numbers.format(Math.round(run.ratePerSecond)),
          eta: new Intl.NumberFormat(locale, { style: "unit", unit: "minute", unitDisplay: "short" }).format(Math.max(1, Math.ceil(run.etaSeconds / 60))),
        })
      : null;

  return (
    <BlockStack gap="200">
      <InlineStack align="space-between" blockAlign="center">
        <Text as="h3" variant="headingSm">
          {labelFor(locale, "resource", run.resource)} · {labelFor(locale, "kind", run.kind)}
        </Text>
        <Badge tone={tone}>{labelFor(locale, "phase", run.phase)}</Badge>
      </InlineStack>
      <ProgressBar progress={percent} size="small" tone={run.status === "failed" ? "critical" : "highlight"} />
      <InlineStack align="space-between">
        <Text as="span" variant="bodySm">
          {progress}
        </Text>
        <Text as="span" variant="bodySm" tone="subdued">
          {when}
        </Text>
      </InlineStack>
      {pace && (
        <Text as="p" variant="bodySm" tone="subdued">
          {pace}
        </Text>
      )}
      {run.lastError && (
        <Text as="p" variant="bodySm" tone="critical">
          {t("status.run.lastError", { error: run.lastError })}
        </Text>
      )}
    </BlockStack>
  );
}
