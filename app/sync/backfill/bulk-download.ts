// The bulk result, streamed: downloaded chunk by chunk, and cut into lines (on the line thread), each
// non-empty line handed on with its 0-based number. Nothing is kept on disk: the import writes
// every line as it arrives, and a run resumed after a crash downloads the result again (line-import.ts).

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

  /**
   * A line cut by the chunk's end is kept (copied: the chunk's memory may be reused) and completed
   * from the next chunk; the rest of a chunk is read where it lies, never copied. (Joining the carry
   * to the whole next chunk copied every chunk: bench:sync peaked at 282–294 MB that way, 263 and
   * 271 MB this way, the same day.)
   */
  push(chunk: Buffer): void {
    let start = 0;
    if (this.#carry) {
      const newline = chunk.indexOf(10);
      if (newline === -1) {
        this.#carry = Buffer.concat([this.#carry, chunk]);
        return;
      }
      const line = Buffer.concat([this.#carry, chunk.subarray(0, newline)]);
      this.#carry = null;
      this.#visitLine(line, 0, line.length);
      start = newline + 1;
    }
    for (let end = chunk.indexOf(10, start); end !== -1; end = chunk.indexOf(10, start)) {
      this.#visitLine(chunk, start, end);
      start = end + 1;
    }
    if (start < chunk.length) this.#carry = Buffer.from(chunk.subarray(start));
  }

  /** `buffer[start, end)` is a line without its newline; a carriage return before it is dropped. */
  #visitLine(buffer: Buffer, start: number, end: number): void {
    this.visit(buffer, start, end > start && buffer[end - 1] === 13 ? end - 1 : end, this.#line++);
  }

  /** Ends the stream; returns how many lines it had. */
  end(): number {
    if (this.#carry && this.#carry.length > 0) this.#visitLine(this.#carry, 0, this.#carry.length);
    this.#carry = null;
    return this.#line;
  }
}

/**
 * Whether a line is a child's, from its bytes, without parsing it: it carries __parentId as a key (inside
 * a string value the quotes would be escaped). For lines that are skipped unparsed; a parsed line tells
 * by its `__parentId` (scanning every line's bytes took 0.73 µs a line on bench:sync's lines, some
 * 1.8 s for 1,000,000 orders).
 */
const PARENT_KEY = Buffer.from('"__parentId":');
export function isChildLine(buffer: Buffer, start: number, end: number): boolean {
  return buffer.subarray(start, end).lastIndexOf(PARENT_KEY) !== -1;
}

/** Sees each non-empty line as it is scanned, not decoded. */
export type BulkLineVisitor = (buffer: Buffer, start: number, end: number, line: number) => void;

/** The scan of a bulk result: its line count, and each non-empty line handed to `visit`. */
export class BulkLineScan {
  lineCount = 0;
  readonly #splitter: LineSplitter;

  constructor(visit: BulkLineVisitor) {
    this.#splitter = new LineSplitter((buffer, start, end, line) => {
      if (end > start) visit(buffer, start, end, line);
    });
  }

  push(chunk: Buffer): void {
    this.#splitter.push(chunk);
  }

  end(): this {
    this.lineCount = this.#splitter.end();
    return this;
  }
}

/**
 * Downloads the result, handing on each chunk as it arrives; `onChunk` is awaited (the download waits
 * for it: TCP holds the sender back while the writer is behind). Returns the bytes received. The body is
 * read through its reader, whichever fetch made it: under remix-serve (`npm start`) the global fetch is
 * Remix's polyfill, whose ReadableStream Node's Readable.fromWeb refuses.
 */
export async function downloadChunks(url: string, onChunk: (chunk: Uint8Array) => Promise<void> | void): Promise<number> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`downloading the bulk result failed: HTTP ${response.status}`);
  const reader = response.body.getReader();
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      await onChunk(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    throw error;
  } finally {
    reader.releaseLock();
  }
  return bytes;
}
