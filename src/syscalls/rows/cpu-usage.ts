// CPU time as the guest asks for it: times and getrusage, from the run loop's
// accounting (cpu-time.ts), children's once reaped. The other rusage fields are the
// emulator's own (every guest process shares its host process).
import { int } from '../args.js';
import { monotonicNowNs } from '../clocks.js';
import { childrenCpuNs, processCpuNs, threadCpuNs } from '../cpu-time.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import { writeRusageToGuest, writeTmsToGuest, type RusageData } from '../guest-structs.js';
import { sys, type SyscallRow } from '../row.js';
import type { GuestThread } from '../thread.js';

/** USER_HZ: the unit of clock_t. */
const CLK_TCK = 100n;
const RUSAGE_CHILDREN = -1, RUSAGE_SELF = 0, RUSAGE_THREAD = 1;

const ticks = (ns: bigint): number => Number(ns / (1_000_000_000n / CLK_TCK));

/** A struct rusage for `ns` of CPU time (all of it user time: see cpu-time.ts). */
export function usageOf(ns: bigint, host = false): RusageData {
  const utimeUs = Number(ns / 1000n);
  if (!host) return { utimeUs, stimeUs: 0, maxrssKb: 0, minflt: 0, majflt: 0, inblock: 0, oublock: 0, nvcsw: 0, nivcsw: 0 };
  const r = process.resourceUsage();
  return {
    utimeUs, stimeUs: 0, maxrssKb: r.maxRSS, minflt: r.minorPageFault, majflt: r.majorPageFault, inblock: r.fsRead,
    oublock: r.fsWrite, nvcsw: r.voluntaryContextSwitches, nivcsw: r.involuntaryContextSwitches,
  };
}

function times(p: GuestProcess, buf: number): number {
  if (buf) writeTmsToGuest(p.mem, buf, [ticks(processCpuNs(p)), 0, ticks(childrenCpuNs(p)), 0]);
  return ticks(monotonicNowNs());
}

function getrusage(p: GuestProcess, t: GuestThread, who: number, buf: number): number {
  const ns = who === RUSAGE_SELF ? processCpuNs(p) : who === RUSAGE_THREAD ? threadCpuNs(t)
    : who === RUSAGE_CHILDREN ? childrenCpuNs(p) : null;
  if (ns === null) throw new SysError(E.EINVAL);
  writeRusageToGuest(p.mem, buf, usageOf(ns, who !== RUSAGE_CHILDREN));
  return 0;
}

export const cpuUsageRows: SyscallRow[] = [
  sys('times', ['ptr'], (p, a) => times(p, a[0])),
  sys('getrusage', ['int', 'ptr'], (p, a, t) => getrusage(p, t, int(a[0]), a[1])),
];
