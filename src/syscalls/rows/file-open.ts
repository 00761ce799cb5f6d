// Creating and sharing descriptors: openat, close, dup, dup3, fcntl, pipe2.
import { closeSync, existsSync, fchmodSync, openSync } from 'node:fs';
import { int } from '../args.js';
import { FCNTL, FD_CLOEXEC, F_UNLCK } from '../constants.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import { HostFile } from '../host-file.js';
import { fcntlSeals } from '../memfd.js';
import { hostOpenFlags, settableStatusFlags } from '../open-flags.js';
import { joinAt, readGuestPath } from '../paths.js';
import { procHostPath } from '../proc/nodes.js';
import { openProc } from '../proc/open.js';
import { PathFile } from '../path-file.js';
import { makePipe } from '../pipe.js';
import { sys, type SyscallRow } from '../row.js';
import { fileOf } from './fd-access.js';

function openat(p: GuestProcess, dirfd: number, pathAddr: number, flags: number, mode: number): number {
  const f = p.abi.openFlags;
  const abs = joinAt(p, dirfd, readGuestPath(p, pathAddr));
  const path = procHostPath(p, abs);
  const cloexec = (flags & f.cloexec) !== 0;
  // Flags that act at open time only; the rest is what F_GETFL shows (always O_LARGEFILE
  // on a 64-bit kernel).
  const status = (flags & ~(f.creat | f.excl | f.noctty | f.trunc | f.cloexec)) | f.largefile;
  if (flags & f.path) {
    const pathFlags = f.path | (flags & (f.directory | f.nofollow)) | f.largefile;
    return p.fds.add(new PathFile(path, pathFlags, (flags & f.nofollow) !== 0), cloexec);
  }
  const proc = openProc(p, abs, flags, status);
  if (proc) return p.fds.add(proc, cloexec);
  if (flags & f.tmpfile) {
    p.reportOnce('O_TMPFILE', 'openat: O_TMPFILE is not supported');
    throw new SysError(E.EOPNOTSUPP);
  }
  const perms = mode & 0o7777 & ~p.umask;
  const creating = (flags & f.creat) !== 0 && !existsSync(path);
  const fd = openSync(path, hostOpenFlags(flags, f), perms);
  try {
    // The host's umask applied too; the guest's alone should decide.
    if (creating) fchmodSync(fd, perms);
    return p.fds.add(new HostFile(fd, status, path, f), cloexec);
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

function fcntl(p: GuestProcess, fd: number, cmd: number, arg: number): number {
  const entry = p.fds.entry(fd);
  const file = entry.file;
  const sealed = fcntlSeals(p, file, cmd, arg);
  if (sealed !== undefined) return sealed;
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
    case FCNTL.F_GETLK:
    case FCNTL.F_OFD_GETLK:
      // One process: no lock can conflict. l_type is the first field of struct flock.
      p.mem.write16(arg, F_UNLCK);
      return 0;
    case FCNTL.F_SETLK:
    case FCNTL.F_SETLKW:
    case FCNTL.F_OFD_SETLK:
    case FCNTL.F_OFD_SETLKW:
      return 0;
    case FCNTL.F_GETOWN:
    case FCNTL.F_SETOWN:
      return 0;
    case FCNTL.F_GETPIPE_SZ:
    case FCNTL.F_SETPIPE_SZ:
      return 65536;
    default:
      p.reportOnce(`fcntl:${cmd}`, `unsupported fcntl command ${cmd}`);
      throw new SysError(E.EINVAL);
  }
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
  sys('fcntl', ['fd', 'fcntlcmd', 'hex'], (p, a) => fcntl(p, int(a[0]), int(a[1]), a[2])),
  sys('pipe2', ['ptr', 'oflags'], (p, a) => pipe2(p, a[0], int(a[1]))),
];
