// A full garbage collection on demand, for the backfill's long passes. Every batch of parsed orders dies
// young, but the batch in flight while the writer works survives two scavenges and is promoted, so the
// old generation fills with dead batches and V8 lets the heap (and the process's RSS) grow by some
// 120 MB before it compacts; the live heap is about 25 MB. A full collection every few hundred
// thousand rows costs a few milliseconds each and keeps the peak down (bench:sync prints both).
import v8 from "node:v8";
import vm from "node:vm";

let gc: (() => void) | null | undefined;

/** Runs a full collection when the runtime allows it (a no-op otherwise). */
export function collectGarbage(): void {
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
