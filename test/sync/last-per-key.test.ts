// One row per key in a PostgreSQL upsert's rows (ON CONFLICT may not touch a row twice): the last of each
// key's rows, the others dropped, whichever way the keys repeat.
import { describe, expect, it } from "vitest";
import { lastPerKey, type TableSpec } from "../../app/sync/write/upsert-sql";

interface Row { shop: string; id: string; v: number }
const SPEC: TableSpec<Row> = { table: "T", columns: ["shop", "id", "v"], key: ["shop", "id"] };
const STATUS: TableSpec<{ shop: string; at: Date; v: number }> = { table: "S", columns: ["shop", "at", "v"], key: ["shop", "at"] };

describe("lastPerKey", () => {
  it("gives the rows themselves when no key repeats", () => {
    const rows = [{ shop: "a", id: "1", v: 1 }, { shop: "a", id: "2", v: 2 }];
    expect(lastPerKey(SPEC, rows)).toBe(rows);
  });

  it("keeps the last row of a repeated key, in the order of the rows kept", () => {
    const rows = [{ shop: "a", id: "1", v: 1 }, { shop: "a", id: "2", v: 2 }, { shop: "a", id: "1", v: 3 }];
    expect(lastPerKey(SPEC, rows)).toEqual([{ shop: "a", id: "1", v: 3 }, { shop: "a", id: "2", v: 2 }]);
  });

  it("keeps rows whose last key column repeats but whose key does not", () => {
    const rows = [{ shop: "a", id: "1", v: 1 }, { shop: "b", id: "1", v: 2 }];
    expect(lastPerKey(SPEC, rows)).toEqual(rows);
  });

  it("compares dates by value, not by object", () => {
    const rows = [{ shop: "a", at: new Date(5), v: 1 }, { shop: "a", at: new Date(5), v: 2 }, { shop: "a", at: new Date(6), v: 3 }];
    expect(lastPerKey(STATUS, rows)).toEqual([{ shop: "a", at: new Date(5), v: 2 }, { shop: "a", at: new Date(6), v: 3 }]);
  });
});
