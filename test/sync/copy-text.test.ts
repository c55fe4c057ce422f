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

describe("copyText, byte for byte", () => {
  it("equals each row's copyField texts joined by tabs, UTF-8 encoded, for 5,000 rows of every kind of value", () => {
    let seed = 3;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const pieces = ["a", "Z", "0", " ", "\\", "\t", "\n", "\r", "\\N", "定期便", "é", "😀", "gid://shopify/Order/", "'", '"', "\u007f", "\u0080"];
    const text = () => Array.from({ length: Math.floor(random() * 12) }, () => pieces[Math.floor(random() * pieces.length)]).join("");
    const values = [
      () => null, () => undefined, text, text, text, () => Math.floor((random() - 0.5) * 1e6), () => BigInt(Math.floor(random() * 1e12)) * 1000n,
      () => random() < 0.5, () => new Date(Math.floor(1.7e12 + (random() - 0.5) * 1e11)), () => new Date(Math.floor(random() * 1e9) * 1000), () => ({ note: text() }),
    ];
    const columns = ["c0", "c1", "c2", "c3", "c4", "c5"];
    const spec = { table: "T", key: ["c0"], columns };
    const rows = Array.from({ length: 5_000 }, () => Object.fromEntries(columns.map((column) => [column, values[Math.floor(random() * values.length)]()])));
    const expected = rows.map((row) => `${columns.map((column) => copyField(row[column])).join("\t")}\n`).join("");
    expect(copyText(spec, rows).toString("utf8")).toBe(expected);
    expect(copyText(spec, rows).equals(Buffer.from(expected, "utf8"))).toBe(true);
  });

  it("gives each call a buffer of its own, its exact size", () => {
    const spec = { table: "T", key: ["id" as const], columns: ["id" as const] };
    const first = copyText(spec, [{ id: "x".repeat(100_000) }]);
    const second = copyText(spec, [{ id: "y" }]);
    expect([first.byteLength, first.buffer.byteLength, first.byteOffset]).toEqual([100_001, 100_001, 0]);
    expect(second.toString()).toBe("y\n");
    expect(first.subarray(0, 3).toString()).toBe("xxx");
  });
});
