// Clocks and sleeping: clock_gettime, clock_getres, gettimeofday, nanosleep,
// clock_nanosleep. A sleeping thread waits in the scheduler (others run meanwhile);
// a handled signal ends the sleep early with EINTR and the time left.
import { int } from '../args.js';
import { clockNowNs, clockResolutionNs, realtimeNowNs } from '../clocks.js';
import { CLOCK, TIMER_ABSTIME } from '../constants.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import { readTimespecFromGuest, writeTimespecToGuest, writeTimevalToGuest } from '../guest-structs.js';
import { sys, type SyscallRow } from '../row.js';
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

function clockNanosleep(p: GuestProcess, clock: number, flags: number, req: number, rem: number): number {
  if (clock === CLOCK.CLOCK_THREAD_CPUTIME_ID) throw new SysError(E.EINVAL);
  const now = clockNowNs(clock); // EINVAL for unknown clocks
  const ns = requestedNs(p, req);
  return flags & TIMER_ABSTIME ? sleepNs(p, ns - now, 0) : sleepNs(p, ns, rem);
}

export const timeRows: SyscallRow[] = [
  sys('clock_gettime', ['clock', 'ptr'], (p, a) => {
    writeTimespecToGuest(p.mem, a[1], clockNowNs(int(a[0])));
    return 0;
  }),
  sys('clock_getres', ['clock', 'ptr'], (p, a) => {
    const res = clockResolutionNs(int(a[0]));
    if (a[1]) writeTimespecToGuest(p.mem, a[1], res);
    return 0;
  }),
  sys('gettimeofday', ['ptr', 'ptr'], (p, a) => {
    if (a[0]) writeTimevalToGuest(p.mem, a[0], realtimeNowNs());
    if (a[1]) p.mem.writeBytes(a[1], new Uint8Array(8)); // struct timezone: UTC, no DST
    return 0;
  }),
  sys('nanosleep', ['ptr', 'ptr'], (p, a) => sleepNs(p, requestedNs(p, a[0]), a[1])),
  sys('clock_nanosleep', ['clock', 'int', 'ptr', 'ptr'], (p, a) => clockNanosleep(p, int(a[0]), int(a[1]), a[2], a[3])),
];
