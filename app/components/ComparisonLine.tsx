// A figure's earlier value and its change, readable without colour: an arrow, a signed number and a
// word ("↑ +4.2% up"). The numbers are MetricValues at `<path>.previous` and `<path>.change` of a
// ComparedFigure (app/snapshots/views/compare.ts) stored in the view.
import { InlineStack, Text } from "@shopify/polaris";
import type { Translate } from "../locales/i18n";
import type { Formatters } from "./format";
import { MetricValue } from "./MetricValue";

export interface ComparedFigureJson {
  current: number | null;
  previous: number | null;
  change: number | null;
  direction: "up" | "down" | "flat" | null;
}

interface Props {
  path: string;
  figure: ComparedFigureJson;
  /** "relative": change is a ratio (shown as %); "points": change is in points (shown as "pt"). */
  kind: "relative" | "points";
  /** The earlier value, formatted like the current one. */
  previousText: string;
  f: Formatters;
  t: Translate;
  /** For figures where a fall is good news (days to a second order, churn): the tones swap. */
  lowerIsBetter?: boolean;
}

const ARROW = { up: "↑", down: "↓", flat: "→" } as const;
const TONE = { up: "success", down: "critical", flat: "subdued" } as const;

export function ComparisonLine({ path, figure, kind, previousText, f, t, lowerIsBetter = false }: Props) {
  if (figure.direction === null) {
    return (
      <Text as="p" variant="bodySm" tone="subdued">
        {t("compare.none")}
      </Text>
    );
  }
  const { change, direction } = figure;
  const sign = change !== null && change > 0 ? "+" : "";
  const changeText = change === null ? null : kind === "relative" ? `${sign}${f.percent(change)}` : t("compare.points", { value: `${sign}${f.points(change)}` });
  return (
    <InlineStack gap="200" blockAlign="baseline">
      <Text as="p" variant="bodySm" tone={TONE[lowerIsBetter && direction !== "flat" ? (direction === "up" ? "down" : "up") : direction]} fontWeight="semibold">
        <span aria-hidden="true">{ARROW[direction]} </span>
        {changeText !== null && (
          <>
            <MetricValue path={`${path}.change`} value={change}>
              {changeText}
            </MetricValue>{" "}
          </>
        )}
        {t(`compare.${direction}`)}
      </Text>
      <Text as="p" variant="bodySm" tone="subdued">
        {t("compare.previous")}{" "}
        <MetricValue path={`${path}.previous`} value={figure.previous}>
          {previousText}
        </MetricValue>
      </Text>
    </InlineStack>
  );
}
