// Socket addresses: the guest's struct sockaddr_un / sockaddr_in / sockaddr_in6 (explicit
// offsets, ports and IPv4 addresses in network byte order) and the neutral form the
// socket code works with. Names say the direction, as in guest-structs.ts.
import type { AddressSpace } from '../../memory/address-space.js';
import { E, SysError } from '../errno.js';
import { AF_INET, AF_INET6, AF_NETLINK, AF_UNIX } from './constants.js';
import { ipv4FromBytes, ipv4ToBytes, ipv6FromBytes, ipv6ToBytes } from './ip-text.js';

export interface UnixAddress {
  readonly family: typeof AF_UNIX;
  /** The file name, or the abstract name (any bytes, as latin1); '' when unnamed. */
  readonly name: string;
  readonly abstract: boolean;
  /** Where a file name is on the host (resolved against the caller's cwd and -L prefix). */
  readonly hostPath?: string;
}

export interface InetAddress {
  readonly family: typeof AF_INET | typeof AF_INET6;
  /** Dotted quad, or IPv6 text; what Node's net and dgram take and give. */
  readonly host: string;
  readonly port: number;
  /** sin6_flowinfo and sin6_scope_id (IPv6 only). */
  readonly flowinfo?: number;
  readonly scopeId?: number;
}

/** struct sockaddr_nl: a netlink port (0: the kernel) and multicast group bits. */
export interface NetlinkAddress {
  readonly family: typeof AF_NETLINK;
  readonly pid: number;
  readonly groups: number;
}

export type SocketAddress = UnixAddress | InetAddress | NetlinkAddress;

const SUN_PATH_MAX = 108;
const SOCKADDR_UN_SIZE = 2 + SUN_PATH_MAX;
const SOCKADDR_IN_SIZE = 16;
const SOCKADDR_IN6_SIZE = 28;
/** family, pad, nl_pid, nl_groups. */
const SOCKADDR_NL_SIZE = 12;
/** The older sockaddr_in6 without sin6_scope_id, still accepted. */
const SOCKADDR_IN6_MIN = 24;

export const UNNAMED: UnixAddress = { family: AF_UNIX, name: '', abstract: false };

/** Reads a sockaddr of `len` bytes for a socket of family `family`. */
export function readSockaddrFromGuest(mem: AddressSpace, addr: number, len: number, family: number): SocketAddress {
  if (len < 0 || len > 128) throw new SysError(E.EINVAL);
  const bytes = mem.readBytes(addr, len);
  const d = new DataView(bytes.buffer, bytes.byteOffset, len);
  if (len < 2) throw new SysError(E.EINVAL);
  const given = d.getUint16(0, true);
  if (family === AF_UNIX) {
    if (given !== AF_UNIX || len > SOCKADDR_UN_SIZE) throw new SysError(E.EINVAL);
    const path = bytes.subarray(2, len);
    if (path.length === 0) return UNNAMED;
    if (path[0] === 0) return { family: AF_UNIX, name: Buffer.from(path.subarray(1)).toString('latin1'), abstract: true };
    const end = path.indexOf(0);
    return { family: AF_UNIX, name: Buffer.from(end < 0 ? path : path.subarray(0, end)).toString('utf8'), abstract: false };
  }
  if (family === AF_NETLINK) {
    if (given !== AF_NETLINK || len < SOCKADDR_NL_SIZE) throw new SysError(E.EINVAL);
    return { family: AF_NETLINK, pid: d.getUint32(4, true), groups: d.getUint32(8, true) };
  }
  if (given !== family) throw new SysError(E.EAFNOSUPPORT);
  const port = d.getUint16(2, false);
  if (family === AF_INET) {
    if (len < SOCKADDR_IN_SIZE) throw new SysError(E.EINVAL);
    return { family: AF_INET, host: ipv4FromBytes(bytes.subarray(4, 8)), port };
  }
  if (len < SOCKADDR_IN6_MIN) throw new SysError(E.EINVAL);
  return {
    family: AF_INET6, host: ipv6FromBytes(bytes.subarray(8, 24)), port,
    flowinfo: d.getUint32(4, false), scopeId: len >= SOCKADDR_IN6_SIZE ? d.getUint32(24, true) : 0,
  };
}

/** The guest bytes of `sa` (as long as the kernel says the address is). */
export function sockaddrToGuestBytes(sa: SocketAddress): Uint8Array {
  if (sa.family === AF_UNIX) {
    const name = Buffer.from(sa.name, sa.abstract ? 'latin1' : 'utf8');
    // A file name comes back with its NUL; an abstract one is exactly its bytes.
    const b = new Uint8Array(2 + (sa.abstract ? 1 + name.length : sa.name ? name.length + 1 : 0));
    b.set(name, sa.abstract ? 3 : 2);
    new DataView(b.buffer).setUint16(0, AF_UNIX, true);
    return b;
  }
  if (sa.family === AF_NETLINK) {
    const b = new Uint8Array(SOCKADDR_NL_SIZE);
    const d = new DataView(b.buffer);
    d.setUint16(0, AF_NETLINK, true);
    d.setUint32(4, sa.pid, true);
    d.setUint32(8, sa.groups, true);
    return b;
  }
  const b = new Uint8Array(sa.family === AF_INET ? SOCKADDR_IN_SIZE : SOCKADDR_IN6_SIZE);
  const d = new DataView(b.buffer);
  d.setUint16(0, sa.family, true);
  d.setUint16(2, sa.port, false);
  if (sa.family === AF_INET) {
    b.set(ipv4ToBytes(sa.host), 4);
  } else {
    d.setUint32(4, sa.flowinfo ?? 0, false);
    b.set(ipv6ToBytes(sa.host), 8);
    d.setUint32(24, sa.scopeId ?? 0, true);
  }
  return b;
}

/**
 * Stores `sa` at `addr` for a buffer whose length is the int at `lenAddr` (value-result,
 * as accept, getsockname and recvfrom do): the address is cut to fit, the full length
 * is stored back. Nothing happens when `addr` is NULL.
 */
export function writeSockaddrToGuest(mem: AddressSpace, addr: number, lenAddr: number, sa: SocketAddress): void {
  if (!addr) return;
  const room = mem.read32(lenAddr) | 0;
  if (room < 0) throw new SysError(E.EINVAL);
  const bytes = sockaddrToGuestBytes(sa);
  mem.writeBytes(addr, bytes.subarray(0, Math.min(room, bytes.length)));
  mem.write32(lenAddr, bytes.length);
}
