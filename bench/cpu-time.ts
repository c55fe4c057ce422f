// CPU time read from /proc (Linux), for benchmarks on a machine whose speed moves from hour to hour:
// wall time alone cannot tell a change from the machine, CPU time per thread and per process can.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second, the unit of /proc's CPU times. */
const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());

/** A /proc stat file's text; null once its thread or process has ended. */
function readStat(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

/** User + system CPU of a stat file's text, in ms. */
function cpuMsOf(stat: string | null): number {
  if (stat === null) return 0;
  // The fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** The CPU ms last read of each thread of this process seen: one that has ended keeps its last figure. */
const threadsSeen = new Map<number, number>();

/**
 * CPU ms of each thread of this process, by thread id, counting threads that have ended since they were
 * last read (a worker thread ends with its work: sample often enough to catch most of it).
 */
export function threadCpuMs(): Map<number, number> {
  for (const tid of readdirSync("/proc/self/task")) {
    const stat = readStat(`/proc/self/task/${tid}/stat`);
    if (stat !== null) threadsSeen.set(Number(tid), cpuMsOf(stat));
  }
  return new Map(threadsSeen);
}

/** CPU ms of a process (all its threads). */
export function processCpuMs(pid: number): number {
  return cpuMsOf(readStat(`/proc/${pid}/stat`));
}

/** The CPU ms last read of each PostgreSQL process seen: one that has ended keeps its last figure. */
const postgresProcesses = new Map<number, number>();

/**
 * CPU ms of every PostgreSQL process on this machine (the bench's throwaway server's) since the first
 * call, counting processes that have ended since (a connection's backend exits when it closes).
 */
export function postgresCpuMs(): number {
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = readStat(`/proc/${pid}/stat`);
    if (stat?.includes("(postgres)")) postgresProcesses.set(Number(pid), cpuMsOf(stat));
  }
  let ms = 0;
  for (const spent of postgresProcesses.values()) ms += spent;
  return ms;
}
