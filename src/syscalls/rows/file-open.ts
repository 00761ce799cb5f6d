// Creating and sharing descriptors: openat, close, close_range, dup, dup3, fcntl, pipe2.
import { closeSync, constants as host, fchmodSync, openSync, statSync, type Stats } from 'node:fs';
import { PAGE_SIZE } from '../../memory/address-space.js';
import { int } from '../args.js';
import { unshareFds } from '../leave-image.js';
import { FCNTL, FD_CLOEXEC } from '../constants.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import { HostFile } from '../host-file.js';
import type { OpenFile } from '../open-file.js';
import { fcntlSeals } from '../memfd.js';
import { hostOpenFlags, settableStatusFlags } from '../open-flags.js';
import { joinAt, readGuestPath } from '../paths.js';
import { procHostPath } from '../proc/nodes.js';
import { openProc } from '../proc/open.js';
import { PathFile } from '../path-file.js';
import { makePipe, pipeCapacity, resizePipe } from '../pipe.js';
import { sys, type SyscallRow } from '../row.js';
import { fileOf } from './fd-access.js';
import { fcntlLock } from './locks.js';
import { hasControllingTerminal } from '../tty.js';
import type { GuestThread } from '../thread.js';
import { IN_OPEN, notifyChange, notifyCreate } from '../fs-notify.js';

/** What the host's stat says of `path` (following symlinks); undefined: none there (or no access). */
function existing(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

export function openat(p: GuestProcess, dirfd: number, pathAddr: number, flags: number, mode: number): number {
  const f = p.abi.openFlags;
  const abs = joinAt(p, dirfd, readGuestPath(p, pathAddr));
  const cloexec = (flags & f.cloexec) !== 0;
  // Flags that act at open time only; the rest is what F_GETFL shows (always O_LARGEFILE
  // on a 64-bit kernel).
  const status = (flags & ~(f.creat | f.excl | f.noctty | f.trunc | f.cloexec)) | f.largefile;
  // (before the host path: a /proc/self/fd link to a pipe has none, and reopens the pipe)
  const proc = flags & f.path ? undefined : openProc(p, abs, flags, status);
  if (proc) return p.fds.add(proc, cloexec);
  const path = procHostPath(p, abs);
  if (path === '/dev/tty' && !hasControllingTerminal(p)) throw new SysError(E.ENXIO);
  if (flags & f.path) {
    const pathFlags = f.path | (flags & (f.directory | f.nofollow)) | f.largefile;
    return p.fds.add(new PathFile(path, pathFlags, (flags & f.nofollow) !== 0), cloexec);
  }
  if (flags & f.tmpfile) {
    p.reportOnce('O_TMPFILE', 'openat: O_TMPFILE is not supported');
    throw new SysError(E.EOPNOTSUPP);
  }
  const perms = mode & 0o7777 & ~p.umask;
  // One stat: whether O_CREAT creates the file, and whether it is a FIFO. Opening a FIFO
  // waits on the host for the other end, which would stop every guest process: FIFOs
  // are opened non-blocking on the host (reads and writes still block for the guest
  // unless it asked for O_NONBLOCK, see HostFile).
  const st = existing(path);
  const creating = (flags & f.creat) !== 0 && !st;
  const fd = openSync(path, hostOpenFlags(flags, f) | (st?.isFIFO() ? host.O_NONBLOCK : 0), perms);
  try {
    // The host's umask applied too; the guest's alone should decide.
    if (creating) fchmodSync(fd, perms);
    const guestFd = p.fds.add(new HostFile(fd, status, path, f), cloexec);
    if (creating) notifyCreate(path);
    notifyChange(path, IN_OPEN);
    return guestFd;
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

function dup3(p: GuestProcess, oldFd: number, newFd: number, flags: number): number {
  const cloexec = p.abi.openFlags.cloexec;
  if (flags & ~cloexec || oldFd === newFd) throw new SysError(E.EINVAL);
  p.fds.install(newFd, p.fds.get(oldFd), (flags & cloexec) !== 0);
  return newFd;
}

function fcntl(p: GuestProcess, t: GuestThread, fd: number, cmd: number, arg: number): number {
  const entry = p.fds.entry(fd);
  const file = entry.file;
  const locked = fcntlLock(p, t, fd, cmd, arg) ?? fcntlSeals(p, file, cmd, arg);
  if (locked !== undefined) return locked;
  switch (cmd) {
    case FCNTL.F_DUPFD:
    case FCNTL.F_DUPFD_CLOEXEC:
      if (int(arg) < 0) throw new SysError(E.EINVAL);
      return p.fds.add(file, cmd === FCNTL.F_DUPFD_CLOEXEC, int(arg));
    case FCNTL.F_GETFD:
      return entry.cloexec ? FD_CLOEXEC : 0;
    case FCNTL.F_SETFD:
      entry.cloexec = (arg & FD_CLOEXEC) !== 0;
      return 0;
    case FCNTL.F_GETFL:
      return file.flags;
    case FCNTL.F_SETFL: {
      const settable = settableStatusFlags(p.abi.openFlags);
      file.flags = (file.flags & ~settable) | (int(arg) & settable);
      return 0;
    }
    case FCNTL.F_GETOWN:
      return owners.get(file) ?? 0;
    case FCNTL.F_SETOWN:
      // Recorded for F_GETOWN; no SIGIO is ever sent (O_ASYNC is not emulated).
      if (int(arg) !== 0) p.reportOnce('F_SETOWN', 'fcntl: F_SETOWN is recorded, but no SIGIO is sent');
      owners.set(file, int(arg));
      return 0;
    case FCNTL.F_GETPIPE_SZ: {
      const size = pipeCapacity(file);
      if (size === undefined) throw new SysError(E.EBADF);
      return size;
    }
    case FCNTL.F_SETPIPE_SZ:
      return setPipeSize(p, file, arg);
    default:
      p.reportOnce(`fcntl:${cmd}`, `unsupported fcntl command ${cmd}`);
      throw new SysError(E.EINVAL);
  }
}

/** F_SETOWN's process (or -group) of each open file description. */
const owners = new WeakMap<OpenFile, number>();

/** /proc/sys/fs/pipe-max-size: what an unprivileged process may ask for. */
const PIPE_MAX_SIZE = 1 << 20;

/** F_SETPIPE_SZ: whole pages, rounded up to a power of two; returns the size set. */
function setPipeSize(p: GuestProcess, file: OpenFile, arg: number): number {
  const want = arg >>> 0;
  if (arg < 0 || arg > 0x7fffffff) throw new SysError(E.EINVAL);
  let size = PAGE_SIZE;
  while (size < want) size *= 2;
  if (size > PIPE_MAX_SIZE && !p.creds.privileged) throw new SysError(E.EPERM);
  resizePipe(file, size);
  return size;
}

const CLOSE_RANGE_UNSHARE = 2, CLOSE_RANGE_CLOEXEC = 4;

/** close_range: every open fd in [first, last] closed, or marked close-on-exec. */
function closeRange(p: GuestProcess, first: number, last: number, flags: number): number {
  if (flags & ~(CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC) || first > last) throw new SysError(E.EINVAL);
  if (flags & CLOSE_RANGE_UNSHARE) unshareFds(p);
  for (const fd of p.fds.fds) {
    if (fd < first || fd > last) continue;
    if (flags & CLOSE_RANGE_CLOEXEC) p.fds.entry(fd).cloexec = true;
    else p.fds.close(fd);
  }
  return 0;
}

function pipe2(p: GuestProcess, fdsAddr: number, flags: number): number {
  const f = p.abi.openFlags;
  if (flags & ~(f.cloexec | f.nonblock | f.direct)) throw new SysError(E.EINVAL);
  p.mem.check(fdsAddr, 8, 'write');
  const [r, w] = makePipe(flags & f.nonblock, f.nonblock);
  const cloexec = (flags & f.cloexec) !== 0;
  const rfd = p.fds.add(r, cloexec);
  let wfd: number;
  try {
    wfd = p.fds.add(w, cloexec);
  } catch (err) {
    p.fds.close(rfd);
    throw err;
  }
  p.mem.write32(fdsAddr, rfd); // checked writable above
  p.mem.write32(fdsAddr + 4, wfd);
  return 0;
}

export const fileOpenRows: SyscallRow[] = [
  sys('openat', ['dirfd', 'path', 'oflags', 'mode'], (p, a) => openat(p, int(a[0]), a[1], int(a[2]), int(a[3]))),
  sys('close', ['fd'], (p, a) => {
    p.fds.close(int(a[0]));
    return 0;
  }),
  sys('dup', ['fd'], (p, a) => p.fds.add(fileOf(p, a[0]), false)),
  sys('dup3', ['fd', 'fd', 'oflags'], (p, a) => dup3(p, int(a[0]), int(a[1]), int(a[2]))),
  sys('fcntl', ['fd', 'fcntlcmd', 'hex'], (p, a, t) => fcntl(p, t, int(a[0]), int(a[1]), a[2])),
  sys('pipe2', ['ptr', 'oflags'], (p, a) => pipe2(p, a[0], int(a[1]))),
  sys('close_range', ['uint', 'uint', 'hex'], (p, a) => closeRange(p, a[0] >>> 0, a[1] >>> 0, a[2] >>> 0)),
];
