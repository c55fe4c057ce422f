// isoString is Date#toISOString, faster: the same text for every date, whichever day prefixes it holds.
import { describe, expect, it } from "vitest";
import { isoString, timestampText } from "../../app/sync/write/iso-time";

describe("isoString", () => {
  it("equals toISOString at the edges of days, years and the 0000–9999 range, and beyond it", () => {
    const times = [
      0, -1, 1, 86_399_999, 86_400_000, -86_400_000, -86_400_001, 951_782_400_000 /* 2000-02-29 */, 1_764_547_199_999,
      -62_167_219_200_000, -62_167_219_200_001, 253_402_300_799_999, 253_402_300_800_000, 8.64e15, -8.64e15,
    ];
    for (const time of times) expect(isoString(new Date(time))).toBe(new Date(time).toISOString());
  });

  it("equals toISOString for 50,000 dates spread over ±300,000 years (its day cache refills)", () => {
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let n = 0; n < 50_000; n++) {
      // Half near now (the day cache hits), half anywhere a Date can be.
      const time = Math.round(n % 2 ? 1.7e12 + (random() - 0.5) * 1e11 : (random() - 0.5) * 1.7e16);
      const date = new Date(time);
      if (isoString(date) !== date.toISOString()) expect(isoString(date)).toBe(date.toISOString());
    }
  });

  it("throws as toISOString does for an invalid date", () => {
    expect(() => isoString(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("timestampText", () => {
  /** The instant PostgreSQL reads from a timestamp text in UTC (its own format, or ISO 8601). */
  const instant = (text: string) => new Date(text.includes("T") ? text : `${text.replace(" ", "T")}Z`).getTime();

  it("writes PostgreSQL's own format, milliseconds only when there are some", () => {
    expect(timestampText(new Date(Date.UTC(2026, 10, 28, 9, 30, 0)))).toBe("2026-11-28 09:30:00");
    expect(timestampText(new Date(Date.UTC(2026, 10, 28, 9, 30, 0, 5)))).toBe("2026-11-28 09:30:00.005");
    expect(timestampText(new Date(Date.UTC(1999, 11, 31, 23, 59, 59, 999)))).toBe("1999-12-31 23:59:59.999");
  });

  it("names the same instant as toISOString for 50,000 dates, and answers ISO 8601 outside years 0000–9999", () => {
    let seed = 5;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let n = 0; n < 50_000; n++) {
      const time = Math.round(n % 2 ? 1.7e12 + (random() - 0.5) * 1e11 : (random() - 0.5) * 1.7e16);
      const text = timestampText(new Date(time));
      if (instant(text) !== time) expect(text).toBe(new Date(time).toISOString());
    }
    expect(timestampText(new Date(253_402_300_800_000))).toBe("+010000-01-01T00:00:00.000Z");
  });
});
