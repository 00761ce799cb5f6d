// Clocks and sleeping: clock_gettime, clock_getres, gettimeofday, nanosleep,
// clock_nanosleep, and the refused clock_settime/settimeofday (the guest may not set the
// host's clock: EPERM, as for an unprivileged process). A sleeping thread waits in the
// scheduler (others run meanwhile); a handled signal ends the sleep early with EINTR
// and the time left.
import { int } from '../args.js';
import {
  CPUCLOCK_PERTHREAD, NO_TIMER_CLOCKS, anyClockResolutionNs, clockNowNs, clockReader, isCpuClock, realtimeNowNs,
} from '../clocks.js';
import { CLOCK, TIMER_ABSTIME } from '../constants.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import { readTimespecFromGuest, writeTimespecToGuest, writeTimevalToGuest } from '../guest-structs.js';
import { sys, type SyscallRow } from '../row.js';
import type { GuestThread } from '../thread.js';
import { WouldBlock } from '../wait.js';


function requestedNs(p: GuestProcess, addr: number): bigint {
  const ns = readTimespecFromGuest(p.mem, addr);
  if (ns === undefined || ns < 0n) throw new SysError(E.EINVAL);
  return ns;
}

/** Sleeps `ns`; when interrupted, the time left goes to `rem` (if given). */
function sleepNs(p: GuestProcess, ns: bigint, rem: number): number {
  if (ns <= 0n) return 0;
  const deadline = performance.now() + Number(ns) / 1e6;
  const onInterrupt = rem
    ? (): void => {
        const left = BigInt(Math.max(0, Math.round((deadline - performance.now()) * 1e6)));
        try {
          writeTimespecToGuest(p.mem, rem, left);
        } catch {
          // an unwritable rem is not the sleep's failure
        }
      }
    : undefined;
  throw new WouldBlock({ deadline, timeoutResult: 0, restart: 'eintr', onInterrupt });
}

/**
 * A sleep on a process's CPU clock lasts until its threads have run that long (forever,
 * as in Linux, if none runs). Its own thread's clock cannot be slept on.
 */
function sleepOnCpuClock(t: GuestThread, clock: number, flags: number, target: bigint): number {
  const ownThread = clock < 0 && clock & CPUCLOCK_PERTHREAD && [0, t.tid].includes(~(clock >> 3));
  if (clock === CLOCK.CLOCK_THREAD_CPUTIME_ID || ownThread) throw new SysError(E.EINVAL);
  const read = clockReader(clock, t);
  const until = flags & TIMER_ABSTIME ? target : read() + target;
  const done = (): boolean => read() >= until;
  if (done()) return 0;
  throw new WouldBlock({ ready: done, readyResult: 0, deadline: Infinity, timeoutResult: 0, restart: 'eintr' });
}

function clockNanosleep(p: GuestProcess, t: GuestThread, clock: number, flags: number, req: number, rem: number): number {
  if (NO_TIMER_CLOCKS.has(clock)) throw new SysError(E.EOPNOTSUPP);
  const ns = requestedNs(p, req);
  if (isCpuClock(clock)) return sleepOnCpuClock(t, clock, flags, ns);
  const now = clockNowNs(clock); // EINVAL for unknown clocks
  return flags & TIMER_ABSTIME ? sleepNs(p, ns - now, 0) : sleepNs(p, ns, rem);
}

/** clock_settime: only CLOCK_REALTIME can be set at all, and not by the guest. */
function clockSettime(p: GuestProcess, t: GuestThread, clock: number, addr: number): number {
  requestedNs(p, addr);
  anyClockResolutionNs(clock, t); // EINVAL for an id that names no clock
  throw new SysError(clock === CLOCK.CLOCK_REALTIME ? E.EPERM : E.EINVAL);
}

export const timeRows: SyscallRow[] = [
  sys('clock_gettime', ['clock', 'ptr'], (p, a, t) => {
    writeTimespecToGuest(p.mem, a[1], clockReader(int(a[0]), t)());
    return 0;
  }),
  sys('clock_getres', ['clock', 'ptr'], (p, a, t) => {
    const res = anyClockResolutionNs(int(a[0]), t);
    if (a[1]) writeTimespecToGuest(p.mem, a[1], res);
    return 0;
  }),
  sys('gettimeofday', ['ptr', 'ptr'], (p, a) => {
    if (a[0]) writeTimevalToGuest(p.mem, a[0], realtimeNowNs());
    if (a[1]) p.mem.writeBytes(a[1], new Uint8Array(8)); // struct timezone: UTC, no DST
    return 0;
  }),
  sys('clock_settime', ['clock', 'ptr'], (p, a, t) => clockSettime(p, t, int(a[0]), a[1])),
  sys('settimeofday', ['ptr', 'ptr'], () => {
    throw new SysError(E.EPERM);
  }),
  sys('nanosleep', ['ptr', 'ptr'], (p, a) => sleepNs(p, requestedNs(p, a[0]), a[1])),
  sys('clock_nanosleep', ['clock', 'int', 'ptr', 'ptr'], (p, a, t) =>
    clockNanosleep(p, t, int(a[0]), int(a[1]), a[2], a[3])),
];
