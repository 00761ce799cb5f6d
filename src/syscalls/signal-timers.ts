// Timers that raise signals: setitimer's three per-process timers (ITIMER_REAL sends
// SIGALRM; glibc's alarm() is setitimer on these ISAs) and POSIX timers (timer_create).
// ITIMER_VIRTUAL and ITIMER_PROF count the process's CPU time (cpu-time.ts, where user
// and system time are one), POSIX timers their clock's time. A fork child starts with
// none; execve keeps the itimers and deletes the POSIX timers; a process that ends
// takes its timers with it.
import type { GuestProcess } from './guest-process.js';
import { processCpuNs } from './cpu-time.js';
import { IntervalTimer, wallClockMs, type TimerSetting } from './interval-timer.js';
import { sendToProcess, sendToThread } from './signal-delivery.js';
import { senderInfo, setTimerOverrun, timerInfo, type SigInfo } from './siginfo.js';
import { SIGALRM, SIGPROF, SIGVTALRM, SI_KERNEL, SI_TIMER, sigBit } from './signals.js';
import type { GuestThread } from './thread.js';

/** The signal of each setitimer timer: ITIMER_REAL, ITIMER_VIRTUAL, ITIMER_PROF. */
export const ITIMER_SIGNALS: readonly number[] = [SIGALRM, SIGVTALRM, SIGPROF];
const ITIMER_REAL = 0;
/** Overrun counts saturate at INT_MAX, as in Linux (DELAYTIMER_MAX). */
const DELAYTIMER_MAX = 0x7fffffff;

/** How a POSIX timer tells of an expiry: nothing, a signal to the process, or to one of its threads. */
export interface TimerNotify {
  readonly signo: number;
  readonly value: bigint;
  /** The thread for SIGEV_THREAD_ID, null for the process, undefined for SIGEV_NONE. */
  readonly thread: GuestThread | null | undefined;
}

export class PosixTimer {
  readonly timer: IntervalTimer;
  /** The overrun the last signal carried (timer_getoverrun). */
  overrun = 0;
  private lastInfo: SigInfo | null = null;

  constructor(
    private readonly p: GuestProcess,
    readonly id: number,
    /** Reads its clock (resolved once, by the thread that made it), in nanoseconds. */
    readonly nowNs: () => bigint,
    private readonly notify: TimerNotify,
    /** The exec generation it was made in: execve deletes it. */
    private readonly execCount: number,
  ) {
    this.timer = new IntervalTimer(p.scheduler.timers, (count) => this.expired(count), () => Number(nowNs()) / 1e6);
  }

  get alive(): boolean {
    return this.p.exitStatus === null && this.p.execCount === this.execCount;
  }

  private expired(count: number): void {
    if (!this.alive) {
      this.timer.disarm();
      return;
    }
    const { signo, value, thread } = this.notify;
    if (thread === undefined) return;
    const last = this.lastInfo;
    if (last && this.stillPending(signo, thread)) {
      // Linux queues one signal per timer: later expiries add to its overrun.
      this.overrun = Math.min(DELAYTIMER_MAX, this.overrun + count);
      setTimerOverrun(last, this.overrun);
      return;
    }
    this.overrun = count - 1;
    const info = timerInfo(signo, SI_TIMER, this.id, this.overrun, value);
    this.lastInfo = info;
    if (thread) sendToThread(this.p.kernel, thread, info);
    else sendToProcess(this.p.kernel, this.p, info);
  }

  private stillPending(signo: number, thread: GuestThread | null): boolean {
    const pending = (thread ? thread.pending.set : 0n) | this.p.sharedPending.set;
    return (pending & sigBit(signo)) !== 0n;
  }
}

interface ProcessTimers {
  readonly itimers: IntervalTimer[];
  readonly posix: Map<number, PosixTimer>;
}

const byProcess = new WeakMap<GuestProcess, ProcessTimers>();

function timersOf(p: GuestProcess): ProcessTimers {
  let t = byProcess.get(p);
  if (!t) byProcess.set(p, (t = { itimers: [], posix: new Map() }));
  return t;
}

function itimer(p: GuestProcess, which: number): IntervalTimer {
  const timers = timersOf(p).itimers;
  const clockMs = which === ITIMER_REAL ? wallClockMs : (): number => Number(processCpuNs(p)) / 1e6;
  return (timers[which] ??= new IntervalTimer(p.scheduler.timers, () => {
    if (p.exitStatus !== null) timers[which].disarm();
    else sendToProcess(p.kernel, p, senderInfo(ITIMER_SIGNALS[which], SI_KERNEL, 0, 0));
  }, clockMs));
}

/** setitimer: arms timer `which` (an index of ITIMER_SIGNALS); returns its previous setting. */
export const setItimer = (p: GuestProcess, which: number, s: TimerSetting): TimerSetting => itimer(p, which).set(s);
export const getItimer = (p: GuestProcess, which: number): TimerSetting => itimer(p, which).get();

/** The live POSIX timers of `p` (those of an earlier exec are gone). */
function posixTimers(p: GuestProcess): Map<number, PosixTimer> {
  const timers = timersOf(p).posix;
  for (const [id, t] of timers) {
    if (!t.alive) {
      t.timer.disarm();
      timers.delete(id);
    }
  }
  return timers;
}

/** timer_create: a new timer on the clock `clockNs` reads, with the lowest free id (its signal value defaults to the id). */
export function createPosixTimer(
  p: GuestProcess, clockNs: () => bigint, notify: (id: number) => TimerNotify,
): PosixTimer {
  const timers = posixTimers(p);
  let id = 0;
  while (timers.has(id)) id++;
  const timer = new PosixTimer(p, id, clockNs, notify(id), p.execCount);
  timers.set(id, timer);
  return timer;
}

export const findPosixTimer = (p: GuestProcess, id: number): PosixTimer | undefined => posixTimers(p).get(id);

export function deletePosixTimer(p: GuestProcess, timer: PosixTimer): void {
  timer.timer.disarm();
  posixTimers(p).delete(timer.id);
}
