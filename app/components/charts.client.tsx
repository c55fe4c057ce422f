// The chart library, loaded in the browser only: polaris-viz (Shopify's charts, drawn to match Polaris)
// measures the DOM and cannot render on the server. ChartCard loads this module lazily.
import { BarChart, type DataSeries, LineChart, PolarisVizProvider } from "@shopify/polaris-viz";
import "@shopify/polaris-viz/build/esm/styles.css";

export interface ChartSpec {
  type: "line" | "bar" | "horizontalBar" | "stackedBar";
  /** One series per line or bar group; a series with `isComparison` draws dashed, so no meaning rides on colour alone. */
  data: DataSeries[];
  xLabel?: (value: string) => string;
  yLabel?: (value: number) => string;
  showLegend?: boolean;
}

export default function Chart({ spec }: { spec: ChartSpec }) {
  const xAxisOptions = spec.xLabel ? { labelFormatter: (value: string | number | null) => spec.xLabel!(String(value ?? "")) } : undefined;
  const yAxisOptions = spec.yLabel ? { labelFormatter: (value: string | number | null) => spec.yLabel!(Number(value ?? 0)) } : undefined;
  const showLegend = spec.showLegend ?? spec.data.length > 1;
  return (
    <PolarisVizProvider>
      {spec.type === "line" ? (
        <LineChart data={spec.data} theme="Light" showLegend={showLegend} xAxisOptions={xAxisOptions} yAxisOptions={yAxisOptions} />
      ) : (
        <BarChart
          data={spec.data}
          theme="Light"
          showLegend={showLegend}
          direction={spec.type === "horizontalBar" ? "horizontal" : "vertical"}
          type={spec.type === "stackedBar" ? "stacked" : "default"}
          xAxisOptions={xAxisOptions}
          yAxisOptions={yAxisOptions}
        />
      )}
    </PolarisVizProvider>
  );
}
