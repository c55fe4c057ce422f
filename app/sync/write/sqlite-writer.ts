// The bulk writer on SQLite: statements run by better-sqlite3 on a thread of its own (sqlite-thread.ts).
import { sqliteFilePath } from "../../db/database-url";
import { isoOf } from "./iso-time";
import { BATCHES_PER_COMMIT, type SqlWriter } from "./sql-writer";
import { SqliteThread } from "./sqlite-thread";
import { type TableSpec, rowReader, upsertSql } from "./upsert-sql";

function sqliteValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return isoOf(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

export function sqliteWriter(databaseUrl: string): SqlWriter {
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
