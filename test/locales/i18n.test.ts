import { describe, expect, it } from "vitest";
import en from "../../app/locales/en.json";
import ja from "../../app/locales/ja.json";
import { labelFor, resolveLocale, translator } from "../../app/locales/i18n";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("catalogs", () => {
  it("ja has exactly en's keys, with the same placeholders in each message", () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      expect({ key, placeholders: placeholders(ja[key as keyof typeof ja]) }).toEqual({ key, placeholders: placeholders(text) });
    }
  });
});

describe("resolveLocale", () => {
  it("takes the first supported language among the candidates", () => {
    expect(resolveLocale("ja-JP", "en")).toBe("ja");
    expect(resolveLocale(null, "ja")).toBe("ja");
    expect(resolveLocale("fr", undefined, "JA")).toBe("ja");
    expect(resolveLocale("en-GB,ja;q=0.8")).toBe("en");
    expect(resolveLocale("de", null)).toBe("en");
  });
});

describe("translator", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translator("ja")("status.run.progress", { done: "120", expected: "300" })).toBe("300件中 120件");
    expect(translator("en")("status.run.progress", { done: "120" })).toBe("120 of {expected}");
  });

  it("labels stored values, falling back to the value itself", () => {
    expect(labelFor("ja", "phase", "writing")).toBe("保存中");
    expect(labelFor("en", "phase", "some-future-phase")).toBe("some-future-phase");
  });
});
