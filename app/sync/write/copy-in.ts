// `COPY … FROM STDIN` with its data sent at once, behind the command, as a node-postgres query.
//
// The protocol has the server answer the command with CopyInResponse before the client sends data
// (https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-COPY). pg-copy-streams waits for
// it, so each COPY waits for this process's event loop, which during a backfill is busy parsing the
// next batch: measured, a 59-row COPY took the server 2.7 ms. The server reads the socket in order, so
// data sent behind the command is read once it is in COPY mode; and if the command fails before that,
// the server ignores CopyData and CopyDone outside COPY mode ("accept but ignore these messages, per
// protocol spec", postgres.c). One write, no wait.
import type pg from "pg";

interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/** Data sent in chunks of at most this many bytes (a CopyData message each). */
const CHUNK_BYTES = 1 << 20;

class CopyIn implements pg.Submittable {
  #error: Error | null = null;
  /** Rows the server copied. */
  rowCount = 0;

  constructor(
    private readonly sql: string,
    private readonly data: Buffer,
    private readonly settle: (error: Error | null, rowCount: number) => void,
  ) {}

  submit(connection: unknown): void {
    const send = connection as CopyConnection;
    send.query(this.sql);
    for (let start = 0; start < this.data.length; start += CHUNK_BYTES) send.sendCopyFromChunk(this.data.subarray(start, start + CHUNK_BYTES));
    send.endCopyFrom();
  }

  handleCopyInResponse(): void {}

  handleCommandComplete(message: { text?: string }): void {
    const match = /^COPY (\d+)/.exec(message.text ?? "");
    if (match) this.rowCount = Number(match[1]);
  }

  // node-postgres calls this instead of handleReadyForQuery when the server answers with an error.
  handleError(error: Error): void {
    this.#error = error;
    this.settle(error, 0);
  }

  handleReadyForQuery(): void {
    if (!this.#error) this.settle(null, this.rowCount);
  }
}

/** Runs `COPY <table> (<columns>) FROM STDIN` (text format) with `data`; resolves to the rows copied. */
export function copyIn(client: pg.ClientBase, sql: string, data: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    void client.query(new CopyIn(sql, data, (error, rowCount) => (error ? reject(error) : resolve(rowCount))));
  });
}
