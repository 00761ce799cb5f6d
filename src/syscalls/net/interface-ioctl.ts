// The socket ioctls that ask about network interfaces, answered from the host's
// (netlink-interfaces.ts). struct ifreq is { char ifr_name[16]; union at 16 (24 bytes):
// int ifindex / short flags / int mtu, metric, qlen / struct sockaddr / struct ifmap };
// SIOCGIFCONF takes struct ifconf { int len; (pad) char *buf; } and fills ifreqs.
// if_nametoindex() and if_indextoname() use SIOCGIFINDEX and SIOCGIFNAME; ifconfig the rest.
import type { AddressSpace } from '../../memory/address-space.js';
import { E, SysError } from '../errno.js';
import { AF_INET } from './constants.js';
import { ipv4FromBytes } from './ip-text.js';
import { hostLinks, ipv4Broadcast, netmaskBytes, type HostAddress, type HostLink } from './netlink-interfaces.js';
import { sockaddrToGuestBytes } from './sockaddr.js';

const SIOC = {
  GIFNAME: 0x8910, GIFCONF: 0x8912, GIFFLAGS: 0x8913, GIFADDR: 0x8915, GIFDSTADDR: 0x8917,
  GIFBRDADDR: 0x8919, GIFNETMASK: 0x891b, GIFMETRIC: 0x891d, GIFMTU: 0x8921, GIFHWADDR: 0x8927,
  GIFINDEX: 0x8933, GIFTXQLEN: 0x8942, GIFMAP: 0x8970,
} as const;
export const INTERFACE_REQUESTS: ReadonlySet<number> = new Set(Object.values(SIOC));

const IFNAMSIZ = 16;
/** Where the union after ifr_name starts. */
const IFR_DATA = IFNAMSIZ;
const IFREQ_SIZE = 40;
/** struct ifmap: mem_start, mem_end, base_addr, irq, dma, port (padded). */
const IFMAP_SIZE = 24;

function nameBytes(name: string): Uint8Array {
  const b = new Uint8Array(IFNAMSIZ);
  b.set(Buffer.from(name, 'utf8').subarray(0, IFNAMSIZ - 1));
  return b;
}

function linkNamed(mem: AddressSpace, ifreq: number): HostLink {
  const raw = mem.readBytes(ifreq, IFNAMSIZ);
  const end = raw.indexOf(0);
  const name = Buffer.from(raw.subarray(0, end < 0 ? IFNAMSIZ : end)).toString('utf8');
  const link = hostLinks().find((l) => l.name === name);
  if (!link) throw new SysError(E.ENODEV);
  return link;
}

const sockaddrIn = (bytes: Uint8Array): Uint8Array => sockaddrToGuestBytes({ family: AF_INET, host: ipv4FromBytes(bytes), port: 0 });

/** The link's first IPv4 address, which the address ioctls describe (EADDRNOTAVAIL without one). */
function ipv4Of(link: HostLink): HostAddress {
  const a = link.addresses.find((x) => x.family === AF_INET);
  if (!a) throw new SysError(E.EADDRNOTAVAIL);
  return a;
}

/** SIOCGIFCONF: an ifreq (name, sockaddr_in) per IPv4 address, as many as fit; NULL buf asks the size. */
function interfaceList(mem: AddressSpace, ifconf: number): number {
  const entries = hostLinks().flatMap((l) => l.addresses.filter((a) => a.family === AF_INET).map((a) => [l, a] as const));
  const buf = Number(mem.readU64(ifconf + 8));
  if (!buf) {
    mem.write32(ifconf, entries.length * IFREQ_SIZE);
    return 0;
  }
  const fit = Math.min(entries.length, Math.floor(Math.max(0, mem.read32(ifconf) | 0) / IFREQ_SIZE));
  entries.slice(0, fit).forEach(([link, a], i) => {
    const req = new Uint8Array(IFREQ_SIZE);
    req.set(nameBytes(link.name));
    req.set(sockaddrIn(a.bytes), IFR_DATA);
    mem.writeBytes(buf + i * IFREQ_SIZE, req);
  });
  mem.write32(ifconf, fit * IFREQ_SIZE);
  return 0;
}

/** SIOCGIFHWADDR: struct sockaddr { sa_family = the link type; sa_data = the hardware address }. */
function hardwareSockaddr(link: HostLink): Uint8Array {
  const b = new Uint8Array(16);
  new DataView(b.buffer).setUint16(0, link.type, true);
  b.set(link.hardwareAddress.subarray(0, 14), 2);
  return b;
}

/** Answers one of INTERFACE_REQUESTS about the ifreq (or ifconf) at `arg`. */
export function interfaceIoctl(mem: AddressSpace, req: number, arg: number): number {
  const data = arg + IFR_DATA;
  switch (req) {
    case SIOC.GIFCONF:
      return interfaceList(mem, arg);
    case SIOC.GIFNAME: {
      const index = mem.read32(data) | 0;
      const link = hostLinks().find((l) => l.index === index);
      if (!link) throw new SysError(E.ENODEV);
      mem.writeBytes(arg, nameBytes(link.name));
      return 0;
    }
    case SIOC.GIFINDEX:
      mem.write32(data, linkNamed(mem, arg).index);
      return 0;
    case SIOC.GIFFLAGS:
      // ifr_flags is a short: the flags above bit 15 (IFF_LOWER_UP...) are not in it.
      mem.write16(data, linkNamed(mem, arg).flags & 0xffff);
      return 0;
    case SIOC.GIFMTU:
      mem.write32(data, linkNamed(mem, arg).mtu);
      return 0;
    case SIOC.GIFTXQLEN:
      mem.write32(data, linkNamed(mem, arg).txQueueLength);
      return 0;
    case SIOC.GIFMETRIC:
      mem.write32(data, 0); // Linux keeps no interface metric: always 0
      return 0;
    case SIOC.GIFMAP:
      // Memory and I/O ranges, IRQ and DMA of old ISA cards; 0 for the rest.
      linkNamed(mem, arg);
      mem.writeBytes(data, new Uint8Array(IFMAP_SIZE));
      return 0;
    case SIOC.GIFHWADDR:
      mem.writeBytes(data, hardwareSockaddr(linkNamed(mem, arg)));
      return 0;
    case SIOC.GIFADDR:
    case SIOC.GIFDSTADDR: // a link that is not point-to-point: the address itself
      mem.writeBytes(data, sockaddrIn(ipv4Of(linkNamed(mem, arg)).bytes));
      return 0;
    case SIOC.GIFNETMASK:
      mem.writeBytes(data, sockaddrIn(netmaskBytes(ipv4Of(linkNamed(mem, arg)).prefixLength, 4)));
      return 0;
    case SIOC.GIFBRDADDR: {
      const link = linkNamed(mem, arg);
      mem.writeBytes(data, sockaddrIn(ipv4Broadcast(link, ipv4Of(link)) ?? new Uint8Array(4)));
      return 0;
    }
    default:
      throw new Error(`interface ioctl 0x${req.toString(16)} has no case`);
  }
}
