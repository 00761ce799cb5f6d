// Priority-inheritance futexes (FUTEX_LOCK_PI, FUTEX_LOCK_PI2, FUTEX_TRYLOCK_PI,
// FUTEX_UNLOCK_PI), which musl and glibc use for PTHREAD_PRIO_INHERIT mutexes. The word
// holds the owner's tid, FUTEX_WAITERS once a thread sleeps on it (so that the owner's
// unlock comes to the kernel) and FUTEX_OWNER_DIED after a robust owner died. Guest
// threads take turns on one host thread, so there is no priority to lend: a waiter
// sleeps until the word shows no owner, then runs its call again to take the lock.
import type { AddressSpace } from '../memory/address-space.js';
import { E, SysError } from './errno.js';
import { ETIMEDOUT_RESULT } from './scheduler.js';
import { WouldBlock } from './wait.js';

const FUTEX_WAITERS = 0x80000000, FUTEX_OWNER_DIED = 0x40000000, FUTEX_TID_MASK = 0x3fffffff;

const ownerOf = (mem: AddressSpace, uaddr: number): number => mem.read32(uaddr) & FUTEX_TID_MASK;

/**
 * Takes the lock at `uaddr` for thread `tid`, or waits until `deadline` (performance.now()
 * ms) for its owner to let go; a trylock fails with EAGAIN (EWOULDBLOCK) instead.
 */
export function lockPi(mem: AddressSpace, uaddr: number, tid: number, deadline: number, trylock: boolean): number {
  const word = mem.read32(uaddr) >>> 0;
  const owner = word & FUTEX_TID_MASK;
  if (owner === 0) {
    // a dead robust owner's OWNER_DIED stays for the new owner to see (EOWNERDEAD)
    mem.write32(uaddr, ((word & FUTEX_OWNER_DIED) | tid) | 0);
    return 0;
  }
  if (owner === tid) throw new SysError(E.EDEADLK);
  if (trylock) throw new SysError(E.EAGAIN);
  mem.write32(uaddr, (word | FUTEX_WAITERS) | 0);
  // A handler without SA_RESTART makes LOCK_PI fail with EINTR; C libraries loop on it.
  throw new WouldBlock({
    deadline, timeoutResult: ETIMEDOUT_RESULT, restart: 'sa-restart',
    ready: () => ownerOf(mem, uaddr) === 0,
  });
}

/** Lets go of the lock at `uaddr`, which thread `tid` must own; waiters then compete for it. */
export function unlockPi(mem: AddressSpace, uaddr: number, tid: number): number {
  if (ownerOf(mem, uaddr) !== tid) throw new SysError(E.EPERM);
  mem.write32(uaddr, 0);
  return 0;
}
