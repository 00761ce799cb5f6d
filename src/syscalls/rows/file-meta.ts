// Asking about files: fstat, newfstatat, statx, readlinkat, faccessat(2); changing
// their mode (fchmod, fchmodat, fchmodat2); and the calls that act on a file's data as a whole
// (ftruncate, fsync, fdatasync).
import {
  accessSync, chmodSync, fchmodSync, fdatasyncSync, fsyncSync, ftruncateSync, lstatSync, readlinkSync,
  statSync,
} from 'node:fs';
import { int, u32 } from '../args.js';
import { AT, AT_EACCESS, AT_FDCWD } from '../constants.js';
import { E, SysError } from '../errno.js';
import { fileStatFromHost, type FileStat } from '../file-stat.js';
import type { GuestProcess } from '../guest-process.js';
import { MemfdFile } from '../memfd.js';
import { STATX_BASIC_STATS, STATX_BTIME, writeStatToGuest, writeStatxToGuest } from '../guest-structs.js';
import { HOST_FD_LINK, joinAt, readGuestPath, resolveAt } from '../paths.js';
import { procLinkedFileStat, procReadlink } from '../proc/nodes.js';
import { sys, type SyscallRow } from '../row.js';
import { fileOf, openFile } from './fd-access.js';
import { mountOf } from '../mounts.js';
import { targetAt } from '../at-target.js';
import { IN_ATTRIB, IN_MODIFY, notifyChange } from '../fs-notify.js';

const STAT_FLAGS = AT.AT_SYMLINK_NOFOLLOW | AT.AT_NO_AUTOMOUNT | AT.AT_EMPTY_PATH
  | AT.AT_STATX_FORCE_SYNC | AT.AT_STATX_DONT_SYNC;
const STATX_RESERVED = 0x80000000;
const STATX_MNT_ID = 0x1000;
const STATX_ATTR_MOUNT_ROOT = 0x2000n;
/** AT_STATX_FORCE_SYNC and AT_STATX_DONT_SYNC: one or the other. */
const STATX_SYNC_TYPE = AT.AT_STATX_FORCE_SYNC | AT.AT_STATX_DONT_SYNC;

const hostStat = (path: string, follow: boolean): FileStat =>
  fileStatFromHost(follow ? statSync(path, { bigint: true }) : lstatSync(path, { bigint: true }));

/**
 * newfstatat and statx: (dirfd, path, flags) -> the file's metadata, and the host path
 * looked at (for statx's mount; undefined: an in-memory file).
 */
function statAt(p: GuestProcess, dirfd: number, pathAddr: number, flags: number): { st: FileStat; hostPath?: string } {
  if (flags & ~STAT_FLAGS || (flags & STATX_SYNC_TYPE) === STATX_SYNC_TYPE) throw new SysError(E.EINVAL);
  const path = readGuestPath(p, pathAddr);
  if (path === '' && flags & AT.AT_EMPTY_PATH) {
    if (dirfd === AT_FDCWD) return { st: hostStat(p.cwd, true), hostPath: p.cwd };
    const f = fileOf(p, dirfd);
    return { st: f.stat(), hostPath: f.path ?? (f.hostFd !== undefined ? HOST_FD_LINK + f.hostFd : undefined) };
  }
  const follow = !(flags & AT.AT_SYMLINK_NOFOLLOW);
  const inMemory = follow ? procLinkedFileStat(p, joinAt(p, dirfd, path)) : undefined;
  if (inMemory) return { st: inMemory };
  const hostPath = resolveAt(p, dirfd, path, follow);
  return { st: hostStat(hostPath, follow), hostPath };
}

function statx(p: GuestProcess, a: readonly number[]): number {
  if (u32(a[3]) & STATX_RESERVED) throw new SysError(E.EINVAL);
  const [dirfd, flags] = [int(a[0]), int(a[2])];
  const { st, hostPath } = statAt(p, dirfd, a[1], flags);
  const mask = STATX_BASIC_STATS | (st.birthtimeNs > 0n ? STATX_BTIME : 0);
  // The mount (a realpath and a read of mountinfo) only for a caller that asks for it.
  const wantMount = (u32(a[3]) & STATX_MNT_ID) !== 0 && hostPath !== undefined;
  const mount = wantMount ? mountOf(hostPath, st.dev, !(flags & AT.AT_SYMLINK_NOFOLLOW)) : undefined;
  if (!mount) {
    writeStatxToGuest(p.mem, a[4], st, mask);
    return 0;
  }
  writeStatxToGuest(p.mem, a[4], st, mask | STATX_MNT_ID, {
    mntId: mount.id, attributesMask: STATX_ATTR_MOUNT_ROOT, attributes: mount.isRoot ? STATX_ATTR_MOUNT_ROOT : 0n,
  });
  return 0;
}

function readlinkat(p: GuestProcess, dirfd: number, pathAddr: number, buf: number, size: number): number {
  if (size <= 0) throw new SysError(E.EINVAL);
  const abs = joinAt(p, dirfd, readGuestPath(p, pathAddr));
  const own = procReadlink(p, abs); // the guest's /proc links say what they stand for
  const target = own === undefined ? readlinkSync(abs, { encoding: 'buffer' }) : Buffer.from(own);
  const out = target.subarray(0, size); // no NUL, silently truncated, as readlink(2) does
  p.mem.writeBytes(buf, out);
  return out.length;
}

function faccessat(p: GuestProcess, dirfd: number, pathAddr: number, mode: number, flags: number): number {
  if (mode & ~0o7 || flags & ~(AT_EACCESS | AT.AT_SYMLINK_NOFOLLOW | AT.AT_EMPTY_PATH)) {
    throw new SysError(E.EINVAL);
  }
  const t = targetAt(p, dirfd, pathAddr, flags);
  if ('fd' in t) accessSync(HOST_FD_LINK + t.fd, mode);
  else if (t.follow || !lstatSync(t.path).isSymbolicLink()) accessSync(t.path, mode);
  // else: a symlink itself grants everything
  return 0;
}

/** fchmodat and fchmodat2: a symlink's own mode cannot be changed on Linux (EOPNOTSUPP). */
function fchmodat(p: GuestProcess, dirfd: number, pathAddr: number, mode: number, flags: number): number {
  if (flags & ~(AT.AT_SYMLINK_NOFOLLOW | AT.AT_EMPTY_PATH)) throw new SysError(E.EINVAL);
  const t = targetAt(p, dirfd, pathAddr, flags);
  if ('fd' in t) fchmodSync(t.fd, mode & 0o7777);
  else if (!t.follow && lstatSync(t.path).isSymbolicLink()) throw new SysError(E.EOPNOTSUPP);
  else chmodSync(t.path, mode & 0o7777);
  if ('path' in t) notifyChange(t.path, IN_ATTRIB);
  return 0;
}

/** The host fd behind `fd`, for calls only a real file can answer. */
function hostFdOf(p: GuestProcess, fd: number): number {
  const h = openFile(p, fd).hostFd;
  if (h === undefined) throw new SysError(E.EINVAL);
  return h;
}

export const fileMetaRows: SyscallRow[] = [
  sys('fstat', ['fd', 'ptr'], (p, a) => {
    writeStatToGuest(p.mem, a[1], fileOf(p, a[0]).stat());
    return 0;
  }),
  sys('newfstatat', ['dirfd', 'path', 'ptr', 'atflags'], (p, a) => {
    writeStatToGuest(p.mem, a[2], statAt(p, int(a[0]), a[1], int(a[3])).st);
    return 0;
  }),
  sys('statx', ['dirfd', 'path', 'atflags', 'hex', 'ptr'], statx),
  sys('readlinkat', ['dirfd', 'path', 'ptr', 'int'], (p, a) => readlinkat(p, int(a[0]), a[1], a[2], int(a[3]))),
  sys('faccessat', ['dirfd', 'path', 'int'], (p, a) => faccessat(p, int(a[0]), a[1], int(a[2]), 0)),
  sys('faccessat2', ['dirfd', 'path', 'int', 'atflags'], (p, a) =>
    faccessat(p, int(a[0]), a[1], int(a[2]), int(a[3]))),
  sys('fchmodat', ['dirfd', 'path', 'mode'], (p, a) => fchmodat(p, int(a[0]), a[1], int(a[2]), 0)),
  sys('fchmodat2', ['dirfd', 'path', 'mode', 'atflags'], (p, a) => fchmodat(p, int(a[0]), a[1], int(a[2]), int(a[3]))),
  sys('fchmod', ['fd', 'mode'], (p, a) => {
    fchmodSync(hostFdOf(p, a[0]), int(a[1]) & 0o7777);
    return 0;
  }),
  sys('ftruncate', ['fd', 'long'], (p, a) => {
    if (a[1] < 0) throw new SysError(E.EINVAL);
    const file = openFile(p, a[0]);
    if (file instanceof MemfdFile) file.checkTruncate(a[1]);
    // Shared mappings of the file show the new size (the part cut off reads as zeros).
    p.kernel.shared.fileIo(p, file, true, () => ftruncateSync(hostFdOf(p, a[0]), a[1]));
    if (file.path !== undefined) notifyChange(file.path, IN_MODIFY);
    return 0;
  }),
  sys('fsync', ['fd'], (p, a) => {
    fsyncSync(hostFdOf(p, a[0]));
    return 0;
  }),
  sys('fdatasync', ['fd'], (p, a) => {
    fdatasyncSync(hostFdOf(p, a[0]));
    return 0;
  }),
];
