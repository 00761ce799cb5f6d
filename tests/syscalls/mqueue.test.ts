// POSIX message queues: priorities, limits, non-blocking and waiting calls, mq_notify's
// one-shot signal, mq_getsetattr and mq_unlink.
import { describe, expect, it } from 'vitest';
import type { GuestProcess } from '../../src/syscalls/guest-process.js';
import { aarch64User } from '../../src/targets/aarch64/linux/user-target.js';
import { SLOT_COUNT, VECTOR_BYTES } from '../../src/targets/aarch64/state.js';
import { CpuState } from '../../src/translate/cpu-state.js';
import { cpuHooks } from '../../src/user-mode/cpu-hooks.js';
import { makeKernel, nr, SCRATCH } from './fixture.js';

const NAME = SCRATCH + 0x100, ATTR = SCRATCH + 0x200, OLD = SCRATCH + 0x280, SEV = SCRATCH + 0x300;
const MSG = SCRATCH + 0x400, PRIO = SCRATCH + 0x500;
const O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0o100, O_EXCL = 0o200, O_NONBLOCK = 0o4000;
const SIGUSR1 = 10, SIGCHLD = 17;
const EAGAIN = -11, EBADF = -9, EEXIST = -17, EINVAL = -22, ENOENT = -2, EMSGSIZE = -90, EBUSY = -16;

function harness() {
  const h = makeKernel({ cpu: cpuHooks(aarch64User), mainState: new CpuState(SLOT_COUNT, VECTOR_BYTES) });
  const fork = (): GuestProcess => h.kernel.processById(h.call('clone', SIGCHLD, 0, 0, 0, 0))!;
  const callAs = (p: GuestProcess, name: string, ...args: number[]): number => h.kernel.syscall(nr(name), args, p.mainThread);
  const open = (name: string, flags: number, maxmsg = 0, msgsize = 0): number => {
    h.str(NAME, name);
    h.mem.writeBytes(ATTR, new Uint8Array(64));
    h.mem.writeU64(ATTR + 8, maxmsg);
    h.mem.writeU64(ATTR + 16, msgsize);
    return h.call('mq_open', NAME, flags, 0o600, maxmsg ? ATTR : 0);
  };
  const send = (fd: number, text: string, prio: number): number => {
    h.str(MSG, text);
    return h.call('mq_timedsend', fd, MSG, text.length, prio, 0);
  };
  const receive = (fd: number, size = 64): [string, number] | number => {
    const n = h.call('mq_timedreceive', fd, MSG, size, PRIO, 0);
    return n < 0 ? n : [h.text(MSG, n), h.mem.read32(PRIO)];
  };
  return { ...h, fork, callAs, open, send, receive };
}

describe('POSIX message queues', () => {
  it('deliver the highest priority first and keep their limits', () => {
    const h = harness();
    const q = h.open('q1', O_RDWR | O_CREAT | O_NONBLOCK, 2, 64);
    expect(q).toBeGreaterThanOrEqual(0);
    expect(h.open('q1', O_RDWR | O_CREAT | O_EXCL)).toBe(EEXIST);
    expect(h.open('none', O_RDWR)).toBe(ENOENT);
    expect(h.open('big', O_RDWR | O_CREAT, 0, 0)).toBeGreaterThanOrEqual(0); // default attributes
    expect(h.send(q, 'a', 1)).toBe(0);
    expect(h.send(q, 'b', 7)).toBe(0);
    expect(h.send(q, 'c', 1)).toBe(EAGAIN);
    expect(h.receive(q, 10)).toBe(EMSGSIZE);
    expect(h.receive(q)).toEqual(['b', 7]);
    expect(h.receive(q)).toEqual(['a', 1]);
    expect(h.receive(q)).toBe(EAGAIN);
    expect(h.send(q, 'x'.repeat(65), 0)).toBe(EMSGSIZE);
    expect(h.send(q, 'x', 40000)).toBe(EINVAL);
    const ro = h.open('q1', O_RDONLY);
    expect(h.send(ro, 'x', 0)).toBe(EBADF);
  });

  it('mq_getsetattr shows the queue and changes O_NONBLOCK only', () => {
    const h = harness();
    const q = h.open('q2', O_RDWR | O_CREAT, 4, 32);
    h.send(q, 'one', 0);
    h.mem.writeBytes(ATTR, new Uint8Array(64));
    h.mem.writeU64(ATTR, O_NONBLOCK);
    expect(h.call('mq_getsetattr', q, ATTR, OLD)).toBe(0);
    expect([0, 8, 16, 24].map((o) => h.mem.readU64(OLD + o))).toEqual([0, 4, 32, 1]);
    h.receive(q);
    expect(h.receive(q)).toBe(EAGAIN);
    h.mem.writeU64(ATTR, 1);
    expect(h.call('mq_getsetattr', q, ATTR, 0)).toBe(EINVAL);
  });

  it('a receiver waits for a sender in another process', () => {
    const h = harness();
    const q = h.open('q3', O_RDWR | O_CREAT);
    const child = h.fork();
    h.callAs(child, 'mq_timedreceive', q, MSG, 8192, 0, 0);
    const w = child.mainThread.waiting;
    expect(w?.ready?.()).toBe(false);
    expect(h.send(q, 'hi', 2)).toBe(0);
    expect(w?.ready?.()).toBe(true);
  });

  it('mq_notify signals its process once, for a message reaching an empty queue', () => {
    const h = harness();
    const q = h.open('q4', O_RDWR | O_CREAT | O_NONBLOCK);
    h.mem.writeU64(OLD, 1 << (SIGUSR1 - 1));
    expect(h.call('rt_sigprocmask', 0, OLD, 0, 8)).toBe(0); // SIG_BLOCK: it stays pending
    const child = h.fork();
    h.mem.writeBytes(SEV, new Uint8Array(64));
    h.mem.writeU64(SEV, 42);
    h.mem.write32(SEV + 8, SIGUSR1);
    expect(h.call('mq_notify', q, SEV)).toBe(0);
    child.mem.writeBytes(SEV, h.mem.readBytes(SEV, 64));
    expect(h.callAs(child, 'mq_notify', q, SEV)).toBe(EBUSY);
    h.send(q, 'a', 0);
    const pending = h.kernel.process.sharedPending.set;
    expect(pending & (1n << BigInt(SIGUSR1 - 1))).not.toBe(0n);
    expect(h.callAs(child, 'mq_notify', q, SEV)).toBe(0); // the registration was used up
  });

  it('SIGEV_THREAD sends the cookie to the netlink socket glibc\'s helper thread reads', () => {
    const h = harness();
    const q = h.open('q6', O_RDWR | O_CREAT);
    const sock = h.call('socket', 16, 3, 0); // AF_NETLINK, SOCK_RAW, NETLINK_ROUTE
    const COOKIE = SCRATCH + 0x600;
    h.mem.writeBytes(COOKIE, new Uint8Array(32).fill(7));
    h.mem.writeBytes(SEV, new Uint8Array(64));
    h.mem.writeU64(SEV, COOKIE);
    h.mem.write32(SEV + 8, sock);
    h.mem.write32(SEV + 12, 2); // SIGEV_THREAD
    expect(h.call('mq_notify', q, SEV)).toBe(0);
    h.send(q, 'a', 0);
    expect(h.call('recvfrom', sock, MSG, 64, 0x40, 0, 0)).toBe(32); // MSG_DONTWAIT
    expect([h.mem.read8(MSG), h.mem.read8(MSG + 31)]).toEqual([7, 1]); // NOTIFY_WOKENUP
    h.mem.write32(SEV + 8, q);
    expect(h.call('mq_notify', q, SEV)).toBe(EBADF); // not a netlink socket
  });

  it('mq_unlink removes the name; open descriptions keep the queue', () => {
    const h = harness();
    const q = h.open('q5', O_WRONLY | O_CREAT);
    h.str(NAME, 'q5');
    expect(h.call('mq_unlink', NAME)).toBe(0);
    expect(h.call('mq_unlink', NAME)).toBe(ENOENT);
    expect(h.send(q, 'still', 0)).toBe(0);
  });
});
