// flock(2) and fcntl's record locks (F_GETLK/F_SETLK/F_SETLKW and their F_OFD_ forms)
// over the kernel-wide lock table of file-locks.ts. Blocking requests wait in the
// scheduler until the conflicting lock goes; a classic F_SETLKW that would wait in a
// circle of owners waiting for each other fails with EDEADLK instead.
import { int } from '../args.js';
import { FCNTL, F_RDLCK, F_UNLCK, F_WRLCK, SEEK } from '../constants.js';
import { E, SysError } from '../errno.js';
import { flockFree, rangeConflict, setRange, tryFlock, unflock, type RangeLock } from '../file-locks.js';
import { readFlockFromGuest, writeFlockToGuest, type Flock } from '../guest-structs.js';
import type { GuestProcess } from '../guest-process.js';
import type { OpenFile } from '../open-file.js';
import { O_RDONLY, O_WRONLY } from '../open-flags.js';
import { sys, type SyscallRow } from '../row.js';
import type { GuestThread } from '../thread.js';
import { WouldBlock, type Wait } from '../wait.js';
import { openFile } from './fd-access.js';

const LOCK_SH = 1, LOCK_EX = 2, LOCK_NB = 4, LOCK_UN = 8;

/** A wait until `free` holds; EDEADLK if every thread ends up waiting (nothing can free it). */
function lockWait(free: () => boolean): Wait {
  return { ready: free, fallback: -E.EDEADLK, deadline: Infinity, timeoutResult: 0, restart: 'sa-restart' };
}

function flock(p: GuestProcess, fd: number, op: number): number {
  const file = openFile(p, fd);
  const wait = !(op & LOCK_NB);
  switch (op & ~LOCK_NB) {
    case LOCK_UN:
      unflock(file);
      return 0;
    case LOCK_SH:
    case LOCK_EX: {
      const exclusive = (op & ~LOCK_NB) === LOCK_EX;
      if (tryFlock(file, exclusive)) return 0;
      if (!wait) throw new SysError(E.EAGAIN);
      throw new WouldBlock(lockWait(() => flockFree(file, exclusive)));
    }
    default:
      throw new SysError(E.EINVAL);
  }
}

/** The byte range a struct flock describes, as a lock request of `owner`. */
function requestOf(p: GuestProcess, file: OpenFile, fl: Flock, ofd: boolean): RangeLock {
  if (fl.type !== F_RDLCK && fl.type !== F_WRLCK && fl.type !== F_UNLCK) throw new SysError(E.EINVAL);
  if (ofd && fl.pid !== 0) throw new SysError(E.EINVAL);
  let base: number;
  if (fl.whence === SEEK.SEEK_SET) base = 0;
  else if (fl.whence === SEEK.SEEK_CUR) base = file.seek(0, SEEK.SEEK_CUR);
  else if (fl.whence === SEEK.SEEK_END) base = Number(file.stat().size);
  else throw new SysError(E.EINVAL);
  let start = base + fl.start;
  let end = fl.len === 0 ? Infinity : start + fl.len - 1;
  if (fl.len < 0) [start, end] = [start + fl.len, start - 1];
  if (start < 0) throw new SysError(E.EINVAL);
  return { owner: ofd ? file : p.fds, ofd, pid: ofd ? -1 : p.pid, type: fl.type, start, end };
}

function getLock(p: GuestProcess, file: OpenFile, arg: number, ofd: boolean): number {
  const fl = readFlockFromGuest(p.mem, arg);
  const req = requestOf(p, file, fl, ofd);
  if (req.type === F_UNLCK) throw new SysError(E.EINVAL);
  const held = rangeConflict(file, req);
  writeFlockToGuest(p.mem, arg, held ? {
    type: held.type, whence: SEEK.SEEK_SET, start: held.start,
    len: held.end === Infinity ? 0 : held.end - held.start + 1, pid: held.pid,
  } : { ...fl, type: F_UNLCK });
  return 0;
}

/** Classic-lock owners waiting in F_SETLKW, and for what: for deadlock detection. */
const waiters = new Map<object, { file: OpenFile; req: RangeLock; thread: GuestThread; wait: Wait }>();
/** How far a chain of waiters is followed (Linux's MAX_DEADLK_ITERATIONS). */
const MAX_DEADLOCK_CHAIN = 10;

/** What `owner` waits for in F_SETLKW, while it still does. */
function waitOf(owner: object): { file: OpenFile; req: RangeLock } | undefined {
  const w = waiters.get(owner);
  if (w && w.thread.waiting === w.wait) return w;
  waiters.delete(owner);
  return undefined;
}

/** Whether waiting for `req` would close a circle of classic-lock owners waiting for each other. */
function wouldDeadlock(file: OpenFile, req: RangeLock): boolean {
  let blocker = rangeConflict(file, req);
  for (let i = 0; blocker && !blocker.ofd && i < MAX_DEADLOCK_CHAIN; i++) {
    if (blocker.owner === req.owner) return true;
    const next = waitOf(blocker.owner);
    blocker = next && rangeConflict(next.file, next.req);
  }
  return false;
}

function setLock(p: GuestProcess, t: GuestThread, file: OpenFile, arg: number, ofd: boolean, wait: boolean): number {
  const req = requestOf(p, file, readFlockFromGuest(p.mem, arg), ofd);
  const access = file.flags & p.abi.openFlags.accmode;
  if ((req.type === F_RDLCK && access === O_WRONLY) || (req.type === F_WRLCK && access === O_RDONLY)) {
    throw new SysError(E.EBADF);
  }
  if (req.type !== F_UNLCK && rangeConflict(file, req)) {
    if (!wait) throw new SysError(E.EAGAIN);
    if (!ofd && wouldDeadlock(file, req)) throw new SysError(E.EDEADLK);
    const w = lockWait(() => !rangeConflict(file, req));
    if (!ofd) waiters.set(req.owner, { file, req, thread: t, wait: w });
    throw new WouldBlock(w);
  }
  setRange(file, req);
  return 0;
}

/** fcntl's lock commands; undefined for any other command. */
export function fcntlLock(p: GuestProcess, t: GuestThread, fd: number, cmd: number, arg: number): number | undefined {
  switch (cmd) {
    case FCNTL.F_GETLK:
    case FCNTL.F_OFD_GETLK:
      return getLock(p, openFile(p, fd), arg, cmd === FCNTL.F_OFD_GETLK);
    case FCNTL.F_SETLK:
    case FCNTL.F_SETLKW:
      return setLock(p, t, openFile(p, fd), arg, false, cmd === FCNTL.F_SETLKW);
    case FCNTL.F_OFD_SETLK:
    case FCNTL.F_OFD_SETLKW:
      return setLock(p, t, openFile(p, fd), arg, true, cmd === FCNTL.F_OFD_SETLKW);
    default:
      return undefined;
  }
}

export const lockRows: SyscallRow[] = [
  sys('flock', ['fd', 'int'], (p, a) => flock(p, int(a[0]), int(a[1]))),
];
