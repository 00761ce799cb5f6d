// Sockets: creating, naming, connecting and accepting, options, shutdown. The sockets
// themselves are in ../net; data moves through socket-io.ts and the read/write rows.
import { int } from '../args.js';
import { E, SysError } from '../errno.js';
import type { GuestProcess } from '../guest-process.js';
import {
  AF_INET, AF_INET6, AF_NETLINK, AF_UNIX, AF_UNSPEC, IPPROTO_TCP, IPPROTO_UDP, SHUT_RD, SHUT_RDWR, SHUT_WR,
  SOCK_DGRAM, SOCK_RAW, SOCK_STREAM, SOCK_TYPE_MASK,
} from '../net/constants.js';
import { DatagramSocket } from '../net/datagram-socket.js';
import { writeSockaddrToGuest } from '../net/sockaddr.js';
import type { SocketFile } from '../net/socket-file.js';
import { NETLINK_ROUTE, NetlinkSocket } from '../net/netlink-socket.js';
import { getSocketOption, setSocketOption } from '../net/sockopt.js';
import { TcpSocket } from '../net/tcp-socket.js';
import { UdpSocket } from '../net/udp-socket.js';
import { UnixDgramSocket } from '../net/unix-dgram.js';
import { UnixStreamSocket } from '../net/unix-stream.js';
import { sys, type SyscallRow } from '../row.js';
import { addressArg, socketHost, socketOf } from './socket-access.js';

/** socket()'s type argument: the type, and whether SOCK_NONBLOCK and SOCK_CLOEXEC are set. */
function typeArg(p: GuestProcess, type: number): { type: number; nonblock: boolean; cloexec: boolean } {
  const f = p.abi.openFlags;
  if (type & ~(SOCK_TYPE_MASK | f.nonblock | f.cloexec)) throw new SysError(E.EINVAL);
  return { type: type & SOCK_TYPE_MASK, nonblock: (type & f.nonblock) !== 0, cloexec: (type & f.cloexec) !== 0 };
}

function unsupported(p: GuestProcess, what: string, errno: number): never {
  p.reportOnce(`socket:${what}`, `socket: ${what} is not supported`);
  throw new SysError(errno);
}

function newSocket(p: GuestProcess, domain: number, type: number, protocol: number, nonblock: boolean): SocketFile {
  const host = socketHost(p);
  if (domain === AF_UNIX) {
    if (protocol !== 0 && protocol !== AF_UNIX) throw new SysError(E.EPROTONOSUPPORT);
    if (type === SOCK_STREAM) return new UnixStreamSocket(host, nonblock);
    if (type === SOCK_DGRAM) return new UnixDgramSocket(host, nonblock);
    return unsupported(p, `AF_UNIX type ${type}`, E.ESOCKTNOSUPPORT);
  }
  if (domain === AF_INET || domain === AF_INET6) {
    if (type === SOCK_STREAM) {
      if (protocol !== 0 && protocol !== IPPROTO_TCP) throw new SysError(E.EPROTONOSUPPORT);
      return new TcpSocket(host, domain, nonblock);
    }
    if (type === SOCK_DGRAM) {
      if (protocol !== 0 && protocol !== IPPROTO_UDP) return unsupported(p, `SOCK_DGRAM protocol ${protocol}`, E.EPROTONOSUPPORT);
      return new UdpSocket(host, domain, nonblock);
    }
    return unsupported(p, `internet socket type ${type}`, E.ESOCKTNOSUPPORT);
  }
  if (domain === AF_NETLINK) {
    if (type !== SOCK_RAW && type !== SOCK_DGRAM) throw new SysError(E.ESOCKTNOSUPPORT);
    if (protocol !== NETLINK_ROUTE) return unsupported(p, `netlink protocol ${protocol}`, E.EPROTONOSUPPORT);
    return new NetlinkSocket(host, type, nonblock);
  }
  return unsupported(p, `address family ${domain}`, E.EAFNOSUPPORT);
}

function socket(p: GuestProcess, domain: number, typeBits: number, protocol: number): number {
  const { type, nonblock, cloexec } = typeArg(p, typeBits);
  const s = newSocket(p, domain, type, protocol, nonblock);
  try {
    return p.fds.add(s, cloexec);
  } catch (err) {
    s.close();
    throw err;
  }
}

function socketpair(p: GuestProcess, domain: number, typeBits: number, protocol: number, svAddr: number): number {
  const { type, nonblock, cloexec } = typeArg(p, typeBits);
  if (domain !== AF_UNIX) throw new SysError(domain === AF_INET || domain === AF_INET6 ? E.EOPNOTSUPP : E.EAFNOSUPPORT);
  if (protocol !== 0 && protocol !== AF_UNIX) throw new SysError(E.EPROTONOSUPPORT);
  const host = socketHost(p);
  const pair = type === SOCK_STREAM ? UnixStreamSocket.pair(host, nonblock)
    : type === SOCK_DGRAM ? UnixDgramSocket.pair(host, nonblock)
      : unsupported(p, `socketpair type ${type}`, E.ESOCKTNOSUPPORT);
  p.mem.check(svAddr, 8, 'write');
  const first = p.fds.add(pair[0], cloexec);
  let second: number;
  try {
    second = p.fds.add(pair[1], cloexec);
  } catch (err) {
    p.fds.close(first);
    pair[1].close();
    throw err;
  }
  p.mem.write32(svAddr, first);
  p.mem.write32(svAddr + 4, second);
  return 0;
}

function connect(p: GuestProcess, fd: number, addr: number, len: number): number {
  const s = socketOf(p, fd);
  // connect() to AF_UNSPEC takes a datagram socket's default destination away.
  if (int(len) >= 2 && p.mem.read16(addr) === AF_UNSPEC && s instanceof DatagramSocket) return s.disconnect();
  return s.connect(addressArg(p, addr, len, s.domain));
}

function accept(p: GuestProcess, fd: number, addr: number, lenAddr: number, flags: number): number {
  const f = p.abi.openFlags;
  if (flags & ~(f.nonblock | f.cloexec)) throw new SysError(E.EINVAL);
  const conn = socketOf(p, fd).accept((flags & f.nonblock) !== 0);
  try {
    writeSockaddrToGuest(p.mem, addr, lenAddr, conn.peerAddress());
    return p.fds.add(conn, (flags & f.cloexec) !== 0);
  } catch (err) {
    conn.close();
    throw err;
  }
}

export const socketRows: SyscallRow[] = [
  sys('socket', ['int', 'hex', 'int'], (p, a) => socket(p, int(a[0]), int(a[1]), int(a[2]))),
  sys('socketpair', ['int', 'hex', 'int', 'ptr'], (p, a) => socketpair(p, int(a[0]), int(a[1]), int(a[2]), a[3])),
  sys('bind', ['fd', 'ptr', 'int'], (p, a) => {
    const s = socketOf(p, a[0]);
    return s.bind(addressArg(p, a[1], a[2], s.domain));
  }),
  sys('listen', ['fd', 'int'], (p, a) => socketOf(p, a[0]).listen(int(a[1]))),
  sys('accept', ['fd', 'ptr', 'ptr'], (p, a) => accept(p, a[0], a[1], a[2], 0)),
  sys('accept4', ['fd', 'ptr', 'ptr', 'hex'], (p, a) => accept(p, a[0], a[1], a[2], int(a[3]))),
  sys('connect', ['fd', 'ptr', 'int'], (p, a) => connect(p, a[0], a[1], a[2])),
  sys('getsockname', ['fd', 'ptr', 'ptr'], (p, a) => {
    writeSockaddrToGuest(p.mem, a[1], a[2], socketOf(p, a[0]).localAddress());
    return 0;
  }),
  sys('getpeername', ['fd', 'ptr', 'ptr'], (p, a) => {
    writeSockaddrToGuest(p.mem, a[1], a[2], socketOf(p, a[0]).peerAddress());
    return 0;
  }),
  sys('getsockopt', ['fd', 'int', 'int', 'ptr', 'ptr'], (p, a) =>
    getSocketOption(p.mem, socketOf(p, a[0]), int(a[1]), int(a[2]), a[3], a[4])),
  sys('setsockopt', ['fd', 'int', 'int', 'ptr', 'int'], (p, a) =>
    setSocketOption(p.mem, socketOf(p, a[0]), int(a[1]), int(a[2]), a[3], int(a[4]))),
  sys('shutdown', ['fd', 'int'], (p, a) => {
    const s = socketOf(p, a[0]);
    const how = int(a[1]);
    if (how !== SHUT_RD && how !== SHUT_WR && how !== SHUT_RDWR) throw new SysError(E.EINVAL);
    return s.shutdown(how);
  }),
];
