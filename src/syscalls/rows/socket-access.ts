// Looking up a socket fd, and reading socket-address arguments, for the socket rows.
import { AT_FDCWD } from '../constants.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import { AF_UNIX } from '../net/constants.js';
import { readSockaddrFromGuest, type SocketAddress } from '../net/sockaddr.js';
import { SocketFile, type SocketHost } from '../net/socket-file.js';
import { joinAt } from '../paths.js';
import { int } from '../args.js';

/** The socket behind `fd` (EBADF, or ENOTSOCK for another kind of file). */
export function socketOf(p: GuestProcess, fd: number): SocketFile {
  const f = p.fds.get(int(fd));
  if (!(f instanceof SocketFile)) throw new SysError(E.ENOTSOCK);
  return f;
}

/** What a new socket of `p` needs from the kernel. */
export function socketHost(p: GuestProcess): SocketHost {
  const kernel = p.kernel;
  return {
    pid: p.pid,
    nonblockBit: p.abi.openFlags.nonblock,
    wake: () => kernel.hostEvent(),
    report: (key, message) => kernel.reportOnce(key, message),
  };
}

/**
 * The sockaddr argument at `addr` (`len` bytes) for a socket of `family`; a Unix file
 * name is also resolved to its host path, against the caller's cwd and -L prefix.
 */
export function addressArg(p: GuestProcess, addr: number, len: number, family: number): SocketAddress {
  const sa = readSockaddrFromGuest(p.mem, addr, int(len), family);
  if (sa.family !== AF_UNIX || sa.abstract || sa.name === '') return sa;
  return { ...sa, hostPath: joinAt(p, AT_FDCWD, sa.name) };
}
