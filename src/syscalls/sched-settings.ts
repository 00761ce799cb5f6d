// What the scheduling calls set for a process (nice value, policy, real-time priority,
// CPU affinity). The emulator's own scheduler is round robin whatever they say: they
// are kept so that programs read back what they set.
import { guestCpuCount } from './guest-cpus.js';

export const SCHED_OTHER = 0, SCHED_FIFO = 1, SCHED_RR = 2, SCHED_BATCH = 3, SCHED_IDLE = 5;

export interface SchedSettings {
  nice: number;
  policy: number;
  /** sched_priority: 1..99 for SCHED_FIFO and SCHED_RR, else 0. */
  priority: number;
  /** The CPUs allowed, one bit each (of those guest-cpus.ts shows). */
  affinity: number;
}

/** Every CPU the guest is shown, as an affinity mask. */
export const allGuestCpus = (): number => (1 << guestCpuCount()) - 1;

export const defaultSchedSettings = (): SchedSettings =>
  ({ nice: 0, policy: SCHED_OTHER, priority: 0, affinity: allGuestCpus() });
