// The Settings form's validation (every bad field named, nothing half-parsed) and the exclusion rule.
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, excludedBySourceOrTag, parseList, parseSettingsForm } from "../../app/settings/shop-settings";

const valid = {
  excludeTestOrders: "on",
  excludePos: "on",
  otherSources: "Rakuten,  amazon-jp 、rakuten",
  excludedTags: "Wholesale, B2B",
  cohortGranularity: "week",
  clvHorizonDays: "730",
  annualDiscountRatePercent: "7",
  language: "ja",
};

describe("parseSettingsForm", () => {
  it("turns the posted form into settings: switches, lists, percent as a fraction", () => {
    expect(parseSettingsForm(valid)).toEqual({
      ok: true,
      language: "ja",
      settings: {
        exclusions: { testOrders: true, sourceNames: ["pos", "rakuten", "amazon-jp"], tags: ["wholesale", "b2b"] },
        cohortGranularity: "week",
        clvHorizonDays: 730,
        annualDiscountRate: 0.07,
      },
    });
  });

  it("reads an unticked box (absent from the form) as off", () => {
    const { excludeTestOrders: _, excludePos: __, ...unticked } = valid;
    const parsed = parseSettingsForm(unticked);
    expect(parsed.ok && parsed.settings.exclusions).toEqual({ testOrders: false, sourceNames: ["rakuten", "amazon-jp"], tags: ["wholesale", "b2b"] });
  });

  it("names every bad field", () => {
    const bad = { ...valid, clvHorizonDays: "12.5", annualDiscountRatePercent: "150", cohortGranularity: "year", language: "fr" };
    expect(parseSettingsForm(bad)).toEqual({ ok: false, fields: ["cohortGranularity", "clvHorizonDays", "annualDiscountRatePercent", "language"] });
    expect(parseSettingsForm({ ...valid, clvHorizonDays: "29" })).toEqual({ ok: false, fields: ["clvHorizonDays"] });
    expect(parseSettingsForm({ ...valid, clvHorizonDays: "" })).toEqual({ ok: false, fields: ["clvHorizonDays"] });
    expect(parseSettingsForm({ ...valid, annualDiscountRatePercent: "-1" })).toEqual({ ok: false, fields: ["annualDiscountRatePercent"] });
    expect(parseSettingsForm({ ...valid, excludedTags: Array.from({ length: 51 }, (_, i) => `t${i}`).join(",") })).toEqual({ ok: false, fields: ["excludedTags"] });
  });

  it("accepts the defaults as the page shows them", () => {
    const parsed = parseSettingsForm({ excludeTestOrders: "on", cohortGranularity: "month", clvHorizonDays: "365", annualDiscountRatePercent: "10", language: "en" });
    expect(parsed).toEqual({ ok: true, language: "en", settings: DEFAULT_SETTINGS });
  });
});

describe("excludedBySourceOrTag", () => {
  const exclusions = { testOrders: true, sourceNames: ["pos"], tags: ["wholesale"] };
  it("leaves out orders of an excluded source or with an excluded tag, ignoring case", () => {
    expect(excludedBySourceOrTag(exclusions, { sourceName: "POS", tags: "[]" })).toBe(true);
    expect(excludedBySourceOrTag(exclusions, { sourceName: "web", tags: JSON.stringify(["VIP", " Wholesale "]) })).toBe(true);
    expect(excludedBySourceOrTag(exclusions, { sourceName: "web", tags: JSON.stringify(["wholesale-2026"]) })).toBe(false);
    expect(excludedBySourceOrTag(exclusions, { sourceName: null, tags: "[]" })).toBe(false);
    expect(excludedBySourceOrTag(DEFAULT_SETTINGS.exclusions, { sourceName: "pos", tags: JSON.stringify(["wholesale"]) })).toBe(false);
  });

  it("parses lists with ASCII and Japanese commas and new lines", () => {
    expect(parseList(" a,B、ｃ，b\n\n d ")).toEqual(["a", "b", "ｃ", "d"]);
  });
});
