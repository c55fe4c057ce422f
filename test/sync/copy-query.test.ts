// Parameters written as literals for the PostgreSQL writer's one-round-trip batches (the batches
// themselves run against a real server in bulk-session.test.ts and the sync tests).
import { describe, expect, it } from "vitest";
import { inlineParameters } from "../../app/sync/write/copy-query";

const text = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value));

describe("inlineParameters", () => {
  it("writes each $n as a quoted literal, NULL for null, and $10 as the tenth", () => {
    const params = [1, "o'brien", null, new Date(Date.UTC(2026, 10, 28)), 5, 6, 7, 8, 9, "ten"];
    expect(inlineParameters(`UPDATE t SET a = $1, b = $2, c = $3, d = $4 WHERE e = $10`, params, text)).toBe(
      `UPDATE t SET a = '1', b = 'o''brien', c = NULL, d = '2026-11-28T00:00:00.000Z' WHERE e = 'ten'`,
    );
  });

  it("escapes backslashes with an E'' literal", () => {
    expect(inlineParameters(`SELECT $1`, ["a\\b"], text)).toBe(`SELECT  E'a\\\\b'`);
  });

  it("leaves $n inside quoted strings and identifiers alone", () => {
    expect(inlineParameters(`SELECT '$1', 'it''s $1', "col$1", $1`, ["x"], text)).toBe(`SELECT '$1', 'it''s $1', "col$1", 'x'`);
  });

  it("refuses a parameter it was not given", () => {
    expect(() => inlineParameters(`SELECT $2`, ["x"], text)).toThrow(/parameter \$2 of 1/);
  });
});
