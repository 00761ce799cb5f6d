// Changing what a file is rather than what it holds: owner (fchownat, fchown), times
// (utimensat), length and allocation (truncate, fallocate), and the hints about its
// data (sync_file_range, readahead).
import {
  chownSync, fchownSync, fdatasyncSync, fstatSync, ftruncateSync, lchownSync, statSync, truncateSync, writeSync,
} from 'node:fs';
import { int } from '../args.js';
import { AT, AT_FDCWD } from '../constants.js';
import { UNCHANGED } from '../credentials.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import { guestPathAt } from '../paths.js';
import { fdTarget, statOf, targetAt, type Target } from '../at-target.js';
import { setFileTimes, type TimeSpec } from '../set-file-times.js';
import { sys, type SyscallRow } from '../row.js';
import { openFile, readableFile, writableFile } from './fd-access.js';
import { IN_ATTRIB, IN_MODIFY, notifyChange } from '../fs-notify.js';

const UTIME_NOW = 0x3fffffff;
const UTIME_OMIT = 0x3ffffffe;
const FALLOC_FL_KEEP_SIZE = 0x01, FALLOC_FL_PUNCH_HOLE = 0x02, FALLOC_FL_ZERO_RANGE = 0x10;

function chown(t: Target, uid: number, gid: number): number {
  if (uid === UNCHANGED || gid === UNCHANGED) {
    const st = statOf(t);
    if (uid === UNCHANGED) uid = Number(st.uid);
    if (gid === UNCHANGED) gid = Number(st.gid);
  }
  if ('fd' in t) fchownSync(t.fd, uid, gid);
  else (t.follow ? chownSync : lchownSync)(t.path, uid, gid);
  if ('path' in t) notifyChange(t.path, IN_ATTRIB);
  return 0;
}

function fchownat(p: GuestProcess, a: readonly number[]): number {
  const flags = int(a[4]);
  if (flags & ~(AT.AT_SYMLINK_NOFOLLOW | AT.AT_EMPTY_PATH)) throw new SysError(E.EINVAL);
  return chown(targetAt(p, int(a[0]), a[1], flags), a[2] >>> 0, a[3] >>> 0);
}

/** One timespec of utimensat. */
function timeArg(p: GuestProcess, addr: number): TimeSpec {
  const sec = Number(p.mem.readU64(addr));
  const nsec = Number(p.mem.readU64(addr + 8));
  if (nsec === UTIME_NOW) return 'now';
  if (nsec === UTIME_OMIT) return 'omit';
  if (nsec < 0 || nsec >= 1e9) throw new SysError(E.EINVAL);
  return { sec, nsec };
}

function utimensat(p: GuestProcess, dirfd: number, pathAddr: number, times: number, flags: number): number {
  if (flags & ~(AT.AT_SYMLINK_NOFOLLOW | AT.AT_EMPTY_PATH)) throw new SysError(E.EINVAL);
  const [atime, mtime]: TimeSpec[] = times ? [timeArg(p, times), timeArg(p, times + 16)] : ['now', 'now'];
  if (atime === 'omit' && mtime === 'omit') return 0; // Linux does not even look the file up
  let t: Target;
  if (pathAddr === 0) {
    // futimens: the fd itself (glibc passes a NULL path).
    if (flags & AT.AT_SYMLINK_NOFOLLOW) throw new SysError(E.EINVAL);
    t = fdTarget(p, dirfd);
  } else {
    t = targetAt(p, dirfd, pathAddr, flags);
  }
  statOf(t); // ENOENT and the like (touch -c would say nothing)
  setFileTimes(t, atime, mtime);
  if ('path' in t) notifyChange(t.path, IN_ATTRIB);
  return 0;
}

function length(v: number): number {
  if (v < 0) throw new SysError(E.EINVAL);
  return v;
}

/** Zeroes [offset, offset+len) of host fd `fd` in place. */
function writeZeros(fd: number, offset: number, len: number): void {
  const chunk = new Uint8Array(Math.min(len, 1 << 20));
  for (let done = 0; done < len;) done += writeSync(fd, chunk, 0, Math.min(chunk.length, len - done), offset + done);
}

/**
 * fallocate: Node cannot reserve blocks, so what the guest can observe is emulated — the
 * file grows (mode 0, ZERO_RANGE) and punched or zeroed ranges read back as zeros.
 */
function fallocate(p: GuestProcess, fd: number, mode: number, offset: number, len: number): number {
  if (offset < 0 || len <= 0) throw new SysError(E.EINVAL);
  const file = writableFile(p, fd);
  if (file.hostFd === undefined) throw new SysError(file.isDirectory ? E.EISDIR : E.ENODEV);
  const h = file.hostFd;
  const size = Number(fstatSync(h).size);
  const keepSize = (mode & FALLOC_FL_KEEP_SIZE) !== 0;
  switch (mode & ~FALLOC_FL_KEEP_SIZE) {
    case 0:
      break;
    case FALLOC_FL_PUNCH_HOLE:
      if (!keepSize) throw new SysError(E.EOPNOTSUPP);
      writeZeros(h, offset, Math.max(0, Math.min(len, size - offset)));
      return 0;
    case FALLOC_FL_ZERO_RANGE:
      writeZeros(h, offset, Math.max(0, Math.min(len, size - offset)));
      break;
    default:
      p.reportOnce(`fallocate:${mode}`, `fallocate: mode 0x${mode.toString(16)} is not supported`);
      throw new SysError(E.EOPNOTSUPP);
  }
  if (!keepSize && offset + len > size) ftruncateSync(h, offset + len);
  return 0;
}

function truncate(p: GuestProcess, pathAddr: number, len: number): number {
  const path = guestPathAt(p, AT_FDCWD, pathAddr);
  if (statSync(path).isDirectory()) throw new SysError(E.EISDIR);
  truncateSync(path, length(len));
  notifyChange(path, IN_MODIFY);
  return 0;
}

const SYNC_FILE_RANGE_FLAGS = 0x7;

/** sync_file_range: the host file is synced as a whole (Node has nothing finer). */
function syncFileRange(p: GuestProcess, fd: number, offset: number, nbytes: number, flags: number): number {
  if (flags & ~SYNC_FILE_RANGE_FLAGS || offset < 0 || nbytes < 0) throw new SysError(E.EINVAL);
  const file = openFile(p, fd);
  if (file.hostFd === undefined) throw new SysError(E.ESPIPE);
  if (flags) fdatasyncSync(file.hostFd);
  return 0;
}

/** readahead: only a regular file open for reading can be read ahead; nothing else to do. */
function readahead(p: GuestProcess, fd: number): number {
  const file = readableFile(p, fd);
  if (file.hostFd === undefined || !fstatSync(file.hostFd).isFile()) throw new SysError(E.EINVAL);
  return 0;
}

export const fileAttrRows: SyscallRow[] = [
  sys('fchownat', ['dirfd', 'path', 'int', 'int', 'atflags'], fchownat),
  sys('fchown', ['fd', 'int', 'int'], (p, a) => chown(fdTarget(p, int(a[0])), a[1] >>> 0, a[2] >>> 0)),
  sys('utimensat', ['dirfd', 'path', 'ptr', 'atflags'], (p, a) => utimensat(p, int(a[0]), a[1], a[2], int(a[3]))),
  sys('truncate', ['path', 'long'], (p, a) => truncate(p, a[0], a[1])),
  sys('fallocate', ['fd', 'int', 'long', 'long'], (p, a) => fallocate(p, int(a[0]), int(a[1]), a[2], a[3])),
  sys('sync_file_range', ['fd', 'long', 'long', 'hex'], (p, a) => syncFileRange(p, int(a[0]), a[1], a[2], a[3] >>> 0)),
  sys('readahead', ['fd', 'long', 'size'], (p, a) => readahead(p, int(a[0]))),
];
