import { describe, expect, it } from 'vitest';
import { Credentials, IdSet } from '../../src/syscalls/credentials.js';
import { makeKernel, SCRATCH } from './fixture.js';

const BUF = SCRATCH + 0x100;
const EPERM = -1, EINVAL = -22, EACCES = -13;
const NONE = 0xffffffff;

function asUser(uid: number, gid: number) {
  const h = makeKernel();
  h.kernel.process.creds = new Credentials(new IdSet(uid, uid, uid, uid), new IdSet(gid, gid, gid, gid), [gid, 4]);
  return h;
}

describe('set*id', () => {
  it('an ordinary user may only take ids it has', () => {
    const h = asUser(1000, 100);
    expect(h.call('setuid', 1000)).toBe(0);
    expect(h.call('setuid', 0)).toBe(EPERM);
    expect(h.call('setgid', 100)).toBe(0);
    expect(h.call('setgid', 0)).toBe(EPERM);
    expect(h.call('setresuid', NONE, 1000, NONE)).toBe(0);
    expect(h.call('setresuid', 0, NONE, NONE)).toBe(EPERM);
    expect(h.call('setreuid', 1000, 1000)).toBe(0);
    expect(h.call('setgroups', 0, 0)).toBe(EPERM);
    expect(h.call('setfsuid', 0)).toBe(1000); // the old value; unchanged
    expect(h.call('setfsuid', NONE)).toBe(1000);
  });

  it('root changes them all; getres*id reads real, effective, saved', () => {
    const h = asUser(0, 0);
    expect(h.call('setresuid', 10, 20, 30)).toBe(0);
    expect(h.call('getresuid', BUF, BUF + 4, BUF + 8)).toBe(0);
    expect([h.mem.read32(BUF), h.mem.read32(BUF + 4), h.mem.read32(BUF + 8)]).toEqual([10, 20, 30]);
    expect(h.call('getuid')).toBe(10);
    expect(h.call('geteuid')).toBe(20);
    // No longer privileged: back to one of its own ids only.
    expect(h.call('setuid', 30)).toBe(0);
    expect(h.call('geteuid')).toBe(30);
    expect(h.call('getuid')).toBe(10);
    expect(h.call('setuid', 0)).toBe(EPERM);
  });

  it('getgroups: the count for size 0, EINVAL when too small', () => {
    const h = asUser(1000, 100);
    expect(h.call('getgroups', 0, 0)).toBe(2);
    expect(h.call('getgroups', 1, BUF)).toBe(EINVAL);
    expect(h.call('getgroups', 8, BUF)).toBe(2);
    expect([h.mem.read32(BUF), h.mem.read32(BUF + 4)]).toEqual([100, 4]);
  });
});

describe('scheduling settings', () => {
  it('nice values: getpriority says 20 - nice; lowering it needs privilege', () => {
    const h = asUser(1000, 100);
    expect(h.call('getpriority', 0, 0)).toBe(20);
    expect(h.call('setpriority', 0, 0, 5)).toBe(0);
    expect(h.call('getpriority', 0, 0)).toBe(15);
    expect(h.call('setpriority', 0, 0, 0)).toBe(EACCES);
    expect(h.call('setpriority', 7, 0, 0)).toBe(EINVAL);
  });

  it('policies and priorities are read back; real-time ones need privilege', () => {
    const h = asUser(1000, 100);
    h.mem.write32(BUF, 0);
    expect(h.call('sched_setscheduler', 0, 3, BUF)).toBe(0); // SCHED_BATCH
    expect(h.call('sched_getscheduler', 0)).toBe(3);
    h.mem.write32(BUF, 10);
    expect(h.call('sched_setscheduler', 0, 1, BUF)).toBe(EPERM);
    expect(h.call('sched_get_priority_max', 1)).toBe(99);
    expect(h.call('sched_get_priority_min', 2)).toBe(1);
    expect(h.call('sched_get_priority_max', 0)).toBe(0);
    expect(h.call('sched_get_priority_max', 9)).toBe(EINVAL);
    const root = asUser(0, 0);
    root.mem.write32(BUF, 10);
    expect(root.call('sched_setscheduler', 0, 2, BUF)).toBe(0);
    expect(root.call('sched_getparam', 0, BUF + 8)).toBe(0);
    expect(root.mem.read32(BUF + 8)).toBe(10);
    expect(root.call('sched_rr_get_interval', 0, BUF + 16)).toBe(0);
    expect(root.mem.readU64(BUF + 24)).toBe(100_000_000);
  });

  it('sched_setattr sets policy, nice and priority; sched_getattr reads them back', () => {
    const h = asUser(1000, 100);
    h.mem.writeBytes(BUF, new Uint8Array(48));
    h.mem.write32(BUF, 48);
    h.mem.write32(BUF + 4, 3); // SCHED_BATCH
    h.mem.write32(BUF + 16, 7);
    expect(h.call('sched_setattr', 0, BUF, 0)).toBe(0);
    expect(h.call('sched_getattr', 0, BUF + 64, 48, 0)).toBe(0);
    expect([h.mem.read32(BUF + 68), h.mem.read32(BUF + 80)]).toEqual([3, 7]);
    expect(h.call('getpriority', 0, 0)).toBe(13);
    h.mem.write32(BUF + 16, 0);
    expect(h.call('sched_setattr', 0, BUF, 0)).toBe(EPERM); // a lower nice value needs privilege
    h.mem.write32(BUF, 8);
    expect(h.call('sched_setattr', 0, BUF, 0)).toBe(-7); // E2BIG: too small a struct
  });

  it('affinity: set to one CPU, read back, getcpu runs there', () => {
    const h = makeKernel();
    h.mem.writeBytes(BUF, new Uint8Array(8));
    expect(h.call('sched_setaffinity', 0, 8, BUF)).toBe(EINVAL); // no CPU at all
    h.mem.writeBytes(BUF, Uint8Array.of(1, 0, 0, 0, 0, 0, 0, 0));
    expect(h.call('sched_setaffinity', 0, 8, BUF)).toBe(0);
    expect(h.call('sched_getaffinity', 0, 8, BUF + 8)).toBe(8);
    expect(h.mem.read8(BUF + 8)).toBe(1);
    h.mem.write32(BUF + 16, 7);
    expect(h.call('getcpu', BUF + 16, BUF + 20, 0)).toBe(0);
    expect([h.mem.read32(BUF + 16), h.mem.read32(BUF + 20)]).toEqual([0, 0]);
  });
});
