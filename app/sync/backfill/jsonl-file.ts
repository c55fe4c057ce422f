// The bulk result file: downloaded to a local file as a stream (constant memory whatever its size) and
// scanned on the way (line count, which lines are children, the lines a resource wants to see first),
// then read line by line, from any line, as many times as the import needs.
import { createReadStream, createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/** Called with each line's bytes (`buffer[start, end)`, without the newline) and its 0-based number. */
type LineVisitor = (buffer: Buffer, start: number, end: number, line: number) => void;

/**
 * Cuts a stream of chunks into lines. Every newline ends a line (an empty one too, so numbering matches
 * the file's), and a last line without its newline counts when `end()` is called.
 */
export class LineSplitter {
  #line = 0;
  #carry: Buffer | null = null;

  constructor(private readonly visit: LineVisitor) {}

  push(chunk: Buffer): void {
    const buffer: Buffer = this.#carry ? Buffer.concat([this.#carry, chunk]) : chunk;
    let start = 0;
    for (let end = buffer.indexOf(10, start); end !== -1; end = buffer.indexOf(10, start)) {
      this.visit(buffer, start, end > start && buffer[end - 1] === 13 ? end - 1 : end, this.#line++);
      start = end + 1;
    }
    this.#carry = start < buffer.length ? buffer.subarray(start) : null;
  }

  /** Ends the stream; returns how many lines it had. */
  end(): number {
    if (this.#carry && this.#carry.length > 0) this.visit(this.#carry, 0, this.#carry.length, this.#line++);
    this.#carry = null;
    return this.#line;
  }
}

/** A child line carries __parentId (as a key: inside a string value its quotes would be escaped). */
const PARENT_KEY = Buffer.from('"__parentId":');
export function isChildLine(buffer: Buffer, start: number, end: number): boolean {
  return buffer.subarray(start, end).lastIndexOf(PARENT_KEY) !== -1;
}

/** Lines a resource reads before the import proper (say, which orders have a line on a selling plan). */
export interface LineInspector {
  /** A cheap byte test: only lines it accepts are decoded and passed to `line`. */
  wants(buffer: Buffer, start: number, end: number): boolean;
  line(text: string, line: number): void;
}

/** What one read of the file learns: its line count and which lines are children. */
export class BulkFileScan {
  lineCount = 0;
  #children = new Uint8Array(1 << 16);
  readonly #splitter: LineSplitter;

  /** `onRoot` sees each root line (not decoded) as it is scanned. */
  constructor(inspector?: LineInspector, onRoot?: (buffer: Buffer, start: number, end: number, line: number) => void) {
    this.#splitter = new LineSplitter((buffer, start, end, line) => {
      if (end === start) return;
      if (!isChildLine(buffer, start, end)) return onRoot?.(buffer, start, end, line);
      this.#markChild(line);
      if (inspector?.wants(buffer, start, end)) inspector.line(buffer.toString("utf8", start, end), line);
    });
  }

  push(chunk: Buffer): void {
    this.#splitter.push(chunk);
  }

  end(): this {
    this.lineCount = this.#splitter.end();
    return this;
  }

  /** One bit a line: 2,500,000 lines (a 1,000,000-order shop) take 312 KB. */
  #markChild(line: number): void {
    const byte = line >>> 3;
    if (byte >= this.#children.length) {
      const grown = new Uint8Array(Math.max(byte + 1, this.#children.length * 2));
      grown.set(this.#children);
      this.#children = grown;
    }
    this.#children[byte] |= 1 << (line & 7);
  }

  isChild(line: number): boolean {
    const byte = line >>> 3;
    return byte < this.#children.length && (this.#children[byte] & (1 << (line & 7))) !== 0;
  }
}

/**
 * The body's chunks through its reader, whichever fetch made it: under remix-serve (`npm start`) the
 * global fetch is Remix's polyfill, whose ReadableStream Node's Readable.fromWeb refuses.
 */
async function* chunksOf(body: ReadableStream<Uint8Array>, scan?: BulkFileScan, afterChunk?: () => Promise<void>): AsyncGenerator<Buffer> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      const chunk = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      scan?.push(chunk);
      yield chunk;
      await afterChunk?.();
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Downloads the result to `path`, scanning it on the way when `scan` is given (ended here);
 * `afterChunk` is awaited after each chunk is scanned (the download waits for it).
 */
export async function downloadFile(url: string, path: string, scan?: BulkFileScan, afterChunk?: () => Promise<void>): Promise<number> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`downloading the bulk result failed: HTTP ${response.status}`);
  await pipeline(Readable.from(chunksOf(response.body, scan, afterChunk)), createWriteStream(path, { highWaterMark: 1 << 21 }));
  scan?.end();
  return (await stat(path)).size;
}

const fileChunks = (path: string) => createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>;

/** Scans a file already downloaded (a backfill resumed after a restart). */
export async function scanFile(path: string, scan: BulkFileScan, afterChunk?: () => Promise<void>): Promise<BulkFileScan> {
  for await (const chunk of fileChunks(path)) {
    scan.push(chunk);
    await afterChunk?.();
  }
  return scan.end();
}

/**
 * Non-empty lines of the file with their 0-based number, starting at `fromLine`, in file order, a
 * chunk's lines at a time (an await per line costs more than the rest of reading them). Lines for which
 * `keep(line)` is false are skipped without being decoded (the import reads the file twice and wants
 * half of the lines each time).
 */
export async function* readLines(path: string, fromLine = 0, keep: (line: number) => boolean = () => true): AsyncGenerator<{ line: number; text: string }[]> {
  let lines: { line: number; text: string }[] = [];
  const splitter = new LineSplitter((buffer, start, end, line) => {
    if (line >= fromLine && end > start && keep(line)) lines.push({ line, text: buffer.toString("utf8", start, end) });
  });
  for await (const chunk of fileChunks(path)) {
    splitter.push(chunk);
    if (lines.length > 0) yield lines;
    lines = [];
  }
  splitter.end();
  if (lines.length > 0) yield lines;
}
