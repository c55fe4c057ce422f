// The bulk result's download (downloadFile) over real HTTP from a local server: the file written is the
// body byte for byte and the scan sees every line, whatever the chunks; a failed response or a
// connection cut mid-body fails the download with the reason, and nothing is left open.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { once } from "node:events";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BulkFileScan, downloadFile } from "../../app/sync/backfill/jsonl-file";

const ORDERS = 40_000;
/** About 5 MB of JSONL: more than the appender's megabyte, in chunks of every size the server picks. */
const BODY = Buffer.from(
  Array.from({ length: ORDERS }, (_, i) =>
    [
      JSON.stringify({ id: `gid://shopify/Order/${i + 1}`, name: `#${1000 + i}`, note: "定期便".repeat(i % 7) }),
      JSON.stringify({ id: `gid://shopify/LineItem/${i + 1}`, quantity: 1, __parentId: `gid://shopify/Order/${i + 1}` }),
    ].join("\n"),
  ).join("\n") + "\n",
);
const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** Sends the body in pieces of varying size; `cutAt` ends the connection after that many bytes. */
async function send(response: ServerResponse, cutAt = Infinity): Promise<void> {
  response.writeHead(200, { "content-type": "application/jsonl" });
  let at = 0;
  for (let piece = 1; at < BODY.length; piece = (piece * 7 + 3) % 200_000 || 1) {
    const end = Math.min(at + piece, BODY.length, cutAt);
    if (!response.write(BODY.subarray(at, end))) await once(response, "drain");
    at = end;
    if (at >= cutAt) return void response.socket?.destroy();
  }
  response.end();
}

let server: Server;
let base: string;
const dir = mkdtempSync(path.join(tmpdir(), "tsuzuku-download-"));

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === "/whole.jsonl") void send(response);
    else if (request.url === "/cut.jsonl") void send(response, 3_000_001);
    else response.writeHead(503).end("unavailable");
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("downloadFile", () => {
  it("writes the body byte for byte and scans every line as it goes", async () => {
    const file = path.join(dir, "whole.jsonl");
    const scan = new BulkFileScan();
    let chunks = 0;
    const size = await downloadFile(`${base}/whole.jsonl`, file, scan, async () => void chunks++);
    expect(size).toBe(BODY.length);
    expect(sha(readFileSync(file))).toBe(sha(BODY));
    expect(scan.lineCount).toBe(2 * ORDERS);
    expect([0, 1, 2 * ORDERS - 2, 2 * ORDERS - 1].map((line) => scan.isChild(line))).toEqual([false, true, false, true]);
    expect(chunks).toBeGreaterThan(1);
  });

  it("fails when the connection is cut mid-body", async () => {
    const file = path.join(dir, "cut.jsonl");
    await expect(downloadFile(`${base}/cut.jsonl`, file, new BulkFileScan())).rejects.toThrow();
    // What arrived was written (the run's retry downloads the file again from its start).
    expect(readFileSync(file).length).toBeLessThanOrEqual(3_000_001);
  });

  it("fails with the status of a failed response, writing nothing", async () => {
    const file = path.join(dir, "missing.jsonl");
    await expect(downloadFile(`${base}/missing.jsonl`, file)).rejects.toThrow("downloading the bulk result failed: HTTP 503");
    expect(() => readFileSync(file)).toThrow(/ENOENT/);
  });
});
