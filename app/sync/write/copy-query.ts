// A batch's statements in one round trip: one simple-protocol query (statements separated by
// semicolons, parameters written as literals) whose `COPY … FROM STDIN` statements take their data,
// in order, from the messages sent right behind the query.
//
// Why one round trip: node-postgres sends a query when the one before has answered, and a COPY waits
// for the server's CopyInResponse before its data goes out (pg-copy-streams does). Each answer waits
// for this process's event loop, which during a backfill is busy parsing the next batch; measured, a
// 59-row COPY took the server 2.7 ms. The server reads its socket in order, so data sent behind the
// query is read once the COPY it belongs to starts; and after an error it ignores the CopyData and
// CopyDone messages still coming ("accept but ignore these messages, per protocol spec", postgres.c).
// https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-FLOW-MULTI-STATEMENT
import pg from "pg";

interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/** Data sent in CopyData messages of at most this many bytes. */
const CHUNK_BYTES = 1 << 20;

class CopyQuery implements pg.Submittable {
  #failed = false;

  constructor(
    private readonly sql: string,
    private readonly copies: readonly Buffer[],
    private readonly settle: (error: Error | null) => void,
  ) {}

  submit(connection: unknown): void {
    const send = connection as CopyConnection;
    send.query(this.sql);
    for (const data of this.copies) {
      for (let start = 0; start < data.length; start += CHUNK_BYTES) send.sendCopyFromChunk(data.subarray(start, start + CHUNK_BYTES));
      send.endCopyFrom();
    }
  }

  handleCopyInResponse(): void {}
  handleCommandComplete(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}

  // node-postgres calls this, not handleReadyForQuery, when the server answers with an error.
  handleError(error: Error): void {
    this.#failed = true;
    this.settle(error);
  }

  handleReadyForQuery(): void {
    if (!this.#failed) this.settle(null);
  }
}

/** Runs `sql` (statements separated by semicolons), giving its COPY … FROM STDIN statements `copies` in order. */
export function copyQuery(client: pg.ClientBase, sql: string, copies: readonly Buffer[]): Promise<void> {
  return new Promise((resolve, reject) => {
    void client.query(new CopyQuery(sql, copies, (error) => (error ? reject(error) : resolve())));
  });
}

/**
 * `sql` with its `$n` parameters written as literals: quoted text of unknown type, as node-postgres
 * sends parameters (the server infers each one's type from where it stands, as it does for a
 * parameter), or NULL. Quoted strings and identifiers in `sql` are left as they are.
 */
export function inlineParameters(sql: string, params: readonly unknown[], text: (value: unknown) => string): string {
  let out = "";
  let quote: string | null = null;
  for (let i = 0; i < sql.length; i++) {
    const char = sql[i];
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === "$" && /\d/.test(sql[i + 1] ?? "")) {
      let end = i + 1;
      while (/\d/.test(sql[end] ?? "")) end++;
      const n = Number(sql.slice(i + 1, end));
      if (n < 1 || n > params.length) throw new Error(`parameter $${n} of ${params.length}: ${sql.slice(0, 80)}`);
      const value = params[n - 1];
      out += value === null || value === undefined ? "NULL" : pg.escapeLiteral(text(value));
      i = end - 1;
      continue;
    }
    out += char;
  }
  return out;
}
