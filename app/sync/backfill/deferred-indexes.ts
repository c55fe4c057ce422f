// Indexes a backfill builds once its roots are stored instead of row by row. The customer index of
// `Order` (shop, customerId, processedAt) takes the orders in customer order, so every order of an
// export, which comes in id order, lands at a random place of it: on SQLite a random page, read and
// written again at each commit. Measured (bench/sqlite-order-writes.ts, 1,000,000 orders in
// transactions of 50,000): 29.7 µs an order with the index, 10.8 µs when it is built after them (the
// build itself 1.3 s); PostgreSQL (bench/postgres-writes.ts, 300,000 orders) 14.9 µs of server CPU an
// order against 6.5 without it.
//
// An index is shared by every shop in the database, and another shop's readers would go without it
// meanwhile: it is dropped only when no other shop has a row in its table, as on a database of the
// shop's own (the embedded default's usual case, and a first install). A run that finds another shop's
// rows writes with the index, as before. Every run creates the indexes again once its roots are in, and
// after a failure; a run killed meanwhile leaves them to its resumption, which goes the same way.
import type { SqlWriter, Statement } from "../write/statements";
import { quote, type TableIndex } from "../write/upsert-sql";

/** The statement creating the index as its migration does; a no-op when it is there. */
export function createIndexSql(index: TableIndex): string {
  return `CREATE INDEX IF NOT EXISTS ${quote(index.name)} ON ${quote(index.table)}(${index.columns.map(quote).join(", ")})`;
}

/** Whether a shop other than `shop` has a row in `table` (two ranges of the primary key, which starts with shop). */
export async function otherShopsIn(writer: SqlWriter, table: string, shop: string): Promise<boolean> {
  const [row] = await writer.query<{ other: unknown }>(
    `SELECT (EXISTS (SELECT 1 FROM ${quote(table)} WHERE "shop" < ${writer.param(1)})
          OR EXISTS (SELECT 1 FROM ${quote(table)} WHERE "shop" > ${writer.param(2)})) AS "other"`,
    shop,
    shop,
  );
  // SQLite answers 0 or 1, PostgreSQL a boolean.
  return row !== undefined && Number(row.other) === 1;
}

/**
 * Drops the indexes whose table holds no other shop's rows, before a backfill writes its roots;
 * `createIndexes` puts them back.
 */
export async function deferIndexes(writer: SqlWriter, shop: string, indexes: readonly TableIndex[]): Promise<void> {
  const deferred: TableIndex[] = [];
  for (const index of indexes) if (!(await otherShopsIn(writer, index.table, shop))) deferred.push(index);
  if (deferred.length > 0) await writer.run(deferred.map((index) => writer.raw(`DROP INDEX IF EXISTS ${quote(index.name)}`)));
}

/** The statements creating those of the indexes that are missing (each sorted once, not row by row). */
export function createIndexes(writer: SqlWriter, indexes: readonly TableIndex[]): Statement[] {
  return indexes.map((index) => writer.raw(createIndexSql(index)));
}
