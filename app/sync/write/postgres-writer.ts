// The bulk writer on PostgreSQL (node-postgres, two connections of its own: see runBeside).
//
// Rows travel as COPY text (copy-text.ts), made while the batch before is being written. A bulk
// session COPYs them straight into their tables: the fastest way in (bench/postgres-writes.ts) and all
// a first backfill needs. A COPY cannot upsert, so when a row is already stored (a resync, a webhook's
// write meanwhile, a key twice in the file) its unique violation rolls the transaction back, the
// session writes its uncommitted batches again as upserts, and upserts from then on. An upsert copies
// the rows into a temporary staging table and runs INSERT … SELECT … ON CONFLICT with the newer-wins
// guard from it; `run` (webhooks, reconciliation) always upserts. A batch's statements go as one query
// with its COPY data behind it (copy-query.ts): one round trip a batch instead of one a statement,
// which matters most when the database is across a network.
import pg from "pg";
import { copyQuery, inlineParameters } from "./copy-query";
import { isoOf } from "./iso-time";
import { BATCHES_PER_COMMIT, isUniqueViolation, type SqlWriter, type Statement } from "./sql-writer";
import { BULK_SESSION_FAILED } from "./sqlite-thread";
import { statementMaker } from "./statement-makers";
import { type TableSpec, columnList, onConflict, quote } from "./upsert-sql";

const TIMESTAMP_WITHOUT_TIME_ZONE = 1114;

function postgresValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  // timestamp(3) without time zone holds UTC (as Prisma writes it): an ISO string's "Z" is dropped
  // as is, whereas a Date would be sent in this process's local offset.
  if (value instanceof Date) return isoOf(value);
  if (typeof value === "bigint") return value.toString();
  return value;
}

/** A COPY straight into a table found a row already stored. */
class StoredRowConflict extends Error {}

/** How a statement list writes its rows: straight into their tables, or as upserts. */
type Mode = "copy" | "upsert";

/**
 * Temporary staging tables, one per spec (the backfill writes "Order" with one column more than the
 * refresh does) and connection: made on first use, forgotten when their transaction rolls back.
 */
function stagingTables() {
  // By table and columns, not by the spec object: a spec from the line thread is a copy.
  const names = new Map<string, string>();
  const made = new WeakMap<pg.ClientBase, Set<string>>();
  return {
    nameOf(spec: TableSpec<unknown>): string {
      const key = `${spec.table}(${spec.columns.join(",")})`;
      let name = names.get(key);
      if (!name) names.set(key, (name = quote(`tsuzuku_stage_${spec.table}_${names.size}`)));
      return name;
    },
    has: (client: pg.ClientBase, name: string) => made.get(client)?.has(name) ?? false,
    made(client: pg.ClientBase, created: readonly string[]) {
      let mine = made.get(client);
      if (!mine) made.set(client, (mine = new Set()));
      for (const name of created) mine.add(name);
    },
    rolledBack(client: pg.ClientBase) {
      made.delete(client);
    },
  };
}

/** A parameter's text, as node-postgres would send it (inlineParameters quotes it). */
const parameterText = (value: unknown): string => {
  const converted = postgresValue(value);
  if (typeof converted === "object") throw new Error(`a bulk statement's parameter must be a scalar or a Date, not ${JSON.stringify(converted)}`);
  return String(converted);
};

export function postgresWriter(databaseUrl: string): SqlWriter {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    // One for the bulk session (or `run`), one for `runBeside`.
    max: 2,
    application_name: "tsuzuku-sync-writer",
    // timestamp(3) columns hold UTC wall time; node-postgres would read them in this process's zone.
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === TIMESTAMP_WITHOUT_TIME_ZONE ? (text: string) => new Date(`${text.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  const stages = stagingTables();

  // A statement list as one query: raw statements with their parameters inlined; rows COPYd straight
  // into their table, or into a staging table (made on first use) and upserted from it with
  // INSERT … SELECT … ON CONFLICT (newer wins, as on SQLite), then TRUNCATEd.
  const execute = async (client: pg.ClientBase, statements: Statement[], mode: Mode) => {
    const sql: string[] = [];
    const copies: Buffer[] = [];
    const creating: string[] = [];
    for (const statement of statements) {
      if (!statement.copy) {
        sql.push(inlineParameters(statement.sql, statement.params, parameterText));
        continue;
      }
      const { spec, data } = statement.copy;
      const columns = columnList(spec);
      // From the line thread a Uint8Array (structured clone keeps no Buffer): node-postgres copies Buffers.
      copies.push(Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      if (mode === "copy") {
        sql.push(`COPY ${quote(spec.table)} (${columns}) FROM STDIN`);
        continue;
      }
      const stage = stages.nameOf(spec);
      if (!stages.has(client, stage) && !creating.includes(stage)) {
        // The table's column names and types, without its constraints (the upsert checks them).
        sql.push(`CREATE TEMP TABLE IF NOT EXISTS ${stage} AS SELECT ${columns} FROM ${quote(spec.table)} WITH NO DATA`);
        creating.push(stage);
      }
      sql.push(`COPY ${stage} (${columns}) FROM STDIN`, `INSERT INTO ${quote(spec.table)} (${columns}) SELECT ${columns} FROM ${stage} ${onConflict(spec)}`, `TRUNCATE ${stage}`);
    }
    if (sql.length === 0) return;
    try {
      await copyQuery(client, sql.join(";\n"), copies);
    } catch (error) {
      const { where } = error as { where?: string };
      if (mode === "copy" && isUniqueViolation(error) && where?.startsWith("COPY ")) throw new StoredRowConflict((error as Error).message);
      throw error;
    }
    stages.made(client, creating);
  };
  const rollback = async (client: pg.ClientBase) => {
    await client.query("ROLLBACK").catch(() => {});
    stages.rolledBack(client);
  };

  /** Commits the bulk session whose transaction holds the connection, if any. */
  let openBulk: (() => Promise<void>) | null = null;

  const runInTransaction = async (statements: Statement[]) => {
    if (statements.length === 0) return;
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await execute(client, statements, "upsert");
      await client.query("COMMIT");
    } catch (error) {
      await rollback(client);
      throw error;
    } finally {
      client.release();
    }
  };

  return {
    ...statementMaker("postgres"),
    run: async (statements) => {
      if (statements.length === 0) return;
      await openBulk?.().catch(() => {});
      await runInTransaction(statements);
    },
    runBeside: runInTransaction,
    // The session holds a connection while its transaction is open (a few batches); a `run` meanwhile
    // commits the session's batches first, as on SQLite.
    bulk({ commitEvery = BATCHES_PER_COMMIT.postgres } = {}) {
      let client: pg.PoolClient | null = null;
      let batches = 0;
      let failed = false;
      let mode: Mode = "copy";
      // The open transaction's batches, written again as upserts if a COPY finds a stored row.
      let uncommitted: Statement[][] = [];
      // Appends and commits one after another: a commit never lands inside a batch.
      let queue: Promise<unknown> = Promise.resolve();
      const serially = <T>(step: () => Promise<T>): Promise<T> => {
        const next = queue.then(step, step);
        queue = next.catch(() => {});
        return next;
      };
      const commit = () =>
        serially(async () => {
          const open = client;
          client = null;
          uncommitted = [];
          if (openBulk === commit) openBulk = null;
          if (!open) return;
          try {
            await open.query("COMMIT");
          } catch (error) {
            failed = true;
            throw error;
          } finally {
            open.release();
          }
        });
      const refuseFailed = () => {
        if (failed) throw new Error(BULK_SESSION_FAILED);
      };
      const apply = async (open: pg.PoolClient, statements: Statement[]) => {
        // Upserts meet no conflict, so once upserting the session keeps nothing to write again.
        if (mode === "copy") uncommitted.push(statements);
        try {
          await execute(open, statements, mode);
        } catch (error) {
          if (!(error instanceof StoredRowConflict)) throw error;
          mode = "upsert";
          await rollback(open);
          await open.query("BEGIN");
          for (const batch of uncommitted) await execute(open, batch, mode);
        }
      };
      return {
        // PostgreSQL's bulk session offers no port: statements are written from this thread.
        append: (statements) =>
          serially(async () => {
            refuseFailed();
            try {
              if (!client) {
                await openBulk?.().catch(() => {});
                client = await pool.connect();
                openBulk = commit;
                await client.query("BEGIN");
              }
              await apply(client, statements);
            } catch (error) {
              failed = true;
              const open = client;
              client = null;
              uncommitted = [];
              if (openBulk === commit) openBulk = null;
              if (open) {
                await rollback(open);
                open.release();
              }
              throw error;
            }
          }).then(() => (++batches % commitEvery === 0 ? commit() : undefined)),
        end: async () => {
          await commit();
          refuseFailed();
        },
      };
    },
    async query<T>(sql: string, ...params: unknown[]) {
      await openBulk?.().catch(() => {});
      return (await pool.query(sql, params.map(postgresValue))).rows as T[];
    },
    async close() {
      await pool.end();
    },
  };
}
