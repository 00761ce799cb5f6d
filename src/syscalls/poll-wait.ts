// What ppoll, pselect6 and epoll_pwait share: the events an open file reports now,
// and waiting for some with the call's own signal mask in force. In-kernel files
// (pipes, eventfds, ...) know whether a read or write would wait; host files are taken
// as always ready (Node cannot poll them without blocking the emulator).
import { E, SysError } from './errno.js';
import type { GuestProcess } from './guest-process.js';
import { readSigsetFromGuest, readTimespecFromGuest } from './guest-structs.js';
import type { OpenFile, Readiness } from './open-file.js';
import { maskChanged } from './signal-delivery.js';
import { UNBLOCKABLE } from './signals.js';
import type { GuestThread } from './thread.js';
import { WouldBlock } from './wait.js';

// poll events (asm-generic/poll.h); epoll's EPOLL* bits have the same values.
export const POLLIN = 0x1, POLLPRI = 0x2, POLLOUT = 0x4, POLLERR = 0x8, POLLHUP = 0x10, POLLNVAL = 0x20;
export const POLLRDNORM = 0x40, POLLWRNORM = 0x100, POLLRDHUP = 0x2000;
const ALWAYS: Readiness = { readable: true, writable: true, hangup: false, error: false };

export const readinessOf = (f: OpenFile): Readiness => f.readiness?.() ?? ALWAYS;

/** The events of `wanted` that hold for `f`, with POLLHUP and POLLERR always reported. */
export function pollEvents(f: OpenFile, wanted: number): number {
  const r = readinessOf(f);
  let ev = 0;
  if (r.readable) ev |= wanted & (POLLIN | POLLRDNORM);
  if (r.writable) ev |= wanted & (POLLOUT | POLLWRNORM);
  if (r.peerClosed) ev |= wanted & POLLRDHUP;
  if (r.hangup) ev |= POLLHUP;
  if (r.error) ev |= POLLERR;
  return ev;
}

export function fileOrNull(p: GuestProcess, fd: number): OpenFile | null {
  try {
    return p.fds.get(fd);
  } catch {
    return null;
  }
}

/** A performance.now() deadline from a relative timespec (0: none given). */
export function deadlineOf(p: GuestProcess, addr: number): number {
  if (!addr) return Infinity;
  const ns = readTimespecFromGuest(p.mem, addr);
  if (ns === undefined || ns < 0n) throw new SysError(E.EINVAL);
  return performance.now() + Number(ns) / 1e6;
}

/** The call's signal mask, in force until it returns (rt_sigsuspend's, ppoll's, pselect6's, epoll_pwait's). */
export function useMask(p: GuestProcess, t: GuestThread, addr: number, size: number): void {
  if (!addr) return;
  if (size !== 8) throw new SysError(E.EINVAL);
  const mask = readSigsetFromGuest(p.mem, addr);
  if (t.savedMask === null) t.savedMask = t.blocked;
  t.blocked = mask & ~UNBLOCKABLE;
  maskChanged(t);
}

/** The call's mask goes (it returns, or timed out). */
export function restoreMask(t: GuestThread): void {
  if (t.savedMask === null) return;
  t.blocked = t.savedMask;
  t.savedMask = null;
  maskChanged(t);
}

/**
 * Waits until `ready` (the call then runs again); at the deadline it returns 0. A signal
 * the call's mask lets through ends it with EINTR, at once if one is already pending
 * (its handler runs with the call's mask; the frame restores the caller's).
 */
export function waitUntil(p: GuestProcess, t: GuestThread, deadline: number, ready: () => boolean, onTimeout?: () => void): never {
  if ((t.pending.set | p.sharedPending.set) & ~t.blocked) throw new SysError(E.EINTR);
  throw new WouldBlock({
    ready, deadline, timeoutResult: 0, restart: 'eintr',
    onTimeout: () => {
      onTimeout?.();
      restoreMask(t);
    },
  });
}
