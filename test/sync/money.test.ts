// Money strings to minor units: exact for every well-formed amount, whichever path reads it, and a clear
// error for anything else.
import { describe, expect, it } from "vitest";
import { toMinorUnits } from "../../app/sync/money";

/** The reference: the same arithmetic on strings only. */
function reference(amount: string, decimals: number): bigint | "error" {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!match) return "error";
  const fraction = (match[3] ?? "").replace(/0+$/, "");
  if (fraction.length > decimals) return "error";
  const minor = BigInt(match[2] + fraction.padEnd(decimals, "0"));
  return match[1] === "-" ? -minor : minor;
}

describe("toMinorUnits", () => {
  it("reads Shopify's amounts in 0-, 2- and 3-decimal currencies", () => {
    expect(toMinorUnits("1500.0", "JPY")).toBe(1500n);
    expect(toMinorUnits("12.5", "USD")).toBe(1250n);
    expect(toMinorUnits("0.125", "KWD")).toBe(125n);
    expect(toMinorUnits("-3.10", "USD")).toBe(-310n);
    expect(toMinorUnits("99999999999999999999.99", "USD")).toBe(9999999999999999999999n);
    expect(() => toMinorUnits("1.005", "USD")).toThrow("1.005 USD has more than 2 decimal places");
    expect(() => toMinorUnits("1.5.0", "JPY")).toThrow('not a decimal amount: "1.5.0"');
  });

  it("agrees with string arithmetic on 20,000 generated amounts, long and malformed ones included", () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const pieces = ["0", "1", "5", "9", "00", ".", "-", "x", " ", "123456789", "0000000"];
    for (let n = 0; n < 20_000; n++) {
      let amount = "";
      const parts = 1 + Math.floor(random() * 6);
      for (let p = 0; p < parts; p++) amount += pieces[Math.floor(random() * pieces.length)];
      for (const [currency, decimals] of [["JPY", 0], ["USD", 2], ["KWD", 3]] as const) {
        const expected = reference(amount, decimals);
        if (expected === "error") expect(() => toMinorUnits(amount, currency), `${amount} ${currency}`).toThrow(RangeError);
        else expect(toMinorUnits(amount, currency), `${amount} ${currency}`).toBe(expected);
      }
    }
  });
});
