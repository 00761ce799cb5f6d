// epoll_create1, epoll_ctl, epoll_pwait, epoll_pwait2 (the interest list is epoll.ts).
// Waiting is ppoll's: the call's signal mask in force, EINTR on a signal (never
// restarted, as in Linux), 0 at the timeout.
import { int, ulong } from '../args.js';
import { S_IFDIR, S_IFMT, S_IFREG } from '../constants.js';
import { Epoll, EPOLLET, EPOLLEXCLUSIVE, EPOLLWAKEUP, type EpollEvent } from '../epoll.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import type { OpenFile } from '../open-file.js';
import { POLLERR, POLLHUP, POLLIN, POLLOUT, deadlineOf, restoreMask, useMask, waitUntil } from '../poll-wait.js';
import { sys, type SyscallRow } from '../row.js';
import type { GuestThread } from '../thread.js';
import { fileOf } from './fd-access.js';

const EPOLL_CTL_ADD = 1, EPOLL_CTL_DEL = 2, EPOLL_CTL_MOD = 3;
/**
 * struct epoll_event: { u32 events; u64 data } with the u64 aligned, 16 bytes in
 * the asm-generic ABIs (one other ABI packs it into 12).
 */
const EVENT_SIZE = 16;
const EP_MAX_EVENTS = Math.floor(0x7fffffff / EVENT_SIZE);
/** What EPOLLEXCLUSIVE may come with. */
const EXCLUSIVE_OK = POLLIN | POLLOUT | POLLERR | POLLHUP | EPOLLWAKEUP | EPOLLET | EPOLLEXCLUSIVE;

function epollOf(p: GuestProcess, fd: number): Epoll {
  const f = fileOf(p, fd);
  if (!(f instanceof Epoll)) throw new SysError(E.EINVAL);
  return f;
}

function epollCreate1(p: GuestProcess, flags: number): number {
  const cloexec = p.abi.openFlags.cloexec;
  if (flags & ~cloexec) throw new SysError(E.EINVAL);
  return p.fds.add(new Epoll(0, p.abi.openFlags.nonblock), (flags & cloexec) !== 0);
}

function readEvent(p: GuestProcess, addr: number): EpollEvent {
  const bytes = p.mem.readBytes(addr, EVENT_SIZE);
  const d = new DataView(bytes.buffer, bytes.byteOffset, EVENT_SIZE);
  return { events: d.getUint32(0, true) | 0, data: d.getBigUint64(8, true) };
}

/** Regular files and directories cannot be watched (they are always ready). */
function checkPollable(f: OpenFile): void {
  if (f.isDirectory || !f.readiness) {
    const type = f.stat().mode & S_IFMT;
    if (type === S_IFREG || type === S_IFDIR) throw new SysError(E.EPERM);
  }
}

function epollCtl(p: GuestProcess, epfd: number, op: number, fd: number, eventAddr: number): number {
  const ev = op === EPOLL_CTL_DEL ? null : readEvent(p, eventAddr);
  const ep = fileOf(p, epfd);
  const target = fileOf(p, fd);
  checkPollable(target);
  if (!(ep instanceof Epoll) || ep === target) throw new SysError(E.EINVAL);
  if (op === EPOLL_CTL_DEL) {
    ep.remove(fd, target);
    return 0;
  }
  if ((op !== EPOLL_CTL_ADD && op !== EPOLL_CTL_MOD) || !ev) throw new SysError(E.EINVAL);
  if (ev.events & EPOLLEXCLUSIVE) {
    if (op === EPOLL_CTL_MOD || target instanceof Epoll || ev.events & ~EXCLUSIVE_OK) throw new SysError(E.EINVAL);
  }
  if (op === EPOLL_CTL_ADD) ep.add(fd, target, ev);
  else ep.modify(fd, target, ev);
  return 0;
}

/** epoll_pwait and epoll_pwait2, given their deadline (performance.now() ms). */
function epollWait(
  p: GuestProcess, t: GuestThread, epfd: number, eventsAddr: number, max: number, deadline: () => number,
  sigmask: number, sigsetsize: number,
): number {
  if (max <= 0 || max > EP_MAX_EVENTS) throw new SysError(E.EINVAL);
  const ep = epollOf(p, epfd);
  const until = deadline();
  useMask(p, t, sigmask, sigsetsize);
  const events = ep.collect(max, true);
  if (events.length > 0 || until <= performance.now()) {
    restoreMask(t);
    writeEvents(p, eventsAddr, events);
    return events.length;
  }
  return waitUntil(p, t, until, () => ep.collect(1, false).length > 0);
}

function writeEvents(p: GuestProcess, addr: number, events: readonly EpollEvent[]): void {
  if (events.length === 0) return;
  const bytes = new Uint8Array(events.length * EVENT_SIZE);
  const d = new DataView(bytes.buffer);
  events.forEach((ev, i) => {
    d.setUint32(i * EVENT_SIZE, ev.events >>> 0, true);
    d.setBigUint64(i * EVENT_SIZE + 8, ev.data, true);
  });
  p.mem.writeBytes(addr, bytes);
}

/** epoll_pwait's timeout in milliseconds (negative: none). */
const msDeadline = (ms: number) => (): number => (ms < 0 ? Infinity : performance.now() + ms);

export const epollRows: SyscallRow[] = [
  sys('epoll_create1', ['hex'], (p, a) => epollCreate1(p, int(a[0]))),
  sys('epoll_ctl', ['fd', 'int', 'fd', 'ptr'], (p, a) => epollCtl(p, int(a[0]), int(a[1]), int(a[2]), a[3])),
  sys('epoll_pwait', ['fd', 'ptr', 'int', 'int', 'ptr', 'size'], (p, a, t) =>
    epollWait(p, t, int(a[0]), a[1], int(a[2]), msDeadline(int(a[3])), a[4], ulong(a[5]))),
  sys('epoll_pwait2', ['fd', 'ptr', 'int', 'ptr', 'ptr', 'size'], (p, a, t) =>
    epollWait(p, t, int(a[0]), a[1], int(a[2]), () => deadlineOf(p, a[3]), a[4], ulong(a[5]))),
];
