// The Repeat page's view: F2 conversion by window, time to second order, repurchase by first product.
import type { ViewInput } from "./view-input";

export function buildRepeatView({ analysis }: ViewInput) {
  return { repeat: analysis.repeat };
}
