// pidfd_open (readable once the process ends), pidfd_send_signal, pidfd_getfd, waitid
// P_PIDFD, and process_vm_readv/writev between guest processes.
import { describe, expect, it } from 'vitest';
import type { GuestProcess } from '../../src/syscalls/guest-process.js';
import { aarch64User } from '../../src/targets/aarch64/linux/user-target.js';
import { SLOT_COUNT, VECTOR_BYTES } from '../../src/targets/aarch64/state.js';
import { CpuState } from '../../src/translate/cpu-state.js';
import { cpuHooks } from '../../src/user-mode/cpu-hooks.js';
import { makeKernel, nr, SCRATCH } from './fixture.js';

const SIGCHLD = 17, SIGUSR1 = 10, WEXITED = 4, P_PIDFD = 3, POLLIN = 1;
const ESRCH = -3, EBADF = -9, EINVAL = -22;
const FDS = SCRATCH + 0x100, INFO = SCRATCH + 0x200, LIOV = SCRATCH + 0x400, RIOV = SCRATCH + 0x440, BUF = SCRATCH + 0x800;

function harness() {
  const h = makeKernel({ cpu: cpuHooks(aarch64User), mainState: new CpuState(SLOT_COUNT, VECTOR_BYTES) });
  const fork = (): GuestProcess => h.kernel.processById(h.call('clone', SIGCHLD, 0, 0, 0, 0))!;
  const callAs = (p: GuestProcess, name: string, ...args: number[]): number => h.kernel.syscall(nr(name), args, p.mainThread);
  const pollIn = (fd: number): number => {
    h.mem.write32(FDS, fd); h.mem.write32(FDS + 4, POLLIN);
    h.mem.writeU64(INFO, 0); h.mem.writeU64(INFO + 8, 0);
    expect(h.call('ppoll', FDS, 1, INFO, 0, 8)).toBeGreaterThanOrEqual(0);
    return h.mem.read16(FDS + 6);
  };
  return { ...h, fork, callAs, pollIn };
}

describe('pidfd', () => {
  it('becomes readable when the process ends, and waitid P_PIDFD reaps it', () => {
    const h = harness();
    const child = h.fork();
    const fd = h.call('pidfd_open', child.pid, 0);
    expect(fd).toBeGreaterThanOrEqual(0);
    expect(h.pollIn(fd)).toBe(0);
    expect(h.call('pidfd_send_signal', fd, 0, 0, 0)).toBe(0);
    h.callAs(child, 'exit_group', 3);
    expect(h.pollIn(fd)).toBe(POLLIN);
    expect(h.call('pidfd_send_signal', fd, SIGUSR1, 0, 0)).toBe(ESRCH);
    expect(h.call('waitid', P_PIDFD, fd, INFO, WEXITED, 0)).toBe(0);
    expect(h.mem.read32(INFO + 16)).toBe(child.pid); // si_pid
    expect(h.mem.read32(INFO + 24)).toBe(3); // si_status
  });

  it('checks its arguments', () => {
    const h = harness();
    expect(h.call('pidfd_open', 99999, 0)).toBe(ESRCH);
    expect(h.call('pidfd_open', h.kernel.process.pid, 0x1)).toBe(EINVAL);
    expect(h.call('pidfd_send_signal', 1, 0, 0, 0)).toBe(EBADF);
    const fd = h.call('pidfd_open', h.kernel.process.pid, 0);
    expect(h.call('pidfd_send_signal', fd, 0, 0, 3)).toBe(EINVAL);
    expect(h.call('pidfd_send_signal', fd, 0, 0, 8)).toBe(EINVAL);
    expect(h.call('read', fd, BUF, 8)).toBe(EINVAL);
  });

  it('waitid on a non-blocking pidfd of a running child is EAGAIN', () => {
    const h = harness();
    const child = h.fork();
    const fd = h.call('pidfd_open', child.pid, 0o4000); // PIDFD_NONBLOCK
    expect(h.call('waitid', P_PIDFD, fd, INFO, WEXITED, 0)).toBe(-11);
    h.callAs(child, 'exit_group', 0);
    expect(h.call('waitid', P_PIDFD, fd, INFO, WEXITED, 0)).toBe(0);
  });

  it('pidfd_getfd duplicates another process\'s fd', () => {
    const h = harness();
    const child = h.fork();
    const pfd = h.call('pidfd_open', child.pid, 0);
    expect(h.callAs(child, 'pipe2', FDS, 0)).toBe(0);
    const childWrite = child.mem.read32(FDS + 4);
    const mine = h.call('pidfd_getfd', pfd, childWrite, 0);
    expect(mine).toBeGreaterThanOrEqual(0);
    const pid = h.kernel.process.pid;
    expect(h.call('kcmp', pid, child.pid, 0, mine, childWrite)).toBe(0);
    expect(h.call('pidfd_getfd', pfd, 999, 0)).toBe(EBADF);
  });
});

describe('process_vm_readv/writev', () => {
  it('copies between the address spaces of two processes', () => {
    const h = harness();
    h.kernel.shared.switchTo(h.kernel.process.mm);
    const child = h.fork();
    child.mem.writeBytes(BUF + 0x100, Buffer.from('from the child'));
    h.mem.writeU64(LIOV, BUF); h.mem.writeU64(LIOV + 8, 4);
    h.mem.writeU64(LIOV + 16, BUF + 0x10); h.mem.writeU64(LIOV + 24, 100);
    h.mem.writeU64(RIOV, BUF + 0x100); h.mem.writeU64(RIOV + 8, 14);
    expect(h.call('process_vm_readv', child.pid, LIOV, 2, RIOV, 1, 0)).toBe(14);
    expect(h.text(BUF, 4) + h.text(BUF + 0x10, 10)).toBe('from the child');
    h.mem.writeBytes(BUF, Buffer.from('PARENT'));
    h.mem.writeU64(LIOV + 8, 6);
    expect(h.call('process_vm_writev', child.pid, LIOV, 1, RIOV, 1, 0)).toBe(6);
    expect(Buffer.from(child.mem.readBytes(BUF + 0x100, 14)).toString()).toBe('PARENThe child');
    expect(h.call('process_vm_readv', child.pid, LIOV, 1, RIOV, 1, 1)).toBe(EINVAL);
    expect(h.call('process_vm_readv', 99999, LIOV, 1, RIOV, 1, 0)).toBe(ESRCH);
  });
});

describe('clone(CLONE_PIDFD)', () => {
  const CLONE_PIDFD = 0x1000, CLONE_PARENT_SETTID = 0x100000, CLONE_THREAD_GROUP = 0x10000 | 0x800 | 0x100;
  it('puts a pidfd of the child where the parent tid would go', () => {
    const h = harness();
    const pid = h.call('clone', SIGCHLD | CLONE_PIDFD, 0, FDS, 0, 0);
    expect(pid).toBeGreaterThan(0);
    const fd = h.mem.read32(FDS);
    expect(h.call('pidfd_send_signal', fd, 0, 0, 0)).toBe(0);
    h.callAs(h.kernel.processById(pid)!, 'exit_group', 0);
    expect(h.pollIn(fd)).toBe(POLLIN);
    expect(h.call('clone', SIGCHLD | CLONE_PIDFD | CLONE_PARENT_SETTID, 0, FDS, 0, 0)).toBe(EINVAL);
    expect(h.call('clone', CLONE_THREAD_GROUP | CLONE_PIDFD, 0, FDS, 0, 0)).toBe(EINVAL);
  });
});
