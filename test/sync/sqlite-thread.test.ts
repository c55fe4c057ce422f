// The SQLite bulk writer's thread at its start: databases are migrated into WAL mode; a file still in
// rollback-journal mode is switched even while the app's connection holds a transaction; and a thread
// that cannot open its database answers every call with the reason instead of leaving it waiting.
// (A CI run once hung here: the switch failed with SQLITE_BUSY, the thread died, and the backfill's
// next write waited forever.)
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { sqliteFilePath } from "../../app/db/database-url";
import { openSqlWriter, type SqlWriter } from "../../app/sync/write/statements";
import { createTestDatabase, sqliteTemplatePath, testDatabaseKind } from "../helpers/database";

const journalMode = (file: string) => {
  const sqlite = new Database(file, { readonly: true });
  try {
    return sqlite.pragma("journal_mode", { simple: true });
  } finally {
    sqlite.close();
  }
};

describe.runIf(testDatabaseKind === "sqlite")("the SQLite writer thread", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "tsuzuku-sqlite-thread-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("starts on databases the migrations left in WAL mode", async () => {
    expect(journalMode(sqliteTemplatePath())).toBe("wal");
    const database = await createTestDatabase();
    try {
      expect(journalMode(sqliteFilePath(database.url))).toBe("wal");
    } finally {
      await database.drop();
    }
  });

  it("switches a rollback-journal file to WAL while the app's connection is in a transaction", async () => {
    const file = path.join(dir, "rollback-journal.db");
    copyFileSync(sqliteTemplatePath(), file);
    const legacy = new Database(file);
    legacy.pragma("journal_mode = DELETE");
    legacy.close();
    const url = `file:${file}`;
    const db: Db = createDb(url);
    let writer: SqlWriter | undefined;
    try {
      // The thread starts while this transaction holds the write lock, which it keeps for 300 ms (in
      // this mode SQLite refuses the switch at once, without waiting, while another connection writes).
      await db.$transaction(async (tx) => {
        await tx.shop.create({ data: { shop: "held.myshopify.com" } });
        writer = openSqlWriter(url);
        await sleep(300);
      });
      if (!writer) throw new Error("the transaction did not run");
      await writer.run([writer.raw(`INSERT INTO "Shop" ("shop", "updatedAt") VALUES (${writer.param(1)}, ${writer.param(2)})`, "written.myshopify.com", new Date())]);
      expect((await db.shop.findMany({ select: { shop: true }, orderBy: { shop: "asc" } })).map((row) => row.shop)).toEqual(["held.myshopify.com", "written.myshopify.com"]);
      expect(await writer.query<{ journal_mode: string }>("PRAGMA journal_mode")).toEqual([{ journal_mode: "wal" }]);
    } finally {
      await writer?.close();
      await db.$disconnect();
    }
  });

  it("answers every call with the reason when it cannot open the database, and still closes", async () => {
    const writer = openSqlWriter(`file:${path.join(dir, "no-such-folder", "x.db")}`);
    const reason = /the SQLite writer could not open .*no-such-folder.*x\.db/;
    await expect(writer.run([writer.raw("SELECT 1")])).rejects.toThrow(reason);
    await sleep(100); // calls made long after the failure too
    await expect(writer.query("SELECT 1")).rejects.toThrow(reason);
    const session = writer.bulk();
    await expect(session.append([writer.raw("SELECT 1")])).rejects.toThrow(reason);
    await expect(session.end()).rejects.toThrow(reason);
    await writer.close();
  });
});
