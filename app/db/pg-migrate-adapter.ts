// The PostgreSQL adapter for the Prisma CLI (migrate deploy, db pull, migrate diff).
//
// Prisma 6.19's WASM schema engine reads the catalog through @prisma/adapter-pg, which rejects
// columns of PostgreSQL's internal catalog string types — `name` (OID 19, an identifier) and `"char"`
// (OID 18, a one-byte code such as pg_constraint.contype) — with "Column type 'name' could not be
// deserialized" (prisma/prisma#27403). The catalog queries return such columns, so migrate deploy and
// db pull fail. Both are plain text, so this client reports them as `text` (OID 25); nothing else
// changes. The app's runtime client never reads `name` columns
// and uses the stock adapter (app/db.server.ts).
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

const PG_CATALOG_STRING_OIDS = new Set([18 /* "char" */, 19 /* name */]);
const PG_TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] };

function reportCatalogStringsAsText<T>(result: T): T {
  for (const field of (result as QueryResultLike)?.fields ?? []) {
    if (PG_CATALOG_STRING_OIDS.has(field.dataTypeID)) field.dataTypeID = PG_TEXT_OID;
  }
  return result;
}

class CatalogStringsAsTextClient extends pg.Client {
  // pg's query() has many overloads: promise form (a client from pool.connect()) and callback form
  // (pool.query() hands its own callback to the client). Both are covered.
  override query(...args: unknown[]): never {
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === "function") {
      args[last] = (err: unknown, result: unknown) => callback(err, err ? result : reportCatalogStringsAsText(result));
    }
    const out = (super.query as (...a: unknown[]) => unknown)(...args);
    if (out && typeof (out as Promise<unknown>).then === "function") {
      return (out as Promise<unknown>).then(reportCatalogStringsAsText) as never;
    }
    return out as never;
  }
}

export function createMigratePgAdapter(connectionString: string): PrismaPg {
  const pool = new pg.Pool({ connectionString, Client: CatalogStringsAsTextClient });
  return new PrismaPg(pool);
}
