// Full garbage collections on demand, for the backfill's long passes. Every batch of parsed orders dies
// young, but the batch in flight while the writer works survives two scavenges and is promoted, so the
// old generation fills with dead batches and V8 lets the heap (and the process's RSS) grow by some
// 120 MB before it compacts (the processes start with --initial-heap-size=128: scripts/node-flags.ts);
// the live heap is about 25 MB. A full collection costs a few milliseconds, and the optimized code
// whose objects' hidden classes it collects: the line thread holds a few parsed lines through it
// (line-import.ts, RECENT_LINES).
import v8 from "node:v8";
import vm from "node:vm";

let gc: (() => void) | null | undefined;

/** Runs a full collection when the runtime allows it (a no-op otherwise). */
function collectGarbage(): void {
  if (gc === undefined) {
    try {
      v8.setFlagsFromString("--expose-gc");
      gc = vm.runInNewContext("gc") as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}

const heapUsed = () => v8.getHeapStatistics().used_heap_size;

/**
 * Paces the full collections of a pass: one every `batches` batches, or sooner once the heap has grown
 * by `slack` bytes since the last one left it. The ceiling is measured from what a collection leaves,
 * live data included, so a big live heap does not bring a collection after every batch.
 * (bench:sync, 1,000,000 orders: every 50 batches alone, 30 collections a run, kept most runs' heap
 * near 33 MB in use but let some reach 104–107 MB; the heap's growth alone, with a slack of 32 MB, ran
 * 6 and let the heap reach 65 MB in use; both, with 40 MB, run 49, and the process peaked at
 * 230–248 MB in four runs.)
 */
export class GarbagePacer {
  #batches = 0;
  #ceiling: number;

  constructor(
    private readonly batches: number,
    private readonly slack: number,
  ) {
    this.#ceiling = heapUsed() + slack;
  }

  /** Called after each batch; true when it collected. */
  afterBatch(): boolean {
    if (++this.#batches < this.batches && heapUsed() <= this.#ceiling) return false;
    collectGarbage();
    this.#batches = 0;
    this.#ceiling = heapUsed() + this.slack;
    return true;
  }
}
