// Priority-inheritance futexes: the word holds the owner's tid; a contender marks it
// FUTEX_WAITERS and sleeps in its queue until the owner lets go, then runs its call again.
import { describe, expect, it } from 'vitest';
import { GuestThread } from '../../src/syscalls/thread.js';
import { aarch64User } from '../../src/targets/aarch64/linux/user-target.js';
import { SLOT_COUNT, VECTOR_BYTES } from '../../src/targets/aarch64/state.js';
import { CpuState } from '../../src/translate/cpu-state.js';
import { cpuHooks } from '../../src/user-mode/cpu-hooks.js';
import { makeKernel, nr, SCRATCH } from './fixture.js';

const FUTEX_LOCK_PI = 6, FUTEX_UNLOCK_PI = 7, FUTEX_TRYLOCK_PI = 8;
const FUTEX_WAITERS = 0x80000000;
const EAGAIN = -11, EPERM = -1, EDEADLK = -35;

function twoThreads() {
  const h = makeKernel({ cpu: cpuHooks(aarch64User), mainState: new CpuState(SLOT_COUNT, VECTOR_BYTES) });
  const main = h.kernel.process.mainThread;
  const other = new GuestThread(h.kernel.allocateId(), new CpuState(SLOT_COUNT, VECTOR_BYTES), h.kernel.process);
  h.kernel.addThread(other);
  const futex = (t: GuestThread, op: number): number => h.kernel.syscall(nr('futex'), [SCRATCH, op, 0, 0, 0, 0], t);
  return { h, main, other, futex };
}

describe('priority-inheritance futex', () => {
  it('takes a free lock, refuses its owner a second time and others an unlock', () => {
    const { h, main, other, futex } = twoThreads();
    h.mem.write32(SCRATCH, 0);
    expect(futex(main, FUTEX_LOCK_PI)).toBe(0);
    expect(h.mem.read32(SCRATCH)).toBe(main.tid);
    expect(futex(main, FUTEX_LOCK_PI)).toBe(EDEADLK);
    expect(futex(other, FUTEX_TRYLOCK_PI)).toBe(EAGAIN);
    expect(futex(other, FUTEX_UNLOCK_PI)).toBe(EPERM);
    expect(futex(main, FUTEX_UNLOCK_PI)).toBe(0);
    expect(h.mem.read32(SCRATCH)).toBe(0);
  });

  it('parks a contender until the owner lets go, then lets it run again', () => {
    const { h, main, other, futex } = twoThreads();
    h.mem.write32(SCRATCH, main.tid);
    futex(other, FUTEX_LOCK_PI);
    expect(other.waiting).not.toBeNull();
    expect(h.mem.read32(SCRATCH) >>> 0).toBe((FUTEX_WAITERS | main.tid) >>> 0);
    expect(futex(main, FUTEX_UNLOCK_PI)).toBe(0);
    expect(other.waiting).toBeNull();
    expect(other.retry).toBe(true);
    expect(h.mem.read32(SCRATCH)).toBe(0); // nobody else queued
    expect(futex(other, FUTEX_LOCK_PI)).toBe(0);
    expect(h.mem.read32(SCRATCH)).toBe(other.tid);
  });

  it('keeps FUTEX_WAITERS in the word while contenders stay queued', () => {
    const { h, main, other, futex } = twoThreads();
    const third = new GuestThread(h.kernel.allocateId(), new CpuState(SLOT_COUNT, VECTOR_BYTES), h.kernel.process);
    h.kernel.addThread(third);
    h.mem.write32(SCRATCH, main.tid);
    futex(other, FUTEX_LOCK_PI);
    futex(third, FUTEX_LOCK_PI);
    futex(main, FUTEX_UNLOCK_PI);
    expect(h.mem.read32(SCRATCH) >>> 0).toBe(FUTEX_WAITERS);
    expect(futex(other, FUTEX_LOCK_PI)).toBe(0);
    expect(h.mem.read32(SCRATCH) >>> 0).toBe((FUTEX_WAITERS | other.tid) >>> 0);
    expect(third.waiting).not.toBeNull();
  });
});
