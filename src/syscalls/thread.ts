// A guest thread as the kernel sees it: its ids, its CPU state (opaque here), its
// signal mask and pending signals, and the bookkeeping of set_tid_address,
// set_robust_list and a wait in progress.
import type { CpuState } from '../translate/cpu-state.js';
import { commFromPath } from './comm.js';
import type { StackT } from './guest-structs.js';
import type { GuestProcess } from './guest-process.js';
import { PendingSignals } from './pending-signals.js';
import { SS_DISABLE } from './signals.js';
import type { Wait } from './wait.js';

/** Linux's default timer slack (50 µs). */
export const DEFAULT_TIMER_SLACK_NS = 50_000;

export const NO_ALT_STACK: StackT = Object.freeze({ sp: 0n, flags: SS_DISABLE, size: 0n });

export class GuestThread {
  /** Where the thread continues (the instruction after its syscall, while waiting). */
  pc = 0;
  /** set_tid_address / CLONE_CHILD_CLEARTID: zeroed and woken when the thread exits. */
  clearChildTid = 0;
  robustList = { head: 0, len: 0 };
  /** Set while the thread sleeps in a syscall. */
  waiting: Wait | null = null;
  /** The syscall result to give the thread before it runs again (after a wait). */
  pendingResult: number | null = null;
  /** Run the interrupted syscall again before running guest code (its wait is over). */
  retry = false;
  /** The syscall set the registers itself (rt_sigreturn, execve): no result to write. */
  keepRegisters = false;
  /** Asked to give up the CPU (sched_yield). */
  yielded = false;
  exited = false;

  /** Signals this thread does not take now (rt_sigprocmask). */
  blocked = 0n;
  /** Signals sent to this thread (tgkill, faults). */
  readonly pending = new PendingSignals();
  /** rt_sigsuspend's mask to go back to once a handler has run. */
  savedMask: bigint | null = null;
  /** sigaltstack. */
  altStack: StackT = NO_ALT_STACK;
  /** A signal may be deliverable: the run loop looks before running guest code. */
  sigCheck = false;
  /** The address of the last fault (some ISAs' frames record it). */
  faultAddress = 0;
  /**
   * The thread's name (see comm.ts), kept as latin1 so that each char is one byte of
   * the guest's. Clone copies the creator's; execve sets it from the file name.
   */
  comm: string;
  /** prctl PR_SET_TIMERSLACK, in nanoseconds (recorded: timers here do not coalesce). */
  timerSlackNs = DEFAULT_TIMER_SLACK_NS;
  /** ioprio_set's class and level (recorded: host I/O has no priorities here); inherited by clone. */
  ioPriority = 0;

  constructor(
    public tid: number,
    readonly state: CpuState,
    /** The thread group this thread belongs to. */
    public process: GuestProcess,
  ) {
    this.comm = commFromPath(process.exePath);
  }
}
