// The sync's bulk writer: batches of rows and the checkpoint that records them, committed in one
// transaction on a connection of its own, straight through the database driver.
//
// Why not Prisma here: the backfill writes millions of rows. Measured on this 2-core machine
// (bench/sync.ts, 100,000 orders), batched `$executeRawUnsafe` statements inside `$transaction` moved
// 4,028 orders/s on SQLite and 2,946 on PostgreSQL with 870 MB peak RSS; the drivers themselves are used
// instead: better-sqlite3 prepared statements on a thread of their own (sqlite-writer.ts) and
// node-postgres with COPY (postgres-writer.ts). Everything else in the app reads and writes through
// Prisma; the writers' SQL only touches the tables of prisma/schema.prisma, in the shape its migrations
// create (DateTime as ISO 8601 text on SQLite and timestamp(3) UTC on PostgreSQL, booleans as 0/1 on
// SQLite, BigInt as 64-bit integers).
import { databaseKind } from "../../db/database-url";
import { postgresWriter } from "./postgres-writer";
import type { SqlWriter } from "./sql-writer";
import { sqliteWriter } from "./sqlite-writer";

export * from "./sql-writer";
export { placeholderList } from "./statement-makers";

export function openSqlWriter(databaseUrl: string): SqlWriter {
  return databaseKind(databaseUrl) === "postgres" ? postgresWriter(databaseUrl) : sqliteWriter(databaseUrl);
}
