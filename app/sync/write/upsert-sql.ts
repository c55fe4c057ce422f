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

const quote = (name: string) => `"${name}"`;

/** Parameters per statement stay below SQLite's 32,766 and PostgreSQL's 65,535 limits. */
export const MAX_PARAMETERS = 30_000;

export function rowsPerStatement<Row>(spec: TableSpec<Row>): number {
  return Math.max(1, Math.floor(MAX_PARAMETERS / spec.columns.length));
}

export function upsertSql<Row>(dialect: DatabaseKind, spec: TableSpec<Row>, rowCount: number): string {
  const width = spec.columns.length;
  const placeholder = dialect === "postgres" ? (i: number) => `$${i + 1}` : () => "?";
  const tuples: string[] = [];
  for (let r = 0; r < rowCount; r++) {
    const cells: string[] = [];
    for (let c = 0; c < width; c++) cells.push(placeholder(r * width + c));
    tuples.push(`(${cells.join(",")})`);
  }
  const insert = `INSERT INTO ${quote(spec.table)} (${spec.columns.map(quote).join(",")}) VALUES ${tuples.join(",")} ON CONFLICT (${spec.key.map(quote).join(",")})`;
  if (spec.keepExisting) return `${insert} DO NOTHING`;
  const updates = spec.columns.filter((column) => !spec.key.includes(column)).map((column) => `${quote(column)} = excluded.${quote(column)}`);
  const guard = spec.guard ? ` WHERE excluded.${quote(spec.guard)} >= ${quote(spec.table)}.${quote(spec.guard)}` : "";
  return `${insert} DO UPDATE SET ${updates.join(", ")}${guard}`;
}
