// Extended attributes. Node cannot read or write them, so every file answers as one on
// a file system without xattr support: EOPNOTSUPP, after the checks Linux makes first
// (the file must exist, the name must be sane). ls -l, cp -a and Python's shutil read
// that as "no ACLs, no attributes to copy".
import { lstatSync, statSync } from 'node:fs';
import { int } from '../args.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import { AT_FDCWD } from '../constants.js';
import { readGuestPath, resolveAt } from '../paths.js';
import { sys, type Args, type SyscallRow } from '../row.js';
import { fileOf } from './fd-access.js';

/** XATTR_NAME_MAX: the longest attribute name. */
const NAME_MAX = 255;

/** The file named by the path at `pathAddr` must exist (ENOENT, ENOTDIR, ELOOP...). */
function checkPath(p: GuestProcess, pathAddr: number, follow: boolean): void {
  const path = resolveAt(p, AT_FDCWD, readGuestPath(p, pathAddr), follow);
  if (follow) statSync(path);
  else lstatSync(path);
}

function checkName(p: GuestProcess, nameAddr: number): void {
  const name = p.mem.readCString(nameAddr, NAME_MAX + 1);
  if (name === '' || Buffer.byteLength(name) > NAME_MAX) throw new SysError(E.ERANGE);
}

type Handler = (p: GuestProcess, a: Args) => number;

/** A call on the path in a[0] (the name in a[1] when `named`). */
function onPath(follow: boolean, named: boolean): Handler {
  return (p, a) => {
    checkPath(p, a[0], follow);
    if (named) checkName(p, a[1]);
    throw new SysError(E.EOPNOTSUPP);
  };
}

/** A call on the fd in a[0] (the name in a[1] when `named`). */
function onFd(named: boolean): Handler {
  return (p, a) => {
    fileOf(p, int(a[0]));
    if (named) checkName(p, a[1]);
    throw new SysError(E.EOPNOTSUPP);
  };
}

export const xattrRows: SyscallRow[] = [
  sys('setxattr', ['path', 'ptr', 'ptr', 'size', 'int'], onPath(true, true)),
  sys('lsetxattr', ['path', 'ptr', 'ptr', 'size', 'int'], onPath(false, true)),
  sys('fsetxattr', ['fd', 'ptr', 'ptr', 'size', 'int'], onFd(true)),
  sys('getxattr', ['path', 'ptr', 'ptr', 'size'], onPath(true, true)),
  sys('lgetxattr', ['path', 'ptr', 'ptr', 'size'], onPath(false, true)),
  sys('fgetxattr', ['fd', 'ptr', 'ptr', 'size'], onFd(true)),
  sys('listxattr', ['path', 'ptr', 'size'], onPath(true, false)),
  sys('llistxattr', ['path', 'ptr', 'size'], onPath(false, false)),
  sys('flistxattr', ['fd', 'ptr', 'size'], onFd(false)),
  sys('removexattr', ['path', 'ptr'], onPath(true, true)),
  sys('lremovexattr', ['path', 'ptr'], onPath(false, true)),
  sys('fremovexattr', ['fd', 'ptr'], onFd(true)),
];
