// Processes through the kernel: fork's copies (memory, fds with shared descriptions),
// wait4/waitid and the wait status encoding, zombies and reaping, SIGCHLD, vfork's
// wait, pipes that make a reader wait for another process.
import { describe, expect, it } from 'vitest';
import { AddressSpace, PERM_EXEC, PERM_READ, PERM_WRITE } from '../../src/memory/address-space.js';
import { FdTable } from '../../src/syscalls/fd-table.js';
import type { GuestProcess } from '../../src/syscalls/guest-process.js';
import { MemoryMap } from '../../src/syscalls/memory-map.js';
import { Mm } from '../../src/syscalls/mm.js';
import type { OpenFile } from '../../src/syscalls/open-file.js';
import { killProcess } from '../../src/syscalls/process-exit.js';
import type { GuestThread } from '../../src/syscalls/thread.js';
import { aarch64User } from '../../src/targets/aarch64/linux/user-target.js';
import { SLOT_COUNT, SLOT_SP, VECTOR_BYTES } from '../../src/targets/aarch64/state.js';
import { CpuState } from '../../src/translate/cpu-state.js';
import { cpuHooks } from '../../src/user-mode/cpu-hooks.js';
import { makeKernel, nr, SCRATCH } from './fixture.js';

const SIGCHLD = 17, SIGKILL = 9, SIGSEGV = 11;
const CLONE_VM = 0x100, CLONE_VFORK = 0x4000;
const WNOHANG = 1, WEXITED = 4;
const ECHILD = -10, EAGAIN = -11;
const STATUS = SCRATCH + 0x100, INFO = SCRATCH + 0x200, FDS = SCRATCH + 0x400, BUF = SCRATCH + 0x800;

function harness() {
  const state = new CpuState(SLOT_COUNT, VECTOR_BYTES);
  const h = makeKernel({ cpu: cpuHooks(aarch64User), mainState: state });
  state.r[SLOT_SP] = SCRATCH + 0x8000;
  const parent = h.kernel.process;
  const main = parent.mainThread;
  main.pc = 0x40_0100;
  const sys = (t: GuestThread, name: string, ...args: number[]): number => h.kernel.syscall(nr(name), args, t);
  /** fork (clone with SIGCHLD); returns the child process. */
  const fork = (flags = SIGCHLD): GuestProcess => {
    const pid = sys(main, 'clone', flags, 0, 0, 0, 0);
    const child = h.kernel.processById(pid > 0 ? pid : [...parent.children].at(-1)!.pid)!;
    return child;
  };
  return { ...h, parent, main, sys, fork };
}

describe('fork', () => {
  it('makes a child with its own pid, the parent as parent, the caller\'s registers and a 0 result', () => {
    const h = harness();
    h.main.state.r[6] = 1234; // x3
    const child = h.fork();
    expect(child.pid).not.toBe(h.parent.pid);
    expect(child.parent).toBe(h.parent);
    const t = child.mainThread;
    expect(t.tid).toBe(child.pid);
    expect(t.pc).toBe(0x40_0100);
    expect(t.state.r[0]).toBe(0);
    expect(t.state.r[6]).toBe(1234);
    expect(h.sys(t, 'getppid')).toBe(h.parent.pid);
    expect(h.sys(t, 'getpid')).toBe(child.pid);
    expect(child.mem).not.toBe(h.parent.mem);
  });

  it('copies memory: same bytes and permissions, then each its own', () => {
    const mem = new AddressSpace();
    mem.map(0x10_0000, 0x3000, PERM_READ | PERM_WRITE, '[heap]');
    mem.map(0x20_0000, 0x1000, PERM_READ | PERM_EXEC, '/bin/prog');
    mem.write32(0x10_1004, 0x1234_5678);
    mem.poke(0x20_0000, new Uint8Array([1, 2, 3]));
    const map = new MemoryMap(mem, 0x10_3000, 0x8000_0000, 0);
    map.brk(0x10_4800);
    const copy = new Mm(mem, map, 0x7000).copy();
    expect(copy.mem.maps).toEqual(mem.maps);
    expect(copy.mem.read32(0x10_1004)).toBe(0x1234_5678);
    expect([...copy.mem.readBytes(0x20_0000, 3)]).toEqual([1, 2, 3]);
    expect(copy.mem.perm[0x20_0000 >>> 12] & 7).toBe(PERM_READ | PERM_EXEC);
    expect(copy.map.brkValue).toBe(0x10_4800);
    expect(copy.map.brk(0)).toBe(0x10_4800);
    expect(copy.sigreturnTrampoline).toBe(0x7000);
    copy.mem.write32(0x10_1004, 1);
    expect(mem.read32(0x10_1004)).toBe(0x1234_5678);
  });

  it('shares open file descriptions: a description closes when its last fd in any table does', () => {
    let closed = 0;
    const file: OpenFile = {
      flags: 0, path: undefined, isDirectory: false, hostFd: undefined,
      read: () => 0, write: () => 0, seek: () => 0, stat: () => { throw new Error('no'); },
      close: () => void closed++,
    };
    const a = new FdTable(() => 1024);
    a.add(file, false);
    a.add(file, true); // a dup
    const b = a.copy(() => 1024);
    a.close(0);
    b.close(0);
    b.closeOnExec();
    expect(closed).toBe(0);
    a.closeAll();
    expect(closed).toBe(1);
  });

  it('a pipe reader waits while another process holds the write end; EOF once no one does', () => {
    const h = harness();
    expect(h.sys(h.main, 'pipe2', FDS, 0)).toBe(0);
    const [r, w] = [h.mem.read32(FDS), h.mem.read32(FDS + 4)];
    const child = h.fork();
    const ct = child.mainThread;
    h.sys(h.main, 'close', w);
    h.sys(h.main, 'read', r, BUF, 16);
    const wait = h.main.waiting!;
    expect(wait.ready!()).toBe(false);
    child.mem.writeBytes(BUF, Buffer.from('hi'));
    expect(h.sys(ct, 'write', w, BUF, 2)).toBe(2);
    expect(wait.ready!()).toBe(true);
    h.kernel.scheduler.cancel(h.main);
    expect(h.sys(h.main, 'read', r, BUF, 16)).toBe(2);
    h.sys(ct, 'exit_group', 0); // closes the child's write end
    expect(h.sys(h.main, 'read', r, BUF, 16)).toBe(0);
  });

  it('a reader of a pipe no one else can write gets EAGAIN when nothing else can run', () => {
    const h = harness();
    h.sys(h.main, 'pipe2', FDS, 0);
    h.sys(h.main, 'read', h.mem.read32(FDS), BUF, 16);
    expect(h.main.waiting).not.toBeNull();
    expect(h.kernel.scheduler.next()).toBeNull();
    expect(h.kernel.scheduler.idleUntil()).toBe(Infinity);
    expect(h.kernel.scheduler.breakDeadlock()).toBe(true);
    expect(h.main.pendingResult).toBe(EAGAIN);
  });
});

describe('wait4 and waitid', () => {
  it('report an exit code as code << 8 and reap the zombie', () => {
    const h = harness();
    const child = h.fork();
    expect(h.sys(h.main, 'wait4', -1, STATUS, WNOHANG, 0)).toBe(0);
    h.sys(child.mainThread, 'exit_group', 0x1ff);
    expect(h.kernel.outcome).toBeNull(); // only the child ended
    expect(child.exitStatus).toBe(0xff00);
    expect(h.kernel.processById(child.pid)).toBe(child); // a zombie
    expect(h.sys(h.main, 'wait4', child.pid, STATUS, 0, 0)).toBe(child.pid);
    expect(h.mem.read32(STATUS)).toBe(0xff00);
    expect(h.kernel.processById(child.pid)).toBeUndefined();
    expect(h.sys(h.main, 'wait4', -1, STATUS, 0, 0)).toBe(ECHILD);
  });

  it('report death by a signal (with 0x80 only when a core could be written)', () => {
    const h = harness();
    const a = h.fork();
    killProcess(h.kernel, a, SIGKILL, false);
    h.sys(h.main, 'wait4', a.pid, STATUS, 0, 0);
    expect(h.mem.read32(STATUS)).toBe(SIGKILL);
    const b = h.fork();
    killProcess(h.kernel, b, SIGSEGV, true); // RLIMIT_CORE is 0
    expect(h.sys(h.main, 'waitid', 1, b.pid, INFO, WEXITED, 0)).toBe(0);
    expect(h.mem.read32(INFO)).toBe(SIGCHLD);
    expect(h.mem.read32(INFO + 8)).toBe(2); // CLD_KILLED
    expect(h.mem.read32(INFO + 16)).toBe(b.pid);
    expect(h.mem.read32(INFO + 24)).toBe(SIGSEGV);
    const c = h.fork();
    c.limits.set(4, { cur: 1n << 20n, max: 1n << 20n }); // RLIMIT_CORE
    killProcess(h.kernel, c, SIGSEGV, true);
    h.sys(h.main, 'wait4', c.pid, STATUS, 0, 0);
    expect(h.mem.read32(STATUS)).toBe(0x80 | SIGSEGV);
  });

  it('wait for a running child, and are done when it ends', () => {
    const h = harness();
    const child = h.fork();
    h.sys(h.main, 'wait4', -1, STATUS, 0, 0);
    const wait = h.main.waiting!;
    expect(wait.ready!()).toBe(false);
    h.sys(child.mainThread, 'exit_group', 4);
    expect(wait.ready!()).toBe(true);
  });

  it('SIGCHLD ignored (or SA_NOCLDWAIT): children leave no zombie', () => {
    const h = harness();
    h.mem.writeU64(BUF, 1); // SIG_IGN
    h.mem.writeU64(BUF + 8, 0);
    h.mem.writeU64(BUF + 16, 0);
    h.mem.writeU64(BUF + 24, 0);
    h.sys(h.main, 'rt_sigaction', SIGCHLD, BUF, 0, 8);
    const child = h.fork();
    h.sys(child.mainThread, 'exit_group', 0);
    expect(h.kernel.processById(child.pid)).toBeUndefined();
    expect(h.sys(h.main, 'wait4', -1, STATUS, 0, 0)).toBe(ECHILD);
  });

  it('orphans are reaped when they end; the first process ending ends everything', () => {
    const h = harness();
    const child = h.fork();
    const grandchildPid = h.sys(child.mainThread, 'clone', SIGCHLD, 0, 0, 0, 0);
    const grandchild = h.kernel.processById(grandchildPid)!;
    h.sys(child.mainThread, 'exit_group', 0);
    expect(grandchild.parent).toBeNull();
    h.sys(grandchild.mainThread, 'exit_group', 0);
    expect(h.kernel.processById(grandchildPid)).toBeUndefined();
    expect(() => h.sys(h.main, 'exit_group', 2)).toThrow();
    expect(h.kernel.outcome).toEqual({ kind: 'exit', status: 2 });
  });
});

describe('vfork', () => {
  it('shares the memory and keeps the parent waiting (signals too) until the child ends', () => {
    const h = harness();
    h.sys(h.main, 'clone', CLONE_VM | CLONE_VFORK | SIGCHLD, 0, 0, 0, 0);
    const child = [...h.parent.children][0];
    expect(child.mm).toBe(h.parent.mm);
    const wait = h.main.waiting!;
    expect(wait.uninterruptible).toBe(true);
    expect(h.kernel.scheduler.next()).toBe(child.mainThread);
    h.sys(child.mainThread, 'exit_group', 0);
    expect(h.kernel.scheduler.next()).toBe(h.main);
    expect(h.main.pendingResult).toBe(child.pid);
  });
});
