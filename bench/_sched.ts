/** Per-process scheduler accounting for the benchmarks (Linux /proc; NaN elsewhere). */
import { readFileSync, readdirSync } from 'node:fs';

/**
 * Scheduler accounting of a process from /proc (ns): on-CPU time of all its threads, and on-CPU and
 * run-queue wait time of its main thread (the event loop). NaN where /proc is missing.
 */
export interface Sched {
  cpuNs: number;
  mainCpuNs: number;
  mainWaitNs: number;
}
export function sched(pid: number | undefined): Sched {
  const read = (path: string) => readFileSync(path, 'utf8').split(' ').map(Number);
  try {
    let cpuNs = 0;
    for (const task of readdirSync(`/proc/${pid}/task`))
      cpuNs += read(`/proc/${pid}/task/${task}/schedstat`)[0]!;
    const [mainCpuNs, mainWaitNs] = read(`/proc/${pid}/schedstat`);
    return { cpuNs, mainCpuNs: mainCpuNs!, mainWaitNs: mainWaitNs! };
  } catch {
    return { cpuNs: NaN, mainCpuNs: NaN, mainWaitNs: NaN };
  }
}
export const schedDelta = (a: Sched, b: Sched): Sched => ({
  cpuNs: b.cpuNs - a.cpuNs,
  mainCpuNs: b.mainCpuNs - a.mainCpuNs,
  mainWaitNs: b.mainWaitNs - a.mainWaitNs,
});
