// The bulk writer on SQLite: statements run by better-sqlite3 on a thread of its own (sqlite-thread.ts).
import { sqliteFilePath } from "../../db/database-url";
import { BATCHES_PER_COMMIT, type SqlWriter } from "./sql-writer";
import { SqliteThread } from "./sqlite-thread";
import { sqliteValue, statementMaker } from "./statement-makers";

export function sqliteWriter(databaseUrl: string): SqlWriter {
  const thread = new SqliteThread(sqliteFilePath(databaseUrl));
  return {
    ...statementMaker("sqlite"),
    async run(statements) {
      if (statements.length > 0) await thread.run(statements);
    },
    bulk({ commitEvery = BATCHES_PER_COMMIT.sqlite, port = false } = {}) {
      const session = thread.session();
      let batches = 0;
      return {
        append: (statements, carried = false) => thread.append(session, statements, ++batches % commitEvery === 0, carried),
        end: () => thread.end(session),
        port: port ? thread.statementsPort(session) : undefined,
      };
    },
    query: <T>(sql: string, ...params: unknown[]) => thread.query<T>(sql, params.map(sqliteValue)),
    close: () => thread.close(),
  };
}
