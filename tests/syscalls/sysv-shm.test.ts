// System V shared memory: keys, attach/detach, IPC_RMID once nothing is attached,
// and one segment's bytes across fork and across processes.
import { describe, expect, it } from 'vitest';
import type { GuestProcess } from '../../src/syscalls/guest-process.js';
import { aarch64User } from '../../src/targets/aarch64/linux/user-target.js';
import { SLOT_COUNT, VECTOR_BYTES } from '../../src/targets/aarch64/state.js';
import { CpuState } from '../../src/translate/cpu-state.js';
import { cpuHooks } from '../../src/user-mode/cpu-hooks.js';
import { makeKernel, nr, SCRATCH } from './fixture.js';

const IPC_CREAT = 0o1000, IPC_EXCL = 0o2000, IPC_RMID = 0, IPC_STAT = 2, IPC_64 = 0x100;
const SHM_RDONLY = 0o10000;
const SIGCHLD = 17;
const EEXIST = -17, ENOENT = -2, EINVAL = -22;
const DS = SCRATCH + 0x1000;

function harness() {
  const h = makeKernel({ cpu: cpuHooks(aarch64User), mainState: new CpuState(SLOT_COUNT, VECTOR_BYTES) });
  const parent = h.kernel.process;
  const fork = (): GuestProcess => h.kernel.processById(h.call('clone', SIGCHLD, 0, 0, 0, 0))!;
  const run = (p: GuestProcess): void => h.kernel.shared.switchTo(p.mm);
  const callAs = (p: GuestProcess, name: string, ...args: number[]): number => h.kernel.syscall(nr(name), args, p.mainThread);
  const nattch = (id: number): number => {
    expect(h.call('shmctl', id, IPC_STAT | IPC_64, DS)).toBe(0);
    return h.mem.readU64(DS + 88);
  };
  return { ...h, parent, fork, run, callAs, nattch };
}

describe('shmget', () => {
  it('finds a segment by key, honours IPC_EXCL and the size', () => {
    const h = harness();
    expect(h.call('shmget', 0x1234, 100, 0)).toBe(ENOENT);
    const id = h.call('shmget', 0x1234, 100, IPC_CREAT | 0o600);
    expect(id).toBeGreaterThanOrEqual(0);
    expect(h.call('shmget', 0x1234, 50, 0)).toBe(id);
    expect(h.call('shmget', 0x1234, 200, 0)).toBe(EINVAL);
    expect(h.call('shmget', 0x1234, 100, IPC_CREAT | IPC_EXCL)).toBe(EEXIST);
    expect(h.call('shmget', 0, 100, 0)).not.toBe(id); // IPC_PRIVATE: always new
    expect(h.call('shmctl', id, IPC_STAT | IPC_64, DS)).toBe(0);
    expect(h.mem.read32(DS)).toBe(0x1234);
    expect(h.mem.read32(DS + 20) & 0o777).toBe(0o600);
    expect(h.mem.readU64(DS + 48)).toBe(100);
  });
});

describe('shmat', () => {
  it('shares one segment across fork and with a later attach', () => {
    const h = harness();
    h.run(h.parent);
    const id = h.call('shmget', 0, 8192, IPC_CREAT | 0o600);
    const addr = h.call('shmat', id, 0, 0);
    expect(h.nattch(id)).toBe(1);
    h.mem.write32(addr, 11);
    const child = h.fork();
    h.run(child);
    expect(h.nattch(id)).toBe(2);
    expect(child.mem.read32(addr)).toBe(11);
    child.mem.write32(addr + 4096, 22);
    expect(h.callAs(child, 'shmdt', addr)).toBe(0);
    h.run(h.parent);
    expect(h.mem.read32(addr + 4096)).toBe(22);
    const again = h.call('shmat', id, 0, SHM_RDONLY);
    expect(again).not.toBe(addr);
    expect(h.mem.read32(again + 4096)).toBe(22);
    expect(h.nattch(id)).toBe(2);
  });

  it('IPC_RMID hides the key and frees the segment at the last detach', () => {
    const h = harness();
    const id = h.call('shmget', 0x77, 4096, IPC_CREAT | 0o600);
    const addr = h.call('shmat', id, 0, 0);
    expect(h.call('shmctl', id, IPC_RMID, 0)).toBe(0);
    expect(h.call('shmget', 0x77, 4096, 0)).toBe(ENOENT);
    expect(h.nattch(id)).toBe(1);
    expect(h.call('shmdt', addr)).toBe(0);
    expect(h.call('shmctl', id, IPC_STAT | IPC_64, DS)).toBe(EINVAL);
    expect(h.call('shmdt', addr)).toBe(EINVAL);
  });

  it('refuses an unaligned address without SHM_RND and one already in use', () => {
    const h = harness();
    const id = h.call('shmget', 0, 4096, IPC_CREAT | 0o600);
    const addr = h.call('shmat', id, 0, 0);
    expect(h.call('shmat', id, addr + 1, 0)).toBe(EINVAL);
    expect(h.call('shmat', id, addr, 0)).toBe(EINVAL);
  });
});

describe('/proc/sysvipc', () => {
  it('lists the guest\'s segments, semaphore sets and queues as Linux lays them out', () => {
    const h = harness();
    const shm = h.call('shmget', 0x1234, 5000, IPC_CREAT | 0o640);
    h.call('shmat', shm, 0, 0);
    const sem = h.call('semget', 0, 3, IPC_CREAT | 0o600);
    h.call('msgget', 0x99, IPC_CREAT | 0o600);
    const read = (name: string): string[] => {
      h.str(DS, `/proc/sysvipc/${name}`);
      const fd = h.call('openat', -100, DS, 0, 0);
      const n = h.call('read', fd, DS, 4096);
      h.call('close', fd);
      return h.text(DS, n).split('\n');
    };
    const shmLines = read('shm');
    expect(shmLines[0]).toMatch(/^ +key +shmid perms +size +cpid +lpid nattch/);
    expect(shmLines[1].trim().split(/ +/).slice(0, 7)).toEqual(['4660', String(shm), '640', '5000',
      String(h.kernel.process.pid), String(h.kernel.process.pid), '1']);
    expect(read('sem')[1].trim().split(/ +/).slice(0, 4)).toEqual(['0', String(sem), '600', '3']);
    expect(read('msg')[1].trim().split(/ +/).slice(0, 5)).toEqual(['153', expect.any(String), '600', '0', '0']);
  });
});
