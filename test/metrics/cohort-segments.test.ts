// Cohort tables for groups of customers (segments): hand-checked on a tiny shop, and the defining
// property on a generated one — a segment's table is the table of a shop holding only its customers.
import { unsafeUniformIntDistribution, xoroshiro128plus } from "pure-rand";
import { describe, expect, it } from "vitest";
import { cohortGrid, cohortTablesByGroup, cohortTablesByGroupings, computeCohorts, computeCohortsOfRows } from "../../app/metrics/cohorts.ts";
import { allocateOrderColumns, type ShopDataset } from "../../app/metrics/dataset.ts";
import { DAY_MS, prepareShop } from "../../app/metrics/prepare.ts";
import { tinyShop } from "./tiny-shop.ts";

// UTC, as of 2024-03-31. Channel a: c0 (Jan 100; Feb 50 + 30), c2 (Feb 40).
// Channel b: c1 (Jan 200; Mar 70), c3 (Mar 60, refunded 10 → 50). A guest order never counts.
const shop = tinyShop([
  { customer: 0, at: "2024-01-05T00:00:00Z", amount: 100, channel: "a" },
  { customer: 1, at: "2024-01-20T00:00:00Z", amount: 200, channel: "b" },
  { customer: 2, at: "2024-02-03T00:00:00Z", amount: 40, channel: "a" },
  { customer: 0, at: "2024-02-10T00:00:00Z", amount: 50 },
  { customer: 0, at: "2024-02-20T00:00:00Z", amount: 30 },
  { customer: 1, at: "2024-03-01T00:00:00Z", amount: 70 },
  { customer: 3, at: "2024-03-15T00:00:00Z", amount: 60, channel: "b", refunds: [{ at: "2024-03-20T00:00:00Z", amount: 10 }] },
  { customer: null, at: "2024-01-10T00:00:00Z", amount: 999 },
]);
const prepared = prepareShop(shop, Date.parse("2024-03-31T00:00:00Z"));
const { grid, cohortOfRow } = cohortGrid(prepared, "month", "UTC");
const channelOfRow = Int32Array.from([0, 1, 0, 1]);
const brief = (rows: { cohort: string; customers: number; activeCustomers: number[]; revenue: number[]; cumulativeRevenuePerCustomer: number[] }[]) =>
  rows.map((r) => [r.cohort, r.customers, r.activeCustomers, r.revenue, r.cumulativeRevenuePerCustomer]);

describe("cohort tables by group", () => {
  it("splits the customers' orders into one table per group, on the shared grid", () => {
    expect(grid?.labels).toEqual(["2024-01", "2024-02", "2024-03"]);
    const [a, b] = cohortTablesByGroup(prepared, grid!, cohortOfRow, channelOfRow, 2);
    expect(brief(a.cohorts)).toEqual([
      ["2024-01", 1, [1, 1, 0], [100, 80, 0], [100, 180, 180]],
      ["2024-02", 1, [1, 0], [40, 0], [40, 40]],
    ]);
    // No February cohort in b: cohorts without customers are left out, as in the all-customer table.
    expect(brief(b.cohorts)).toEqual([
      ["2024-01", 1, [1, 0, 1], [200, 0, 70], [200, 200, 270]],
      ["2024-03", 1, [1], [50], [50]],
    ]);
    expect(b.cohorts[0].retention).toEqual([1, 0, 1]);
  });

  it("keeps only the latest cohorts and the first offsets when asked", () => {
    const [a, b] = cohortTablesByGroup(prepared, grid!, cohortOfRow, channelOfRow, 2, { lastCohorts: 2, maxPeriods: 1 });
    expect(brief(a.cohorts)).toEqual([["2024-02", 1, [1], [40], [40]]]);
    expect(brief(b.cohorts)).toEqual([["2024-03", 1, [1], [50], [50]]]);
    const [capped] = cohortTablesByGroup(prepared, grid!, cohortOfRow, Int32Array.from([0, 0, -1, -1]), 1, { maxPeriods: 2 });
    // c0 and c1: Jan 100 + 200, Feb 80 (c0), March cut off.
    expect(brief(capped.cohorts)).toEqual([["2024-01", 2, [2, 1], [300, 80], [150, 190]]]);
  });

  it("computes several groupings in one pass, each as if alone", () => {
    const both = Int32Array.from([0, 0, 0, 0]);
    const [byChannel, all] = cohortTablesByGroupings(prepared, grid!, cohortOfRow, [{ groupOfRow: channelOfRow, groups: 2 }, { groupOfRow: both, groups: 1 }]);
    expect(byChannel).toEqual(cohortTablesByGroup(prepared, grid!, cohortOfRow, channelOfRow, 2));
    expect(all).toEqual([computeCohorts(prepared, "month", "UTC").table]);
  });

  it("gives a row mask's table: c0 and c1 together", () => {
    const table = computeCohortsOfRows(prepared, "month", "UTC", Uint8Array.from([1, 1, 0, 0]));
    expect(brief(table.cohorts)).toEqual([["2024-01", 2, [2, 1, 1], [300, 80, 70], [150, 190, 225]]]);
    expect(table.cohorts[0].retention).toEqual([1, 0.5, 0.5]);
  });
});

/** A seeded shop in Tokyo: customers first buy over two years, some return, some orders are refunded or cancelled. */
function generatedShop(seed: number, customers: number, orderCount: number): ShopDataset {
  const rng = xoroshiro128plus(seed);
  const int = (from: number, to: number) => unsafeUniformIntDistribution(from, to, rng);
  const start = Date.parse("2023-01-01T00:00:00+09:00");
  const span = 730 * DAY_MS;
  const firstAt = Array.from({ length: customers }, () => start + int(0, span));
  const orders = allocateOrderColumns(orderCount);
  const refundOrder: number[] = [];
  const refundAt: number[] = [];
  const refundAmount: number[] = [];
  for (let i = 0; i < orderCount; i++) {
    const c = i < customers ? i : int(0, customers - 1);
    orders.customer[i] = int(0, 40) === 0 ? -1 : c;
    orders.processedAt[i] = firstAt[c] + (i < customers ? 0 : int(0, 400) * DAY_MS + int(0, DAY_MS));
    orders.grossAmount[i] = int(1, 90) * 100;
    orders.cancelled[i] = int(0, 50) === 0 ? 1 : 0;
    if (int(0, 20) === 0) {
      refundOrder.push(i);
      refundAt.push(orders.processedAt[i] + int(1, 60) * DAY_MS);
      refundAmount.push(100);
    }
  }
  const refunds = { order: Int32Array.from(refundOrder), processedAt: Float64Array.from(refundAt), amount: Float64Array.from(refundAmount) };
  return { timeZone: "Asia/Tokyo", currency: "JPY", customerCount: customers, orders, refunds, dictionaries: { channel: [], discountCode: [], product: [], country: [] } };
}

/** The same shop with only the orders of the given customers (indices kept). */
function onlyCustomers(data: ShopDataset, keep: (customer: number) => boolean): ShopDataset {
  const rows = [...data.orders.customer.keys()].filter((i) => data.orders.customer[i] >= 0 && keep(data.orders.customer[i]));
  const orders = allocateOrderColumns(rows.length);
  const newRow = new Map(rows.map((i, k) => [i, k]));
  for (const [name, column] of Object.entries(data.orders) as [keyof typeof orders, ArrayLike<number>][]) {
    rows.forEach((i, k) => (orders[name][k] = column[i]));
  }
  const refundRows = [...data.refunds!.order.keys()].filter((k) => newRow.has(data.refunds!.order[k]));
  const refunds = {
    order: Int32Array.from(refundRows, (k) => newRow.get(data.refunds!.order[k])!),
    processedAt: Float64Array.from(refundRows, (k) => data.refunds!.processedAt[k]),
    amount: Float64Array.from(refundRows, (k) => data.refunds!.amount[k]),
  };
  return { ...data, orders, refunds };
}

describe("a segment's cohort table (property on a generated shop)", () => {
  const data = generatedShop(7, 400, 2_000);
  const asOf = Date.parse("2024-12-31T00:00:00+09:00");
  const all = prepareShop(data, asOf);
  for (const seed of [1, 2, 3]) {
    it(`equals the table of a shop holding only the segment's customers (mask seed ${seed})`, () => {
      const rng = xoroshiro128plus(seed);
      const inSegment = Array.from({ length: data.customerCount }, () => unsafeUniformIntDistribution(0, 2, rng) === 0);
      const mask = Uint8Array.from(all.customerIndex, (customer) => (inSegment[customer] ? 1 : 0));
      const alone = prepareShop(onlyCustomers(data, (customer) => inSegment[customer]), asOf);
      for (const unit of ["month", "week"] as const) {
        const segment = computeCohortsOfRows(all, unit, data.timeZone, mask);
        expect(segment.cohorts.length).toBeGreaterThan(10);
        expect(segment).toEqual(computeCohorts(alone, unit, data.timeZone).table);
      }
    });
  }

  it("with lastCohorts and maxPeriods, is the tail of the full table cut to the first offsets", () => {
    const { grid: weeks, cohortOfRow: weekOfRow } = cohortGrid(all, "week", data.timeZone);
    const [tail] = cohortTablesByGroup(all, weeks!, weekOfRow, new Int32Array(all.customers), 1, { lastCohorts: 26, maxPeriods: 13 });
    const latest = new Set(weeks!.labels.slice(-26));
    const cut = (values: number[]) => values.slice(0, 13);
    const expected = computeCohorts(all, "week", data.timeZone)
      .table.cohorts.filter((row) => latest.has(row.cohort))
      .map((row) => ({ ...row, activeCustomers: cut(row.activeCustomers), retention: cut(row.retention), revenue: cut(row.revenue), cumulativeRevenuePerCustomer: cut(row.cumulativeRevenuePerCustomer) }));
    expect(tail.cohorts).toEqual(expected);
    expect(tail.cohorts[0].activeCustomers).toHaveLength(13);
  });
});
