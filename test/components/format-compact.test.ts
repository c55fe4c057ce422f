// Short amounts for chart axes, in the shop's currency and the merchant's language.
import { describe, expect, it } from "vitest";
import { formatters } from "../../app/components/format";

describe("moneyCompact", () => {
  it("shortens whole amounts from minor units, with no forced decimals", () => {
    const yenEn = formatters("en", { currency: "JPY", currencyDecimals: 0, timeZone: "Asia/Tokyo" });
    expect([200, 2000, 1_234_567].map(yenEn.moneyCompact)).toEqual(["¥200", "¥2K", "¥1.2M"]);
    const yenJa = formatters("ja", { currency: "JPY", currencyDecimals: 0, timeZone: "Asia/Tokyo" });
    expect(yenJa.moneyCompact(50_000)).toBe("￥5万");
    const usd = formatters("en", { currency: "USD", currencyDecimals: 2, timeZone: "UTC" });
    expect([150, 200_000, null].map(usd.moneyCompact)).toEqual(["$1.5", "$2K", "—"]);
  });
});
