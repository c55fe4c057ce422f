// The Customers page's view on the tiny shop of test/metrics/rfm-moves-shop.ts, counted by hand:
// segments with shares, the moves since 30 days earlier, and the Pareto figures.
import { describe, expect, it } from "vitest";
import { buildCustomersView } from "../../../app/snapshots/views/customers";
import { RFM_MOVES_NOW, rfmMovesShop } from "../../metrics/rfm-moves-shop";
import { viewInputFor } from "./view-input";

// Then (2024-01-31) → now (2024-03-01): c0 Loyal → Champions, c1 Hibernating → Lost, c2 At risk stays,
// c3 Potential loyalists → At risk, c4 New → Hibernating, c5 new → Promising (test/metrics/rfm-moves-shop.ts).
const input = viewInputFor(rfmMovesShop(), RFM_MOVES_NOW);
const view = buildCustomersView(input);

describe("buildCustomersView", () => {
  it("gives each segment its customers, revenue and both shares", () => {
    const bySegment = Object.fromEntries(view.rfm.segments.map((s) => [s.segment, s]));
    expect(view.rfm.customers).toBe(6);
    expect(bySegment["At risk"]).toEqual({ segment: "At risk", customers: 2, customerShare: 2 / 6, revenue: 4000, share: 4000 / 11000 });
    expect(bySegment["Champions"]).toMatchObject({ customers: 1, revenue: 4000 });
    expect(bySegment["Loyal"]).toMatchObject({ customers: 0, customerShare: 0, revenue: 0, share: 0 });
  });

  it("counts the moves since 30 days earlier and names the biggest", () => {
    const moves = view.moves!;
    expect(moves.previousAsOf).toBe("2024-01-31T00:00:00.000Z");
    expect(moves.from.at(-1)).toBe("new");
    expect(moves.counts).toHaveLength(11);
    expect(moves.counts.every((row) => row.length === 10)).toBe(true);
    expect({ stayed: moves.stayed, moved: moves.moved, newCustomers: moves.newCustomers, goneSince: moves.goneSince }).toEqual({ stayed: 1, moved: 4, newCustomers: 1, goneSince: 0 });
    // Ties keep segment order of `from`: Loyal (1), Potential loyalists (2), New (3), Hibernating (8).
    expect(moves.biggest).toEqual([
      { from: "Loyal", to: "Champions", customers: 1 },
      { from: "Potential loyalists", to: "At risk", customers: 1 },
      { from: "New", to: "Hibernating", customers: 1 },
      { from: "Hibernating", to: "Lost", customers: 1 },
    ]);
    expect(moves.fromTotals).toEqual([0, 1, 1, 1, 0, 0, 1, 0, 1, 0, 1]);
  });

  it("passes the Pareto figures through: top shares and Gini by hand", () => {
    // Net per customer 4000, 1000, 2000, 2000, 1000, 1000 (Σ 11,000); Gini = (−5·1000 − 3·1000 − 1000 + 2000 + 3·2000 + 5·4000) / (6 · 11,000).
    expect(view.pareto.topShares.map((s) => [s.percent, s.customers, s.revenue])).toEqual([[1, 1, 4000], [5, 1, 4000], [10, 1, 4000], [20, 2, 6000], [50, 3, 8000]]);
    expect(view.pareto.gini).toBeCloseTo(19000 / 66000, 12);
    expect(view.pareto.lorenz).toHaveLength(21);
  });

  it("has no moves without per-customer facts", () => {
    expect(buildCustomersView({ ...input, customers: undefined }).moves).toBeNull();
  });
});
