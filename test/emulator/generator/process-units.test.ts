import { TZDate } from "@date-fns/tz";
import { describe, expect, it } from "vitest";
import { ShopCalendar } from "./calendar";
import { fromJpy, presentmentRate } from "./money";
import { Rng, WeightedChoice, deriveSeed } from "./random";

const mean = (draw: () => number, n = 40_000) => {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += draw();
  return sum / n;
};

describe("Rng", () => {
  it("draws the documented means", () => {
    const rng = new Rng(1);
    expect(mean(() => rng.float())).toBeCloseTo(0.5, 2);
    expect(mean(() => rng.exponential(3))).toBeCloseTo(3, 1);
    expect(mean(() => rng.gamma(0.3, 10))).toBeCloseTo(3, 0);
    expect(mean(() => rng.gamma(6, 2))).toBeCloseTo(12, 0);
    expect(mean(() => rng.beta(1, 3))).toBeCloseTo(0.25, 2);
    expect(mean(() => rng.geometric(0.5))).toBeCloseTo(1, 1);
  });

  it("derives unrelated streams for neighbouring seeds and indices", () => {
    const firsts = new Set([0, 1, 2, 3].flatMap((seed) => [0, 1, 2].map((k) => new Rng(deriveSeed(seed, 1, k)).float())));
    expect(firsts.size).toBe(12);
    expect(deriveSeed(2 ** 40, 1)).not.toBe(deriveSeed(0, 1));
  });

  it("never picks a zero-weight category", () => {
    const choice = new WeightedChoice([0, 1, 0, 3, 0]);
    const rng = new Rng(9);
    const picked = new Set(Array.from({ length: 10_000 }, () => choice.pick(rng)));
    expect([...picked].sort()).toEqual([1, 3]);
  });
});

describe("ShopCalendar", () => {
  const newYork = new ShopCalendar("America/New_York", Date.UTC(2024, 0, 1, 5), Date.UTC(2025, 0, 1, 5));

  it("maps local wall-clock seconds to instants, also on DST days", () => {
    const springForward = newYork.dayOf(new TZDate(2024, 2, 10, 12, 0, 0, "America/New_York").getTime());
    expect(newYork.dayStart[springForward + 1] - newYork.dayStart[springForward]).toBe(23 * 3_600_000);
    const nine = newYork.instant(springForward, 9 * 3600);
    expect(new TZDate(nine, "America/New_York").getHours()).toBe(9);
    expect(newYork.localSecond(nine)).toBe(9 * 3600);
  });

  it("adds months by calendar day, clamping to the month's end", () => {
    const jan31 = newYork.dayOf(new TZDate(2024, 0, 31, 12, 0, 0, "America/New_York").getTime());
    const feb = newYork.addMonths(jan31, 1);
    expect([newYork.month[feb], newYork.dayOfMonth[feb]]).toEqual([1, 29]);
    const mar = newYork.addMonths(jan31, 2);
    expect([newYork.month[mar], newYork.dayOfMonth[mar]]).toEqual([2, 31]);
    expect(newYork.addMonths(jan31, 100)).toBe(-1);
  });
});

describe("money", () => {
  it("converts the JPY catalogue to a currency's minor units at three significant digits", () => {
    expect(fromJpy(3980, "JPY")).toBe(3980);
    expect(fromJpy(3980, "USD")).toBe(2650);
    expect(fromJpy(3980, "KWD")).toBe(8120);
    expect(fromJpy(3980, "KRW")).toBe(36200);
  });

  it("moves presentment rates within ±5% of the reference", () => {
    for (let day = 19_000; day < 19_400; day += 7) {
      expect(Math.abs(presentmentRate("JPY", "USD", day) * 150 - 1)).toBeLessThanOrEqual(0.0501);
    }
    expect(presentmentRate("JPY", "JPY", 19_000)).toBe(1);
  });
});
