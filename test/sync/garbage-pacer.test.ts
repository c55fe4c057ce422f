// The backfill's full collections: one every so many batches, or sooner once the heap has grown by the
// slack since the last one; the next ceiling is measured from what a collection left (live data too).
import v8 from "node:v8";
import { describe, expect, it } from "vitest";
import { GarbagePacer } from "../../app/sync/backfill/collect-garbage";

const SLACK = 16 << 20;
const used = () => v8.getHeapStatistics().used_heap_size;
/** About 30 MB of small objects, kept as long as the result is. */
const allocate = () => Array.from({ length: 400_000 }, (_, i) => ({ i, text: `line ${i}`, values: [i, i + 1] }));

describe("GarbagePacer", () => {
  it("collects every so many batches when the heap stays small", () => {
    const pacer = new GarbagePacer(3, 1 << 30);
    expect([pacer.afterBatch(), pacer.afterBatch(), pacer.afterBatch(), pacer.afterBatch(), pacer.afterBatch(), pacer.afterBatch()]).toEqual([false, false, true, false, false, true]);
  });

  it("collects sooner once the heap grew by the slack, and measures the next ceiling from the live heap", () => {
    const pacer = new GarbagePacer(1_000, SLACK);
    expect(pacer.afterBatch()).toBe(false);
    let kept: unknown[] | null = allocate();
    expect(pacer.afterBatch()).toBe(true);
    // What is live stays and raises the ceiling: no collection after every batch for a big live heap.
    const afterFirst = used();
    expect(afterFirst).toBeGreaterThan(20 << 20);
    expect(pacer.afterBatch()).toBe(false);
    // Dead data counts until it is collected: the batches' rows, once written.
    let written: unknown[] | null = [allocate(), allocate()];
    expect(written).toHaveLength(2);
    kept = null;
    written = null;
    expect(used()).toBeGreaterThan(afterFirst + SLACK);
    expect(pacer.afterBatch()).toBe(true);
    expect(used()).toBeLessThan(afterFirst);
    expect([kept, written]).toEqual([null, null]);
  });
});
