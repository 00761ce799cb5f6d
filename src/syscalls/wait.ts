// How a guest thread waits inside a syscall. Everything runs on one host thread, so a
// wait only takes the thread out of the scheduler's rotation until one of these ends it:
// - a futex wake (FUTEX_WAKE and friends; the call returns 0);
// - its condition becoming true (`ready`): the syscall is then simply run again, which
//   is how a pipe read or wait4 completes;
// - its deadline (the call returns `timeoutResult`);
// - a signal (the call returns -EINTR, or is restarted after the handler, as Linux does
//   for the call's restart class).
import type { AddressSpace } from '../memory/address-space.js';
import type { MappedObject } from '../memory/mapping-backing.js';

/**
 * What a handled signal does to the interrupted call (Linux's -ERESTART* classes):
 * 'sa-restart': restarted if the handler has SA_RESTART, else -EINTR (ERESTARTSYS);
 * 'eintr': always -EINTR (ERESTARTNOHAND, ERESTART_RESTARTBLOCK with a handler).
 */
export type RestartClass = 'sa-restart' | 'eintr';

/**
 * Where futex words are told apart: a process's address space, or, for a shared futex
 * in a shared mapping, the mapped object (so that waiters in every process meet).
 */
export type FutexSpace = AddressSpace | MappedObject;

export interface FutexKey {
  readonly mem: FutexSpace;
  /** The word's address in `mem` (its offset, in a mapped object). */
  readonly addr: number;
  /** FUTEX_WAIT_BITSET's mask (all ones for plain FUTEX_WAIT). */
  readonly bitset: number;
}

export interface Wait {
  /** When to give up (performance.now() milliseconds), or Infinity. */
  readonly deadline: number;
  /** The call's result at the deadline. */
  readonly timeoutResult: number;
  readonly restart: RestartClass;
  /** Set for a futex wait: the queue it sleeps in. */
  futex?: FutexKey;
  /** Set for a wait that re-runs its call once this holds (or returns readyResult). */
  readonly ready?: () => boolean;
  /** The call's result once `ready` holds, when it is not to be run again (vfork's pid). */
  readonly readyResult?: number;
  /** Signals do not end the wait; they are taken after it (vfork's wait for the child). */
  readonly uninterruptible?: boolean;
  /**
   * The result when nothing else can ever make `ready` hold (every thread waits, none
   * with a deadline): e.g. -EAGAIN for a pipe only the waiting thread could write.
   */
  readonly fallback?: number;
  /** Called when a signal ends the wait (nanosleep stores the time left). */
  readonly onInterrupt?: () => void;
  /** Called when the deadline ends the wait (pselect6 clears its fd sets). */
  readonly onTimeout?: () => void;
}

/** Thrown by a syscall handler that must wait: the kernel parks the thread. */
export class WouldBlock extends Error {
  constructor(readonly wait: Wait) {
    super('would block');
  }
}
