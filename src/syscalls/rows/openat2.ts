// openat2: openat with a struct open_how and RESOLVE_* restrictions on the lookup.
// Node resolves paths itself, so the restrictions are checked on the path first,
// component by component, before it is opened.
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize, sep } from 'node:path';
import { int } from '../args.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import { baseDir, joinAt, readGuestPath } from '../paths.js';
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

/** The existing prefixes of `path` under `base`, shortest first, and whether each is a symlink. */
function prefixes(base: string, path: string): { at: string; link: boolean }[] {
  const out: { at: string; link: boolean }[] = [];
  let at = base;
  for (const part of path.split(sep).filter((x) => x !== '' && x !== '.')) {
    at = join(at, part);
    const st = lstatSync(at, { throwIfNoEntry: false });
    if (!st) break;
    out.push({ at, link: st.isSymbolicLink() });
  }
  return out;
}

/** Where the lookup of `path` starts on the host, and what is left of it from there. */
function lookupStart(p: GuestProcess, dirfd: number, path: string): [base: string, rest: string] {
  if (!isAbsolute(path)) return [baseDir(p, dirfd), path];
  const host = joinAt(p, dirfd, path); // under the -L prefix when the file is there
  const root = p.prefix.root;
  return root !== '' && host.startsWith(`${root}/`) ? [root, host.slice(root.length)] : ['/', host];
}

function checkResolve(p: GuestProcess, dirfd: number, path: string, resolve: number): void {
  if (resolve === 0) return;
  const [base, rest] = lookupStart(p, dirfd, path);
  const steps = prefixes(base, rest);
  const walked = steps.map((x) => x.at);
  const links = steps.filter((x) => x.link).map((x) => x.at);
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
