// The Cohorts page's view: retention, revenue per customer and cumulative LTV by first-order period.
import type { ViewInput } from "./view-input";

export function buildCohortsView({ analysis }: ViewInput) {
  return { month: analysis.cohorts.month, week: analysis.cohorts.week };
}
