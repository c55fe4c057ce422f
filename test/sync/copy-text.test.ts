// COPY text as PostgreSQL reads it (the round trip through a real server is in bulk-session.test.ts).
import { describe, expect, it } from "vitest";
import { copyField, copyText } from "../../app/sync/write/copy-text";

describe("copyField", () => {
  it("escapes backslash, tab, newline and carriage return, and nothing else", () => {
    expect(copyField("a\\b\tc\nd\re")).toBe("a\\\\b\\tc\\nd\\re");
    expect(copyField(`'quoted' "double" 日本 ,;|`)).toBe(`'quoted' "double" 日本 ,;|`);
    expect(copyField("\\N")).toBe("\\\\N");
  });

  it("writes NULL, numbers, bigints, booleans, dates and objects", () => {
    expect(copyField(null)).toBe("\\N");
    expect(copyField(undefined)).toBe("\\N");
    expect(copyField(-12)).toBe("-12");
    expect(copyField(9_007_199_254_740_993n)).toBe("9007199254740993");
    expect(copyField(true)).toBe("t");
    expect(copyField(false)).toBe("f");
    expect(copyField(new Date(Date.UTC(2026, 10, 28, 9, 30, 0, 5)))).toBe("2026-11-28 09:30:00.005");
    expect(copyField(new Date(Date.UTC(2026, 10, 28, 9, 30, 0)))).toBe("2026-11-28 09:30:00");
    expect(copyField({ tag: "a\tb" })).toBe('{"tag":"a\\\\tb"}'); // JSON's own backslash, escaped
  });
});

describe("copyText", () => {
  it("writes a line a row in UTF-8, fields in the spec's column order, separated by tabs", () => {
    const spec = { table: "T", key: ["id"], columns: ["id", "note", "count"] } as const;
    const rows = [
      { count: 2, id: "a", note: "x\ty" },
      { count: 0, id: "b", note: null },
      { count: 1, id: "c", note: "定期便 30日分" },
    ];
    expect(copyText({ ...spec, key: [...spec.key], columns: [...spec.columns] }, rows).toString("utf8")).toBe("a\tx\\ty\t2\nb\t\\N\t0\nc\t定期便 30日分\t1\n");
  });
});
