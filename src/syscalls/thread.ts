// A guest thread as the kernel sees it: its id, its CPU state (opaque here), and the
// bookkeeping of set_tid_address, set_robust_list and a futex wait in progress.
import type { CpuState } from '../translate/cpu-state.js';

export interface FutexWait {
  /** Guest address waited on (futexes are keyed by address within one address space). */
  readonly addr: number;
  /** FUTEX_WAIT_BITSET's mask (all ones for plain FUTEX_WAIT). */
  readonly bitset: number;
  /** When to give up (performance.now() milliseconds), or Infinity. */
  readonly deadline: number;
}

export class GuestThread {
  /** Where the thread continues (the instruction after its syscall, while waiting). */
  pc = 0;
  /** set_tid_address / CLONE_CHILD_CLEARTID: zeroed and woken when the thread exits. */
  clearChildTid = 0;
  robustList = { head: 0, len: 0 };
  /** Set while the thread sleeps in a futex wait. */
  waiting: FutexWait | null = null;
  /** The syscall result to give the thread before it runs again (after a wait). */
  pendingResult: number | null = null;
  /** Asked to give up the CPU (sched_yield). */
  yielded = false;
  exited = false;

  constructor(
    readonly tid: number,
    readonly state: CpuState,
  ) {}
}
