// The guest's clocks, in nanoseconds: the wall clocks read from the host's, and the
// CPU-time clocks of guest processes and threads (cpu-time.ts) — the caller's own
// (CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID) and those clock_getcpuclockid
// and pthread_getcpuclockid name by a negative id.
import { CLOCK } from './constants.js';
import { processCpuNs, threadCpuNs } from './cpu-time.js';
import { E, SysError } from './errno.js';
import type { GuestThread } from './thread.js';

const realtimeNs = (): bigint => BigInt(Math.round((performance.timeOrigin + performance.now()) * 1e6));
const monotonicNs = (): bigint => process.hrtime.bigint();

/** CONFIG_HZ=250: what the kernel reports for the coarse clocks. */
const COARSE_RES_NS = 4_000_000n;

const WALL_CLOCKS = new Map<number, { now: () => bigint; resNs: bigint }>([
  [CLOCK.CLOCK_REALTIME, { now: realtimeNs, resNs: 1n }],
  [CLOCK.CLOCK_MONOTONIC, { now: monotonicNs, resNs: 1n }],
  [CLOCK.CLOCK_MONOTONIC_RAW, { now: monotonicNs, resNs: 1n }],
  [CLOCK.CLOCK_REALTIME_COARSE, { now: realtimeNs, resNs: COARSE_RES_NS }],
  [CLOCK.CLOCK_MONOTONIC_COARSE, { now: monotonicNs, resNs: COARSE_RES_NS }],
  // Suspend time is the only difference from CLOCK_MONOTONIC; the host hides it from Node.
  [CLOCK.CLOCK_BOOTTIME, { now: monotonicNs, resNs: 1n }],
  [CLOCK.CLOCK_REALTIME_ALARM, { now: realtimeNs, resNs: 1n }],
  [CLOCK.CLOCK_BOOTTIME_ALARM, { now: monotonicNs, resNs: 1n }],
  // The kernel's TAI offset is 0 until NTP sets it; Node cannot read it.
  [CLOCK.CLOCK_TAI, { now: realtimeNs, resNs: 1n }],
]);

function wallClock(id: number): { now: () => bigint; resNs: bigint } {
  const c = WALL_CLOCKS.get(id);
  if (!c) throw new SysError(E.EINVAL);
  return c;
}

/** A wall clock's time (EINVAL for CPU-time and unknown clocks). */
export const clockNowNs = (id: number): bigint => wallClock(id).now();
export const realtimeNowNs = realtimeNs;
export const monotonicNowNs = monotonicNs;

// A CPU clock id (negative): ~pid << 3, bit 2 for a thread's, low two bits which
// time (PROF, VIRT, SCHED: the same time here).
export const CPUCLOCK_PERTHREAD = 4;
const CPUCLOCK_WHICH_MASK = 3, CPUCLOCK_MAX = 3;

/** The CPU time a clock id names for `caller`, as a reader; EINVAL when it names none. */
function cpuClock(id: number, caller: GuestThread): () => bigint {
  if (id === CLOCK.CLOCK_PROCESS_CPUTIME_ID) return () => processCpuNs(caller.process);
  if (id === CLOCK.CLOCK_THREAD_CPUTIME_ID) return () => threadCpuNs(caller);
  if (id >= 0 || (id & CPUCLOCK_WHICH_MASK) >= CPUCLOCK_MAX) throw new SysError(E.EINVAL);
  const pid = ~(id >> 3);
  const k = caller.process.kernel;
  if (id & CPUCLOCK_PERTHREAD) {
    const t = pid === 0 ? caller : k.scheduler.find(pid);
    if (!t || t.process !== caller.process) throw new SysError(E.EINVAL);
    return () => threadCpuNs(t);
  }
  const p = pid === 0 ? caller.process : k.processById(pid);
  if (!p) throw new SysError(E.EINVAL);
  return () => processCpuNs(p);
}

/** Whether `id` is a CPU-time clock (of the caller or one named by id). */
export const isCpuClock = (id: number): boolean =>
  id < 0 || id === CLOCK.CLOCK_PROCESS_CPUTIME_ID || id === CLOCK.CLOCK_THREAD_CPUTIME_ID;

/** What reads any clock as `caller` sees it; EINVAL for an id that names no clock. */
export function clockReader(id: number, caller: GuestThread): () => bigint {
  return isCpuClock(id) ? cpuClock(id, caller) : wallClock(id).now;
}

/** The clocks Linux can read but neither sleeps nor arms timers on (no nsleep, no timer_create). */
export const NO_TIMER_CLOCKS: ReadonlySet<number> = new Set([
  CLOCK.CLOCK_MONOTONIC_RAW, CLOCK.CLOCK_REALTIME_COARSE, CLOCK.CLOCK_MONOTONIC_COARSE,
]);

/** Any clock's resolution; EINVAL for an id that names no clock. */
export function anyClockResolutionNs(id: number, caller: GuestThread): bigint {
  if (!isCpuClock(id)) return wallClock(id).resNs;
  cpuClock(id, caller);
  return 1n;
}
