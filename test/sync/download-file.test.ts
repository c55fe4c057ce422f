// The bulk result's download (downloadChunks) over real HTTP from a local server: the scan sees the body
// line for line, byte for byte, whatever the chunks; a failed response or a connection cut mid-body
// fails the download with the reason.
import { createHash } from "node:crypto";
import { once } from "node:events";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BulkLineScan, downloadChunks, isChildLine } from "../../app/sync/backfill/bulk-download";

const ORDERS = 40_000;
/** About 5 MB of JSONL, in chunks of every size the server picks. */
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

/** A scan that keeps what it sees: each line's bytes (with a newline, as in the body) and the children. */
function keepingScan() {
  const parts: Buffer[] = [];
  const children: number[] = [];
  const scan = new BulkLineScan((buffer, start, end, line) => {
    parts.push(Buffer.from(buffer.subarray(start, end)), Buffer.from("\n"));
    if (isChildLine(buffer, start, end)) children.push(line);
  });
  const push = (chunk: Uint8Array) => scan.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  return { scan, push, children, bytes: () => Buffer.concat(parts) };
}

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

describe("downloadChunks", () => {
  it("hands on the body line for line, byte for byte, as it goes", async () => {
    const { scan, push, children, bytes } = keepingScan();
    let chunks = 0;
    const size = await downloadChunks(`${base}/whole.jsonl`, async (chunk) => {
      push(chunk);
      chunks++;
    });
    scan.end();
    expect(size).toBe(BODY.length);
    expect(sha(bytes())).toBe(sha(BODY));
    expect(scan.lineCount).toBe(2 * ORDERS);
    expect(children.length).toBe(ORDERS);
    expect(children.every((line) => line % 2 === 1)).toBe(true);
    expect(chunks).toBeGreaterThan(1);
  });

  it("fails when the connection is cut mid-body, after handing on what arrived", async () => {
    const { push, bytes } = keepingScan();
    await expect(downloadChunks(`${base}/cut.jsonl`, push)).rejects.toThrow();
    expect(bytes().length).toBeLessThanOrEqual(3_000_001);
    expect(BODY.subarray(0, bytes().length).equals(bytes())).toBe(true);
  });

  it("fails with the status of a failed response, handing on nothing", async () => {
    const { push, bytes } = keepingScan();
    await expect(downloadChunks(`${base}/missing.jsonl`, push)).rejects.toThrow("downloading the bulk result failed: HTTP 503");
    expect(bytes().length).toBe(0);
  });
});
