// A chart with its table alternative: the table is always in the page (screen readers, copying numbers,
// and the no-JavaScript first paint); the chart is drawn in the browser once the library has loaded,
// in a box of fixed height so nothing shifts when it appears.
import { BlockStack, Box, Button, ButtonGroup, Card, DataTable, InlineStack, Text } from "@shopify/polaris";
import { lazy, type ReactNode, Suspense, useEffect, useState } from "react";
import { useTranslation } from "../locales/useTranslation";
import type { ChartSpec } from "./charts.client";

const Chart = lazy(() => import("./charts.client"));

/**
 * Invisible but read by screen readers. The table keeps the card's width (a 1 px box would make its
 * scroll container a keyboard-unreachable scrollable region: axe's scrollable-region-focusable) and is
 * clipped to one pixel of height instead.
 */
const VISUALLY_HIDDEN = { height: 1, marginTop: -1, overflow: "hidden", clipPath: "inset(50%)" } as const;
/** The chart repeats the table for sighted users: inert keeps its focusable marks out of the tab order and the accessibility tree (aria-hidden alone leaves them focusable: axe's aria-hidden-focus). */
const INERT = { inert: "" } as Record<string, string>;

export type { ChartSpec };

export interface ChartTable {
  headings: string[];
  rows: ReactNode[][];
  /** "text" for the first column and "numeric" for the others by default. */
  columnContentTypes?: Array<"text" | "numeric">;
}

interface Props {
  title: string;
  description?: ReactNode;
  /** Between the title and the description: a picker that changes what the chart shows, a verdict banner. */
  controls?: ReactNode;
  chart: ChartSpec;
  table: ChartTable;
  height?: number;
  /** Start on the table (for wide tables that are the main content). */
  tableFirst?: boolean;
  /** Block content under the chart or table (the description is a paragraph: phrasing content only). */
  footer?: ReactNode;
}

export function ChartCard({ title, description, controls, chart, table, height = 280, tableFirst = false, footer }: Props) {
  const { t } = useTranslation();
  const [showTable, setShowTable] = useState(tableFirst);
  const [inBrowser, setInBrowser] = useState(false);
  useEffect(() => setInBrowser(true), []);
  const types = table.columnContentTypes ?? table.headings.map((_, i) => (i === 0 ? "text" : "numeric"));
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center" gap="200">
          <Text as="h2" variant="headingMd">
            {title}
          </Text>
          <ButtonGroup variant="segmented">
            <Button pressed={!showTable} onClick={() => setShowTable(false)}>
              {t("chart.show.chart")}
            </Button>
            <Button pressed={showTable} onClick={() => setShowTable(true)}>
              {t("chart.show.table")}
            </Button>
          </ButtonGroup>
        </InlineStack>
        {controls}
        {description && <Text as="p" tone="subdued">{description}</Text>}
        <div hidden={showTable} {...INERT}>
          <Box minHeight={`${height}px`}>
            <div style={{ height }}>{inBrowser && !showTable && <Suspense fallback={null}><Chart spec={chart} /></Suspense>}</div>
          </Box>
        </div>
        <div style={showTable ? undefined : VISUALLY_HIDDEN}>
          <DataTable columnContentTypes={types} headings={table.headings} rows={table.rows} />
        </div>
        {footer}
      </BlockStack>
    </Card>
  );
}
