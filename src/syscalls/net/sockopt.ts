// getsockopt and setsockopt: the common options of SOL_SOCKET, IPPROTO_TCP,
// IPPROTO_IPV6 and SOL_NETLINK. Values are ints unless the option says otherwise (SO_LINGER's struct
// linger, the timeouts' struct timeval). An option we do not know is reported once and
// refused with ENOPROTOOPT, never pretended.
import type { AddressSpace } from '../../memory/address-space.js';
import { E, SysError } from '../errno.js';
import {
  AF_INET, AF_INET6, AF_NETLINK, AF_UNIX, IPPROTO_IPV6, IPPROTO_TCP, IPV6_V6ONLY, NETLINK_CAP_ACK, NETLINK_EXT_ACK,
  SOCKET_BUFFER_BYTES, SOCK_STREAM, SOL_NETLINK, SOL_SOCKET, SO, TCP_KEEPCNT, TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_MAXSEG, TCP_NODELAY,
} from './constants.js';
import type { SocketFile } from './socket-file.js';

/** Linux's default buffer sizes (net.core.*mem_default, tcp_rmem/tcp_wmem). */
const DEFAULT_BUF = SOCKET_BUFFER_BYTES;
const TCP_DEFAULT_RCVBUF = 131072;
const TCP_DEFAULT_SNDBUF = 16384;
/** setsockopt doubles a buffer size (bookkeeping overhead) within these bounds. */
const BUF_MAX = SOCKET_BUFFER_BYTES;
const RCVBUF_MIN = 2304;
const SNDBUF_MIN = 4608;

/** Remembered int options and their defaults, by level. */
const INT_OPTIONS: ReadonlyMap<number, ReadonlyMap<number, number>> = new Map([
  [SOL_SOCKET, new Map<number, number>([
    [SO.SO_DEBUG, 0], [SO.SO_REUSEADDR, 0], [SO.SO_REUSEPORT, 0], [SO.SO_KEEPALIVE, 0],
    [SO.SO_DONTROUTE, 0], [SO.SO_BROADCAST, 0], [SO.SO_OOBINLINE, 0], [SO.SO_NO_CHECK, 0],
    [SO.SO_PRIORITY, 0], [SO.SO_PASSCRED, 0], [SO.SO_RCVLOWAT, 1], [SO.SO_SNDLOWAT, 1],
  ])],
  [IPPROTO_TCP, new Map<number, number>([
    [TCP_NODELAY, 0], [TCP_MAXSEG, 536], [TCP_KEEPIDLE, 7200], [TCP_KEEPINTVL, 75], [TCP_KEEPCNT, 9],
  ])],
  [IPPROTO_IPV6, new Map<number, number>([[IPV6_V6ONLY, 0]])],
  [SOL_NETLINK, new Map<number, number>([[NETLINK_CAP_ACK, 0], [NETLINK_EXT_ACK, 0]])],
]);

/** Options that are on or off: they read back as 1 or 0 whatever was set. */
const BOOLEAN_OPTIONS: ReadonlySet<string> = new Set([
  ...[SO.SO_DEBUG, SO.SO_REUSEADDR, SO.SO_REUSEPORT, SO.SO_KEEPALIVE, SO.SO_DONTROUTE, SO.SO_BROADCAST,
    SO.SO_OOBINLINE, SO.SO_NO_CHECK, SO.SO_PASSCRED].map((n) => `${SOL_SOCKET}:${n}`),
  `${IPPROTO_TCP}:${TCP_NODELAY}`, `${IPPROTO_IPV6}:${IPV6_V6ONLY}`,
  `${SOL_NETLINK}:${NETLINK_CAP_ACK}`, `${SOL_NETLINK}:${NETLINK_EXT_ACK}`,
]);

/** Whether options of `level` exist for socket `s` (ENOPROTOOPT otherwise, as Linux answers). */
function levelApplies(s: SocketFile, level: number): boolean {
  if (level === SOL_SOCKET) return true;
  if (level === IPPROTO_TCP) return (s.domain === AF_INET || s.domain === AF_INET6) && s.type === SOCK_STREAM;
  if (level === IPPROTO_IPV6) return s.domain === AF_INET6;
  if (level === SOL_NETLINK) return s.domain === AF_NETLINK;
  return false;
}

function unknown(s: SocketFile, what: string, level: number, name: number): never {
  s.host.report(`${what}:${level}:${name}`, `${what}: unsupported option level ${level} name ${name}`);
  throw new SysError(E.ENOPROTOOPT);
}

function intBytes(v: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setInt32(0, v, true);
  return b;
}

function timevalBytes(ms: number): Uint8Array {
  const b = new Uint8Array(16);
  const d = new DataView(b.buffer);
  d.setBigInt64(0, BigInt(Math.floor(ms / 1000)), true);
  d.setBigInt64(8, BigInt(Math.round((ms % 1000) * 1000)), true);
  return b;
}

function bufferSize(s: SocketFile, name: number): number {
  const set = s.options.int(SOL_SOCKET, name);
  if (set !== undefined) return set;
  const tcp = s.type === SOCK_STREAM && s.domain !== AF_UNIX;
  if (!tcp) return DEFAULT_BUF;
  return name === SO.SO_RCVBUF ? TCP_DEFAULT_RCVBUF : TCP_DEFAULT_SNDBUF;
}

/** The bytes getsockopt reports for an option. */
function optionBytes(s: SocketFile, level: number, name: number): Uint8Array {
  if (!levelApplies(s, level)) return unknown(s, 'getsockopt', level, name);
  if (level === SOL_SOCKET) {
    switch (name) {
      case SO.SO_TYPE: return intBytes(s.type);
      case SO.SO_DOMAIN: return intBytes(s.domain);
      case SO.SO_PROTOCOL: return intBytes(s.protocol);
      case SO.SO_ERROR: return intBytes(s.takeError());
      case SO.SO_ACCEPTCONN: return intBytes(s.listening ? 1 : 0);
      case SO.SO_RCVBUF:
      case SO.SO_SNDBUF: return intBytes(bufferSize(s, name));
      case SO.SO_LINGER: {
        const b = new Uint8Array(8);
        const d = new DataView(b.buffer);
        d.setInt32(0, s.options.linger[0], true);
        d.setInt32(4, s.options.linger[1], true);
        return b;
      }
      case SO.SO_PEERCRED: {
        // struct ucred { pid_t pid; uid_t uid; gid_t gid; }
        const b = new Uint8Array(12);
        const d = new DataView(b.buffer);
        s.peerCredentials().forEach((v, i) => d.setUint32(i * 4, v, true));
        return b;
      }
      case SO.SO_RCVTIMEO: return timevalBytes(s.options.recvTimeoutMs);
      case SO.SO_SNDTIMEO: return timevalBytes(s.options.sendTimeoutMs);
    }
  }
  const fallback = INT_OPTIONS.get(level)?.get(name);
  if (fallback === undefined) return unknown(s, 'getsockopt', level, name);
  return intBytes(s.options.int(level, name) ?? fallback);
}

/** getsockopt: the value cut to the caller's length, which comes back as the length written. */
export function getSocketOption(mem: AddressSpace, s: SocketFile, level: number, name: number, valAddr: number, lenAddr: number): number {
  const room = mem.read32(lenAddr) | 0;
  if (room < 0) throw new SysError(E.EINVAL);
  const bytes = optionBytes(s, level, name);
  const n = Math.min(room, bytes.length);
  mem.writeBytes(valAddr, bytes.subarray(0, n));
  mem.write32(lenAddr, n);
  return 0;
}

/** A struct timeval as milliseconds (0: no timeout), EDOM for tv_usec out of range. */
function timeoutFromGuest(mem: AddressSpace, addr: number, len: number): number {
  if (len < 16) throw new SysError(E.EINVAL);
  const b = mem.readBytes(addr, 16);
  const d = new DataView(b.buffer, b.byteOffset, 16);
  const sec = Number(d.getBigInt64(0, true));
  const usec = Number(d.getBigInt64(8, true));
  if (usec < 0 || usec >= 1_000_000) throw new SysError(E.EDOM);
  return sec < 0 ? 0 : sec * 1000 + Math.ceil(usec / 1000);
}

export function setSocketOption(mem: AddressSpace, s: SocketFile, level: number, name: number, valAddr: number, len: number): number {
  if (!levelApplies(s, level)) return unknown(s, 'setsockopt', level, name);
  if (len < 0) throw new SysError(E.EINVAL);
  const readInt = (): number => {
    if (len < 4) throw new SysError(E.EINVAL);
    return mem.read32(valAddr) | 0;
  };
  if (level === SOL_SOCKET) {
    switch (name) {
      case SO.SO_RCVBUF:
      case SO.SO_SNDBUF: {
        const min = name === SO.SO_RCVBUF ? RCVBUF_MIN : SNDBUF_MIN;
        s.options.setInt(level, name, Math.max(min, Math.min(Math.max(readInt(), 0), BUF_MAX) * 2));
        return 0;
      }
      case SO.SO_LINGER: {
        if (len < 8) throw new SysError(E.EINVAL);
        s.options.linger = [mem.read32(valAddr) | 0, mem.read32(valAddr + 4) | 0];
        return 0;
      }
      case SO.SO_RCVTIMEO:
        s.options.recvTimeoutMs = timeoutFromGuest(mem, valAddr, len);
        return 0;
      case SO.SO_SNDTIMEO:
        s.options.sendTimeoutMs = timeoutFromGuest(mem, valAddr, len);
        return 0;
    }
  }
  if (INT_OPTIONS.get(level)?.get(name) === undefined) return unknown(s, 'setsockopt', level, name);
  const v = readInt();
  s.options.setInt(level, name, BOOLEAN_OPTIONS.has(`${level}:${name}`) ? Number(v !== 0) : v);
  s.applyOptions();
  return 0;
}
