// Files that stand for kernel events: eventfd2 (a counter), timerfd_create,
// timerfd_settime, timerfd_gettime (a timer's expirations), signalfd4 (pending signals).
import { int } from '../args.js';
import { CLOCK } from '../constants.js';
import { E, SysError } from '../errno.js';
import { EventFd, EFD_SEMAPHORE } from '../eventfd.js';
import type { GuestProcess } from '../guest-process.js';
import { readSigsetFromGuest } from '../guest-structs.js';
import { sys, type SyscallRow } from '../row.js';
import { SignalFd } from '../signalfd.js';
import { readItimerspecFromGuest, writeItimerspecToGuest } from '../timer-structs.js';
import { TimerFd } from '../timerfd.js';
import { fileOf } from './fd-access.js';

const TFD_TIMER_ABSTIME = 1, TFD_TIMER_CANCEL_ON_SET = 2;
const TIMERFD_CLOCKS: ReadonlySet<number> = new Set([
  CLOCK.CLOCK_REALTIME, CLOCK.CLOCK_MONOTONIC, CLOCK.CLOCK_BOOTTIME, CLOCK.CLOCK_REALTIME_ALARM,
  CLOCK.CLOCK_BOOTTIME_ALARM,
]);

/** The flags EFD_/TFD_ share with open(2): O_NONBLOCK and O_CLOEXEC; `extra` are the call's own. */
function createFlags(p: GuestProcess, flags: number, extra: number): { status: number; cloexec: boolean } {
  const f = p.abi.openFlags;
  if (flags & ~(f.nonblock | f.cloexec | extra)) throw new SysError(E.EINVAL);
  return { status: flags & f.nonblock, cloexec: (flags & f.cloexec) !== 0 };
}

function eventfd2(p: GuestProcess, initial: number, flags: number): number {
  const { status, cloexec } = createFlags(p, flags, EFD_SEMAPHORE);
  return p.fds.add(new EventFd(initial, status, p.abi.openFlags.nonblock, (flags & EFD_SEMAPHORE) !== 0), cloexec);
}

function timerfdCreate(p: GuestProcess, clock: number, flags: number): number {
  if (!TIMERFD_CLOCKS.has(clock)) throw new SysError(E.EINVAL);
  const { status, cloexec } = createFlags(p, flags, 0);
  return p.fds.add(new TimerFd(p.scheduler.timers, clock, status, p.abi.openFlags.nonblock), cloexec);
}

function timerFd(p: GuestProcess, fd: number): TimerFd {
  const f = fileOf(p, fd);
  if (!(f instanceof TimerFd)) throw new SysError(E.EINVAL);
  return f;
}

function timerfdSettime(p: GuestProcess, fd: number, flags: number, next: number, old: number): number {
  if (flags & ~(TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET)) throw new SysError(E.EINVAL);
  const f = timerFd(p, fd);
  const setting = readItimerspecFromGuest(p.mem, next);
  // The clock is never set under the guest, so there is no change to cancel on.
  const previous = f.set(setting, (flags & TFD_TIMER_ABSTIME) !== 0);
  if (old) writeItimerspecToGuest(p.mem, old, previous);
  return 0;
}

function signalfd4(p: GuestProcess, fd: number, maskAddr: number, size: number, flags: number): number {
  if (size !== 8) throw new SysError(E.EINVAL);
  const { status, cloexec } = createFlags(p, flags, 0);
  const mask = readSigsetFromGuest(p.mem, maskAddr);
  if (fd === -1) return p.fds.add(new SignalFd(p, mask, status, p.abi.openFlags.nonblock), cloexec);
  const f = fileOf(p, fd);
  if (!(f instanceof SignalFd)) throw new SysError(E.EINVAL);
  f.setMask(mask);
  return fd;
}

export const eventFdRows: SyscallRow[] = [
  sys('eventfd2', ['uint', 'hex'], (p, a) => eventfd2(p, a[0], int(a[1]))),
  sys('timerfd_create', ['clock', 'hex'], (p, a) => timerfdCreate(p, int(a[0]), int(a[1]))),
  sys('timerfd_settime', ['fd', 'hex', 'ptr', 'ptr'], (p, a) => timerfdSettime(p, int(a[0]), int(a[1]), a[2], a[3])),
  sys('timerfd_gettime', ['fd', 'ptr'], (p, a) => {
    writeItimerspecToGuest(p.mem, a[1], timerFd(p, int(a[0])).get());
    return 0;
  }),
  sys('signalfd4', ['int', 'ptr', 'size', 'hex'], (p, a) => signalfd4(p, int(a[0]), a[1], a[2], int(a[3]))),
];
