// One Overview figure: its title, the current value, and the comparison line beneath it.
import { BlockStack, Card, Text } from "@shopify/polaris";
import type { ReactNode } from "react";
import type { Translate } from "../../locales/i18n";
import { type ComparedFigureJson, ComparisonLine } from "../ComparisonLine";
import type { Formatters } from "../format";
import { MetricValue } from "../MetricValue";

interface Props {
  title: string;
  /** Dot path of the ComparedFigure in the stored view. */
  path: string;
  figure: ComparedFigureJson;
  format: (value: number | null) => string;
  kind: "relative" | "points";
  /** Shown instead of the value when there is none (the reason, in a sentence). */
  unavailable?: string;
  /** Beneath the comparison, e.g. how many answers a score rests on. */
  footer?: ReactNode;
  f: Formatters;
  t: Translate;
  /** A fall is good news (see ComparisonLine). */
  lowerIsBetter?: boolean;
}

export function FigureTile({ title, path, figure, format, kind, unavailable, footer, f, t, lowerIsBetter }: Props) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h3" variant="headingSm">
          {title}
        </Text>
        {figure.current === null && unavailable ? (
          <Text as="p" tone="subdued">
            {unavailable}
          </Text>
        ) : (
          <>
            <MetricValue path={`${path}.current`} value={figure.current} variant="headingLg">
              {format(figure.current)}
            </MetricValue>
            <ComparisonLine path={path} figure={figure} kind={kind} previousText={format(figure.previous)} f={f} t={t} lowerIsBetter={lowerIsBetter} />
          </>
        )}
        {footer}
      </BlockStack>
    </Card>
  );
}
