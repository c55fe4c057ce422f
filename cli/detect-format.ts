// Which reader a file needs, from its first bytes: JSONL starts with "{", CSVs by their header.
import { open } from "node:fs/promises";
import { InputError } from "./input-error.ts";
import { isShopifyOrdersHeader } from "./readers/shopify-orders-csv.ts";
import { isTransactionsHeader } from "./readers/transactions-csv.ts";

export type InputFormat = "shopify-orders-csv" | "transactions-csv" | "bulk-jsonl";

export async function detectFormat(path: string): Promise<InputFormat> {
  const handle = await open(path, "r");
  const buffer = Buffer.alloc(65_536);
  let bytes: number;
  try {
    ({ bytesRead: bytes } = await handle.read(buffer, 0, buffer.length, 0));
  } finally {
    await handle.close();
  }
  const head = buffer.subarray(0, bytes);
  const nul = head.indexOf(0);
  // A multi-byte character may be cut at the end of the sample: allow up to 3 dangling bytes.
  const utf8 = [0, 1, 2, 3].some((cut) => cut <= head.length && isUtf8(head.subarray(0, head.length - cut)));
  if (nul >= 0 || !utf8) {
    const offset = nul >= 0 ? nul : 0;
    const before = head.subarray(0, offset).toString("latin1");
    const line = before.split("\n").length;
    throw new InputError(line, offset - before.lastIndexOf("\n"), "binary data: not a CSV or JSONL file");
  }
  const text = head.toString("utf8").replace(/^\uFEFF/, "");
  if (text.trim() === "") throw new InputError(1, 1, "empty file");
  if (text.trimStart().startsWith("{")) return "bulk-jsonl";
  const firstLine = text.split(/\r?\n/, 1)[0];
  const header = firstLine.split(",").map((h) => h.trim().replace(/^"|"$/g, ""));
  if (isShopifyOrdersHeader(header)) return "shopify-orders-csv";
  if (isTransactionsHeader(header)) return "transactions-csv";
  throw new InputError(1, 1, `unrecognised header "${firstLine.slice(0, 80)}": expected a Shopify orders export, customer_id,date,amount[,order_id], or bulk JSONL`);
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
