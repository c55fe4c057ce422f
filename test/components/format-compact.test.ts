// Short amounts and whole-number counts for chart axes, in the shop's currency and the merchant's language.
import { describe, expect, it } from "vitest";
import { formatters } from "../../app/components/format";

describe("chart axis formats", () => {
  it("shortens whole amounts from minor units, with no forced decimals", () => {
    const yenEn = formatters("en", { currency: "JPY", currencyDecimals: 0, timeZone: "Asia/Tokyo" });
    expect([200, 2000, 1_234_567].map(yenEn.moneyCompact)).toEqual(["¥200", "¥2K", "¥1.2M"]);
    const yenJa = formatters("ja", { currency: "JPY", currencyDecimals: 0, timeZone: "Asia/Tokyo" });
    expect(yenJa.moneyCompact(50_000)).toBe("￥5万");
    const usd = formatters("en", { currency: "USD", currencyDecimals: 2, timeZone: "UTC" });
    expect([150, 200_000, null].map(usd.moneyCompact)).toEqual(["$1.5", "$2K", "—"]);
  });

  it("labels whole-number count ticks only", () => {
    const f = formatters("en", { currency: "JPY", currencyDecimals: 0, timeZone: "Asia/Tokyo" });
    expect([0, 0.5, 1, 1.5, 1200].map(f.countTick)).toEqual(["0", "", "1", "", "1,200"]);
  });
});
