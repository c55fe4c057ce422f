// The Overview page's view: the headline figures now and one comparison period earlier.
import type { ViewInput } from "./view-input";

export function buildOverviewView({ analysis, previous }: ViewInput) {
  return { current: { totals: analysis.totals }, previous: { totals: previous.totals } };
}
