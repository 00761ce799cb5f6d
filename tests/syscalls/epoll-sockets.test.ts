// Edge-triggered epoll on sockets: an EPOLLET item reports once per wake-up of the
// socket (data arriving, a connection queued, the peer ending, room to send), not again
// while what it reported is still unread, as Linux's ep_poll_callback has it.
import { connect as netConnect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { SocketFile } from '../../src/syscalls/net/socket-file.js';
import { WouldBlock } from '../../src/syscalls/wait.js';
import { SCRATCH, makeKernel } from './fixture.js';

const AF_UNIX = 1, AF_INET = 2, SOCK_STREAM = 1, SOCK_DGRAM = 2, SOCK_NONBLOCK = 0o4000;
const EPOLLIN = 1, EPOLLOUT = 4, EPOLLHUP = 0x10, EPOLLRDHUP = 0x2000, EPOLLET = 1 << 31;
const ADD = 1, EAGAIN = -11, EINPROGRESS = -115;
const FDS = SCRATCH, BUF = SCRATCH + 0x100, EV = SCRATCH + 0x200, OUT = SCRATCH + 0x300, ADDR = SCRATCH + 0x800;

function harness() {
  const h = makeKernel();
  const ep = h.call('epoll_create1', 0);
  const watch = (fd: number, events: number, data = fd): void => {
    h.mem.write32(EV, events >>> 0);
    h.mem.writeU64(EV + 8, data);
    expect(h.call('epoll_ctl', ep, ADD, fd, EV)).toBe(0);
  };
  /** epoll_pwait with timeout 0: [events, data] of each reported item, by data. */
  const wait = (): Array<[number, number]> => {
    const n = h.call('epoll_pwait', ep, OUT, 8, 0, 0, 8);
    const events = Array.from({ length: n }, (_, i): [number, number] => [h.mem.read32(OUT + i * 16), Number(h.mem.readU64(OUT + i * 16 + 8))]);
    return events.sort((a, b) => a[1] - b[1]);
  };
  const pair = (type: number): [number, number] => {
    expect(h.call('socketpair', AF_UNIX, type | SOCK_NONBLOCK, 0, FDS)).toBe(0);
    return [h.mem.read32(FDS), h.mem.read32(FDS + 4)];
  };
  const write = (fd: number, n: number): number => h.call('write', fd, BUF, n);
  const read = (fd: number, n: number): number => h.call('read', fd, BUF, n);
  return { h, ep, watch, wait, pair, write, read };
}

/** An abstract Unix address at ADDR; returns its length. */
function abstractAddress(h: ReturnType<typeof makeKernel>, name: string): number {
  const b = Buffer.alloc(3 + name.length);
  b.writeUInt16LE(AF_UNIX, 0);
  b.write(name, 3);
  h.mem.writeBytes(ADDR, b);
  return b.length;
}

/** Polls `f` until it gives something non-empty (Node's callbacks run meanwhile), or gives up. */
async function until<T extends unknown[]>(f: () => T, ms = 3000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v.length > 0 || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('edge-triggered epoll on sockets', () => {
  const clients: Socket[] = [];
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
  });

  it('a socketpair end reports EPOLLIN once per write by the peer, unread data or not', () => {
    const { watch, wait, pair, write, read } = harness();
    const [a, b] = pair(SOCK_STREAM);
    watch(a, EPOLLIN | EPOLLET);
    expect(wait()).toEqual([]);
    expect(write(b, 10)).toBe(10);
    expect(wait()).toEqual([[EPOLLIN, a]]);
    expect(wait()).toEqual([]); // 10 bytes unread, but nothing new
    expect(read(a, 4)).toBe(4);
    expect(wait()).toEqual([]); // reading is no wake-up either
    expect(write(b, 1)).toBe(1);
    expect(wait()).toEqual([[EPOLLIN, a]]);
    expect(wait()).toEqual([]);
    expect(write(b, 1)).toBe(1);
    expect(wait()).toEqual([[EPOLLIN, a]]);
    expect(read(a, 100)).toBe(8);
    expect(read(a, 100)).toBe(EAGAIN);
    expect(wait()).toEqual([]); // EAGAIN wakes nothing: the next report needs new data
    expect(write(b, 3)).toBe(3);
    expect(wait()).toEqual([[EPOLLIN, a]]);
  });

  it('the peer shutting down or closing wakes readers again; peer reads wake a writer', () => {
    const { h, watch, wait, pair, write, read } = harness();
    const [a, b] = pair(SOCK_STREAM);
    watch(a, EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET);
    expect(wait()).toEqual([[EPOLLOUT, a]]);
    expect(wait()).toEqual([]);
    expect(write(a, 5)).toBe(5);
    expect(wait()).toEqual([]); // our own write is no wake-up of ours
    expect(read(b, 5)).toBe(5);
    expect(wait()).toEqual([[EPOLLOUT, a]]); // room made at the peer
    expect(write(b, 2)).toBe(2);
    expect(wait()).toEqual([[EPOLLIN | EPOLLOUT, a]]);
    expect(h.call('shutdown', b, 1)).toBe(0); // SHUT_WR
    expect(wait()).toEqual([[EPOLLIN | EPOLLOUT | EPOLLRDHUP, a]]);
    expect(wait()).toEqual([]);
    expect(h.call('close', b)).toBe(0);
    expect(wait()).toEqual([[EPOLLIN | EPOLLOUT | EPOLLHUP | EPOLLRDHUP, a]]);
    expect(wait()).toEqual([]);
  });

  it('a datagram socketpair end reports once per datagram', () => {
    const { watch, wait, pair, write } = harness();
    const [a, b] = pair(SOCK_DGRAM);
    watch(a, EPOLLIN | EPOLLET);
    expect(write(b, 4)).toBe(4);
    expect(wait()).toEqual([[EPOLLIN, a]]);
    expect(wait()).toEqual([]);
    expect(write(b, 4)).toBe(4);
    expect(wait()).toEqual([[EPOLLIN, a]]);
  });

  it('a Unix listener reports once per queued connection, without accept in between', () => {
    const { h, watch, wait } = harness();
    const listener = h.call('socket', AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
    const len = abstractAddress(h, `epoll-et-${process.pid}`);
    expect(h.call('bind', listener, ADDR, len)).toBe(0);
    expect(h.call('listen', listener, 8)).toBe(0);
    watch(listener, EPOLLIN | EPOLLET);
    expect(wait()).toEqual([]);
    const c1 = h.call('socket', AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
    expect(h.call('connect', c1, ADDR, len)).toBe(0);
    expect(wait()).toEqual([[EPOLLIN, listener]]);
    expect(wait()).toEqual([]);
    const c2 = h.call('socket', AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
    expect(h.call('connect', c2, ADDR, len)).toBe(0);
    expect(wait()).toEqual([[EPOLLIN, listener]]);
    expect(h.call('accept4', listener, 0, 0, 0)).toBeGreaterThan(0);
    expect(h.call('accept4', listener, 0, 0, 0)).toBeGreaterThan(0);
    expect(h.call('accept4', listener, 0, 0, 0)).toBe(EAGAIN);
    expect(wait()).toEqual([]);
  });

  it('a TCP listener reports once per connection from the host; a connect reports EPOLLOUT when made', async () => {
    const { h, watch, wait } = harness();
    const listener = h.call('socket', AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    const sock = h.kernel.process.fds.get(listener) as SocketFile;
    // bind waits for Node's server: call it again until Node has answered.
    for (;;) {
      try {
        expect(sock.bind({ family: AF_INET, host: '127.0.0.1', port: 0 })).toBe(0);
        break;
      } catch (e) {
        if (!(e instanceof WouldBlock)) throw e;
        await new Promise((r) => setTimeout(r, 5));
      }
    }
    expect(h.call('listen', listener, 8)).toBe(0);
    const { port } = sock.localAddress() as { port: number };
    watch(listener, EPOLLIN | EPOLLET);
    expect(wait()).toEqual([]);
    clients.push(netConnect({ host: '127.0.0.1', port }));
    expect(await until(wait)).toEqual([[EPOLLIN, listener]]);
    expect(wait()).toEqual([]);
    clients.push(netConnect({ host: '127.0.0.1', port }));
    expect(await until(wait)).toEqual([[EPOLLIN, listener]]); // the second, not yet accepted
    expect(wait()).toEqual([]);

    // A guest connect to the same listener: EPOLLOUT once it is made.
    const c = h.call('socket', AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    const sa = Buffer.alloc(16);
    sa.writeUInt16LE(AF_INET, 0);
    sa.writeUInt16BE(port, 2);
    sa.set([127, 0, 0, 1], 4);
    h.mem.writeBytes(ADDR, sa);
    expect(h.call('connect', c, ADDR, 16)).toBe(EINPROGRESS);
    watch(c, EPOLLOUT | EPOLLET);
    // Made (EPOLLOUT on c) and queued (the listener's third): each reported once.
    const seen: Array<[number, number]> = [];
    await until(() => {
      seen.push(...wait());
      return seen.some(([, d]) => d === c) && seen.some(([, d]) => d === listener) ? seen : [];
    });
    expect(seen.sort((x, y) => x[1] - y[1])).toEqual([[EPOLLIN, listener], [EPOLLOUT, c]]);
    for (let i = 0; i < 3; i++) expect(h.call('accept4', listener, 0, 0, 0)).toBeGreaterThan(0);
    expect(h.call('accept4', listener, 0, 0, 0)).toBe(EAGAIN);
    expect(wait()).toEqual([]);
    h.call('close', c);
    h.call('close', listener);
  });
});
