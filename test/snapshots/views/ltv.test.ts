// The LTV page's view from tiny shops: segment dimensions capped and ordered, the CLV distribution and
// top customers from the same fit, the backtest's verdict, and honest notes when no model fits.
import { describe, expect, it } from "vitest";
import { backtestTrust } from "../../../app/snapshots/views/backtest-trust";
import { buildLtvView, SEGMENT_VALUES_SHOWN, TOP_CUSTOMERS_SHOWN } from "../../../app/snapshots/views/ltv";
import { tinyShop, type TinyOrder } from "../../metrics/tiny-shop";
import { viewInputFor } from "./view-input";

const asOf = Date.parse("2024-06-30T00:00:00Z");

// 60 customers: c has 1 + (c mod 4) orders 45 days apart from 2023-01-01 + 3c days, each 1000 + 100·(c mod 5);
// the first order's channel is ch(c mod 8): ch0–ch3 have 8 customers, ch4–ch7 have 7.
function repeatShop() {
  const orders: TinyOrder[] = [];
  for (let c = 0; c < 60; c++) {
    for (let v = 0; v < 1 + (c % 4); v++) {
      orders.push({ customer: c, at: new Date(Date.UTC(2023, 0, 1 + c * 3 + v * 45)).toISOString(), amount: 1000 + 100 * (c % 5), channel: v === 0 ? `ch${c % 8}` : undefined });
    }
  }
  const data = tinyShop(orders, { currency: "JPY" });
  data.customerIds = Array.from({ length: data.customerCount }, (_, c) => `gid://shopify/Customer/${1000 + c}`);
  return data;
}

describe("buildLtvView: historical LTV by segment", () => {
  const view = buildLtvView(viewInputFor(repeatShop(), asOf, { horizonDays: 180 }));

  it("keeps the largest values of each dimension and drops dimensions with no recorded value", () => {
    expect(view.historical.dimensions.map((d) => d.key)).toEqual(["channel", "subscriber"]); // no products, codes or countries
    const channel = view.historical.dimensions[0];
    expect(channel.values).toBe(8);
    expect(channel.shown).toBe(SEGMENT_VALUES_SHOWN);
    expect(view.historical.dimensions[1]).toMatchObject({ key: "subscriber", values: 1, shown: 1 }); // everyone one-time
    expect(channel.groups).toHaveLength(SEGMENT_VALUES_SHOWN);
    expect(channel.groups.map((g) => [g.key, g.customers])).toEqual([["ch0", 8], ["ch1", 8], ["ch2", 8], ["ch3", 8], ["ch4", 7], ["ch5", 7]]);
    // All 60 first orders are more than 365 days before the as-of: every customer is eligible everywhere.
    expect(view.historical.overall.map((w) => w.eligibleCustomers)).toEqual([60, 60, 60, 60, 60]);
    // ch0 = customers 0, 8, …, 56: c mod 4 ∈ {0} → 1 order each at 1000 + 100·(c mod 5); the 30-day LTV is the first order.
    const ch0 = [0, 8, 16, 24, 32, 40, 48, 56].map((c) => 1000 + 100 * (c % 5));
    expect(ch0.reduce((s, v) => s + v, 0) / 8).toBe(1175);
    expect(channel.groups[0].windows[0].ltv).toBe(1175);
  });
});

describe("buildLtvView: predicted CLV", () => {
  // As of 2023-12-31 the 180-day holdout (from 2023-07-04) holds the later customers' repeat orders.
  const input = viewInputFor(repeatShop(), Date.parse("2023-12-31T00:00:00Z"), { horizonDays: 180 });
  const { predicted } = buildLtvView(input);

  it("lists the top customers by predicted CLV with their ids and the same fit's figures", () => {
    expect(predicted.model.fitted).toBe(true);
    expect(predicted.topCustomers).toHaveLength(TOP_CUSTOMERS_SHOWN);
    const clvs = predicted.topCustomers.map((c) => c.predictedClv);
    expect(clvs).toEqual([...clvs].sort((a, b) => b - a));
    const facts = input.customers!.now;
    const best = facts.clv!.clv!.reduce((at, v, r, all) => (v > all[at] ? r : at), 0);
    expect(predicted.topCustomers[0].id).toBe(`gid://shopify/Customer/${1000 + facts.customerIndex[best]}`);
    for (const top of predicted.topCustomers) {
      const c = Number(top.id!.split("/").pop()) - 1000;
      expect(top.orders).toBe(1 + (c % 4));
      expect(top.historicalRevenue).toBe(top.orders * (1000 + 100 * (c % 5)));
      expect(top.pAlive).toBeGreaterThan(0);
      expect(top.pAlive).toBeLessThanOrEqual(1);
    }
  });

  it("bins every customer's predicted CLV in money, adding up to the total", () => {
    expect(predicted.distribution.reduce((s, b) => s + b.customers, 0)).toBe(60);
    // Whole minor units: each bin's total is rounded, so the sum is within half a unit per bin of the total.
    expect(predicted.distribution.every((b) => Number.isInteger(b.total))).toBe(true);
    expect(Math.abs(predicted.distribution.reduce((s, b) => s + b.total, 0) - predicted.totalClv!)).toBeLessThanOrEqual(predicted.distribution.length / 2 + 0.5);
    expect(predicted.topCustomers.every((c) => Number.isInteger(c.predictedClv))).toBe(true);
    expect(predicted.distribution[0].from).toBe(0);
    expect(predicted.distribution.at(-1)?.to).toBeNull();
    expect(predicted.medianClv).toBeGreaterThan(0);
  });

  it("reports the backtest with its error and verdict", () => {
    const backtest = predicted.backtest!;
    expect(backtest.holdoutDays).toBe(180);
    expect(backtest.relativeError).toBeCloseTo(Math.abs(backtest.predictedPurchases - backtest.actualPurchases) / backtest.actualPurchases, 12);
    expect(backtest.actualPurchases).toBeGreaterThan(0);
    expect(backtest.trust).toBe(backtestTrust(backtest.predictedPurchases, backtest.actualPurchases).trust);
  });
});

describe("buildLtvView: no model", () => {
  it("shows why, with no distribution and no top customers", () => {
    const data = tinyShop([0, 1, 2].map((c) => ({ customer: c, at: "2024-01-01T00:00:00Z", amount: 100 })));
    const { predicted } = buildLtvView(viewInputFor(data, asOf));
    expect(predicted.model).toEqual({ fitted: false, notes: [{ code: "noRepeatCustomers", text: "no repeat customers: the models cannot be fitted" }] });
    expect(predicted.distribution).toEqual([]);
    expect(predicted.topCustomers).toEqual([]);
    expect(predicted.backtest).toBeNull();
    expect(predicted.medianClv).toBeNull();
  });
});

describe("backtestTrust", () => {
  it("grades the holdout error by the thresholds of docs/metrics.md", () => {
    expect(backtestTrust(1230, 1190)).toEqual({ relativeError: 40 / 1190, trust: "good" }); // 3.4 % off
    expect(backtestTrust(110, 100)).toEqual({ relativeError: 0.1, trust: "good" });
    expect(backtestTrust(80, 100)).toEqual({ relativeError: 0.2, trust: "fair" });
    expect(backtestTrust(130, 100)).toEqual({ relativeError: 0.3, trust: "poor" });
    expect(backtestTrust(25, 20)).toEqual({ relativeError: 0.25, trust: "tooFew" });
    expect(backtestTrust(3, 0)).toEqual({ relativeError: null, trust: "tooFew" });
  });
});
