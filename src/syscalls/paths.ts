// Guest path arguments: reading them and resolving them against a directory fd the
// way the *at() calls do (Node only has path-based calls). Every path-taking syscall
// goes through joinAt, which is where the -L prefix applies to absolute paths.
import { resolve } from 'node:path';
import { AT_FDCWD } from './constants.js';
import { E, SysError } from './errno.js';
import type { GuestProcess } from './guest-process.js';
import type { OpenFile } from './open-file.js';

const PATH_MAX = 4096;

/** Reads a guest path argument (EFAULT on a bad pointer, ENAMETOOLONG past PATH_MAX). */
export function readGuestPath(p: GuestProcess, addr: number): string {
  const s = p.mem.readCString(addr, PATH_MAX);
  if (Buffer.byteLength(s) >= PATH_MAX) throw new SysError(E.ENAMETOOLONG);
  return s;
}

/** The directory `dirfd` names for a relative path. */
function baseDir(p: GuestProcess, dirfd: number): string {
  if (dirfd === AT_FDCWD) return p.cwd;
  const f: OpenFile = p.fds.get(dirfd);
  if (!f.isDirectory || f.path === undefined) throw new SysError(E.ENOTDIR);
  return f.path;
}

/**
 * The absolute host path for (dirfd, path); an empty path is ENOENT. It is joined, not
 * normalized: the host resolves '..' and symlinks as Linux would, and a trailing '/'
 * still demands a directory. An absolute path is looked up under the -L prefix first.
 */
export function joinAt(p: GuestProcess, dirfd: number, path: string): string {
  if (path === '') throw new SysError(E.ENOENT);
  return path.startsWith('/') ? p.prefix.hostPath(path) : `${baseDir(p, dirfd).replace(/\/$/, '')}/${path}`;
}

/** joinAt, with /proc/self links followed to where the guest's would lead. */
export function resolveAt(p: GuestProcess, dirfd: number, path: string): string {
  const abs = joinAt(p, dirfd, path);
  return procSelfLink(p, abs) ?? abs;
}

/** Reads the path argument at `addr` and resolves it against `dirfd`. */
export function guestPathAt(p: GuestProcess, dirfd: number, addr: number): string {
  return resolveAt(p, dirfd, readGuestPath(p, addr));
}

/** The host's /proc link for a host fd (what a guest fd without a path stands for). */
export const HOST_FD_LINK = '/proc/self/fd/';

/**
 * The host path standing for a guest /proc/self symlink (exe, cwd, fd/N): the host's
 * own links describe the emulator. undefined for any other path.
 */
export function procSelfLink(p: GuestProcess, abs: string): string | undefined {
  const m = /^\/proc\/(self|\d+)\/(exe|cwd|fd\/(\d+))$/.exec(resolve(abs));
  if (!m || (m[1] !== 'self' && Number(m[1]) !== p.pid)) return undefined;
  if (m[2] === 'exe') return p.exePath;
  if (m[2] === 'cwd') return p.cwd;
  let file: OpenFile;
  try {
    file = p.fds.get(Number(m[3]));
  } catch {
    throw new SysError(E.ENOENT);
  }
  if (file.path !== undefined) return file.path;
  if (file.hostFd !== undefined) return HOST_FD_LINK + file.hostFd;
  throw new SysError(E.ENOENT); // an in-memory pipe has no name to reach it by
}
