// Process control through the kernel: stops and continues seen by wait4, orphans
// adopted by a child subreaper, the parent-death signal, and flock between processes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GuestProcess } from '../../src/syscalls/guest-process.js';
import { deliverSignals } from '../../src/syscalls/signal-delivery.js';
import type { GuestThread } from '../../src/syscalls/thread.js';
import { aarch64User } from '../../src/targets/aarch64/linux/user-target.js';
import { SLOT_COUNT, SLOT_SP, VECTOR_BYTES } from '../../src/targets/aarch64/state.js';
import { CpuState } from '../../src/translate/cpu-state.js';
import { cpuHooks } from '../../src/user-mode/cpu-hooks.js';
import { AT_FDCWD, makeKernel, nr, SCRATCH } from './fixture.js';

const SIGCHLD = 17, SIGSTOP = 19, SIGCONT = 18, SIGTSTP = 20, SIGUSR2 = 12;
const WNOHANG = 1, WUNTRACED = 2, WCONTINUED = 8;
const PR_SET_PDEATHSIG = 1, PR_SET_CHILD_SUBREAPER = 36;
const LOCK_EX = 2, LOCK_NB = 4, LOCK_UN = 8;
const EAGAIN = -11;
const STATUS = SCRATCH + 0x100, PATH = SCRATCH + 0x200;

const dir = mkdtempSync(join(tmpdir(), 'tsqemu-jobs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function harness() {
  const state = new CpuState(SLOT_COUNT, VECTOR_BYTES);
  const h = makeKernel({ cpu: cpuHooks(aarch64User), mainState: state });
  state.r[SLOT_SP] = SCRATCH + 0x8000;
  const parent = h.kernel.process;
  const main = parent.mainThread;
  const sys = (t: GuestThread, name: string, ...args: number[]): number => h.kernel.syscall(nr(name), args, t);
  /** fork from `t`'s process; the child process. */
  const fork = (t: GuestThread = main): GuestProcess => h.kernel.processById(sys(t, 'clone', SIGCHLD, 0, 0, 0, 0))!;
  return { ...h, parent, main, sys, fork };
}

describe('job control', () => {
  it('a stopped child is reported once with WUNTRACED, a continued one with WCONTINUED', () => {
    const h = harness();
    const child = h.fork();
    expect(h.sys(h.main, 'kill', child.pid, SIGSTOP)).toBe(0);
    deliverSignals(h.kernel, child.mainThread); // what the run loop does before the child runs
    expect(child.stopped).toBe(true);
    expect(h.kernel.scheduler.next()).toBe(h.main); // the child is not scheduled
    expect(h.sys(h.main, 'wait4', child.pid, STATUS, WUNTRACED | WNOHANG, 0)).toBe(child.pid);
    expect(h.mem.read32(STATUS)).toBe((SIGSTOP << 8) | 0x7f);
    expect(h.sys(h.main, 'wait4', child.pid, STATUS, WUNTRACED | WNOHANG, 0)).toBe(0);
    expect(h.sys(h.main, 'kill', child.pid, SIGCONT)).toBe(0);
    expect(child.stopped).toBe(false);
    expect(h.sys(h.main, 'wait4', child.pid, STATUS, WCONTINUED | WNOHANG, 0)).toBe(child.pid);
    expect(h.mem.read32(STATUS)).toBe(0xffff);
  });

  it('SIGCONT cancels a stop signal still pending', () => {
    const h = harness();
    const child = h.fork();
    h.sys(h.main, 'setpgid', child.pid, 0); // its own group, not orphaned: SIGTSTP stops
    h.sys(h.main, 'kill', child.pid, SIGTSTP);
    h.sys(h.main, 'kill', child.pid, SIGCONT);
    deliverSignals(h.kernel, child.mainThread);
    expect(child.stopped).toBe(false);
  });
});

describe('orphans', () => {
  it('go to the nearest child subreaper; the parent-death signal is sent', () => {
    const h = harness();
    expect(h.sys(h.main, 'prctl', PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)).toBe(0);
    const middle = h.fork();
    const doomed = h.fork(middle.mainThread);
    const survivor = h.fork(middle.mainThread);
    expect(h.sys(doomed.mainThread, 'prctl', PR_SET_PDEATHSIG, SIGUSR2, 0, 0, 0)).toBe(0);
    h.sys(middle.mainThread, 'exit_group', 0);
    expect(survivor.parent).toBe(h.parent);
    expect(h.sys(survivor.mainThread, 'getppid')).toBe(h.parent.pid);
    expect(doomed.exitStatus).toBe(SIGUSR2); // killed by its parent-death signal
    expect(h.sys(h.main, 'wait4', doomed.pid, STATUS, WNOHANG, 0)).toBe(doomed.pid);
  });
});

describe('flock between processes', () => {
  it('conflicts across processes; a blocked locker runs again once the lock is gone', () => {
    const h = harness();
    h.str(PATH, join(dir, 'lockfile'));
    const fd = h.sys(h.main, 'openat', AT_FDCWD, PATH, 0o102, 0o644); // O_RDWR|O_CREAT
    expect(h.sys(h.main, 'flock', fd, LOCK_EX)).toBe(0);
    const child = h.fork();
    const t = child.mainThread;
    const own = h.sys(t, 'openat', AT_FDCWD, PATH, 0, 0);
    expect(h.sys(t, 'flock', own, LOCK_EX | LOCK_NB)).toBe(EAGAIN);
    h.sys(t, 'flock', own, LOCK_EX);
    expect(t.waiting).not.toBeNull();
    expect(t.waiting!.ready!()).toBe(false);
    expect(h.sys(h.main, 'flock', fd, LOCK_UN)).toBe(0);
    expect(t.waiting!.ready!()).toBe(true);
    h.kernel.scheduler.cancel(t); // the scheduler would run the call again now
    expect(h.sys(t, 'flock', own, LOCK_EX)).toBe(0);
    expect(h.sys(h.main, 'flock', fd, LOCK_EX | LOCK_NB)).toBe(EAGAIN);
  });
});
