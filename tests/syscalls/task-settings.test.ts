// personality, get_robust_list, ioprio, capget/capset, membarrier, kcmp, the UTS names,
// chroot and vhangup, restart_syscall.
import { describe, expect, it } from 'vitest';
import { makeKernel, SCRATCH } from './fixture.js';

const A = SCRATCH + 0x100, B = SCRATCH + 0x200, BUF = SCRATCH + 0x400;
const EINVAL = -22, EPERM = -1, ESRCH = -3, EINTR = -4;
const CAP_V3 = 0x20080522;

describe('task settings', () => {
  it('personality answers the query and records a new persona', () => {
    const { call } = makeKernel();
    expect(call('personality', 0xffffffff)).toBe(0);
    expect(call('personality', 0x0040000)).toBe(0); // ADDR_NO_RANDOMIZE
    expect(call('personality', 0xffffffff)).toBe(0x0040000);
  });

  it('get_robust_list returns what set_robust_list stored', () => {
    const { call, mem } = makeKernel();
    expect(call('set_robust_list', 0x1234, 24)).toBe(0);
    expect(call('get_robust_list', 0, A, B)).toBe(0);
    expect(mem.readU64(A)).toBe(0x1234);
    expect(mem.readU64(B)).toBe(24);
    expect(call('get_robust_list', 99999, A, B)).toBe(ESRCH);
  });

  it('ioprio_set is read back; bad classes and levels are EINVAL', () => {
    const { call } = makeKernel();
    const BE = 2 << 13, IDLE = 3 << 13;
    expect(call('ioprio_get', 1, 0)).toBe(0);
    expect(call('ioprio_set', 1, 0, BE | 3)).toBe(0);
    expect(call('ioprio_get', 1, 0)).toBe(BE | 3);
    expect(call('ioprio_set', 1, 0, 1)).toBe(EINVAL); // class none with a level
    expect(call('ioprio_set', 1, 0, 5 << 13)).toBe(EINVAL);
    expect(call('ioprio_set', 1, 0, IDLE | 1)).toBe(0);
    expect(call('ioprio_set', 9, 0, BE)).toBe(EINVAL);
  });

  it('restart_syscall is EINTR', () => {
    expect(makeKernel().call('restart_syscall')).toBe(EINTR);
  });
});

describe('capabilities', () => {
  it('capget probes the version and gives root every capability', () => {
    const { call, mem, kernel } = makeKernel();
    kernel.process.creds.uid.effective = 0;
    mem.write32(A, 1); mem.write32(A + 4, 0);
    expect(call('capget', A, 0)).toBe(0);
    expect(mem.read32(A)).toBe(CAP_V3);
    expect(call('capget', A, BUF)).toBe(0);
    expect(mem.read32(BUF) >>> 0).toBe(0xffffffff); // effective, low word
    expect(mem.read32(BUF + 12)).toBe(0x1ff); // effective, high word
    expect(mem.read32(BUF + 8)).toBe(0); // inheritable
  });

  it('capset may drop capabilities but not take them back', () => {
    const { call, mem, kernel } = makeKernel();
    kernel.process.creds.uid.effective = 0;
    mem.write32(A, CAP_V3); mem.write32(A + 4, 0);
    mem.writeBytes(BUF, new Uint8Array(24));
    mem.write32(BUF, 1); mem.write32(BUF + 4, 3); // effective CAP_CHOWN, permitted CHOWN|DAC_OVERRIDE
    expect(call('capset', A, BUF)).toBe(0);
    expect(call('capget', A, BUF)).toBe(0);
    expect([mem.read32(BUF), mem.read32(BUF + 4), mem.read32(BUF + 16)]).toEqual([1, 3, 0]);
    mem.write32(BUF + 4, 7);
    expect(call('capset', A, BUF)).toBe(EPERM);
  });

  it('a non-root process has none', () => {
    const { call, mem, kernel } = makeKernel();
    kernel.process.creds.uid.effective = 1000;
    mem.write32(A, CAP_V3); mem.write32(A + 4, 0);
    expect(call('capget', A, BUF)).toBe(0);
    expect(mem.read32(BUF + 4)).toBe(0);
  });
});

describe('membarrier', () => {
  it('answers QUERY and wants PRIVATE_EXPEDITED registered first', () => {
    const { call } = makeKernel();
    expect(call('membarrier', 0, 0, 0) & 0x1f).toBe(0x1f);
    expect(call('membarrier', 8, 0, 0)).toBe(EPERM);
    expect(call('membarrier', 16, 0, 0)).toBe(0);
    expect(call('membarrier', 8, 0, 0)).toBe(0);
    expect(call('membarrier', 1 << 9, 0, 0)).toBe(16);
    expect(call('membarrier', 8, 1, 0)).toBe(EINVAL);
    expect(call('membarrier', 3, 0, 0)).toBe(EINVAL);
  });
});

describe('kcmp', () => {
  it('KCMP_FILE tells dup from a second open', () => {
    const { call, kernel } = makeKernel();
    const pid = kernel.process.pid;
    const d = call('dup', 1);
    expect(call('kcmp', pid, pid, 0, 1, d)).toBe(0);
    expect(call('kcmp', pid, pid, 0, 1, 99)).toBe(-9);
    expect(call('kcmp', pid, pid, 1, 0, 0)).toBe(0);
    expect(call('kcmp', pid, pid, 42, 0, 0)).toBe(EINVAL);
  });
});

describe('system names and privileged calls', () => {
  it('sethostname as root changes uname; others get EPERM', () => {
    const h = makeKernel();
    h.kernel.process.creds.uid.effective = 0;
    h.str(A, 'guestbox');
    expect(h.call('sethostname', A, 8)).toBe(0);
    expect(h.call('setdomainname', A, 5)).toBe(0);
    expect(h.call('sethostname', A, 65)).toBe(EINVAL);
    expect(h.call('uname', BUF)).toBe(0);
    expect(h.mem.readCString(BUF + 65)).toBe('guestbox');
    expect(h.mem.readCString(BUF + 5 * 65)).toBe('guest');
    h.kernel.process.creds.uid.effective = 1000;
    expect(h.call('sethostname', A, 8)).toBe(EPERM);
    expect(h.call('chroot', A)).toBe(EPERM);
    expect(h.call('vhangup')).toBe(EPERM);
  });
});
