// System V semaphores: semop's all-or-nothing operations, waiting and waking, IPC_NOWAIT,
// SEM_UNDO at process end, semctl's values and counts, EIDRM for a waiter.
import { describe, expect, it } from 'vitest';
import type { GuestProcess } from '../../src/syscalls/guest-process.js';
import { aarch64User } from '../../src/targets/aarch64/linux/user-target.js';
import { SLOT_COUNT, VECTOR_BYTES } from '../../src/targets/aarch64/state.js';
import { CpuState } from '../../src/translate/cpu-state.js';
import { cpuHooks } from '../../src/user-mode/cpu-hooks.js';
import { makeKernel, nr, SCRATCH } from './fixture.js';

const IPC_CREAT = 0o1000, IPC_NOWAIT = 0o4000, IPC_RMID = 0, IPC_STAT = 2;
const GETVAL = 12, GETALL = 13, GETNCNT = 14, GETZCNT = 15, SETVAL = 16, SETALL = 17;
const SEM_UNDO = 0x1000, SIGCHLD = 17;
const EAGAIN = -11, EFBIG = -27, ERANGE = -34, EIDRM = -43, EINVAL = -22;
const SOPS = SCRATCH + 0x100, ARR = SCRATCH + 0x200, DS = SCRATCH + 0x400;

function harness() {
  const h = makeKernel({ cpu: cpuHooks(aarch64User), mainState: new CpuState(SLOT_COUNT, VECTOR_BYTES) });
  const fork = (): GuestProcess => h.kernel.processById(h.call('clone', SIGCHLD, 0, 0, 0, 0))!;
  const callAs = (p: GuestProcess, name: string, ...args: number[]): number => h.kernel.syscall(nr(name), args, p.mainThread);
  /** Writes sembufs at SOPS in `p`'s memory (the first process's by default): [num, op, flags] each. */
  const sopsIn = (p: GuestProcess, ...ops: [number, number, number][]): number => {
    ops.forEach(([num, op, flg], i) => {
      p.mem.write16(SOPS + i * 6, num); p.mem.write16(SOPS + i * 6 + 2, op & 0xffff); p.mem.write16(SOPS + i * 6 + 4, flg);
    });
    return SOPS;
  };
  const sops = (...ops: [number, number, number][]): number => sopsIn(h.kernel.process, ...ops);
  return { ...h, fork, callAs, sops, sopsIn };
}

describe('semop', () => {
  it('does every operation or none', () => {
    const h = harness();
    const id = h.call('semget', 0, 2, IPC_CREAT | 0o600);
    expect(h.call('semctl', id, 0, SETVAL, 1)).toBe(0);
    expect(h.call('semop', id, h.sops([0, -1, 0], [1, -1, IPC_NOWAIT]), 2)).toBe(EAGAIN);
    expect(h.call('semctl', id, 0, GETVAL, 0)).toBe(1);
    expect(h.call('semop', id, h.sops([0, -1, 0], [1, 3, 0]), 2)).toBe(0);
    expect(h.call('semctl', id, 0, GETALL, ARR)).toBe(0);
    expect([h.mem.read16(ARR), h.mem.read16(ARR + 2)]).toEqual([0, 3]);
    expect(h.call('semop', id, h.sops([5, 1, 0]), 1)).toBe(EFBIG);
    expect(h.call('semop', id, h.sops([1, 32767, 0]), 1)).toBe(ERANGE);
    expect(h.call('semop', id, h.sops([0, 1, 0]), 0)).toBe(EINVAL);
  });

  it('a waiter blocks until another process posts, and is counted meanwhile', () => {
    const h = harness();
    const id = h.call('semget', 0x51, 1, IPC_CREAT | 0o600);
    const child = h.fork();
    h.callAs(child, 'semop', id, h.sopsIn(child, [0, -1, 0]), 1);
    expect(child.mainThread.waiting).not.toBeNull();
    expect(h.call('semctl', id, 0, GETNCNT, 0)).toBe(1);
    expect(h.call('semctl', id, 0, GETZCNT, 0)).toBe(0);
    expect(child.mainThread.waiting?.ready?.()).toBe(false);
    expect(h.call('semop', id, h.sops([0, 1, 0]), 1)).toBe(0);
    expect(child.mainThread.waiting?.ready?.()).toBe(true);
  });

  it('SEM_UNDO is undone when the process ends', () => {
    const h = harness();
    const id = h.call('semget', 0, 1, IPC_CREAT | 0o600);
    const child = h.fork();
    expect(h.callAs(child, 'semop', id, h.sopsIn(child, [0, 2, SEM_UNDO]), 1)).toBe(0);
    expect(h.call('semctl', id, 0, GETVAL, 0)).toBe(2);
    h.callAs(child, 'exit_group', 0);
    expect(h.call('semctl', id, 0, GETVAL, 0)).toBe(0);
  });

  it('a waiter gets EIDRM when the set is removed', () => {
    const h = harness();
    const id = h.call('semget', 0, 1, IPC_CREAT | 0o600);
    const child = h.fork();
    h.callAs(child, 'semop', id, h.sopsIn(child, [0, -1, 0]), 1);
    expect(h.call('semctl', id, 0, IPC_RMID, 0)).toBe(0);
    expect(child.mainThread.waiting?.ready?.()).toBe(true);
    expect(h.callAs(child, 'semop', id, h.sopsIn(child, [0, -1, 0]), 1)).toBe(EIDRM);
    expect(h.call('semctl', id, 0, GETVAL, 0)).toBe(EINVAL);
  });
});

describe('semctl', () => {
  it('SETALL, ranges, IPC_STAT', () => {
    const h = harness();
    const id = h.call('semget', 0x99, 3, IPC_CREAT | 0o640);
    h.mem.write16(ARR, 4); h.mem.write16(ARR + 2, 5); h.mem.write16(ARR + 4, 6);
    expect(h.call('semctl', id, 0, SETALL, ARR)).toBe(0);
    expect(h.call('semctl', id, 2, GETVAL, 0)).toBe(6);
    expect(h.call('semctl', id, 3, GETVAL, 0)).toBe(EINVAL);
    expect(h.call('semctl', id, 0, SETVAL, 40000)).toBe(ERANGE);
    expect(h.call('semctl', id, 0, IPC_STAT | 0x100, DS)).toBe(0);
    expect(h.mem.read32(DS)).toBe(0x99);
    expect(h.mem.read32(DS + 20) & 0o777).toBe(0o640);
    expect(h.mem.readU64(DS + 64)).toBe(3);
    expect(h.call('semget', 0x99, 4, 0)).toBe(EINVAL);
  });
});
