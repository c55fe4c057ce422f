// The bulk result file: downloaded to a local file as a stream (constant memory whatever its size),
// then read line by line, from any line, as many times as the import needs.
import { createReadStream, createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";

export async function downloadFile(url: string, path: string): Promise<number> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`downloading the bulk result failed: HTTP ${response.status}`);
  await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), createWriteStream(path));
  return (await stat(path)).size;
}

/** Lines of the file with their 0-based number, starting at `fromLine`; empty lines are skipped. */
export async function* readLines(path: string, fromLine = 0): AsyncGenerator<{ line: number; text: string }> {
  const input = createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let number = 0;
  try {
    for await (const text of lines) {
      if (number >= fromLine && text.length > 0) yield { line: number, text };
      number++;
    }
  } finally {
    lines.close();
    input.destroy();
  }
}

/** Lines as readLines numbers them: a last line without its newline counts too. */
export async function countLines(path: string): Promise<number> {
  let count = 0;
  let last = 10;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) count++;
    if (chunk.length > 0) last = chunk[chunk.length - 1];
  }
  return last === 10 ? count : count + 1;
}
