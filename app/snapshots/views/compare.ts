// A figure beside the same figure one period earlier, with the change a page shows as arrow + sign +
// words. Built in the view (not the component) so the change shown is a stored number.

export interface ComparedFigure {
  current: number | null;
  previous: number | null;
  /**
   * "relative": (current − previous) / |previous| (0.05 = +5 %), null when previous is 0.
   * "points": current − previous in percentage points (ratios × 100; scores already in points).
   * Null when either side is missing.
   */
  change: number | null;
  direction: "up" | "down" | "flat" | null;
}

export type ChangeKind = "relative" | "points";

/** `ratio`: the figures are ratios (0.25) whose "points" change is reported ×100. */
export function compareFigure(current: number | null, previous: number | null, kind: ChangeKind, ratio = false): ComparedFigure {
  if (current === null || previous === null || !Number.isFinite(current) || !Number.isFinite(previous)) {
    return { current, previous, change: null, direction: null };
  }
  const difference = current - previous;
  // Differences below rounding noise (sums of floats, 1e-9 of the figure) are no change.
  const flat = Math.abs(difference) <= 1e-9 * Math.max(Math.abs(current), Math.abs(previous), 1);
  const direction = flat ? "flat" : difference > 0 ? "up" : "down";
  if (flat) return { current, previous, change: 0, direction };
  if (kind === "points") return { current, previous, change: round(ratio ? difference * 100 : difference), direction };
  return { current, previous, change: previous === 0 ? null : round(difference / Math.abs(previous)), direction };
}

/** 10 significant digits: the change is shown with at most 1–2 decimals, and the stored JSON stays short. */
function round(value: number): number {
  return Number(value.toPrecision(10));
}
