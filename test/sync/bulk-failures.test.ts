// Bulk operations that do not complete: a FAILED export (with partial data offered), an EXPIRED result,
// and an operation that never makes progress. Each fails the run with the reason, stores nothing from
// the partial file, and the next attempt starts a fresh export that completes exactly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BulkOperationError } from "../../app/sync/backfill/bulk-operation";
import { expireBulkOperation, failBulkOperation, runPendingBulkOperations } from "../emulator/bulk/hooks";
import type { AdminContext } from "../emulator/graphql/context";
import { waitFor } from "../helpers/wait-for";
import { expectStoredShopEqualsShopify, startSyncHarness, type SyncHarness } from "./harness";

let harness: SyncHarness;
let ctx: AdminContext;

beforeAll(async () => {
  // Operations wait in CREATED until the test lets them run.
  harness = await startSyncHarness({ orders: 300, seed: 31, emulator: { bulkAutoStart: false } });
  ctx = harness.emulator.contexts.get(harness.shop)!;
});

afterAll(async () => {
  await harness?.close();
});

const backfill = (poll: { stallTimeoutMs?: number } = {}) => harness.backfill("orders", { poll: { maxIntervalMs: 50, ...poll } });
const cursor = () => harness.database.db.syncCursor.findUnique({ where: { shop_resource: { shop: harness.shop, resource: "orders" } } });
const operationNumber = async () => Number((await waitFor("an export to start", async () => (await cursor())?.bulkOperationId)).split("/").pop());
const latestRun = () => harness.database.db.syncRun.findFirstOrThrow({ where: { shop: harness.shop, resource: "orders" }, orderBy: { startedAt: "desc" } });

describe("bulk operations that do not complete", () => {
  it("a stuck operation times out: the run fails saying so, and the operation is forgotten", async () => {
    const run = backfill({ stallTimeoutMs: 300 });
    await operationNumber();
    await expect(run).rejects.toThrow(/made no progress/);
    expect(await latestRun()).toMatchObject({ status: "failed", phase: "failed", lastError: expect.stringMatching(/made no progress/) });
    expect((await cursor())?.bulkOperationId).toBeNull();
    expect(await harness.database.db.order.count({ where: { shop: harness.shop } })).toBe(0);
  });

  it("a FAILED operation with partial data: nothing of the partial file is stored, the error code is shown", async () => {
    const run = backfill();
    const id = await operationNumber();
    failBulkOperation(ctx, id, { errorCode: "INTERNAL_SERVER_ERROR", afterRootObjects: 100 });
    await runPendingBulkOperations(ctx);
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BulkOperationError);
    expect((error as Error).message).toMatch(/FAILED \(INTERNAL_SERVER_ERROR\); partial data was offered and not used/);
    expect((await latestRun()).lastError).toMatch(/INTERNAL_SERVER_ERROR/);
    expect(await harness.database.db.order.count({ where: { shop: harness.shop } })).toBe(0);
  });

  it("an EXPIRED result: the run fails, and the next attempt exports afresh and stores the shop exactly", async () => {
    const first = backfill();
    const id = await operationNumber();
    await runPendingBulkOperations(ctx);
    // The result ages out before it is read (a worker down for more than seven days).
    await expireBulkOperation(ctx, id);
    await expect(first).rejects.toThrow(/EXPIRED/);

    const starter = setInterval(() => void runPendingBulkOperations(ctx), 20);
    try {
      const second = await backfill();
      expect(second.bulkOperationId).not.toBe(`gid://shopify/BulkOperation/${id}`);
    } finally {
      clearInterval(starter);
    }
    await expectStoredShopEqualsShopify(harness, ["orders", "lines", "refunds"]);
  });
});
