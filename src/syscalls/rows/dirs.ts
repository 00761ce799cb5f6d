// Directories and names: getcwd, chdir, fchdir, mkdirat, unlinkat, renameat(2),
// linkat, symlinkat, getdents64.
import {
  accessSync, chmodSync, constants as host, linkSync, lstatSync, mkdirSync, realpathSync, renameSync, rmdirSync,
  statSync, symlinkSync, unlinkSync,
} from 'node:fs';
import { int, ulong } from '../args.js';
import { AT, AT_FDCWD, RENAME, SEEK } from '../constants.js';
import { listDirectory } from '../dir-list.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import { dirent64ToGuestBytes } from '../guest-structs.js';
import { guestPathAt, readGuestPath } from '../paths.js';
import { sys, type SyscallRow } from '../row.js';
import { fileOf, openFile } from './fd-access.js';
import { inodeOf, notifyCreate, notifyDelete, notifyMove } from '../fs-notify.js';

function getcwd(p: GuestProcess, buf: number, size: number): number {
  const bytes = Buffer.from(p.cwd + '\0');
  if (size < bytes.length) throw new SysError(E.ERANGE);
  p.mem.writeBytes(buf, bytes);
  return bytes.length;
}

/** Makes `path` the cwd; getcwd reports the real path, as the kernel's dentry walk does. */
function changeDir(p: GuestProcess, path: string): number {
  if (!statSync(path).isDirectory()) throw new SysError(E.ENOTDIR);
  accessSync(path, host.X_OK);
  p.cwd = realpathSync(path);
  return 0;
}

function fchdir(p: GuestProcess, fd: number): number {
  const f = fileOf(p, fd);
  if (!f.isDirectory || f.path === undefined) throw new SysError(E.ENOTDIR);
  return changeDir(p, f.path);
}

function mkdirat(p: GuestProcess, dirfd: number, pathAddr: number, mode: number): number {
  const path = guestPathAt(p, dirfd, pathAddr);
  const perms = mode & 0o7777 & ~p.umask;
  mkdirSync(path, { mode: perms });
  chmodSync(path, perms); // the guest's umask, not the host's, decides
  notifyCreate(path);
  return 0;
}

function unlinkat(p: GuestProcess, dirfd: number, pathAddr: number, flags: number): number {
  if (flags & ~AT.AT_REMOVEDIR) throw new SysError(E.EINVAL);
  const path = guestPathAt(p, dirfd, pathAddr);
  const self = inodeOf(path);
  if (flags & AT.AT_REMOVEDIR) rmdirSync(path);
  else unlinkSync(path);
  notifyDelete(path, self);
  return 0;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function renameat2(p: GuestProcess, a: readonly number[], flags: number): number {
  if (flags & ~(RENAME.RENAME_NOREPLACE | RENAME.RENAME_EXCHANGE | RENAME.RENAME_WHITEOUT)) {
    throw new SysError(E.EINVAL);
  }
  const from = guestPathAt(p, int(a[0]), a[1]);
  const to = guestPathAt(p, int(a[2]), a[3]);
  if (flags & RENAME.RENAME_WHITEOUT) {
    p.reportOnce('renameat2', 'renameat2: RENAME_WHITEOUT is not supported');
    throw new SysError(E.EINVAL);
  }
  if (flags & RENAME.RENAME_EXCHANGE) {
    if (flags & RENAME.RENAME_NOREPLACE) throw new SysError(E.EINVAL);
    const [first, second] = [inodeOf(from), inodeOf(to)];
    exchange(from, to);
    notifyMove(from, to, first, undefined); // each file moved to the other's name
    notifyMove(to, from, second, undefined);
    return 0;
  }
  if (flags & RENAME.RENAME_NOREPLACE && exists(to)) throw new SysError(E.EEXIST);
  const [self, replaced] = [inodeOf(from), inodeOf(to)];
  renameSync(from, to);
  notifyMove(from, to, self, replaced);
  return 0;
}

/**
 * RENAME_EXCHANGE through a third name next to `from` (the host offers no atomic
 * exchange to Node): both names must exist, and each ends up naming the other's file.
 */
function exchange(from: string, to: string): number {
  lstatSync(from);
  lstatSync(to);
  const aside = `${from}.tsqemu-exchange-${process.pid}`;
  renameSync(from, aside);
  try {
    renameSync(to, from);
  } catch (err) {
    renameSync(aside, from);
    throw err;
  }
  renameSync(aside, to);
  return 0;
}

function linkat(p: GuestProcess, a: readonly number[]): number {
  const flags = int(a[4]);
  if (flags & ~(AT.AT_SYMLINK_FOLLOW | AT.AT_EMPTY_PATH)) throw new SysError(E.EINVAL);
  const to = guestPathAt(p, int(a[2]), a[3]);
  if (flags & AT.AT_EMPTY_PATH && readGuestPath(p, a[1]) === '') {
    // The file olddirfd refers to, by the name it was opened with.
    const path = fileOf(p, int(a[0])).path;
    if (path === undefined) throw new SysError(E.ENOENT);
    linkSync(path, to);
    notifyCreate(to);
    return 0;
  }
  const from = guestPathAt(p, int(a[0]), a[1]);
  // link(2) does not follow a symlink unless asked to.
  linkSync(flags & AT.AT_SYMLINK_FOLLOW ? realpathSync(from) : from, to);
  notifyCreate(to);
  return 0;
}

function symlinkat(p: GuestProcess, targetAddr: number, dirfd: number, pathAddr: number): number {
  const target = readGuestPath(p, targetAddr); // stored as written, never resolved
  if (target === '') throw new SysError(E.ENOENT);
  const path = guestPathAt(p, dirfd, pathAddr);
  symlinkSync(target, path);
  notifyCreate(path);
  return 0;
}

/** Fills the buffer with whole records from the directory position on. */
function getdents64(p: GuestProcess, fd: number, buf: number, count: number): number {
  const dir = openFile(p, fd);
  if (!dir.isDirectory || dir.path === undefined) throw new SysError(E.ENOTDIR);
  dir.dirEntries ??= listDirectory(dir.path);
  const entries = dir.dirEntries;
  let pos = dir.seek(0, SEEK.SEEK_CUR);
  const records: Uint8Array[] = [];
  let used = 0;
  for (; pos < entries.length; pos++) {
    const e = entries[pos];
    // d_off is the position after this entry, what lseek(fd, d_off, SEEK_SET) resumes at.
    const rec = dirent64ToGuestBytes(e.ino, pos + 1, e.type, e.name);
    if (used + rec.length > count) {
      if (used === 0) throw new SysError(E.EINVAL);
      break;
    }
    records.push(rec);
    used += rec.length;
  }
  if (used > 0) p.mem.writeBytes(buf, Buffer.concat(records));
  dir.seek(pos, SEEK.SEEK_SET);
  return used;
}

export const dirRows: SyscallRow[] = [
  sys('getcwd', ['ptr', 'size'], (p, a) => getcwd(p, a[0], ulong(a[1]))),
  sys('chdir', ['path'], (p, a) => changeDir(p, guestPathAt(p, AT_FDCWD, a[0]))),
  sys('fchdir', ['fd'], (p, a) => fchdir(p, int(a[0]))),
  sys('mkdirat', ['dirfd', 'path', 'mode'], (p, a) => mkdirat(p, int(a[0]), a[1], int(a[2]))),
  sys('unlinkat', ['dirfd', 'path', 'atflags'], (p, a) => unlinkat(p, int(a[0]), a[1], int(a[2]))),
  sys('renameat', ['dirfd', 'path', 'dirfd', 'path'], (p, a) => renameat2(p, a, 0)),
  sys('renameat2', ['dirfd', 'path', 'dirfd', 'path', 'renameflags'], (p, a) => renameat2(p, a, int(a[4]))),
  sys('linkat', ['dirfd', 'path', 'dirfd', 'path', 'atflags'], linkat),
  sys('symlinkat', ['path', 'dirfd', 'path'], (p, a) => symlinkat(p, a[0], int(a[1]), a[2])),
  sys('getdents64', ['fd', 'ptr', 'uint'], (p, a) => getdents64(p, int(a[0]), a[1], a[2] >>> 0)),
];
