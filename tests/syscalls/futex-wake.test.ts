// A futex wake that woke a waiter ends the waker's turn on the CPU, so the woken
// thread runs before the waker can take the lock back (CPython's GIL hand-off:
// multiprocessing.Pool hung without it).
import { describe, expect, it } from 'vitest';
import { GuestThread } from '../../src/syscalls/thread.js';
import { aarch64User } from '../../src/targets/aarch64/linux/user-target.js';
import { SLOT_COUNT, VECTOR_BYTES } from '../../src/targets/aarch64/state.js';
import { CpuState } from '../../src/translate/cpu-state.js';
import { cpuHooks } from '../../src/user-mode/cpu-hooks.js';
import { makeKernel, nr, SCRATCH } from './fixture.js';

const FUTEX_WAIT_PRIVATE = 128, FUTEX_WAKE_PRIVATE = 129;

function twoThreads() {
  const h = makeKernel({ cpu: cpuHooks(aarch64User), mainState: new CpuState(SLOT_COUNT, VECTOR_BYTES) });
  const main = h.kernel.process.mainThread;
  const other = new GuestThread(h.kernel.allocateId(), new CpuState(SLOT_COUNT, VECTOR_BYTES), h.kernel.process);
  h.kernel.addThread(other);
  const futex = (t: GuestThread, op: number, val: number): number =>
    h.kernel.syscall(nr('futex'), [SCRATCH, op, val, 0, 0, 0], t);
  return { h, main, other, futex };
}

describe('futex wake', () => {
  it('that woke a waiter makes the waker yield', () => {
    const { h, main, other, futex } = twoThreads();
    h.mem.write32(SCRATCH, 0);
    futex(other, FUTEX_WAIT_PRIVATE, 0);
    expect(other.waiting).not.toBeNull();
    expect(futex(main, FUTEX_WAKE_PRIVATE, 1)).toBe(1);
    expect(other.waiting).toBeNull();
    expect(main.yielded).toBe(true);
  });

  it('that woke nobody lets the waker run on', () => {
    const { main, futex } = twoThreads();
    expect(futex(main, FUTEX_WAKE_PRIVATE, 1)).toBe(0);
    expect(main.yielded).toBe(false);
  });
});
