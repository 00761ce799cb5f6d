import { describe, expect, it } from 'vitest';
import { GuestExit, implementedSyscalls } from '../../src/syscalls/kernel.js';
import { abi, makeKernel, nr, SCRATCH } from './fixture.js';

const BUF = SCRATCH + 0x1000;
const ENOSYS = -38;
const EINVAL = -22;

describe('exit', () => {
  it('exit_group and exit throw GuestExit with the status byte', () => {
    expect(() => makeKernel().call('exit_group', 3)).toThrow(GuestExit);
    const h = makeKernel();
    try {
      h.call('exit_group', 0x1ff);
    } catch (e) {
      expect(e).toBeInstanceOf(GuestExit);
      expect((e as GuestExit).status).toBe(0xff);
    }
    expect(h.kernel.outcome).toEqual({ kind: 'exit', status: 0xff });
    expect(() => makeKernel().call('exit', 0)).toThrow(expect.objectContaining({ status: 0 }));
  });
});

describe('unsupported syscalls', () => {
  it('return -ENOSYS and are reported once per number', () => {
    const h = makeKernel();
    expect(h.call('acct', 1, 2, 3)).toBe(ENOSYS);
    expect(h.call('acct')).toBe(ENOSYS);
    expect(h.kernel.syscall(999, [])).toBe(ENOSYS);
    expect(h.kernel.syscall(999, [])).toBe(ENOSYS);
    expect(h.reports).toEqual(['unsupported syscall 89 (acct)', 'unsupported syscall 999']);
  });

  it('rseq is -ENOSYS on purpose, without a report', () => {
    const h = makeKernel();
    expect(h.call('rseq', 0, 32, 0, 0)).toBe(ENOSYS);
    expect(h.reports).toEqual([]);
  });

  it('features a kernel may be built without (io_uring, AIO, Landlock ...) are -ENOSYS without a report', () => {
    const h = makeKernel();
    for (const name of ['clone3', 'io_uring_setup', 'io_setup', 'landlock_create_ruleset', 'userfaultfd', 'perf_event_open']) {
      expect(h.call(name, 0, 0, 0, 0)).toBe(ENOSYS);
    }
    expect(h.reports).toEqual([]);
  });

  it('lists what is implemented, by number, without rseq', () => {
    const names = implementedSyscalls(abi);
    for (const n of ['read', 'write', 'openat', 'mmap', 'exit_group', 'getdents64', 'statx']) {
      expect(names).toContain(n);
    }
    expect(names).not.toContain('rseq');
    expect(names).not.toContain('acct');
    expect(names.indexOf('openat')).toBeLessThan(names.indexOf('read'));
  });
});

describe('identity and system information', () => {
  it('uname: Linux, the ABI machine, the host name', () => {
    const h = makeKernel();
    expect(h.call('uname', BUF)).toBe(0);
    expect(h.mem.readCString(BUF)).toBe('Linux');
    expect(h.mem.readCString(BUF + 2 * 65)).toMatch(/^\d+\.\d+\.\d+/);
    expect(h.mem.readCString(BUF + 4 * 65)).toBe('aarch64');
    expect(h.call('uname', 0x4000_0000)).toBe(-14);
  });

  it('ids, tid bookkeeping, umask', () => {
    const h = makeKernel();
    expect(h.call('gettid')).toBe(4242);
    expect(h.call('set_tid_address', BUF)).toBe(4242);
    expect(h.call('set_robust_list', BUF, 24)).toBe(0);
    expect(h.call('set_robust_list', BUF, 23)).toBe(EINVAL);
    expect(h.call('getuid')).toBe(process.getuid?.());
    expect(h.call('getresuid', BUF, BUF + 4, BUF + 8)).toBe(0);
    expect(h.mem.read32(BUF + 8)).toBe(process.geteuid?.());
    const initial = h.call('umask', 0o077);
    expect(initial).toBeGreaterThanOrEqual(0);
    expect(h.call('umask', initial)).toBe(0o077);
  });

  it('getrandom fills from the given source', () => {
    const h = makeKernel({ random: (b) => b.forEach((_, i) => (b[i] = i)) });
    expect(h.call('getrandom', BUF, 16, 0)).toBe(16);
    expect([...h.mem.readBytes(BUF, 4)]).toEqual([0, 1, 2, 3]);
    expect(h.call('getrandom', BUF, 16, 0x40)).toBe(EINVAL);
  });

  it('prlimit64, getrlimit, setrlimit', () => {
    const h = makeKernel();
    const RLIMIT_STACK = 3;
    const RLIMIT_NOFILE = 7;
    expect(h.call('prlimit64', 0, RLIMIT_STACK, 0, BUF)).toBe(0);
    expect(h.mem.readU64(BUF)).toBe(8 * 1024 * 1024);
    expect(h.mem.read32(BUF + 8)).toBe(-1); // RLIM_INFINITY
    h.mem.writeU64(BUF, 64);
    h.mem.writeU64(BUF + 8, 128);
    expect(h.call('setrlimit', RLIMIT_NOFILE, BUF)).toBe(0);
    expect(h.call('getrlimit', RLIMIT_NOFILE, BUF + 16)).toBe(0);
    expect(h.mem.readU64(BUF + 16)).toBe(64);
    expect(h.mem.readU64(BUF + 24)).toBe(128);
    h.mem.writeU64(BUF, 200);
    expect(h.call('setrlimit', RLIMIT_NOFILE, BUF)).toBe(EINVAL); // soft above hard
    expect(h.call('prlimit64', 1, RLIMIT_STACK, 0, BUF)).toBe(-3); // ESRCH
    expect(h.call('prlimit64', 0, 99, 0, BUF)).toBe(EINVAL);
  });

  it('sysinfo, sched_getaffinity, times, getrusage', () => {
    const h = makeKernel();
    expect(h.call('sysinfo', BUF)).toBe(0);
    expect(h.mem.readU64(BUF + 32)).toBeGreaterThan(0); // totalram
    expect(h.mem.read32(BUF + 104)).toBe(1); // mem_unit
    expect(h.call('sched_getaffinity', 0, 128, BUF)).toBe(8);
    expect([1, 3]).toContain(h.mem.read8(BUF));
    expect(h.call('sched_getaffinity', 0, 4, BUF)).toBe(EINVAL);
    expect(h.call('times', BUF)).toBeGreaterThan(0);
    expect(h.call('getrusage', 0, BUF)).toBe(0);
    expect(h.mem.readU64(BUF + 32)).toBeGreaterThan(0); // ru_maxrss
    expect(h.call('getrusage', 5, BUF)).toBe(EINVAL);
  });
});

describe('signal bookkeeping', () => {
  it('rt_sigaction records handlers and returns the old one (with sa_restorer)', () => {
    const h = makeKernel();
    const ACT = BUF;
    const OLD = BUF + 64;
    h.mem.writeU64(ACT, 0x401000); // handler
    h.mem.writeU64(ACT + 8, 0x04000000); // SA_RESTORER
    h.mem.writeU64(ACT + 16, 0x402000); // restorer
    h.mem.writeU64(ACT + 24, 1 << 1); // mask
    expect(h.call('rt_sigaction', 2, ACT, OLD, 8)).toBe(0);
    expect(h.mem.readU64(OLD)).toBe(0); // SIG_DFL before
    expect(h.call('rt_sigaction', 2, 0, OLD, 8)).toBe(0);
    expect(h.mem.readU64(OLD)).toBe(0x401000);
    expect(h.mem.readU64(OLD + 16)).toBe(0x402000);
    expect(h.mem.readU64(OLD + 24)).toBe(2);
    expect(h.call('rt_sigaction', 9, ACT, 0, 8)).toBe(EINVAL); // SIGKILL
    expect(h.call('rt_sigaction', 9, 0, OLD, 8)).toBe(0);
    expect(h.call('rt_sigaction', 2, 0, OLD, 4)).toBe(EINVAL);
    expect(h.call('rt_sigaction', 65, 0, OLD, 8)).toBe(EINVAL);
  });

  it('rt_sigprocmask blocks, unblocks, sets, and never blocks SIGKILL', () => {
    const h = makeKernel();
    const SET = BUF;
    const OLD = BUF + 8;
    h.mem.writeU64(SET, 0b1010 | (1 << 8)); // SIGINT, SIGILL, SIGKILL
    expect(h.call('rt_sigprocmask', 0, SET, OLD, 8)).toBe(0);
    expect(h.mem.readU64(OLD)).toBe(0);
    h.mem.writeU64(SET, 0b10);
    expect(h.call('rt_sigprocmask', 1, SET, OLD, 8)).toBe(0);
    expect(h.mem.readU64(OLD)).toBe(0b1010);
    expect(h.call('rt_sigprocmask', 0, 0, OLD, 8)).toBe(0);
    expect(h.mem.readU64(OLD)).toBe(0b1000);
    expect(h.call('rt_sigprocmask', 7, SET, OLD, 8)).toBe(EINVAL);
  });

  it('sigaltstack records the stack', () => {
    const h = makeKernel();
    const SS = BUF;
    const OLD = BUF + 32;
    expect(h.call('sigaltstack', 0, OLD)).toBe(0);
    expect(h.mem.read32(OLD + 8)).toBe(2); // SS_DISABLE
    h.mem.writeU64(SS, 0x7000_0000);
    h.mem.write32(SS + 8, 0);
    h.mem.writeU64(SS + 16, 65536);
    expect(h.call('sigaltstack', SS, 0)).toBe(0);
    expect(h.call('sigaltstack', 0, OLD)).toBe(0);
    expect(h.mem.readU64(OLD)).toBe(0x7000_0000);
    expect(h.mem.readU64(OLD + 16)).toBe(65536);
  });
});

describe('time', () => {
  it('clock_gettime, clock_getres, gettimeofday', () => {
    const h = makeKernel();
    expect(h.call('clock_gettime', 0, BUF)).toBe(0);
    expect(Math.abs(h.mem.readU64(BUF) - Date.now() / 1000)).toBeLessThan(2);
    for (const id of [1, 2, 3, 4, 5, 6, 7]) expect(h.call('clock_gettime', id, BUF)).toBe(0);
    expect(h.call('clock_gettime', 10, BUF)).toBe(EINVAL);
    expect(h.call('clock_getres', 1, BUF)).toBe(0);
    expect(h.mem.readU64(BUF + 8)).toBe(1);
    expect(h.call('gettimeofday', BUF, 0)).toBe(0);
    expect(h.mem.readU64(BUF + 8)).toBeLessThan(1_000_000);
  });

  it('nanosleep and clock_nanosleep put the thread to sleep until the deadline', () => {
    const h = makeKernel();
    const thread = h.kernel.process.mainThread;
    h.mem.writeU64(BUF, 0);
    h.mem.writeU64(BUF + 8, 30_000_000);
    let t = performance.now();
    h.call('nanosleep', BUF, 0);
    expect(thread.waiting?.deadline).toBeGreaterThanOrEqual(t + 29);
    expect(thread.waiting?.timeoutResult).toBe(0);
    h.kernel.scheduler.cancel(thread);
    t = performance.now();
    h.call('clock_nanosleep', 1, 0, BUF, 0);
    expect(thread.waiting?.deadline).toBeGreaterThanOrEqual(t + 29);
    h.kernel.scheduler.cancel(thread);
    h.mem.writeU64(BUF + 8, 0);
    expect(h.call('nanosleep', BUF, 0)).toBe(0); // no time at all: no wait
    expect(thread.waiting).toBeNull();
    h.mem.writeU64(BUF + 8, 1_000_000_000);
    expect(h.call('nanosleep', BUF, 0)).toBe(EINVAL);
    expect(nr('nanosleep')).toBe(101);
  });
});
