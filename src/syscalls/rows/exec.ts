// execve and execveat (see exec.ts).
import { int } from '../args.js';
import { AT, AT_FDCWD } from '../constants.js';
import { E, SysError } from '../errno.js';
import { execve } from '../exec.js';
import { sys, type SyscallRow } from '../row.js';

export const execRows: SyscallRow[] = [
  sys('execve', ['path', 'ptr', 'ptr'], (p, a, t) => execve(p, t, AT_FDCWD, a[0], a[1], a[2])),
  sys('execveat', ['dirfd', 'path', 'ptr', 'ptr', 'atflags'], (p, a, t) => {
    if (int(a[4]) & ~(AT.AT_EMPTY_PATH | AT.AT_SYMLINK_NOFOLLOW)) throw new SysError(E.EINVAL);
    return execve(p, t, int(a[0]), a[1], a[2], a[3]);
  }),
];
