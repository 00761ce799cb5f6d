// NETLINK_ROUTE sockets and the interface ioctls, driven through the kernel: socket()
// arguments, ports (bind, automatic ports, getsockname), the answers to requests
// (dumps, one link, acknowledgements, errors), peeking, messages between two guest
// sockets; SIOCGIF* on lo. Answers describe the real host: only lo is relied on.
import { afterEach, describe, expect, it } from 'vitest';
import { hostLinks } from '../../src/syscalls/net/netlink-interfaces.js';
import { encodeMessage, parseAttributes, parseMessages, type NetlinkMessage } from '../../src/syscalls/net/netlink-wire.js';
import { SCRATCH, makeKernel, type Harness } from './fixture.js';

const AF_INET = 2, AF_INET6 = 10, AF_NETLINK = 16;
const SOCK_STREAM = 1, SOCK_DGRAM = 2, SOCK_RAW = 3, SOCK_NONBLOCK = 0o4000;
const NETLINK_GENERIC = 16;
const NLM_F_REQUEST = 1, NLM_F_MULTI = 2, NLM_F_ACK = 4, NLM_F_DUMP = 0x300;
const NLMSG_NOOP = 1, NLMSG_ERROR = 2, NLMSG_DONE = 3;
const RTM_NEWLINK = 16, RTM_GETLINK = 18, RTM_NEWADDR = 20, RTM_GETADDR = 22, RTM_NEWROUTE = 24, RTM_GETROUTE = 26, RTM_GETNEIGH = 30;
const RT_TABLE_LOCAL = 255, RTN_LOCAL = 2, RTA_DST = 1, RTA_OIF = 4;
const IFA_ADDRESS = 1, IFA_LOCAL = 2, IFA_LABEL = 3, IFLA_IFNAME = 3;
const MSG_PEEK = 2, MSG_TRUNC = 0x20;
const EPERM = 1, EAGAIN = 11, EINVAL = 22, EADDRINUSE = 98, ESOCKTNOSUPPORT = 94, EPROTONOSUPPORT = 93;
const EOPNOTSUPP = 95, ECONNREFUSED = 111;
const POLLIN = 1;
const SOL_NETLINK = 270, NETLINK_CAP_ACK = 10;
const PID = 4242;

const BUF = SCRATCH + 0x100;
const ADDR = SCRATCH + 0x80;
const LEN = SCRATCH + 0x90;
const MSG = SCRATCH + 0xa0;
const IOV = SCRATCH + 0xe0;
const POLL = SCRATCH + 0xf0;
const REPLY = SCRATCH + 0x1000;
const REPLY_ROOM = 0x8000;

/** A sockaddr_nl at ADDR; returns its length. */
function sockaddrNl(h: Harness, pid: number, groups = 0): number {
  const b = new Uint8Array(12);
  const d = new DataView(b.buffer);
  d.setUint16(0, AF_NETLINK, true);
  d.setUint32(4, pid, true);
  d.setUint32(8, groups, true);
  h.mem.writeBytes(ADDR, b);
  return 12;
}

function portOf(h: Harness, fd: number): number {
  h.mem.write32(LEN, 12);
  expect(h.call('getsockname', fd, ADDR, LEN)).toBe(0);
  expect(h.mem.read32(LEN)).toBe(12);
  return h.mem.read32(ADDR + 4) >>> 0;
}

/** Sends one request of `type` with `payload` to the kernel; returns what sendto returned. */
function request(h: Harness, fd: number, type: number, flags: number, seq: number, payload: Uint8Array): number {
  const bytes = encodeMessage(type, flags, seq, 0, [payload]);
  h.mem.writeBytes(BUF, bytes);
  return h.call('sendto', fd, BUF, bytes.length, 0, ADDR, sockaddrNl(h, 0));
}

/** One datagram's messages (EAGAIN: none waiting, the socket being non-blocking). */
function receive(h: Harness, fd: number): NetlinkMessage[] {
  const n = h.call('recvfrom', fd, REPLY, REPLY_ROOM, 0, 0, 0);
  expect(n).toBeGreaterThan(0);
  return parseMessages(Uint8Array.from(h.mem.readBytes(REPLY, n)));
}

/** The messages up to and including NLMSG_DONE. */
function receiveDump(h: Harness, fd: number): NetlinkMessage[] {
  const all: NetlinkMessage[] = [];
  while (!all.some((m) => m.type === NLMSG_DONE)) all.push(...receive(h, fd));
  return all;
}

const errorOf = (m: NetlinkMessage): number => new DataView(m.payload.buffer, m.payload.byteOffset).getInt32(0, true);

/** The sockets a test made: closed after it, as ports are shared by every kernel of the process. */
const opened: [Harness, number][] = [];

afterEach(() => {
  for (const [h, fd] of opened.splice(0)) h.call('close', fd);
});

function routeSocket(h: Harness): number {
  const fd = h.call('socket', AF_NETLINK, SOCK_RAW | SOCK_NONBLOCK, 0);
  expect(fd).toBeGreaterThanOrEqual(0);
  opened.push([h, fd]);
  return fd;
}

describe('netlink sockets', () => {
  it('socket(): SOCK_RAW and SOCK_DGRAM, NETLINK_ROUTE only', () => {
    const h = makeKernel();
    const fd = h.call('socket', AF_NETLINK, SOCK_DGRAM, 0);
    expect(fd).toBeGreaterThanOrEqual(0);
    h.call('close', fd);
    expect(h.call('socket', AF_NETLINK, SOCK_STREAM, 0)).toBe(-ESOCKTNOSUPPORT);
    expect(h.call('socket', AF_NETLINK, SOCK_RAW, NETLINK_GENERIC)).toBe(-EPROTONOSUPPORT);
    expect(h.reports).toEqual(['socket: netlink protocol 16 is not supported']);
  });

  it('ports: 0 until bound, the process id first, then automatic ones; taken ports refused', () => {
    const h = makeKernel();
    const a = routeSocket(h);
    const b = routeSocket(h);
    expect(portOf(h, a)).toBe(0);
    expect(h.call('bind', a, ADDR, sockaddrNl(h, 0))).toBe(0);
    expect(portOf(h, a)).toBe(PID);
    expect(h.call('bind', a, ADDR, sockaddrNl(h, 77))).toBe(-EINVAL);
    expect(h.call('bind', b, ADDR, sockaddrNl(h, PID))).toBe(-EADDRINUSE);
    // Sending binds automatically, to a port of Linux's own numbering.
    expect(request(h, b, NLMSG_NOOP, NLM_F_REQUEST, 1, new Uint8Array(0))).toBe(16);
    expect(portOf(h, b)).toBe(-4096 >>> 0);
    h.call('close', a);
    opened.shift();
    const c = routeSocket(h);
    expect(h.call('bind', c, ADDR, sockaddrNl(h, PID))).toBe(0);
  });

  it('RTM_GETADDR dump for AF_INET: loopback 127.0.0.1/8, every message to our port with our sequence', () => {
    const h = makeKernel();
    const fd = routeSocket(h);
    expect(request(h, fd, RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, 33, Uint8Array.of(AF_INET))).toBeGreaterThan(0);
    const dump = receiveDump(h, fd);
    expect(dump.every((m) => m.seq === 33 && m.pid === PID && m.flags & NLM_F_MULTI)).toBe(true);
    expect(dump.at(-1)?.type).toBe(NLMSG_DONE);
    const addrs = dump.slice(0, -1);
    expect(addrs.every((m) => m.type === RTM_NEWADDR && m.payload[0] === AF_INET)).toBe(true);
    const lo = hostLinks().find((l) => l.name === 'lo')!;
    const loopback = addrs.find((m) => new DataView(m.payload.buffer, m.payload.byteOffset).getUint32(4, true) === lo.index)!;
    expect([loopback.payload[1], loopback.payload[3]]).toEqual([8, 254]); // prefix, RT_SCOPE_HOST
    const attrs = parseAttributes(loopback.payload.subarray(8));
    const attr = (type: number): number[] => [...(attrs.find((a) => a.type === type)?.data ?? [])];
    expect(attr(IFA_ADDRESS)).toEqual([127, 0, 0, 1]);
    expect(attr(IFA_LOCAL)).toEqual([127, 0, 0, 1]);
    expect(Buffer.from(attr(IFA_LABEL)).toString()).toBe('lo\0');
  });

  it('RTM_GETADDR dump for AF_INET6 has only IPv6 addresses; AF_UNSPEC has IPv4 first', () => {
    const h = makeKernel();
    const fd = routeSocket(h);
    request(h, fd, RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, 1, Uint8Array.of(AF_INET6));
    expect(receiveDump(h, fd).slice(0, -1).every((m) => m.payload[0] === AF_INET6)).toBe(true);
    request(h, fd, RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, 2, Uint8Array.of(0));
    const families = receiveDump(h, fd).slice(0, -1).map((m) => m.payload[0]);
    expect(families).toEqual([...families].sort((x, y) => x - y));
    expect(families).toContain(AF_INET);
  });

  it('RTM_GETLINK: the dump names lo; one link by index or name, then the acknowledgement', () => {
    const h = makeKernel();
    const fd = routeSocket(h);
    const lo = hostLinks().find((l) => l.name === 'lo')!;
    request(h, fd, RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 5, new Uint8Array(16));
    const names = receiveDump(h, fd).filter((m) => m.type === RTM_NEWLINK)
      .map((m) => Buffer.from(parseAttributes(m.payload.subarray(16)).find((a) => a.type === IFLA_IFNAME)!.data).toString());
    expect(names).toContain('lo\0');
    const byName = new Uint8Array(24);
    byName.set([7, 0, IFLA_IFNAME, 0, 0x6c, 0x6f, 0], 16); // rtattr { 7, IFLA_IFNAME } "lo"
    request(h, fd, RTM_GETLINK, NLM_F_REQUEST | NLM_F_ACK, 6, byName);
    const [link] = receive(h, fd);
    expect([link.type, link.flags, link.seq]).toEqual([RTM_NEWLINK, 0, 6]);
    expect(new DataView(link.payload.buffer, link.payload.byteOffset).getInt32(4, true)).toBe(lo.index);
    const [ack] = receive(h, fd);
    expect([ack.type, errorOf(ack), ack.payload.length]).toEqual([NLMSG_ERROR, 0, 20]);
  });

  it('RTM_GETROUTE dump for AF_INET: the local table has 127.0.0.1/32 on lo', () => {
    const h = makeKernel();
    const fd = routeSocket(h);
    request(h, fd, RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP, 4, Uint8Array.of(AF_INET, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    const routes = receiveDump(h, fd).slice(0, -1);
    expect(routes.every((m) => m.type === RTM_NEWROUTE && m.payload[0] === AF_INET)).toBe(true);
    const lo = hostLinks().find((l) => l.name === 'lo')!;
    const local = routes.filter((m) => m.payload[4] === RT_TABLE_LOCAL && m.payload[1] === 32 && m.payload[7] === RTN_LOCAL)
      .map((m) => parseAttributes(m.payload.subarray(12)))
      .find((attrs) => [...attrs.find((a) => a.type === RTA_DST)!.data].join('.') === '127.0.0.1')!;
    expect([...local.find((a) => a.type === RTA_OIF)!.data]).toEqual([lo.index & 0xff, lo.index >> 8 & 0xff, 0, 0]);
    expect(h.reports).toEqual([]);
  });

  it('RTM_GETROUTE dump for AF_UNSPEC: IPv4 routes, then IPv6 ones', () => {
    const h = makeKernel();
    const fd = routeSocket(h);
    request(h, fd, RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP, 5, new Uint8Array(12));
    const families = receiveDump(h, fd).slice(0, -1).map((m) => m.payload[0]);
    expect(families).toContain(AF_INET);
    expect(families).toEqual([...families].sort((x, y) => x - y));
  });

  it('errors: unknown types, changes and neighbour dumps answered by NLMSG_ERROR with the request echoed', () => {
    const h = makeKernel();
    const fd = routeSocket(h);
    request(h, fd, 0x80, NLM_F_REQUEST, 1, new Uint8Array(4));
    const [unknown] = receive(h, fd);
    expect([unknown.type, errorOf(unknown), unknown.payload.length]).toEqual([NLMSG_ERROR, -EOPNOTSUPP, 4 + 20]);
    request(h, fd, RTM_NEWLINK, NLM_F_REQUEST, 2, new Uint8Array(16));
    expect(errorOf(receive(h, fd)[0])).toBe(-EPERM);
    request(h, fd, RTM_GETNEIGH, NLM_F_REQUEST | NLM_F_DUMP, 3, new Uint8Array(12));
    expect(errorOf(receive(h, fd)[0])).toBe(-EOPNOTSUPP);
    expect(h.reports).toHaveLength(2);
    // A message that is no request is acknowledged only when asked to be.
    request(h, fd, RTM_GETLINK, 0, 4, new Uint8Array(16));
    expect(h.call('recvfrom', fd, REPLY, REPLY_ROOM, 0, 0, 0)).toBe(-EAGAIN);
    request(h, fd, RTM_GETLINK, NLM_F_ACK, 5, new Uint8Array(16));
    expect(errorOf(receive(h, fd)[0])).toBe(0);
  });

  it('NETLINK_CAP_ACK: an error echoes only the request\'s header', () => {
    const h = makeKernel();
    const fd = routeSocket(h);
    h.mem.write32(BUF, 1);
    expect(h.call('setsockopt', fd, SOL_NETLINK, NETLINK_CAP_ACK, BUF, 4)).toBe(0);
    h.mem.write32(LEN, 4);
    expect(h.call('getsockopt', fd, SOL_NETLINK, NETLINK_CAP_ACK, BUF, LEN)).toBe(0);
    expect(h.mem.read32(BUF)).toBe(1);
    request(h, fd, 0x80, NLM_F_REQUEST, 1, new Uint8Array(4));
    const [capped] = receive(h, fd);
    expect([errorOf(capped), capped.payload.length, capped.flags]).toEqual([-EOPNOTSUPP, 20, 0x100]);
  });

  it('peeking with MSG_TRUNC gives the datagram\'s length; recvmsg names the kernel; poll sees replies', () => {
    const h = makeKernel();
    const fd = routeSocket(h);
    h.mem.write32(POLL, fd);
    h.mem.write32(POLL + 4, POLLIN);
    h.mem.writeBytes(SCRATCH, new Uint8Array(16)); // a zero timeout
    expect(h.call('ppoll', POLL, 1, SCRATCH, 0, 8)).toBe(0);
    request(h, fd, RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 9, new Uint8Array(16));
    expect(h.call('ppoll', POLL, 1, SCRATCH, 0, 8)).toBe(1);
    const full = h.call('recvfrom', fd, REPLY, 4, MSG_PEEK | MSG_TRUNC, 0, 0);
    expect(full).toBeGreaterThan(16);
    h.mem.writeU64(IOV, REPLY);
    h.mem.writeU64(IOV + 8, REPLY_ROOM);
    h.mem.writeBytes(MSG, new Uint8Array(56));
    h.mem.writeU64(MSG, ADDR);
    h.mem.write32(MSG + 8, 12);
    h.mem.writeU64(MSG + 16, IOV);
    h.mem.writeU64(MSG + 24, 1);
    h.mem.writeBytes(ADDR, new Uint8Array(12).fill(0xff));
    expect(h.call('recvmsg', fd, MSG, 0)).toBe(full);
    expect(h.mem.read32(MSG + 8)).toBe(12);
    expect([...h.mem.readBytes(ADDR, 12)]).toEqual([AF_NETLINK, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('messages between two guest sockets carry the sender\'s port; an unbound port refuses', () => {
    const h = makeKernel();
    const a = routeSocket(h);
    const b = routeSocket(h);
    h.call('bind', b, ADDR, sockaddrNl(h, 5000));
    h.str(BUF, 'hi');
    expect(h.call('sendto', a, BUF, 2, 0, ADDR, sockaddrNl(h, 5000))).toBe(2);
    h.mem.write32(LEN, 12);
    expect(h.call('recvfrom', b, REPLY, 16, 0, ADDR, LEN)).toBe(2);
    expect(h.mem.read32(ADDR + 4)).toBe(PID);
    expect(h.call('sendto', a, BUF, 2, 0, ADDR, sockaddrNl(h, 5001))).toBe(-ECONNREFUSED);
  });
});

describe('interface ioctls', () => {
  const SIOCGIFNAME = 0x8910, SIOCGIFCONF = 0x8912, SIOCGIFNETMASK = 0x891b, SIOCGIFINDEX = 0x8933;
  const ENODEV = 19;
  const IFREQ = SCRATCH + 0x200;
  const IFCONF = SCRATCH + 0x300;
  const LIST = SCRATCH + 0x400;

  it('lo: index and name both ways, netmask; unknown names ENODEV', () => {
    const h = makeKernel();
    const fd = h.call('socket', AF_INET, SOCK_DGRAM, 0);
    h.mem.writeBytes(IFREQ, new Uint8Array(40));
    h.str(IFREQ, 'lo');
    expect(h.call('ioctl', fd, SIOCGIFINDEX, IFREQ)).toBe(0);
    const index = h.mem.read32(IFREQ + 16);
    expect(index).toBe(hostLinks().find((l) => l.name === 'lo')!.index);
    h.mem.writeBytes(IFREQ, new Uint8Array(16));
    expect(h.call('ioctl', fd, SIOCGIFNAME, IFREQ)).toBe(0);
    expect(h.text(IFREQ, 3)).toBe('lo\0');
    expect(h.call('ioctl', fd, SIOCGIFNETMASK, IFREQ)).toBe(0);
    expect([...h.mem.readBytes(IFREQ + 16, 8)]).toEqual([AF_INET, 0, 0, 0, 255, 0, 0, 0]);
    h.str(IFREQ, 'no-such-if');
    expect(h.call('ioctl', fd, SIOCGIFINDEX, IFREQ)).toBe(-ENODEV);
    h.call('close', fd);
  });

  it('SIOCGIFCONF: the size asked with a NULL buffer, then one ifreq per IPv4 address', () => {
    const h = makeKernel();
    const fd = h.call('socket', AF_INET, SOCK_DGRAM, 0);
    h.mem.writeBytes(IFCONF, new Uint8Array(16));
    expect(h.call('ioctl', fd, SIOCGIFCONF, IFCONF)).toBe(0);
    const size = h.mem.read32(IFCONF);
    expect(size % 40).toBe(0);
    h.mem.write32(IFCONF, size);
    h.mem.writeU64(IFCONF + 8, LIST);
    expect(h.call('ioctl', fd, SIOCGIFCONF, IFCONF)).toBe(0);
    expect(h.mem.read32(IFCONF)).toBe(size);
    const entries = Array.from({ length: size / 40 }, (_, i) => h.mem.readBytes(LIST + i * 40, 40));
    expect(entries.some((e) => e[0] === 0x6c && e[1] === 0x6f && e[2] === 0 && e[20] === 127)).toBe(true);
    h.call('close', fd);
  });
});
