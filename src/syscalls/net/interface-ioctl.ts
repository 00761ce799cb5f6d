// The socket ioctls that ask about a network interface through struct ifreq
// { char ifr_name[16]; union { int ifindex; short flags; int mtu; ... } at 16 }:
// if_nametoindex() and if_indextoname() use SIOCGIFINDEX and SIOCGIFNAME.
import type { AddressSpace } from '../../memory/address-space.js';
import { E, SysError } from '../errno.js';
import { hostLinks, type HostLink } from './netlink-interfaces.js';

const SIOC = { GIFNAME: 0x8910, GIFFLAGS: 0x8913, GIFMTU: 0x8921, GIFINDEX: 0x8933, GIFTXQLEN: 0x8942 } as const;
export const INTERFACE_REQUESTS: ReadonlySet<number> = new Set(Object.values(SIOC));

const IFNAMSIZ = 16;
/** Where the union after ifr_name starts. */
const IFR_DATA = IFNAMSIZ;

function linkNamed(mem: AddressSpace, ifreq: number): HostLink {
  const raw = mem.readBytes(ifreq, IFNAMSIZ);
  const end = raw.indexOf(0);
  const name = Buffer.from(raw.subarray(0, end < 0 ? IFNAMSIZ : end)).toString('utf8');
  const link = hostLinks().find((l) => l.name === name);
  if (!link) throw new SysError(E.ENODEV);
  return link;
}

/** Answers one of INTERFACE_REQUESTS about the ifreq at `ifreq`. */
export function interfaceIoctl(mem: AddressSpace, req: number, ifreq: number): number {
  switch (req) {
    case SIOC.GIFNAME: {
      const index = mem.read32(ifreq + IFR_DATA) | 0;
      const link = hostLinks().find((l) => l.index === index);
      if (!link) throw new SysError(E.ENODEV);
      const name = new Uint8Array(IFNAMSIZ);
      name.set(Buffer.from(link.name, 'utf8').subarray(0, IFNAMSIZ - 1));
      mem.writeBytes(ifreq, name);
      return 0;
    }
    case SIOC.GIFINDEX:
      mem.write32(ifreq + IFR_DATA, linkNamed(mem, ifreq).index);
      return 0;
    case SIOC.GIFFLAGS:
      // ifr_flags is a short: the flags above bit 15 (IFF_LOWER_UP...) are not in it.
      mem.write16(ifreq + IFR_DATA, linkNamed(mem, ifreq).flags & 0xffff);
      return 0;
    case SIOC.GIFMTU:
      mem.write32(ifreq + IFR_DATA, linkNamed(mem, ifreq).mtu);
      return 0;
    case SIOC.GIFTXQLEN:
      mem.write32(ifreq + IFR_DATA, linkNamed(mem, ifreq).txQueueLength);
      return 0;
    default:
      throw new Error(`interface ioctl 0x${req.toString(16)} has no case`);
  }
}
