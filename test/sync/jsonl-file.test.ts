// The bulk file's line reading: the scan taken while downloading and the reads of the passes agree on
// line numbers whatever the chunk boundaries (CRLF, empty lines, a last line without its newline).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GidIndex, GidSet } from "../../app/sync/backfill/gid-set";
import { BulkFileScan, LineSplitter, readLines, scanFile } from "../../app/sync/backfill/jsonl-file";

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
  const seen: Array<[number, string]> = [];
  const scan = new BulkFileScan({ line: (buffer, start, end, line) => seen.push([line, buffer.toString("utf8", start, end)]) });
  for (let at = 0; at < bytes.length; at += size) scan.push(bytes.subarray(at, at + size));
  return { scan: scan.end(), seen };
}

describe("the bulk file scan", () => {
  it("counts lines, marks the children and shows the inspector the children, for any chunk size", () => {
    const bytes = Buffer.from(TEXT);
    for (const size of [1, 2, 7, 64, bytes.length]) {
      const { scan, seen } = scanInChunks(bytes, size);
      expect(scan.lineCount).toBe(6);
      expect([0, 1, 2, 3, 4, 5].map((line) => scan.isChild(line))).toEqual([false, true, false, true, false, true]);
      expect(scan.isChild(1_000_000)).toBe(false);
      expect(seen).toEqual([[1, LINES[1]], [3, LINES[3]], [5, LAST]]);
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

  it("agrees with the passes' reads of the file, from any line", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "tsuzuku-jsonl-")), "result.jsonl");
    writeFileSync(file, TEXT);
    const scan = await scanFile(file, new BulkFileScan());
    expect(scan.lineCount).toBe(6);
    const roots = [];
    for await (const lines of readLines(file, 0, (line) => !scan.isChild(line))) roots.push(...lines);
    expect(roots).toEqual([{ line: 0, text: LINES[0] }, { line: 4, text: LINES[4] }]);
    const children = [];
    for await (const lines of readLines(file, 2, (line) => scan.isChild(line))) children.push(...lines.map((entry) => entry.line));
    expect(children).toEqual([3, 5]);
  });

  it("reads a file of many chunks line for line (each chunk is read into the same buffer)", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "tsuzuku-jsonl-")), "big.jsonl");
    const lines = Array.from({ length: 40_000 }, (_, i) =>
      i % 3 === 2 ? `{"id":"gid://shopify/LineItem/${i}","note":"${"x".repeat(i % 257)}","__parentId":"gid://shopify/Order/${i - 2}"}` : `{"id":"gid://shopify/Order/${i}","note":"${"注".repeat(i % 101)}"}`,
    );
    writeFileSync(file, `${lines.join("\n")}\n`);
    const scanned: string[] = [];
    const scan = await scanFile(file, new BulkFileScan(undefined, (buffer, start, end) => void scanned.push(buffer.toString("utf8", start, end))));
    expect(scan.lineCount).toBe(lines.length);
    expect(scanned).toEqual(lines.filter((_, i) => i % 3 !== 2));
    const children: string[] = [];
    for await (const chunkLines of readLines(file, 0, (line) => scan.isChild(line))) children.push(...chunkLines.map((entry) => entry.text));
    expect(children).toEqual(lines.filter((_, i) => i % 3 === 2));
  });

  it("grows its child marks past the first 524,288 lines", () => {
    const scan = new BulkFileScan();
    scan.push(Buffer.from("{}\n".repeat(600_000) + '{"id":"x","__parentId":"y"}\n'));
    expect(scan.end().lineCount).toBe(600_001);
    expect(scan.isChild(600_000)).toBe(true);
    expect(scan.isChild(599_999)).toBe(false);
  });
});

describe("GidSet", () => {
  it("holds numeric gids as numbers and any other id as it is, exactly", () => {
    const set = new GidSet("Order");
    set.add("gid://shopify/Order/5000000000000");
    set.add("gid://shopify/Order/abc");
    set.add("gid://shopify/LineItem/5000000000001");
    expect(set.has("gid://shopify/Order/5000000000000")).toBe(true);
    expect(set.has("gid://shopify/Order/05000000000000")).toBe(false);
    expect(set.has("gid://shopify/Order/5000000000001")).toBe(false);
    expect(set.has("gid://shopify/LineItem/5000000000001")).toBe(true);
    expect(set.has("gid://shopify/Order/5000000000001")).toBe(false);
    expect(set.has("gid://shopify/Order/abc")).toBe(true);
    expect(set.size).toBe(3);
  });
});

describe("GidIndex", () => {
  it("answers exactly like a Set of the same gids, added in any order and looked up between adds", () => {
    const index = new GidIndex("Order");
    const held = new Set<string>();
    let state = 7;
    const next = () => (state = (state * 16807) % 2147483647);
    for (let i = 0; i < 20_000; i++) {
      const gid = i % 1000 === 0 ? `gid://shopify/Order/x${i}` : `gid://shopify/Order/${5_000_000_000_000 + (next() % 50_000)}`;
      index.add(gid);
      held.add(gid);
      if (i % 5000 === 0) expect(index.has(gid)).toBe(true); // a lookup sorts; later adds unsort again
    }
    for (let n = 5_000_000_000_000 - 10; n < 5_000_000_050_010; n++) {
      expect(index.has(`gid://shopify/Order/${n}`)).toBe(held.has(`gid://shopify/Order/${n}`));
    }
    expect(index.has("gid://shopify/Order/x1000")).toBe(true);
    expect(index.has("gid://shopify/Order/x1001")).toBe(false);
    expect(index.has("gid://shopify/Order/05000000000000")).toBe(false);
    expect(index.has("gid://shopify/LineItem/5000000000000")).toBe(false);
  });
});
