// Socket translation and the in-process socket calls, driven through the kernel:
// addresses and IP text, control messages, socket()'s flags, socketpair data and
// SCM_RIGHTS, options. Host-network behaviour is in tests/e2e/sockets.test.ts and the
// tcpecho/unixsock programs.
import { describe, expect, it } from 'vitest';
import { ipv6FromBytes, ipv6ToBytes } from '../../src/syscalls/net/ip-text.js';
import { readRightsFromGuest, readMsghdrFromGuest, writeRightsToGuest } from '../../src/syscalls/net/msghdr.js';
import { readSockaddrFromGuest, sockaddrToGuestBytes, writeSockaddrToGuest } from '../../src/syscalls/net/sockaddr.js';
import { SCRATCH, makeKernel } from './fixture.js';

const AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10;
const SOCK_STREAM = 1, SOCK_DGRAM = 2;
const SOCK_NONBLOCK = 0o4000, SOCK_CLOEXEC = 0o2000000;
const SOL_SOCKET = 1, SO_TYPE = 3, SO_ERROR = 4, SO_REUSEADDR = 2, SO_DOMAIN = 39, SO_SNDBUF = 7;
const SCM_RIGHTS = 1;
const F_GETFD = 1, F_GETFL = 3;
const EINVAL = 22, ENOTSOCK = 88, EAFNOSUPPORT = 97, EAGAIN = 11, EPIPE = 32, ENOPROTOOPT = 92;

const BUF = SCRATCH + 0x100;
const ADDR = SCRATCH + 0x800;
const LEN = SCRATCH + 0x900;
const MSG = SCRATCH + 0xa00;
const CTL = SCRATCH + 0xb00;
const IOV = SCRATCH + 0xc00;

describe('IPv6 text', () => {
  it.each([
    ['::1'], ['::'], ['fe80::1:2'], ['1:2:3:4:5:6:7:8'], ['2001:db8::ff00:42:8329'], ['::ffff:127.0.0.1'], ['1::'],
  ])('%s survives bytes and back', (text) => {
    expect(ipv6FromBytes(ipv6ToBytes(text))).toBe(text);
  });

  it('compresses the longest run of zero groups only', () => {
    expect(ipv6FromBytes(ipv6ToBytes('1:0:0:2:0:0:0:3'))).toBe('1:0:0:2::3');
  });
});

describe('socket addresses', () => {
  it('sockaddr_in: port and address in network order', () => {
    const h = makeKernel();
    h.mem.writeBytes(ADDR, Uint8Array.from([2, 0, 0x1f, 0x90, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]));
    const sa = readSockaddrFromGuest(h.mem, ADDR, 16, AF_INET);
    expect(sa).toEqual({ family: AF_INET, host: '127.0.0.1', port: 8080 });
    expect([...sockaddrToGuestBytes(sa)]).toEqual([...h.mem.readBytes(ADDR, 16)]);
    expect(() => readSockaddrFromGuest(h.mem, ADDR, 15, AF_INET)).toThrow('EINVAL');
    expect(() => readSockaddrFromGuest(h.mem, ADDR, 16, AF_INET6)).toThrow('EAFNOSUPPORT');
  });

  it('sockaddr_in6: flow info, address and scope id', () => {
    const sa = { family: AF_INET6, host: 'fe80::1', port: 443, flowinfo: 7, scopeId: 2 } as const;
    const b = sockaddrToGuestBytes(sa);
    expect(b.length).toBe(28);
    expect([b[2], b[3], b[7], b[8], b[23], b[24]]).toEqual([1, 0xbb, 7, 0xfe, 1, 2]);
    const h = makeKernel();
    h.mem.writeBytes(ADDR, b);
    expect(readSockaddrFromGuest(h.mem, ADDR, 28, AF_INET6)).toEqual(sa);
  });

  it('sockaddr_un: unnamed, file names with their NUL, abstract names exactly', () => {
    expect(sockaddrToGuestBytes({ family: AF_UNIX, name: '', abstract: false }).length).toBe(2);
    expect(sockaddrToGuestBytes({ family: AF_UNIX, name: '/tmp/s', abstract: false }).length).toBe(9);
    expect(sockaddrToGuestBytes({ family: AF_UNIX, name: 'abc', abstract: true }).length).toBe(6);
    const h = makeKernel();
    h.mem.writeBytes(ADDR, Uint8Array.from([1, 0, 0, 0x61, 0, 0x62]));
    expect(readSockaddrFromGuest(h.mem, ADDR, 6, AF_UNIX)).toEqual({ family: AF_UNIX, name: 'a\0b', abstract: true });
    h.mem.writeBytes(ADDR, Uint8Array.from([1, 0, 0x2f, 0x78, 0, 0x79]));
    expect(readSockaddrFromGuest(h.mem, ADDR, 6, AF_UNIX)).toEqual({ family: AF_UNIX, name: '/x', abstract: false });
  });

  it('value-result lengths: cut to the buffer, the full length stored', () => {
    const h = makeKernel();
    h.mem.write32(LEN, 4);
    writeSockaddrToGuest(h.mem, ADDR, LEN, { family: AF_INET, host: '10.1.2.3', port: 1 });
    expect(h.mem.read32(LEN)).toBe(16);
    expect([...h.mem.readBytes(ADDR, 6)]).toEqual([2, 0, 0, 1, 0, 0]);
  });
});

describe('control messages', () => {
  it('SCM_RIGHTS: fds of several messages; bad lengths are EINVAL', () => {
    const h = makeKernel();
    const used = writeRightsToGuest(h.mem, CTL, 64, [5, 6]);
    expect(used).toBe(24);
    writeRightsToGuest(h.mem, CTL + 24, 40, [7]);
    expect(h.mem.readU64(CTL)).toBe(24);
    const msg = { name: 0, namelen: 0, iov: [], control: CTL, controllen: 24 + 24 };
    expect(readRightsFromGuest(h.mem, msg, () => { throw new Error('unsupported'); })).toEqual([5, 6, 7]);
    h.mem.writeU64(CTL, 8);
    expect(() => readRightsFromGuest(h.mem, msg, () => { throw new Error('unsupported'); })).toThrow('EINVAL');
  });

  it('msghdr: 56 bytes with the iovec array', () => {
    const h = makeKernel();
    h.mem.writeU64(IOV, BUF);
    h.mem.writeU64(IOV + 8, 10);
    h.mem.writeBytes(MSG, new Uint8Array(56));
    h.mem.writeU64(MSG, ADDR);
    h.mem.write32(MSG + 8, 16);
    h.mem.writeU64(MSG + 16, IOV);
    h.mem.writeU64(MSG + 24, 1);
    h.mem.writeU64(MSG + 32, CTL);
    h.mem.writeU64(MSG + 40, 32);
    expect(readMsghdrFromGuest(h.mem, MSG)).toEqual({
      name: ADDR, namelen: 16, iov: [{ base: BUF, len: 10 }], control: CTL, controllen: 32,
    });
  });
});

describe('socket calls', () => {
  it('socket(): SOCK_NONBLOCK and SOCK_CLOEXEC, bad flags, unknown families reported', () => {
    const h = makeKernel();
    const fd = h.call('socket', AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    expect(fd).toBeGreaterThanOrEqual(3);
    expect(h.call('fcntl', fd, F_GETFL, 0) & SOCK_NONBLOCK).toBe(SOCK_NONBLOCK);
    expect(h.call('fcntl', fd, F_GETFD, 0)).toBe(1);
    expect(h.call('socket', AF_UNIX, SOCK_STREAM | 0x100, 0)).toBe(-EINVAL);
    expect(h.call('socket', 17, SOCK_DGRAM, 0)).toBe(-EAFNOSUPPORT);
    expect(h.reports.some((r) => r.includes('address family 17'))).toBe(true);
    expect(h.call('close', fd)).toBe(0);
  });

  it('socketpair: bytes both ways, EAGAIN when empty and non-blocking, EPIPE after close', () => {
    const h = makeKernel();
    expect(h.call('socketpair', AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, ADDR)).toBe(0);
    const [a, b] = [h.mem.read32(ADDR), h.mem.read32(ADDR + 4)];
    h.str(BUF, 'ping');
    expect(h.call('write', a, BUF, 4)).toBe(4);
    expect(h.call('read', b, BUF + 0x40, 16)).toBe(4);
    expect(h.text(BUF + 0x40, 4)).toBe('ping');
    expect(h.call('read', b, BUF + 0x40, 16)).toBe(-EAGAIN);
    expect(h.call('close', a)).toBe(0);
    expect(h.call('read', b, BUF + 0x40, 16)).toBe(0);
    expect(h.call('sendto', b, BUF, 4, 0x4000 /* MSG_NOSIGNAL */, 0, 0)).toBe(-EPIPE);
    h.call('close', b);
  });

  it('SCM_RIGHTS over a socketpair installs a new fd for the same open file', () => {
    const h = makeKernel();
    h.call('socketpair', AF_UNIX, SOCK_DGRAM, 0, ADDR);
    const [a, b] = [h.mem.read32(ADDR), h.mem.read32(ADDR + 4)];
    h.call('pipe2', ADDR + 8, 0);
    const [r, w] = [h.mem.read32(ADDR + 8), h.mem.read32(ADDR + 12)];
    h.str(BUF, 'x');
    h.mem.writeU64(IOV, BUF);
    h.mem.writeU64(IOV + 8, 1);
    const msg = (controllen: number): void => {
      h.mem.writeBytes(MSG, new Uint8Array(56));
      h.mem.writeU64(MSG + 16, IOV);
      h.mem.writeU64(MSG + 24, 1);
      h.mem.writeU64(MSG + 32, CTL);
      h.mem.writeU64(MSG + 40, controllen);
    };
    writeRightsToGuest(h.mem, CTL, 24, [w]);
    msg(24);
    expect(h.call('sendmsg', a, MSG, 0)).toBe(1);
    h.call('close', w);
    h.mem.writeBytes(CTL, new Uint8Array(24));
    msg(24);
    expect(h.call('recvmsg', b, MSG, 0)).toBe(1);
    expect(h.mem.readU64(MSG + 40)).toBe(24);
    expect(h.mem.read32(CTL + 12)).toBe(SCM_RIGHTS);
    const passed = h.mem.read32(CTL + 16);
    h.str(BUF, 'through');
    expect(h.call('write', passed, BUF, 7)).toBe(7);
    expect(h.call('read', r, BUF + 0x40, 16)).toBe(7);
    expect(h.text(BUF + 0x40, 7)).toBe('through');
  });

  it('options: computed ones, remembered ones, unknown ones refused, non-sockets ENOTSOCK', () => {
    const h = makeKernel();
    const fd = h.call('socket', AF_INET6, SOCK_DGRAM, 0);
    const get = (level: number, name: number): number => {
      h.mem.write32(LEN, 4);
      const r = h.call('getsockopt', fd, level, name, BUF, LEN);
      return r < 0 ? r : h.mem.read32(BUF) | 0;
    };
    expect(get(SOL_SOCKET, SO_TYPE)).toBe(SOCK_DGRAM);
    expect(get(SOL_SOCKET, SO_DOMAIN)).toBe(AF_INET6);
    expect(get(SOL_SOCKET, SO_ERROR)).toBe(0);
    expect(get(SOL_SOCKET, SO_REUSEADDR)).toBe(0);
    h.mem.write32(BUF, 7);
    expect(h.call('setsockopt', fd, SOL_SOCKET, SO_REUSEADDR, BUF, 4)).toBe(0);
    expect(get(SOL_SOCKET, SO_REUSEADDR)).toBe(1);
    h.mem.write32(BUF, 10000);
    h.call('setsockopt', fd, SOL_SOCKET, SO_SNDBUF, BUF, 4);
    expect(get(SOL_SOCKET, SO_SNDBUF)).toBe(20000);
    expect(h.call('setsockopt', fd, SOL_SOCKET, SO_REUSEADDR, BUF, 2)).toBe(-EINVAL);
    expect(get(6 /* IPPROTO_TCP */, 1)).toBe(-ENOPROTOOPT);
    expect(get(SOL_SOCKET, 12345)).toBe(-ENOPROTOOPT);
    h.call('pipe2', ADDR, 0);
    h.mem.write32(LEN, 4);
    expect(h.call('getsockopt', h.mem.read32(ADDR), SOL_SOCKET, SO_TYPE, BUF, LEN)).toBe(-ENOTSOCK);
    h.call('close', fd);
  });
});
