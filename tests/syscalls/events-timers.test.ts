// eventfd, timerfd, epoll and signal timers through the kernel's syscall entry, and
// the timer queue under them: what Linux's semantics say, without a guest program.
import { describe, expect, it } from 'vitest';
import { IntervalTimer } from '../../src/syscalls/interval-timer.js';
import { TimerQueue } from '../../src/syscalls/timer-queue.js';
import { makeKernel, SCRATCH } from './fixture.js';

const EAGAIN = -11, EINVAL = -22, EEXIST = -17, ENOENT = -2, ELOOP = -40;
const EPOLLIN = 1, EPOLLOUT = 4, EPOLLERR = 8, EPOLLHUP = 0x10, EPOLLET = 1 << 31, EPOLLONESHOT = 1 << 30;
const ADD = 1, DEL = 2, MOD = 3;
const O_NONBLOCK = 0o4000, EFD_SEMAPHORE = 1;
const FDS = SCRATCH, BUF = SCRATCH + 0x100, EV = SCRATCH + 0x200, OUT = SCRATCH + 0x300, ITS = SCRATCH + 0x400;

function harness() {
  const h = makeKernel();
  const pipe = (): [number, number] => {
    expect(h.call('pipe2', FDS, O_NONBLOCK)).toBe(0);
    return [h.mem.read32(FDS), h.mem.read32(FDS + 4)];
  };
  const ctl = (ep: number, op: number, fd: number, events: number, data: number): number => {
    h.mem.write32(EV, events >>> 0);
    h.mem.writeU64(EV + 8, data);
    return h.call('epoll_ctl', ep, op, fd, EV);
  };
  /** epoll_pwait with timeout 0: [events, data] of each reported item, by data (their order is unspecified). */
  const wait = (ep: number): Array<[number, number]> => {
    const n = h.call('epoll_pwait', ep, OUT, 8, 0, 0, 8);
    const events = Array.from({ length: n }, (_, i): [number, number] => [h.mem.read32(OUT + i * 16), Number(h.mem.readU64(OUT + i * 16 + 8))]);
    return events.sort((a, b) => a[1] - b[1]);
  };
  const write = (fd: number, n = 1): number => h.call('write', fd, BUF, n);
  return { h, pipe, ctl, wait, write };
}

describe('timer queue', () => {
  it('fires what is due, in any order added, and knows the next time', () => {
    const q = new TimerQueue();
    const fired: string[] = [];
    const now = performance.now();
    q.add(now - 1, () => fired.push('past'));
    const later = q.add(now + 60_000, () => fired.push('later'));
    expect(q.next).toBe(now - 1);
    q.fireDue();
    expect(fired).toEqual(['past']);
    expect(q.next).toBe(now + 60_000);
    q.cancel(later);
    expect(q.next).toBe(Infinity);
  });
});

describe('interval timer', () => {
  it('counts every interval its clock passed, on any clock', () => {
    const q = new TimerQueue();
    let clockMs = 1000;
    const counts: number[] = [];
    const timer = new IntervalTimer(q, (n) => counts.push(n), () => clockMs);
    timer.set({ valueNs: 5_000_000n, intervalNs: 2_000_000n });
    expect(timer.get().valueNs).toBe(5_000_000n);
    clockMs += 4;
    timer.catchUp();
    expect(counts).toEqual([]);
    clockMs += 6; // 10 ms in: expiries at 5, 7 and 9
    timer.catchUp();
    expect(counts).toEqual([3]);
    expect(timer.get()).toEqual({ valueNs: 1_000_000n, intervalNs: 2_000_000n });
    expect(q.next).toBeLessThan(Infinity); // someone looks again when the next one may be due
    timer.disarm();
    expect(timer.get().valueNs).toBe(0n);
    expect(q.next).toBe(Infinity);
  });
});

describe('eventfd', () => {
  it('adds writes, reads all (or one in semaphore mode), EAGAIN when empty and non-blocking', () => {
    const { h } = harness();
    const fd = h.call('eventfd2', 2, O_NONBLOCK);
    h.mem.writeU64(BUF, 3);
    expect(h.call('write', fd, BUF, 8)).toBe(8);
    expect(h.call('read', fd, BUF, 8)).toBe(8);
    expect(h.mem.readU64(BUF)).toBe(5);
    expect(h.call('read', fd, BUF, 8)).toBe(EAGAIN);
    expect(h.call('read', fd, BUF, 4)).toBe(EINVAL);
    const sem = h.call('eventfd2', 2, O_NONBLOCK | EFD_SEMAPHORE);
    expect([h.call('read', sem, BUF, 8), h.call('read', sem, BUF, 8), h.call('read', sem, BUF, 8)]).toEqual([8, 8, EAGAIN]);
    expect(h.mem.readU64(BUF)).toBe(1);
    expect(h.call('eventfd2', 0, 0x40)).toBe(EINVAL);
  });
});

describe('epoll', () => {
  it('reports a level-triggered item while it is ready, an edge-triggered one once per arrival', () => {
    const { h, pipe, ctl, wait, write } = harness();
    const ep = h.call('epoll_create1', 0);
    const [lr, lw] = pipe();
    const [er, ew] = pipe();
    expect(ctl(ep, ADD, lr, EPOLLIN, 1)).toBe(0);
    expect(ctl(ep, ADD, er, EPOLLIN | EPOLLET, 2)).toBe(0);
    expect(ctl(ep, ADD, er, EPOLLIN, 2)).toBe(EEXIST);
    write(lw);
    write(ew);
    expect(wait(ep)).toEqual([[EPOLLIN, 1], [EPOLLIN, 2]]);
    expect(wait(ep)).toEqual([[EPOLLIN, 1]]);
    write(ew);
    expect(wait(ep)).toEqual([[EPOLLIN, 1], [EPOLLIN, 2]]);
    h.call('close', ew);
    expect(wait(ep)).toEqual([[EPOLLIN, 1], [EPOLLIN | EPOLLHUP, 2]]);
    expect(ctl(ep, DEL, lr, 0, 0)).toBe(0);
    expect(ctl(ep, DEL, lr, 0, 0)).toBe(ENOENT);
  });

  it('one-shot items wait for EPOLL_CTL_MOD; closed files leave; loops are refused; epoll_event is 16 bytes', () => {
    const { h, pipe, ctl, wait, write } = harness();
    const ep = h.call('epoll_create1', 0);
    const [r, w] = pipe();
    ctl(ep, ADD, r, EPOLLIN | EPOLLONESHOT, 0x1_0000_0001);
    write(w);
    expect(wait(ep)).toEqual([[EPOLLIN, 0x1_0000_0001]]);
    expect(wait(ep)).toEqual([]);
    ctl(ep, MOD, r, EPOLLIN, 7);
    ctl(ep, ADD, w, EPOLLOUT, 8);
    expect(wait(ep)).toEqual([[EPOLLIN, 7], [EPOLLOUT, 8]]);
    h.call('close', r);
    expect(wait(ep)).toEqual([[EPOLLOUT | EPOLLERR, 8]]); // the read end is gone: EPOLLERR for the writer
    const inner = h.call('epoll_create1', 0);
    expect(ctl(ep, ADD, inner, EPOLLIN, 9)).toBe(0);
    expect(ctl(inner, ADD, ep, EPOLLIN, 10)).toBe(ELOOP);
    expect(ctl(ep, ADD, ep, EPOLLIN, 0)).toBe(EINVAL);
  });
});

describe('timerfd and itimers', () => {
  it('reads back a setting, counts expirations, disarms', () => {
    const { h } = harness();
    const fd = h.call('timerfd_create', 1, O_NONBLOCK);
    expect(h.call('read', fd, BUF, 8)).toBe(EAGAIN);
    // it_interval 2s, it_value 1 ns: expired at once
    h.mem.writeU64(ITS, 2);
    h.mem.writeU64(ITS + 8, 0);
    h.mem.writeU64(ITS + 16, 0);
    h.mem.writeU64(ITS + 24, 1);
    expect(h.call('timerfd_settime', fd, 0, ITS, 0)).toBe(0);
    expect(h.call('read', fd, BUF, 8)).toBe(8);
    expect(h.mem.readU64(BUF)).toBe(1);
    expect(h.call('timerfd_gettime', fd, ITS)).toBe(0);
    expect(h.mem.readU64(ITS)).toBe(2);
    expect(Number(h.mem.readU64(ITS + 16)) * 1e9 + Number(h.mem.readU64(ITS + 24))).toBeGreaterThan(1.9e9);
    h.mem.writeU64(ITS + 24, 1_000_000_000);
    expect(h.call('timerfd_settime', fd, 0, ITS, 0)).toBe(EINVAL);
  });

  it('setitimer returns the old setting; getitimer sees the time left', () => {
    const { h } = harness();
    // ITIMER_REAL: 10 s, no interval (struct itimerval: interval then value)
    for (const [off, v] of [[0, 0], [8, 0], [16, 10], [24, 0]]) h.mem.writeU64(ITS + off, v);
    expect(h.call('setitimer', 0, ITS, 0)).toBe(0);
    expect(h.call('getitimer', 0, OUT)).toBe(0);
    expect(Number(h.mem.readU64(OUT + 16))).toBeGreaterThanOrEqual(9);
    for (const off of [0, 8, 16, 24]) h.mem.writeU64(ITS + off, 0);
    expect(h.call('setitimer', 0, ITS, OUT)).toBe(0);
    expect(Number(h.mem.readU64(OUT + 16))).toBeGreaterThanOrEqual(9);
    expect(h.call('setitimer', 3, ITS, 0)).toBe(EINVAL);
    expect(h.kernel.scheduler.timers.next).toBe(Infinity);
  });
});

describe('clocks', () => {
  it('reads CPU clocks by id, refuses to set the time', () => {
    const { h } = harness();
    const TS = SCRATCH + 0x500;
    const processClock = (~4242 << 3) | 2; // clock_getcpuclockid(4242)
    const threadClock = (~4242 << 3) | 4 | 2; // pthread_getcpuclockid of thread 4242
    expect(h.call('clock_gettime', processClock, TS)).toBe(0);
    expect(h.call('clock_getres', threadClock, TS)).toBe(0);
    expect(h.mem.readU64(TS + 8)).toBe(1);
    expect(h.call('clock_gettime', (~999 << 3) | 2, TS)).toBe(EINVAL);
    expect(h.call('clock_gettime', (~4242 << 3) | 3, TS)).toBe(EINVAL);
    h.mem.writeU64(TS, 0);
    h.mem.writeU64(TS + 8, 0);
    expect(h.call('clock_settime', 0, TS)).toBe(-1);
    expect(h.call('clock_settime', 1, TS)).toBe(EINVAL);
    expect(h.call('clock_settime', 99, TS)).toBe(EINVAL);
  });
});
