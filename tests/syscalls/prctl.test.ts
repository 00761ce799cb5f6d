import { describe, expect, it } from 'vitest';
import { makeKernel, SCRATCH } from './fixture.js';

const BUF = SCRATCH + 0x100;
const EINVAL = -22;
const PR_SET_PDEATHSIG = 1, PR_GET_PDEATHSIG = 2, PR_GET_DUMPABLE = 3, PR_SET_DUMPABLE = 4;
const PR_SET_NAME = 15, PR_GET_NAME = 16, PR_GET_SECCOMP = 21, PR_CAPBSET_READ = 23;
const PR_SET_TIMERSLACK = 29, PR_GET_TIMERSLACK = 30, PR_SET_CHILD_SUBREAPER = 36;
const PR_GET_CHILD_SUBREAPER = 37, PR_SET_NO_NEW_PRIVS = 38, PR_GET_NO_NEW_PRIVS = 39;

describe('prctl', () => {
  it('names the thread: 15 bytes kept, read back NUL-padded', () => {
    const h = makeKernel();
    expect(h.kernel.process.mainThread.comm).toBe('prog');
    h.str(BUF, 'a-rather-long-thread-name');
    expect(h.call('prctl', PR_SET_NAME, BUF)).toBe(0);
    expect(h.kernel.process.mainThread.comm).toBe('a-rather-long-t');
    h.mem.writeBytes(BUF, new Uint8Array(16).fill(0xff));
    expect(h.call('prctl', PR_GET_NAME, BUF)).toBe(0);
    expect(h.text(BUF, 16)).toBe('a-rather-long-t\0');
  });

  it('keeps the parent-death signal, dumpable, no_new_privs and subreaper switches', () => {
    const h = makeKernel();
    expect(h.call('prctl', PR_SET_PDEATHSIG, 9)).toBe(0);
    expect(h.call('prctl', PR_GET_PDEATHSIG, BUF)).toBe(0);
    expect(h.mem.read32(BUF)).toBe(9);
    expect(h.call('prctl', PR_SET_PDEATHSIG, 65)).toBe(EINVAL);
    expect(h.call('prctl', PR_GET_DUMPABLE)).toBe(1);
    expect(h.call('prctl', PR_SET_DUMPABLE, 0)).toBe(0);
    expect(h.call('prctl', PR_GET_DUMPABLE)).toBe(0);
    expect(h.call('prctl', PR_SET_DUMPABLE, 2)).toBe(EINVAL);
    expect(h.call('prctl', PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0)).toBe(0);
    expect(h.call('prctl', PR_SET_NO_NEW_PRIVS, 0, 0, 0, 0)).toBe(EINVAL);
    expect(h.call('prctl', PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)).toBe(0);
    expect(h.call('prctl', PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0)).toBe(1);
    expect(h.call('prctl', PR_SET_CHILD_SUBREAPER, 1)).toBe(0);
    expect(h.call('prctl', PR_GET_CHILD_SUBREAPER, BUF)).toBe(0);
    expect(h.mem.read32(BUF)).toBe(1);
    expect(h.call('prctl', PR_GET_SECCOMP)).toBe(0);
    expect(h.call('prctl', PR_CAPBSET_READ, 0)).toBe(1);
    expect(h.call('prctl', PR_CAPBSET_READ, 63)).toBe(EINVAL);
  });

  it('timer slack: set, read back, 0 restores the default', () => {
    const h = makeKernel();
    expect(h.call('prctl', PR_GET_TIMERSLACK)).toBe(50_000);
    expect(h.call('prctl', PR_SET_TIMERSLACK, 1000)).toBe(0);
    expect(h.call('prctl', PR_GET_TIMERSLACK)).toBe(1000);
    expect(h.call('prctl', PR_SET_TIMERSLACK, 0)).toBe(0);
    expect(h.call('prctl', PR_GET_TIMERSLACK)).toBe(50_000);
  });

  it('other options are EINVAL, reported once', () => {
    const h = makeKernel();
    expect(h.call('prctl', 0x59616d61)).toBe(EINVAL);
    expect(h.reports).toEqual(['unsupported prctl option 1499557217']);
  });
});
