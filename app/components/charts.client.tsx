// The chart library, loaded in the browser only: polaris-viz (Shopify's charts, drawn to match Polaris)
// measures the DOM and cannot render on the server. ChartCard loads this module lazily.
import { BarChart, type DataSeries, LineChart, PolarisVizProvider } from "@shopify/polaris-viz";
import { InlineStack, Text } from "@shopify/polaris";

export interface ChartSpec {
  type: "line" | "bar" | "horizontalBar" | "stackedBar";
  /** One series per line or bar group; a series with `isComparison` draws dashed, so no meaning rides on colour alone. */
  data: DataSeries[];
  xLabel?: (value: string) => string;
  yLabel?: (value: number) => string;
  showLegend?: boolean;
}

/** Series colours when a page sets none: distinct in hue and lightness. */
const PALETTE = ["#2c6ecb", "#d46b08", "#0a7e6b", "#8c4fd6", "#c43256", "#616161"];

export default function Chart({ spec }: { spec: ChartSpec }) {
  const xAxisOptions = spec.xLabel ? { labelFormatter: (value: string | number | null) => spec.xLabel!(String(value ?? "")) } : undefined;
  const yAxisOptions = spec.yLabel ? { labelFormatter: (value: string | number | null) => spec.yLabel!(Number(value ?? 0)) } : undefined;
  const data = spec.data.map((series, index) => ({ ...series, color: series.color ?? PALETTE[index % PALETTE.length] }));
  // Our own legend, under the plot: polaris-viz measures its legend before the container's width is
  // known, and the plot is first drawn at negative heights (console errors) whenever it shows one.
  const showLegend = spec.showLegend ?? data.length > 1;
  return (
    <div style={{ display: "flex", flexDirection: "column", height: "100%" }}>
      <div style={{ flex: 1, minHeight: 0 }}>
        <PolarisVizProvider>
          {spec.type === "line" ? (
            <LineChart data={data} theme="Light" showLegend={false} xAxisOptions={xAxisOptions} yAxisOptions={yAxisOptions} />
          ) : (
            <BarChart
              data={data}
              theme="Light"
              showLegend={false}
              direction={spec.type === "horizontalBar" ? "horizontal" : "vertical"}
              type={spec.type === "stackedBar" ? "stacked" : "default"}
              xAxisOptions={xAxisOptions}
              yAxisOptions={yAxisOptions}
            />
          )}
        </PolarisVizProvider>
      </div>
      {showLegend && <Legend series={data} line={spec.type === "line"} />}
    </div>
  );
}

function Legend({ series, line }: { series: Array<DataSeries & { color: unknown }>; line: boolean }) {
  return (
    <InlineStack gap="400" wrap>
      {series.map((item) => (
        <InlineStack key={item.name} gap="100" blockAlign="center" wrap={false}>
          <svg width="20" height="10" aria-hidden="true">
            {line ? (
              <line x1="0" y1="5" x2="20" y2="5" stroke={String(item.color)} strokeWidth="3" strokeDasharray={item.isComparison ? "4 3" : undefined} />
            ) : (
              <rect x="5" y="0" width="10" height="10" fill={String(item.color)} />
            )}
          </svg>
          <Text as="span" variant="bodySm">
            {item.name}
          </Text>
        </InlineStack>
      ))}
    </InlineStack>
  );
}
