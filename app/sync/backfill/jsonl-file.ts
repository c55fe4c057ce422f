// The bulk result file: downloaded to a local file as a stream (constant memory whatever its size),
// then read line by line, from any line, as many times as the import needs.
import { createReadStream, createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/**
 * The body's chunks through its reader, whichever fetch made it: under remix-serve (`npm start`) the
 * global fetch is Remix's polyfill, whose ReadableStream Node's Readable.fromWeb refuses.
 */
async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

export async function downloadFile(url: string, path: string): Promise<number> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`downloading the bulk result failed: HTTP ${response.status}`);
  await pipeline(Readable.from(chunksOf(response.body)), createWriteStream(path));
  return (await stat(path)).size;
}

/**
 * Lines of the file with their 0-based number, starting at `fromLine`; empty lines are skipped. Lines
 * for which `keep(buffer, start, end)` is false are skipped without being decoded (the import reads
 * the file twice and wants half of the lines each time).
 */
export async function* readLines(
  path: string,
  fromLine = 0,
  keep: (buffer: Buffer, start: number, end: number) => boolean = () => true,
): AsyncGenerator<{ line: number; text: string }> {
  let number = 0;
  let carry: Buffer | null = null;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const buffer: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let end = buffer.indexOf(10, start); end !== -1; end = buffer.indexOf(10, start)) {
      const stop = end > start && buffer[end - 1] === 13 ? end - 1 : end;
      if (number >= fromLine && stop > start && keep(buffer, start, stop)) yield { line: number, text: buffer.toString("utf8", start, stop) };
      number++;
      start = end + 1;
    }
    carry = start < buffer.length ? buffer.subarray(start) : null;
  }
  if (carry && carry.length > 0 && number >= fromLine && keep(carry, 0, carry.length)) yield { line: number, text: carry.toString("utf8") };
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
