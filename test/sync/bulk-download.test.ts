// The bulk result's scan: every line handed on with its number and whether it is a child, whatever the
// chunk boundaries (CRLF, empty lines, a last line without its newline).
import { describe, expect, it } from "vitest";
import { BulkLineScan, isChildLine, LineSplitter } from "../../app/sync/backfill/bulk-download";

const LINES = [
  String.raw`{"id":"gid:\/\/shopify\/Order\/1","note":"a \"__parentId\": in a string"}`,
  String.raw`{"id":"gid:\/\/shopify\/LineItem\/11","sellingPlan":{"sellingPlanId":"gid:\/\/shopify\/SellingPlan\/5"},"__parentId":"gid:\/\/shopify\/Order\/1"}`,
  "",
  String.raw`{"id":"gid:\/\/shopify\/LineItem\/12","sellingPlan":null,"__parentId":"gid:\/\/shopify\/Order\/1"}`,
  String.raw`{"id":"gid:\/\/shopify\/Order\/2","note":"注文"}`,
];
const LAST = String.raw`{"id":"gid:\/\/shopify\/LineItem\/21","__parentId":"gid:\/\/shopify\/Order\/2"}`;
const TEXT = LINES.join("\r\n") + "\n" + LAST;

function scanInChunks(bytes: Buffer, size: number) {
  const seen: Array<[number, boolean, string]> = [];
  const scan = new BulkLineScan((buffer, start, end, line) => seen.push([line, isChildLine(buffer, start, end), buffer.toString("utf8", start, end)]));
  for (let at = 0; at < bytes.length; at += size) scan.push(bytes.subarray(at, at + size));
  return { scan: scan.end(), seen };
}

describe("the bulk result scan", () => {
  it("counts lines and hands on each non-empty one, marked root or child, for any chunk size", () => {
    const bytes = Buffer.from(TEXT);
    for (const size of [1, 2, 7, 64, bytes.length]) {
      const { scan, seen } = scanInChunks(bytes, size);
      expect(scan.lineCount).toBe(6);
      expect(seen).toEqual([
        [0, false, LINES[0]],
        [1, true, LINES[1]],
        [3, true, LINES[3]],
        [4, false, LINES[4]],
        [5, true, LAST],
      ]);
    }
  });

  it("keeps its own copy of a line cut by a chunk's end (a stream may reuse a chunk's memory)", () => {
    const seen: string[] = [];
    const splitter = new LineSplitter((buffer, start, end) => seen.push(buffer.toString("utf8", start, end)));
    const chunk = Buffer.from('{"a":1}\n{"b":');
    splitter.push(chunk);
    chunk.fill(0x20); // the reader reuses the chunk's memory
    splitter.push(Buffer.from('2}\n{"c":3}'));
    expect(splitter.end()).toBe(3);
    expect(seen).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
  });

  it("reads many chunks line for line, multi-byte text cut anywhere", () => {
    const lines = Array.from({ length: 40_000 }, (_, i) =>
      i % 3 === 2 ? `{"id":"gid://shopify/LineItem/${i}","note":"${"x".repeat(i % 257)}","__parentId":"gid://shopify/Order/${i - 2}"}` : `{"id":"gid://shopify/Order/${i}","note":"${"注".repeat(i % 101)}"}`,
    );
    const bytes = Buffer.from(`${lines.join("\n")}\n`);
    const roots: string[] = [];
    const children: string[] = [];
    const scan = new BulkLineScan((buffer, start, end) => (isChildLine(buffer, start, end) ? children : roots).push(buffer.toString("utf8", start, end)));
    for (let at = 0, size = 1; at < bytes.length; at += size, size = (size * 31 + 7) % 65_536 || 1) scan.push(bytes.subarray(at, at + size));
    expect(scan.end().lineCount).toBe(lines.length);
    expect(roots).toEqual(lines.filter((_, i) => i % 3 !== 2));
    expect(children).toEqual(lines.filter((_, i) => i % 3 === 2));
  });
});
