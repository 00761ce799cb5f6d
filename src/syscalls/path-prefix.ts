// The -L prefix (QEMU_LD_PREFIX): a guest sysroot laid over the host's file system.
//
// The rule is qemu-user's (7.2, util/path.c): an absolute guest path names the file
// under the prefix when `prefix + path` exists there, and the host's file otherwise.
// There is no merging: each whole path is looked up on its own, so
//   /lib/libc.so.6      -> <prefix>/lib/libc.so.6    (exists in the sysroot)
//   /lib                -> <prefix>/lib              (a directory on both sides: the prefix wins)
//   /etc/ld.so.cache    -> /etc/ld.so.cache          (not in the sysroot)
//   /                   -> <prefix>/                 (the prefix's root exists)
//   /lib/new-file       -> /lib/new-file             (created on the host: it is not in the prefix)
// "Exists" follows symlinks (a dangling symlink in the prefix does not count), and the
// path is joined as written, so '..' is resolved by the host inside the prefix. Each
// answer is remembered for the rest of the run (qemu assumes the prefix does not
// change): once a path was found missing from the prefix, it stays the host's.
// Relative paths are never prefixed, and neither are /proc and /dev, which always
// describe the emulated process and the host's devices.
import { accessSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const NEVER_PREFIXED = /^\/+(?:proc|dev)(?:\/|$)/;

export class PathPrefix {
  /** The prefix as an absolute host path without a trailing '/'; '' when inactive. */
  readonly root: string;
  private readonly answers = new Map<string, string>();

  /**
   * `prefix` as given to -L; a relative one is taken from `cwd`. No prefix, '' and '/'
   * make every path the host's, as does a prefix that is not a directory.
   */
  constructor(prefix: string | undefined, cwd = process.cwd()) {
    const root = prefix === undefined || prefix === '' ? '' : resolve(cwd, prefix).replace(/\/+$/, '');
    this.root = root !== '' && isDirectory(root) ? root : '';
  }

  get active(): boolean {
    return this.root !== '';
  }

  /** The host path for the guest path `path` (relative paths come back unchanged). */
  hostPath(path: string): string {
    if (!this.active || !path.startsWith('/') || NEVER_PREFIXED.test(path)) return path;
    let answer = this.answers.get(path);
    if (answer === undefined) {
      const candidate = this.root + path;
      answer = exists(candidate) ? candidate : path;
      this.answers.set(path, answer);
    }
    return answer;
  }
}

/** The host's file system as it is. */
export const NO_PREFIX = new PathPrefix(undefined);

function exists(path: string): boolean {
  try {
    accessSync(path); // F_OK, following symlinks, as qemu's access(path, F_OK)
    return true;
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
