// A bulk result whose children do not follow their parents (`groupObjects: false` promises no order):
// the lines of the emulator's file shuffled, some children first, some far after their order. The
// backfill still stores the shop exactly, subscription flags included, and in the same batches of any
// size.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectStoredShopEqualsShopify, exportedOrderLines, keepResultFile, startSyncHarness, type SyncHarness } from "./harness";

let harness: SyncHarness;

beforeAll(async () => {
  harness = await startSyncHarness({ orders: 800, seed: 5 });
});

afterAll(async () => {
  await harness?.close();
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
    await keepResultFile(harness, operationId, lines);

    const result = await harness.backfill("orders", { batchSize: 37 });
    expect(result.bulkOperationId).toBe(operationId);
    await harness.backfill("subscriptionContracts");
    await expectStoredShopEqualsShopify(harness);
  });
});
