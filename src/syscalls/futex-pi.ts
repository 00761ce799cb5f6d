// Priority-inheritance futexes (FUTEX_LOCK_PI, FUTEX_LOCK_PI2, FUTEX_TRYLOCK_PI,
// FUTEX_UNLOCK_PI), which musl and glibc use for PTHREAD_PRIO_INHERIT mutexes. The word
// holds the owner's tid, FUTEX_WAITERS while threads sleep on it (so that the owner's
// unlock comes to the kernel) and FUTEX_OWNER_DIED after a robust owner died. Guest
// threads take turns on one host thread, so there is no priority to lend: a contender
// sleeps in the word's futex queue, and an unlock lets the first one run its call again.
import type { AddressSpace } from '../memory/address-space.js';
import { E, SysError } from './errno.js';
import { ETIMEDOUT_RESULT, type Scheduler } from './scheduler.js';
import { WouldBlock, type FutexSpace } from './wait.js';

export const FUTEX_WAITERS = 0x80000000, FUTEX_OWNER_DIED = 0x40000000, FUTEX_TID_MASK = 0x3fffffff;

/** A PI futex word: where the guest sees it and where its waiters queue (shared words by object). */
export interface PiWord {
  readonly mem: AddressSpace;
  readonly uaddr: number;
  readonly queue: { readonly mem: FutexSpace; readonly addr: number };
}

/**
 * Takes the lock for thread `tid`, or waits until `deadline` (performance.now() ms) for
 * its owner to let go; a trylock fails with EAGAIN (EWOULDBLOCK) instead.
 */
export function lockPi(w: PiWord, tid: number, deadline: number, trylock: boolean): number {
  const word = w.mem.read32(w.uaddr) >>> 0;
  const owner = word & FUTEX_TID_MASK;
  if (owner === 0) {
    // OWNER_DIED stays for the new owner to see (EOWNERDEAD); WAITERS for those still queued
    w.mem.write32(w.uaddr, ((word & (FUTEX_OWNER_DIED | FUTEX_WAITERS)) | tid) | 0);
    return 0;
  }
  if (owner === tid) throw new SysError(E.EDEADLK);
  if (trylock) throw new SysError(E.EAGAIN);
  w.mem.write32(w.uaddr, (word | FUTEX_WAITERS) | 0);
  // A handler without SA_RESTART makes LOCK_PI fail with EINTR; C libraries loop on it.
  throw new WouldBlock({
    futex: { ...w.queue, bitset: -1 }, deadline, timeoutResult: ETIMEDOUT_RESULT, restart: 'sa-restart',
  });
}

/** Lets go of the lock, which thread `tid` must own; the first waiter then tries again. */
export function unlockPi(w: PiWord, tid: number, scheduler: Scheduler): number {
  if ((w.mem.read32(w.uaddr) & FUTEX_TID_MASK) !== tid) throw new SysError(E.EPERM);
  const stillQueued = scheduler.retryFirst(w.queue.mem, w.queue.addr);
  w.mem.write32(w.uaddr, stillQueued ? FUTEX_WAITERS | 0 : 0);
  return 0;
}
