// openat2: openat with a struct open_how and RESOLVE_* restrictions on the lookup.
// Node resolves paths itself, so the restrictions are checked on the path first,
// component by component, before it is opened.
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize, sep } from 'node:path';
import { int } from '../args.js';
import { AT_FDCWD } from '../constants.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import { readGuestPath } from '../paths.js';
import { sys, type SyscallRow } from '../row.js';
import { openat } from './file-open.js';

const RESOLVE_NO_XDEV = 0x01, RESOLVE_NO_MAGICLINKS = 0x02, RESOLVE_NO_SYMLINKS = 0x04;
const RESOLVE_BENEATH = 0x08, RESOLVE_IN_ROOT = 0x10, RESOLVE_CACHED = 0x20;
/** struct open_how { u64 flags, mode, resolve } (OPEN_HOW_SIZE_VER0). */
const OPEN_HOW_SIZE = 24;
/** /proc's links that are not paths (fd/N, exe, cwd, root). */
const MAGIC_LINK = /^\/proc\/[^/]+\/(fd\/\d+|exe|cwd|root)$/;
/** Bits openat2 knows (it refuses the rest, unlike openat). */
const KNOWN_OPEN_FLAGS = 0o37777777;

/** The directory a relative path starts from. */
function startDir(p: GuestProcess, dirfd: number): string {
  if (dirfd === AT_FDCWD) return p.cwd;
  const f = p.fds.get(dirfd);
  if (!f.isDirectory || f.path === undefined) throw new SysError(E.ENOTDIR);
  return f.path;
}

/** The existing prefixes of `path` under `base`, shortest first. */
function prefixes(base: string, path: string): string[] {
  const out: string[] = [];
  let at = base;
  for (const part of path.split(sep).filter((x) => x !== '' && x !== '.')) {
    at = join(at, part);
    try {
      lstatSync(at);
    } catch {
      break;
    }
    out.push(at);
  }
  return out;
}

function checkResolve(p: GuestProcess, dirfd: number, path: string, resolve: number): void {
  const base = startDir(p, dirfd);
  const walked = prefixes(base, path);
  const links = walked.filter((x) => lstatSync(x).isSymbolicLink());
  if (resolve & RESOLVE_NO_SYMLINKS && links.length > 0) throw new SysError(E.ELOOP);
  if (resolve & RESOLVE_NO_MAGICLINKS && links.some((x) => MAGIC_LINK.test(x))) throw new SysError(E.ELOOP);
  if (resolve & RESOLVE_BENEATH) {
    const rel = normalize(path);
    if (isAbsolute(path) || rel === '..' || rel.startsWith(`..${sep}`)) throw new SysError(E.EXDEV);
    const root = realpathSync(base);
    const deepest = walked.length > 0 ? realpathSync(walked[walked.length - 1]) : root;
    if (deepest !== root && !deepest.startsWith(root + sep)) throw new SysError(E.EXDEV);
  }
  if (resolve & RESOLVE_NO_XDEV) {
    const dev = statSync(base).dev;
    if (walked.some((x) => statSync(x).dev !== dev)) throw new SysError(E.EXDEV);
  }
}

function openat2(p: GuestProcess, dirfd: number, pathAddr: number, how: number, size: number): number {
  if (size < OPEN_HOW_SIZE) throw new SysError(E.EINVAL);
  if (size > OPEN_HOW_SIZE && p.mem.readBytes(how + OPEN_HOW_SIZE, size - OPEN_HOW_SIZE).some((b) => b !== 0)) {
    throw new SysError(E.E2BIG);
  }
  const [flags, mode, resolve] = [0, 8, 16].map((o) => p.mem.readU64(how + o));
  const f = p.abi.openFlags;
  if (flags > KNOWN_OPEN_FLAGS || mode > 0o7777) throw new SysError(E.EINVAL);
  if (mode !== 0 && !(flags & (f.creat | f.tmpfile))) throw new SysError(E.EINVAL);
  if (resolve & ~(RESOLVE_NO_XDEV | RESOLVE_NO_MAGICLINKS | RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH | RESOLVE_IN_ROOT | RESOLVE_CACHED)) {
    throw new SysError(E.EINVAL);
  }
  if (resolve & RESOLVE_IN_ROOT) {
    p.reportOnce('openat2:in-root', 'openat2: RESOLVE_IN_ROOT is not supported');
    throw new SysError(E.EINVAL);
  }
  checkResolve(p, dirfd, readGuestPath(p, pathAddr), resolve);
  return openat(p, dirfd, pathAddr, flags, mode);
}

export const openat2Rows: SyscallRow[] = [
  sys('openat2', ['dirfd', 'path', 'ptr', 'size'], (p, a) => openat2(p, int(a[0]), a[1], a[2], a[3])),
];
