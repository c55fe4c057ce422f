// OrderLine has no foreign key to Order (a lookup per line was most of PostgreSQL's cost of writing it):
// the backfill checks every line's order once, after it has written every line (in memory when the run
// wrote the whole file, by a query when it resumed). A bulk result holding line items of an order it
// does not hold fails the run with a clear error that names them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportedOrderLines, serveResultFile, startSyncHarness, type SyncHarness } from "./harness";

let harness: SyncHarness;

beforeAll(async () => {
  harness = await startSyncHarness({ orders: 200, seed: 12 });
});

afterAll(async () => {
  await harness?.close();
});

describe("a bulk result with line items of an order it lacks", () => {
  it("fails the backfill, naming the lines and their order", async () => {
    const { operationId, lines } = await exportedOrderLines(harness);
    const records = lines.map((line) => JSON.parse(line) as { id: string; __parentId?: string });
    const child = records.find((record) => record.__parentId !== undefined)!;
    const orderId = child.__parentId!;
    const kept = lines.filter((_, i) => records[i].id !== orderId);
    expect(kept.length).toBe(lines.length - 1); // the order's own line is gone, its line items stay
    await serveResultFile(harness, operationId, kept);

    const strays = records.filter((record) => record.__parentId === orderId);
    await expect(harness.backfill("orders")).rejects.toThrow(`the bulk result holds ${strays.length} line item${strays.length === 1 ? "" : "s"} whose order it does not hold (`);
    const run = await harness.database.db.syncRun.findFirstOrThrow({ where: { shop: harness.shop, resource: "orders" } });
    expect(run).toMatchObject({ status: "failed", phase: "failed" });
    expect(run.lastError).toContain(`${child.id} of ${orderId}`);
    // Nothing else was lost: every other order and every line item of the file is stored.
    const { db } = harness.database;
    const roots = records.filter((record) => record.__parentId === undefined).length;
    expect(await db.order.count({ where: { shop: harness.shop } })).toBe(roots - 1);
    expect(await db.orderLine.count({ where: { shop: harness.shop } })).toBe(records.length - roots);
  });

  it("fails again when the job retries, from the stored lines (the run resumes after its last line)", async () => {
    await expect(harness.backfill("orders")).rejects.toThrow(/^stored line items whose order is not stored \(\d+ line items?; .*gid:\/\/shopify\/LineItem\/\d+ of gid:\/\/shopify\/Order\/\d+/);
    const runs = await harness.database.db.syncRun.findMany({ where: { shop: harness.shop, resource: "orders" } });
    expect(runs.map((run) => run.status)).toEqual(["failed", "failed"]);
  });
});
