// The Voice of customer view on the hand-built survey shop (test/metrics/survey-shop.ts).
import { describe, expect, it } from "vitest";
import { buildVoiceView, VOICE_GROUPS_SHOWN } from "../../../app/snapshots/views/voice";
import { SURVEY_SHOP_AS_OF, surveyShop } from "../../metrics/survey-shop";
import { tinyShop } from "../../metrics/tiny-shop";
import { viewInputFor } from "./view-input";

describe("voice of customer view", () => {
  it("shows each answered dimension with counts, intervals and verdicts, then answered vs not", () => {
    const view = buildVoiceView(viewInputFor(surveyShop(), SURVEY_SHOP_AS_OF));
    expect(view).toMatchObject({ minGroupCustomers: 30, f2WindowDays: 90, ltvWindowsDays: [90, 180, 365], respondents: 90 });
    // The shop asked only for satisfaction: no channel or reason sections.
    expect(view.dimensions.map((d) => [d.name, d.respondents, d.groupsHidden])).toEqual([
      ["satisfactionBand", 90, 0],
      ["answered", 90, 0],
    ]);
    const bands = view.dimensions[0];
    expect(bands.groups.map((g) => [g.key, g.customers, g.tooFew, g.repeat.rate])).toEqual([
      ["high", 40, false, 0.5],
      ["low", 40, false, 0.3],
      ["neutral", 10, true, 1],
      ["(none)", 6, true, 0],
    ]);
    // LTV in whole minor units: 1,500 ± 156.92 → 1,343 … 1,657.
    expect(bands.groups[0].ltv[2]).toEqual({ windowDays: 365, total: 40, mean: 1500, low: 1343, high: 1657 });
    expect(bands.comparisons.map((c) => [c.measure, c.windowDays, c.verdict])).toEqual([
      ["repeat", null, "could-be-noise"],
      ["f2", 90, "likely-real"],
      ["ltv", 90, "likely-real"],
      ["ltv", 180, "could-be-noise"],
      ["ltv", 365, "could-be-noise"],
    ]);
  });

  it("keeps the largest answers when there are many, and the non-answers", () => {
    const shop = surveyShop();
    const values = Array.from({ length: 20 }, (_, i) => `channel-${i}`);
    const valueByCustomer = Int32Array.from({ length: shop.customerCount }, (_, c) => (c < 90 ? c % 20 : -1));
    shop.surveySegments!.push({ name: "attributionChannel", values, valueByCustomer });
    const channels = buildVoiceView(viewInputFor(shop, SURVEY_SHOP_AS_OF)).dimensions.find((d) => d.name === "attributionChannel")!;
    expect(channels.groups).toHaveLength(VOICE_GROUPS_SHOWN + 1);
    expect(channels.groupsHidden).toBe(5);
    expect(channels.groups.at(-1)!.key).toBe("(none)");
    expect(channels.respondents).toBe(90);
  });

  it("is empty before the first answer", () => {
    const shop = tinyShop([{ customer: 0, at: "2024-01-01T00:00:00Z", amount: 1000 }]);
    expect(buildVoiceView(viewInputFor(shop, SURVEY_SHOP_AS_OF)).dimensions).toEqual([]);
  });
});
