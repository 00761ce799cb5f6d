// Waiting for fds: ppoll and pselect6 (readiness and waiting as in poll-wait.ts).
// Nothing ready: the thread waits in the scheduler, with the call's signal mask in
// force meanwhile, until an fd is ready, the timeout, or a signal.
import { int, ulong } from '../args.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import {
  POLLERR, POLLHUP, POLLNVAL, POLLPRI, deadlineOf, fileOrNull, pollEvents, readinessOf, restoreMask, useMask, waitUntil,
} from '../poll-wait.js';
import { sys, type SyscallRow } from '../row.js';
import type { GuestThread } from '../thread.js';

const FD_SETSIZE_MAX = 1 << 20;

function ppoll(p: GuestProcess, t: GuestThread, a: readonly number[]): number {
  const [fdsAddr, nfds, tmo, sigmask, sigsetsize] = [a[0], ulong(a[1]), a[2], a[3], ulong(a[4])];
  if (nfds > p.limits.maxFds) throw new SysError(E.EINVAL);
  const deadline = deadlineOf(p, tmo);
  const raw = nfds ? p.mem.readBytes(fdsAddr, nfds * 8) : new Uint8Array(0);
  const d = new DataView(raw.buffer, raw.byteOffset, raw.length);
  const check = (write: boolean): number => {
    let count = 0;
    for (let i = 0; i < nfds; i++) {
      const fd = d.getInt32(i * 8, true);
      const events = d.getUint16(i * 8 + 4, true) | POLLERR | POLLHUP;
      // (POLLHUP and POLLERR are reported whether asked for or not)
      const f = fd < 0 ? undefined : fileOrNull(p, fd);
      const rev = fd < 0 ? 0 : f === null ? POLLNVAL : pollEvents(f!, events & ~POLLPRI);
      if (write) d.setUint16(i * 8 + 6, rev, true);
      if (rev) count++;
    }
    return count;
  };
  useMask(p, t, sigmask, sigsetsize);
  const count = check(true);
  if (nfds) p.mem.writeBytes(fdsAddr, raw);
  if (count > 0 || deadline <= performance.now()) {
    restoreMask(t);
    return count;
  }
  return waitUntil(p, t, deadline, () => check(false) > 0);
}

/** pselect6's fd_sets: bit n of the set at `addr` for fd n. */
function readFdSet(p: GuestProcess, addr: number, nfds: number): Uint8Array | null {
  return addr ? p.mem.readBytes(addr, Math.ceil(nfds / 64) * 8) : null;
}

function pselect6(p: GuestProcess, t: GuestThread, a: readonly number[]): number {
  const nfds = int(a[0]);
  if (nfds < 0 || nfds > FD_SETSIZE_MAX) throw new SysError(E.EINVAL);
  const [rAddr, wAddr, xAddr] = [a[1], a[2], a[3]];
  const sets = [readFdSet(p, rAddr, nfds), readFdSet(p, wAddr, nfds), readFdSet(p, xAddr, nfds)];
  const deadline = deadlineOf(p, a[4]);
  const has = (set: Uint8Array | null, fd: number): boolean => set !== null && (set[fd >> 3] & (1 << (fd & 7))) !== 0;
  for (let fd = 0; fd < nfds; fd++) {
    if ((has(sets[0], fd) || has(sets[1], fd) || has(sets[2], fd)) && !fileOrNull(p, fd)) throw new SysError(E.EBADF);
  }
  const check = (): Array<Uint8Array | null> => sets.map((set, kind) => {
    if (!set) return null;
    const out = new Uint8Array(set.length);
    for (let fd = 0; fd < nfds; fd++) {
      if (!has(set, fd) || kind === 2) continue; // no exceptional conditions on these files
      const r = readinessOf(fileOrNull(p, fd)!);
      if (kind === 0 ? r.readable || r.hangup : r.writable || r.error) out[fd >> 3] |= 1 << (fd & 7);
    }
    return out;
  });
  const countOf = (res: Array<Uint8Array | null>): number =>
    res.reduce((n, set) => n + (set ? set.reduce((m, b) => m + popcount(b), 0) : 0), 0);
  // The sixth argument points at { const sigset_t *ss; size_t ss_len; }.
  if (a[5]) {
    const ss = p.mem.readU64(a[5]);
    useMask(p, t, ss, p.mem.readU64(a[5] + 8));
  }
  const result = check();
  const count = countOf(result);
  if (count > 0 || deadline <= performance.now()) {
    [rAddr, wAddr, xAddr].forEach((addr, i) => {
      if (addr && result[i]) p.mem.writeBytes(addr, result[i]!);
    });
    restoreMask(t);
    return count;
  }
  // At the deadline nothing is ready: the sets come back empty.
  const clear = (): void => {
    [rAddr, wAddr, xAddr].forEach((addr, i) => {
      if (addr && sets[i]) p.mem.writeBytes(addr, new Uint8Array(sets[i]!.length));
    });
  };
  return waitUntil(p, t, deadline, () => countOf(check()) > 0, clear);
}

function popcount(b: number): number {
  let n = 0;
  for (let v = b; v; v &= v - 1) n++;
  return n;
}

export const pollRows: SyscallRow[] = [
  sys('ppoll', ['ptr', 'uint', 'ptr', 'ptr', 'size'], (p, a, t) => ppoll(p, t, a)),
  sys('pselect6', ['int', 'ptr', 'ptr', 'ptr', 'ptr', 'ptr'], (p, a, t) => pselect6(p, t, a)),
];
