// Looking up an fd for a particular use, with the errors Linux gives.
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import type { OpenFile } from '../open-file.js';
import { O_RDONLY, O_WRONLY } from '../open-flags.js';
import { int } from '../args.js';

/** Any open fd, O_PATH ones included. */
export const fileOf = (p: GuestProcess, fd: number): OpenFile => p.fds.get(int(fd));

function usable(p: GuestProcess, fd: number): OpenFile {
  const f = fileOf(p, fd);
  if (f.flags & p.abi.openFlags.path) throw new SysError(E.EBADF);
  return f;
}

export function readableFile(p: GuestProcess, fd: number): OpenFile {
  const f = usable(p, fd);
  if ((f.flags & p.abi.openFlags.accmode) === O_WRONLY) throw new SysError(E.EBADF);
  return f;
}

export function writableFile(p: GuestProcess, fd: number): OpenFile {
  const f = usable(p, fd);
  if ((f.flags & p.abi.openFlags.accmode) === O_RDONLY) throw new SysError(E.EBADF);
  return f;
}

/** An fd that is not O_PATH (fstat, fsync, ioctl...). */
export const openFile = usable;
