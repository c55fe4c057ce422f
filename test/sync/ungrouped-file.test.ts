// A bulk result whose children do not follow their parents (`groupObjects: false` promises no order):
// the lines of the emulator's file shuffled, some children first, some far after their order. The
// backfill still stores the shop exactly, subscription flags included, in batches of any size, and
// also when it resumes after a failure with lines of later orders already written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBackfill } from "../../app/sync/backfill/backfill";
import type { SqlWriter } from "../../app/sync/write/statements";
import { expectStoredShopEqualsShopify, exportedOrderLines, serveResultFile, startSyncHarness, type SyncHarness } from "./harness";

let harness: SyncHarness;
let resumed: SyncHarness;

beforeAll(async () => {
  [harness, resumed] = await Promise.all([startSyncHarness({ orders: 800, seed: 5 }), startSyncHarness({ orders: 800, seed: 6 })]);
});

afterAll(async () => {
  await Promise.all([harness?.close(), resumed?.close()]);
});

/** A deterministic shuffle (the file's lines, every one kept). */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 16807) % 2147483647;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe("an ungrouped bulk result", () => {
  it("is stored exactly, with every order's subscription flag", async () => {
    // The export a backfill would have downloaded, kept (shuffled) where a resumed run finds its file.
    const exported = await exportedOrderLines(harness);
    const { operationId } = exported;
    const lines = shuffled(exported.lines, 11);
    const children = lines.filter((line) => line.includes('"__parentId":'));
    const firstChild = lines.findIndex((line) => line.includes('"__parentId":'));
    expect(firstChild).toBeLessThan(lines.length - children.length); // some child comes before some order
    await serveResultFile(harness, operationId, lines);

    const result = await harness.backfill("orders", { batchSize: 37 });
    expect(result.bulkOperationId).toBe(operationId);
    await harness.backfill("subscriptionContracts");
    await expectStoredShopEqualsShopify(harness);
  });
});

/**
 * The harness's writer, failing the `failAt`-th batch of its bulk sessions and every later one (the
 * database went away), as a real session refuses every batch after a failed one.
 */
function failingWriter(writer: SqlWriter, failAt: number): SqlWriter {
  return {
    ...writer,
    bulk(options) {
      const session = writer.bulk(options);
      let batches = 0;
      return {
        append: (statements) => (++batches >= failAt ? Promise.reject(new Error("the database went away")) : session.append(statements)),
        end: () => session.end(),
      };
    },
  };
}

describe("an ungrouped bulk result, resumed", () => {
  it("is stored exactly when lines before the checkpoint belong to orders after it", async () => {
    const exported = await exportedOrderLines(resumed);
    const lines = shuffled(exported.lines, 13);
    await serveResultFile(resumed, exported.operationId, lines);
    const { db } = resumed.database;
    await expect(
      runBackfill({ db, writer: failingWriter(resumed.writer, 9), client: resumed.client, shop: resumed.shop, resource: "orders", poll: { intervalMs: 20 }, batchSize: 40, batchesPerCommit: 2 }),
    ).rejects.toThrow("the database went away");
    const { bulkLinesConsumed: checkpoint } = await db.syncCursor.findUniqueOrThrow({ where: { shop_resource: { shop: resumed.shop, resource: "orders" } } });
    expect(checkpoint).toBeGreaterThan(0);
    // What makes the case: a selling-plan line already written whose order comes after the checkpoint.
    const records = lines.map((line) => JSON.parse(line) as { id: string; __parentId?: string; sellingPlan?: unknown });
    const at = new Map(records.map((record, i) => [record.id, i]));
    expect(records.some((record, i) => i < checkpoint && record.sellingPlan && at.get(record.__parentId!)! >= checkpoint)).toBe(true);

    await resumed.backfill("orders", { batchSize: 40 });
    await resumed.backfill("subscriptionContracts");
    await expectStoredShopEqualsShopify(resumed);
  });
});
