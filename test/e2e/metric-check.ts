// The numbers a page shows against the stored view it was rendered from. Every number on a snapshot
// page is an element with data-metric="<dot path into the view>" and data-value="<String(value)>"
// (app/components/MetricValue.tsx); its text is the formatted value.

export interface ShownMetric {
  path: string;
  value: string;
  text: string;
}

/** The value at a dot path ("rows.3.retention.2"), or undefined when any step is missing. */
export function valueAtPath(view: unknown, dotPath: string): unknown {
  let at: unknown = view;
  for (const step of dotPath.split(".")) {
    if (at === null || typeof at !== "object" || !Object.hasOwn(at, step)) return undefined;
    at = (at as Record<string, unknown>)[step];
  }
  return at;
}

/** One line per metric that does not match the stored view; empty when all do. */
export function metricMismatches(view: unknown, shown: ShownMetric[]): string[] {
  const problems: string[] = [];
  for (const metric of shown) {
    const stored = valueAtPath(view, metric.path);
    const where = `data-metric="${metric.path}"`;
    if (stored === undefined) {
      problems.push(`${where}: no such path in the stored view (data-value="${metric.value}", text "${metric.text}")`);
    } else if (stored !== null && typeof stored === "object") {
      problems.push(`${where}: the stored value is an object, not a number or string`);
    } else if (String(stored) !== metric.value) {
      problems.push(`${where}: data-value="${metric.value}" but the stored view has ${JSON.stringify(stored)}`);
    }
    const text = metric.text.trim();
    if (text === "") {
      problems.push(`${where}: shows no text`);
    } else if (typeof stored === "number" && Number.isFinite(stored) && !/[0-9０-９]/.test(text)) {
      problems.push(`${where}: shows "${text}" for the number ${stored} (no digit)`);
    }
  }
  return problems;
}
