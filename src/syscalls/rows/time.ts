// Clocks and sleeping: clock_gettime, clock_getres, gettimeofday, nanosleep,
// clock_nanosleep. Sleeping blocks this thread, which is the guest's only one.
import { int } from '../args.js';
import { clockNowNs, clockResolutionNs, realtimeNowNs } from '../clocks.js';
import { CLOCK, TIMER_ABSTIME } from '../constants.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import { readTimespecFromGuest, writeTimespecToGuest, writeTimevalToGuest } from '../guest-structs.js';
import { sys, type SyscallRow } from '../row.js';
import { sleepMs } from '../sleep.js';

function requestedNs(p: GuestProcess, addr: number): bigint {
  const ns = readTimespecFromGuest(p.mem, addr);
  if (ns === undefined || ns < 0n) throw new SysError(E.EINVAL);
  return ns;
}

function sleepNs(ns: bigint): void {
  if (ns > 0n) sleepMs(Number(ns) / 1e6);
}

function clockNanosleep(p: GuestProcess, clock: number, flags: number, req: number): number {
  if (clock === CLOCK.CLOCK_THREAD_CPUTIME_ID) throw new SysError(E.EINVAL);
  const now = clockNowNs(clock); // EINVAL for unknown clocks
  const ns = requestedNs(p, req);
  sleepNs(flags & TIMER_ABSTIME ? ns - now : ns);
  return 0;
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
  // Never interrupted (no signals yet), so *rem is never written.
  sys('nanosleep', ['ptr', 'ptr'], (p, a) => {
    sleepNs(requestedNs(p, a[0]));
    return 0;
  }),
  sys('clock_nanosleep', ['clock', 'int', 'ptr', 'ptr'], (p, a) => clockNanosleep(p, int(a[0]), int(a[1]), a[2])),
];
