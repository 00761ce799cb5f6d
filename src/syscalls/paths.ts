// Guest path arguments: reading them and resolving them against a directory fd the
// way the *at() calls do (Node only has path-based calls). Every path-taking syscall
// goes through joinAt, which is where the -L prefix applies to absolute paths.
import { AT_FDCWD } from './constants.js';
import { E, SysError } from './errno.js';
import type { GuestProcess } from './guest-process.js';
import type { OpenFile } from './open-file.js';
import { procHostPath } from './proc/nodes.js';

const PATH_MAX = 4096;

/** Reads a guest path argument (EFAULT on a bad pointer, ENAMETOOLONG past PATH_MAX). */
export function readGuestPath(p: GuestProcess, addr: number): string {
  const s = p.mem.readCString(addr, PATH_MAX);
  if (Buffer.byteLength(s) >= PATH_MAX) throw new SysError(E.ENAMETOOLONG);
  return s;
}

/** The directory `dirfd` names for a relative path. */
export function baseDir(p: GuestProcess, dirfd: number): string {
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
  return path.startsWith('/') ? p.prefix.hostPath(viaProcSelfFd(path)) : `${baseDir(p, dirfd).replace(/\/$/, '')}/${path}`;
}

/** /dev/fd and /dev/stdin, /dev/stdout, /dev/stderr, followed by what may come after them. */
const DEV_FD_LINK = /^\/dev\/(?:fd|std(in|out|err))(?=\/|$)/;
const STD_FDS = { in: 0, out: 1, err: 2 } as const;

/**
 * The guest's own fds for the links Linux has into /proc/self/fd (/dev/fd/N, /dev/stdin
 * for /proc/self/fd/0...): the host would follow them to the emulator's fds. (readlink
 * and lstat of the link itself then describe the fd it leads to.)
 */
function viaProcSelfFd(path: string): string {
  const m = DEV_FD_LINK.exec(path);
  if (!m) return path;
  const std = m[1] as keyof typeof STD_FDS | undefined;
  return `/proc/self/fd${std === undefined ? '' : `/${STD_FDS[std]}`}${path.slice(m[0].length)}`;
}

/**
 * joinAt, with the guest's /proc answered (proc/nodes.ts): its links followed to where
 * they lead (the last component's only when `followLast`), its files standing for the
 * host's counterparts.
 */
export function resolveAt(p: GuestProcess, dirfd: number, path: string, followLast = true): string {
  return procHostPath(p, joinAt(p, dirfd, path), followLast);
}

/** Reads the path argument at `addr` and resolves it against `dirfd`. */
export function guestPathAt(p: GuestProcess, dirfd: number, addr: number): string {
  return resolveAt(p, dirfd, readGuestPath(p, addr));
}

export { HOST_FD_LINK } from './proc/fd-links.js';
