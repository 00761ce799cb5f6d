// struct msghdr and its control messages (64-bit layouts, little-endian):
//   msghdr  { void *name; int namelen; (pad) iovec *iov; size_t iovlen; void *control;
//             size_t controllen; int flags; }                          56 bytes
//   cmsghdr { size_t len; int level; int type; } then data, each padded to 8 bytes.
// SCM_RIGHTS carries an array of ints: fds.
import type { AddressSpace } from '../../memory/address-space.js';
import { E, SysError } from '../errno.js';
import { readIovecsFromGuest, type Iovec } from '../guest-structs.js';
import { UIO_MAXIOV } from '../iovec-io.js';
import { SCM_RIGHTS, SOL_SOCKET } from './constants.js';

const MSGHDR_SIZE = 56;
const CMSGHDR_SIZE = 16;
/** The most fds one SCM_RIGHTS message may carry. */
const SCM_MAX_FD = 253;

export interface Msghdr {
  readonly name: number;
  readonly namelen: number;
  readonly iov: Iovec[];
  readonly control: number;
  readonly controllen: number;
}

const align8 = (n: number): number => (n + 7) & ~7;

export function readMsghdrFromGuest(mem: AddressSpace, addr: number): Msghdr {
  const b = mem.readBytes(addr, MSGHDR_SIZE);
  const d = new DataView(b.buffer, b.byteOffset, MSGHDR_SIZE);
  const iovlen = Number(d.getBigUint64(24, true));
  if (iovlen > UIO_MAXIOV) throw new SysError(E.EMSGSIZE);
  return {
    name: Number(d.getBigUint64(0, true)), namelen: d.getInt32(8, true),
    iov: readIovecsFromGuest(mem, Number(d.getBigUint64(16, true)), iovlen),
    control: Number(d.getBigUint64(32, true)), controllen: Number(d.getBigUint64(40, true)),
  };
}

/** What recvmsg stores back into the msghdr: the lengths used and the flags. */
export function writeMsghdrResultToGuest(mem: AddressSpace, addr: number, namelen: number, controllen: number, flags: number): void {
  mem.write32(addr + 8, namelen);
  mem.writeU64(addr + 40, controllen);
  mem.write32(addr + 48, flags);
}

/** The fds of the SCM_RIGHTS messages in a sendmsg control buffer. */
export function readRightsFromGuest(mem: AddressSpace, msg: Msghdr, unsupported: (level: number, type: number) => never): number[] {
  if (!msg.control || msg.controllen === 0) return [];
  const buf = mem.readBytes(msg.control, msg.controllen);
  const d = new DataView(buf.buffer, buf.byteOffset, buf.length);
  const fds: number[] = [];
  for (let at = 0; at + CMSGHDR_SIZE <= buf.length; ) {
    const len = Number(d.getBigUint64(at, true));
    if (len < CMSGHDR_SIZE || at + len > buf.length) throw new SysError(E.EINVAL);
    const level = d.getInt32(at + 8, true);
    const type = d.getInt32(at + 12, true);
    if (level !== SOL_SOCKET || type !== SCM_RIGHTS) unsupported(level, type);
    for (let i = at + CMSGHDR_SIZE; i + 4 <= at + len; i += 4) fds.push(d.getInt32(i, true));
    at += align8(len);
  }
  if (fds.length > SCM_MAX_FD) throw new SysError(E.EINVAL);
  return fds;
}

/** How many of `count` fds fit in an SCM_RIGHTS message in `room` bytes of control buffer. */
export function rightsFitting(room: number, count: number): number {
  return room < CMSGHDR_SIZE ? 0 : Math.min(count, Math.floor((room - CMSGHDR_SIZE) / 4));
}

/** Writes one SCM_RIGHTS message of `fds` at `addr`; returns the control length used. */
export function writeRightsToGuest(mem: AddressSpace, addr: number, room: number, fds: number[]): number {
  const dataLen = fds.length * 4;
  const b = new Uint8Array(CMSGHDR_SIZE + dataLen);
  const d = new DataView(b.buffer);
  d.setBigUint64(0, BigInt(CMSGHDR_SIZE + dataLen), true);
  d.setInt32(8, SOL_SOCKET, true);
  d.setInt32(12, SCM_RIGHTS, true);
  fds.forEach((fd, i) => d.setInt32(CMSGHDR_SIZE + i * 4, fd, true));
  mem.writeBytes(addr, b);
  return Math.min(room, align8(b.length));
}
