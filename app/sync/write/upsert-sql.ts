// Multi-row upserts in the SQL both databases speak (SQLite ≥ 3.24 and PostgreSQL share
// INSERT … ON CONFLICT … DO UPDATE … WHERE), written once for every table the sync fills. Batched
// statements are what makes the backfill fast; Prisma's per-row upsert would be one round trip a row.
import type { DatabaseKind } from "../../db/database-url";

export interface TableSpec<Row> {
  table: string;
  columns: readonly (keyof Row & string)[];
  /** The primary key columns (the ON CONFLICT target). */
  key: readonly (keyof Row & string)[];
  /**
   * Newer-wins guard: the stored row is replaced only when the incoming value of this column is at
   * least the stored one (Shopify's updatedAt), so an older copy never overwrites a newer one.
   */
  guard?: keyof Row & string;
  /** Insert-only: a row whose key is already stored is left as it is (history rows). */
  keepExisting?: boolean;
}

/** An index as its migration creates it (prisma/schema.prisma: `@@index([...])` of `table`). */
export interface TableIndex {
  name: string;
  table: string;
  columns: readonly string[];
}

/** A quoted identifier (the names are the specs' own, never data). */
export const quote = (name: string) => `"${name}"`;

/** The spec's columns, quoted and comma-separated, in its order. */
export const columnList = <Row>(spec: TableSpec<Row>) => spec.columns.map(quote).join(",");

export function upsertSql<Row>(dialect: DatabaseKind, spec: TableSpec<Row>, rowCount: number): string {
  const width = spec.columns.length;
  const placeholder = dialect === "postgres" ? (i: number) => `$${i + 1}` : () => "?";
  const tuples: string[] = [];
  for (let r = 0; r < rowCount; r++) {
    const cells: string[] = [];
    for (let c = 0; c < width; c++) cells.push(placeholder(r * width + c));
    tuples.push(`(${cells.join(",")})`);
  }
  return `INSERT INTO ${quote(spec.table)} (${columnList(spec)}) VALUES ${tuples.join(",")} ${onConflict(spec)}`;
}

/** `ON CONFLICT (key) DO UPDATE SET …` with the newer-wins guard, or `DO NOTHING` for insert-only tables. */
export function onConflict<Row>(spec: TableSpec<Row>): string {
  const target = `ON CONFLICT (${spec.key.map(quote).join(",")})`;
  if (spec.keepExisting) return `${target} DO NOTHING`;
  const updates = spec.columns.filter((column) => !spec.key.includes(column)).map((column) => `${quote(column)} = excluded.${quote(column)}`);
  const guard = spec.guard ? ` WHERE excluded.${quote(spec.guard)} >= ${quote(spec.table)}.${quote(spec.guard)}` : "";
  return `${target} DO UPDATE SET ${updates.join(", ")}${guard}`;
}

const readers = new WeakMap<TableSpec<never>, WeakMap<(value: unknown) => unknown, (row: never) => unknown[]>>();

/**
 * A function returning a row's values in the spec's column order, each passed through `convert`. It is
 * generated once per spec and converter, so that each column is read at a site of its own: a loop over
 * the column names reads every value at one megamorphic site (1,000,000 rows of 37 columns: 1.2 s
 * instead of 0.5 s, measured on this machine).
 */
export function rowReader<Row>(spec: TableSpec<Row>, convert: (value: unknown) => unknown): (row: Row) => unknown[] {
  const key = spec as unknown as TableSpec<never>;
  let byConverter = readers.get(key);
  if (!byConverter) readers.set(key, (byConverter = new WeakMap()));
  let reader = byConverter.get(convert) as ((row: Row) => unknown[]) | undefined;
  if (!reader) {
    for (const column of spec.columns) if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(column)) throw new Error(`${spec.table}: column name ${JSON.stringify(column)} is not an identifier`);
    // The names are the spec's own identifiers (checked above), never data.
    reader = new Function("convert", `return (row) => [${spec.columns.map((column) => `convert(row.${column})`).join(", ")}];`)(convert) as (row: Row) => unknown[];
    byConverter.set(convert, reader as (row: never) => unknown[]);
  }
  return reader;
}

/** A key column's value as text: a Date to the millisecond (its String() stops at the second). */
const keyPart = (value: unknown): string => (value instanceof Date ? String(value.getTime()) : String(value));

/**
 * The last row per key: one statement may not touch a row twice (PostgreSQL refuses ON CONFLICT twice).
 * Rows whose key's last column (the id) never repeats have distinct keys: that is checked first (a key
 * text made per row cost the line thread 0.58 s of 16.8 for 300,000 orders on PostgreSQL).
 */
export function lastPerKey<Row>(spec: TableSpec<Row>, rows: readonly Row[]): readonly Row[] {
  if (rows.length < 2) return rows;
  const last = spec.key[spec.key.length - 1];
  const seen = new Set<string>();
  for (const row of rows) seen.add(keyPart(row[last]));
  if (seen.size === rows.length) return rows;
  const byKey = new Map<string, Row>();
  for (const row of rows) byKey.set(spec.key.map((column) => keyPart(row[column])).join("\u0000"), row);
  return byKey.size === rows.length ? rows : [...byKey.values()];
}
