// The sync's bulk writer: batches of rows and the checkpoint that records them, committed in one
// transaction on a connection of its own, straight through the database driver.
//
// Why not Prisma here: the backfill writes millions of rows. Measured on this 2-core machine
// (bench/sync.ts, 100,000 orders), batched `$executeRawUnsafe` statements inside `$transaction` moved
// 4,028 orders/s on SQLite and 2,946 on PostgreSQL with 870 MB peak RSS; the drivers themselves
// (better-sqlite3 prepared statements on a thread of their own, node-postgres multi-row statements) are
// used instead. Everything
// else in the app reads and writes through Prisma; the SQL below only touches the tables of
// prisma/schema.prisma, in the shape its migrations create (DateTime as ISO 8601 text on SQLite and
// timestamp(3) UTC on PostgreSQL, booleans as 0/1 on SQLite, BigInt as 64-bit integers).
import pg from "pg";
import { databaseKind, type DatabaseKind } from "../../db/database-url";
import { isoString } from "./iso-time";
import { BULK_SESSION_FAILED, SqliteThread } from "./sqlite-thread";
import { type TableSpec, lastPerKey, rowReader, upsertFromArraysSql, upsertSql } from "./upsert-sql";

/** One SQL statement with its parameters, not yet run. */
export interface Statement {
  sql: string;
  params: unknown[];
  /** SQLite upserts: the SQL run once per parameter list (one prepared single-row statement, bound per row). */
  rows?: unknown[][];
  /** PostgreSQL upserts: rows as column arrays; the SQL is made at run time, once the column types are known. */
  columnar?: { spec: TableSpec<unknown>; columns: unknown[][] };
}

export interface SqlWriter {
  dialect: DatabaseKind;
  upsert<Row>(spec: TableSpec<Row>, rows: readonly Row[]): Statement[];
  raw(sql: string, ...params: unknown[]): Statement;
  /** `?` for SQLite, `$n` for PostgreSQL: the n-th (1-based) parameter. */
  param(n: number): string;
  /** Runs the statements in one transaction: all or nothing. */
  run(statements: Statement[]): Promise<void>;
  /**
   * A bulk import's batches, committed a few at a time: each batch must carry its own checkpoint, so
   * that any commit is a consistent point to resume from. `append` resolving means applied, not yet
   * committed; `end` commits what is left. After a failed batch the session's uncommitted batches are
   * rolled back and it refuses more (resume from the last committed checkpoint).
   */
  bulk(options?: { commitEvery?: number }): BulkSession;
  /** Rows of a read (used for the writer's own bookkeeping). */
  query<T>(sql: string, ...params: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface BulkSession {
  append(statements: Statement[]): Promise<void>;
  end(): Promise<void>;
}

/**
 * Batches per transaction in a bulk session (each about 1,000 orders or lines). SQLite: a commit
 * writes every page the transaction dirtied to the WAL, and orders land at random places of the
 * customer index, so the fewer commits the fewer page writes per order (bench/sqlite-order-writes.ts,
 * 1,000,000 orders: 27.8 µs per order in transactions of 10,000, 19.6 in transactions of 50,000).
 */
export const BATCHES_PER_COMMIT = { sqlite: 50, postgres: 10 } as const;

export function openSqlWriter(databaseUrl: string): SqlWriter {
  return databaseKind(databaseUrl) === "postgres" ? postgresWriter(databaseUrl) : sqliteWriter(databaseUrl);
}

/** `(?, ?, ?)` / `($2, $3, $4)`: a list of `count` placeholders starting after `offset` parameters. */
export function placeholderList(writer: Pick<SqlWriter, "param">, count: number, offset = 0): string {
  return Array.from({ length: count }, (_, i) => writer.param(offset + i + 1)).join(",");
}

// Many rows share one Date object (a batch's syncedAt, the bulk lines' UNVERSIONED): converted once.
let lastDate: Date | null = null;
let lastTime = Number.NaN;
let lastIso = "";
function isoOf(date: Date): string {
  const time = date.getTime();
  if (date !== lastDate || time !== lastTime) {
    lastIso = isoString(date);
    lastDate = date;
    lastTime = time;
  }
  return lastIso;
}

function sqliteValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return isoOf(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

function postgresValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  // timestamp(3) without time zone holds UTC (as Prisma writes it): an ISO string's "Z" is dropped
  // as is, whereas a Date would be sent in this process's local offset.
  if (value instanceof Date) return isoOf(value);
  if (typeof value === "bigint") return value.toString();
  return value;
}

/** The path of a `file:` URL as Prisma's SQLite adapter reads it (relative to the working directory). */
export function sqliteFilePath(databaseUrl: string): string {
  return databaseUrl.replace(/^file:/, "").replace(/\?.*$/, "");
}

function sqliteWriter(databaseUrl: string): SqlWriter {
  const thread = new SqliteThread(sqliteFilePath(databaseUrl));
  const sqlOf = new Map<TableSpec<unknown>, string>();
  return {
    dialect: "sqlite",
    // One prepared single-row statement bound once per row: with better-sqlite3 as fast as multi-row
    // text. Values are converted here, so the thread only binds; the SQL is sent once per table and
    // batch, not once per row (measured: the thread spent 10% of its time looking it up per row).
    upsert(spec, rows) {
      if (rows.length === 0) return [];
      let sql = sqlOf.get(spec as TableSpec<unknown>);
      if (!sql) sqlOf.set(spec as TableSpec<unknown>, (sql = upsertSql("sqlite", spec, 1)));
      return [{ sql, params: [], rows: rows.map(rowReader(spec, sqliteValue)) }];
    },
    raw: (sql, ...params) => ({ sql, params: params.map(sqliteValue) }),
    param: () => "?",
    async run(statements) {
      if (statements.length > 0) await thread.run(statements);
    },
    bulk({ commitEvery = BATCHES_PER_COMMIT.sqlite } = {}) {
      const session = thread.session();
      let batches = 0;
      return {
        append: (statements) => thread.append(session, statements, ++batches % commitEvery === 0),
        end: () => thread.end(session),
      };
    },
    query: <T>(sql: string, ...params: unknown[]) => thread.query<T>(sql, params.map(sqliteValue)),
    close: () => thread.close(),
  };
}

const TIMESTAMP_WITHOUT_TIME_ZONE = 1114;

function postgresWriter(databaseUrl: string): SqlWriter {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 1,
    application_name: "tsuzuku-sync-writer",
    // timestamp(3) columns hold UTC wall time; node-postgres would read them in this process's zone.
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === TIMESTAMP_WITHOUT_TIME_ZONE ? (text: string) => new Date(`${text.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // By spec, not by table: the backfill writes "Order" with one column more than the refresh does.
  const sqlCache = new Map<TableSpec<unknown>, string>();
  let columnTypes: Promise<Map<string, string>> | undefined;
  // Read on the connection the transaction holds: the pool has one, and it is taken.
  const typesOf = async (client: pg.PoolClient, spec: TableSpec<unknown>) => {
    columnTypes ??= client
      .query<{ table: string; column: string; type: string }>(
        `SELECT c.relname AS "table", a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS "type"
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = current_schema() AND a.attnum > 0 AND NOT a.attisdropped`,
      )
      .then((result) => new Map(result.rows.map((row) => [`${row.table}.${row.column}`, row.type])));
    const types = await columnTypes;
    return spec.columns.map((column) => {
      const type = types.get(`${spec.table}.${column}`);
      if (!type) throw new Error(`${spec.table}.${column} is not a column of the database (migrations not applied?)`);
      return type;
    });
  };
  const prepare = async (client: pg.PoolClient, statement: Statement): Promise<{ sql: string; params: unknown[] }> => {
    if (!statement.columnar) return { sql: statement.sql, params: statement.params.map(postgresValue) };
    const { spec, columns } = statement.columnar;
    let sql = sqlCache.get(spec);
    if (!sql) sqlCache.set(spec, (sql = upsertFromArraysSql(spec, await typesOf(client, spec))));
    return { sql, params: columns };
  };
  /** Commits the bulk session whose transaction holds the connection, if any. */
  let openBulk: (() => Promise<void>) | null = null;
  const execute = async (client: pg.PoolClient, statements: Statement[]) => {
    for (const statement of statements) {
      const { sql, params } = await prepare(client, statement);
      await client.query(sql, params);
    }
  };
  return {
    dialect: "postgres",
    upsert(spec, rows) {
      if (rows.length === 0) return [];
      const unique = lastPerKey(spec, rows);
      const read = rowReader(spec, postgresValue);
      const columns: unknown[][] = spec.columns.map(() => new Array<unknown>(unique.length));
      for (let r = 0; r < unique.length; r++) {
        const values = read(unique[r]);
        for (let c = 0; c < values.length; c++) columns[c][r] = values[c];
      }
      return [{ sql: "", params: [], columnar: { spec: spec as TableSpec<unknown>, columns } }];
    },
    raw: (sql, ...params) => ({ sql, params }),
    param: (n) => `$${n}`,
    async run(statements) {
      if (statements.length === 0) return;
      await openBulk?.().catch(() => {});
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await execute(client, statements);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    // The session holds the pool's one connection while its transaction is open (a few batches); a
    // `run` meanwhile commits the session's batches first, as on SQLite.
    bulk({ commitEvery = BATCHES_PER_COMMIT.postgres } = {}) {
      let client: pg.PoolClient | null = null;
      let batches = 0;
      let failed = false;
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
      return {
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
              await execute(client, statements);
            } catch (error) {
              failed = true;
              const open = client;
              client = null;
              if (openBulk === commit) openBulk = null;
              await open?.query("ROLLBACK").catch(() => {});
              open?.release();
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
