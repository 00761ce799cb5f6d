// mknodat: regular files and FIFOs for anyone; device nodes only for root, as Linux.
// Node cannot make a FIFO, so the host's mkfifo(1) does.
import { closeSync, fchmodSync, lstatSync, openSync } from 'node:fs';
import { int } from '../args.js';
import { S_IFBLK, S_IFCHR, S_IFIFO, S_IFMT, S_IFREG, S_IFSOCK } from '../constants.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import { runHostTool } from '../host-tool.js';
import { guestPathAt } from '../paths.js';
import { sys, type SyscallRow } from '../row.js';
import { notifyCreate } from '../fs-notify.js';

/** EEXIST before anything is made (mkfifo's own messages are not errnos). */
function mustNotExist(path: string): void {
  try {
    lstatSync(path);
  } catch {
    return;
  }
  throw new SysError(E.EEXIST);
}

function mkfifo(path: string, perms: number): void {
  mustNotExist(path);
  const r = runHostTool('mkfifo', ['-m', perms.toString(8), '--', path]);
  if (r.status === 0) return;
  const msg = r.stderr ?? '';
  if (/No such file/.test(msg)) throw new SysError(E.ENOENT);
  if (/Not a directory/.test(msg)) throw new SysError(E.ENOTDIR);
  if (/Permission denied/.test(msg)) throw new SysError(E.EACCES);
  throw new SysError(E.EIO);
}

function mknodat(p: GuestProcess, dirfd: number, pathAddr: number, mode: number): number {
  const path = guestPathAt(p, dirfd, pathAddr);
  const perms = mode & 0o7777 & ~p.umask;
  switch (mode & S_IFMT) {
    case 0:
    case S_IFREG: {
      const fd = openSync(path, 'wx', perms);
      fchmodSync(fd, perms); // the guest's umask, not the host's, decides
      closeSync(fd);
      notifyCreate(path);
      return 0;
    }
    case S_IFIFO:
      mkfifo(path, perms);
      notifyCreate(path);
      return 0;
    case S_IFCHR:
    case S_IFBLK:
      mustNotExist(path);
      if (p.creds.privileged) p.reportOnce('mknod:dev', 'mknodat: device nodes are not supported');
      throw new SysError(E.EPERM); // what an unprivileged process gets anyway
    case S_IFSOCK:
      p.reportOnce('mknod:sock', 'mknodat: socket nodes are not supported');
      throw new SysError(E.EPERM);
    default:
      throw new SysError(E.EINVAL);
  }
}

export const mknodRows: SyscallRow[] = [
  sys('mknodat', ['dirfd', 'path', 'mode', 'hex'], (p, a) => mknodat(p, int(a[0]), a[1], int(a[2]))),
];
