// The bulk result file: downloaded to a local file as a stream (constant memory whatever its size) and
// scanned on the way (line count, which lines are children, the lines a resource wants to see first),
// then read line by line, from any line, as many times as the import needs.
import { type FileHandle, open, stat } from "node:fs/promises";

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
   * to the whole next chunk copied every chunk, 4 GB over the two reads of a 1,000,000-order
   * backfill: bench:sync peaked at 282–294 MB that way, 263 and 271 MB this way, the same day.)
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

/** A child line carries __parentId (as a key: inside a string value its quotes would be escaped). */
const PARENT_KEY = Buffer.from('"__parentId":');
export function isChildLine(buffer: Buffer, start: number, end: number): boolean {
  return buffer.subarray(start, end).lastIndexOf(PARENT_KEY) !== -1;
}

/**
 * Child lines a resource reads before the import proper (say, which orders have a line on a selling
 * plan): it sees each one's bytes (`buffer[start, end)`) as the file is scanned, and decodes only what
 * it needs.
 */
export interface LineInspector {
  line(buffer: Buffer, start: number, end: number, line: number): void;
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
      inspector?.line(buffer, start, end, line);
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

/** Bytes gathered before a write to the downloaded file. */
const WRITE_BYTES = 1 << 20;

/**
 * Appends chunks to a new file a megabyte at a time, with one write in flight: the download goes on
 * while it is written, and at most 2 MB wait. (Through a stream pipeline the download waited on the
 * stream's bookkeeping, a write per chunk: bench:sync, 1,000,000 orders, 2 GB of JSONL, 3.6–5.3 s of
 * the roots pass against 1.0–1.7 s this way.)
 */
class FileAppender {
  #gathered: Buffer[] = [];
  #gatheredBytes = 0;
  #writing: Promise<void> = Promise.resolve();

  private constructor(private readonly handle: FileHandle) {}

  static async create(path: string): Promise<FileAppender> {
    return new FileAppender(await open(path, "w"));
  }

  async append(chunk: Buffer): Promise<void> {
    this.#gathered.push(chunk);
    this.#gatheredBytes += chunk.length;
    if (this.#gatheredBytes >= WRITE_BYTES) await this.#write();
  }

  async #write(): Promise<void> {
    await this.#writing;
    const buffers = this.#gathered;
    this.#gathered = [];
    this.#gatheredBytes = 0;
    this.#writing = writeAll(this.handle, buffers);
    this.#writing.catch(() => {}); // awaited by the next write or by close
  }

  /** Writes what is left and closes the file; `keep` false closes it after a failure, unwritten. */
  async close(keep = true): Promise<void> {
    try {
      if (keep) await this.#write();
      await this.#writing;
    } finally {
      await this.handle.close();
    }
  }
}

/** writev may write part of what it is given: the rest is written again. */
async function writeAll(handle: FileHandle, buffers: Buffer[]): Promise<void> {
  let rest = buffers;
  while (rest.length > 0) {
    let { bytesWritten } = await handle.writev(rest);
    let done = 0;
    while (done < rest.length && bytesWritten >= rest[done].length) bytesWritten -= rest[done++].length;
    rest = rest.slice(done);
    if (bytesWritten > 0) rest[0] = rest[0].subarray(bytesWritten);
  }
}

/**
 * Downloads the result to `path`, scanning it on the way when `scan` is given (ended here);
 * `afterChunk` is awaited after each chunk is scanned (the download waits for it). The body is read
 * through its reader, whichever fetch made it: under remix-serve (`npm start`) the global fetch is
 * Remix's polyfill, whose ReadableStream Node's Readable.fromWeb refuses.
 */
export async function downloadFile(url: string, path: string, scan?: BulkFileScan, afterChunk?: () => Promise<void>): Promise<number> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`downloading the bulk result failed: HTTP ${response.status}`);
  const reader = response.body.getReader();
  const file = await FileAppender.create(path);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const chunk = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      scan?.push(chunk);
      await file.append(chunk);
      await afterChunk?.();
    }
  } catch (error) {
    await file.close(false).catch(() => {});
    await reader.cancel().catch(() => {});
    throw error;
  } finally {
    reader.releaseLock();
  }
  await file.close();
  scan?.end();
  return (await stat(path)).size;
}

/** Bytes read from the kept file at a time. */
const READ_BYTES = 1 << 20;

/**
 * The file's chunks, each read into the same buffer: a chunk is only valid until the next one is asked
 * for (the line splitter copies the one line it keeps across chunks). A new buffer a chunk, as a read
 * stream gives, is a 1 MB allocation freed soon after, 2,000 of them per 1,000,000-order file.
 */
async function* fileChunks(path: string): AsyncGenerator<Buffer> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.allocUnsafe(READ_BYTES);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, READ_BYTES, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

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
