// Timers that signal: setitimer and getitimer, and the POSIX timers (timer_create,
// timer_settime, timer_gettime, timer_getoverrun, timer_delete). See signal-timers.ts.
import { int } from '../args.js';
import { NO_TIMER_CLOCKS, clockReader } from '../clocks.js';
import { TIMER_ABSTIME } from '../constants.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import {
  SIGEV_NONE, SIGEV_SIGNAL, SIGEV_THREAD, SIGEV_THREAD_ID, readSigeventFromGuest,
} from '../guest-structs.js';
import { sys, type SyscallRow } from '../row.js';
import {
  ITIMER_SIGNALS, createPosixTimer, deletePosixTimer, findPosixTimer, getItimer, setItimer, type PosixTimer,
  type TimerNotify,
} from '../signal-timers.js';
import { NSIG, SIGALRM } from '../signals.js';
import type { GuestThread } from '../thread.js';
import {
  readItimerspecFromGuest, readItimervalFromGuest, writeItimerspecToGuest, writeItimervalToGuest,
} from '../timer-structs.js';

function checkWhich(which: number): void {
  if (which < 0 || which >= ITIMER_SIGNALS.length) throw new SysError(E.EINVAL);
}

function setitimer(p: GuestProcess, which: number, next: number, old: number): number {
  checkWhich(which);
  const previous = setItimer(p, which, readItimervalFromGuest(p.mem, next));
  if (old) writeItimervalToGuest(p.mem, old, previous);
  return 0;
}

function readNotify(p: GuestProcess, addr: number, id: number): TimerNotify {
  if (!addr) return { signo: SIGALRM, value: BigInt(id), thread: null };
  const { value, signo, notify, tid } = readSigeventFromGuest(p.mem, addr);
  if (notify === SIGEV_NONE) return { signo: 0, value, thread: undefined };
  if (notify !== SIGEV_SIGNAL && notify !== SIGEV_THREAD && notify !== (SIGEV_SIGNAL | SIGEV_THREAD_ID)) {
    throw new SysError(E.EINVAL);
  }
  if (signo <= 0 || signo > NSIG) throw new SysError(E.EINVAL);
  if (notify !== SIGEV_THREAD_ID) return { signo, value, thread: null };
  const thread = p.threads.find((t) => t.tid === tid);
  if (!thread) throw new SysError(E.EINVAL);
  return { signo, value, thread };
}

function timerCreate(p: GuestProcess, t: GuestThread, clock: number, sevp: number, idAddr: number): number {
  if (NO_TIMER_CLOCKS.has(clock)) throw new SysError(E.EOPNOTSUPP);
  const read = clockReader(clock, t); // EINVAL for an id that names no clock
  const timer = createPosixTimer(p, read, (id) => readNotify(p, sevp, id));
  try {
    p.mem.write32(idAddr, timer.id);
  } catch (err) {
    deletePosixTimer(p, timer);
    throw err;
  }
  return 0;
}

function posixTimer(p: GuestProcess, id: number): PosixTimer {
  const timer = findPosixTimer(p, id);
  if (!timer) throw new SysError(E.EINVAL);
  return timer;
}

function timerSettime(p: GuestProcess, id: number, flags: number, next: number, old: number): number {
  const timer = posixTimer(p, id);
  const setting = readItimerspecFromGuest(p.mem, next);
  const previous = timer.timer.set(setting, flags & TIMER_ABSTIME ? timer.nowNs() : undefined);
  if (old) writeItimerspecToGuest(p.mem, old, previous);
  return 0;
}

export const timerRows: SyscallRow[] = [
  sys('setitimer', ['int', 'ptr', 'ptr'], (p, a) => setitimer(p, int(a[0]), a[1], a[2])),
  sys('getitimer', ['int', 'ptr'], (p, a) => {
    checkWhich(int(a[0]));
    writeItimervalToGuest(p.mem, a[1], getItimer(p, int(a[0])));
    return 0;
  }),
  sys('timer_create', ['clock', 'ptr', 'ptr'], (p, a, t) => timerCreate(p, t, int(a[0]), a[1], a[2])),
  sys('timer_settime', ['int', 'hex', 'ptr', 'ptr'], (p, a) => timerSettime(p, int(a[0]), int(a[1]), a[2], a[3])),
  sys('timer_gettime', ['int', 'ptr'], (p, a) => {
    writeItimerspecToGuest(p.mem, a[1], posixTimer(p, int(a[0])).timer.get());
    return 0;
  }),
  sys('timer_getoverrun', ['int'], (p, a) => posixTimer(p, int(a[0])).overrun),
  sys('timer_delete', ['int'], (p, a) => {
    deletePosixTimer(p, posixTimer(p, int(a[0])));
    return 0;
  }),
];
