// What every guest socket is: an open file (read and write are recv and send without
// flags, so the ordinary read/write rows work on it) plus the socket calls, which each
// kind (in-process Unix, Node TCP, Node UDP) implements. A call that must wait throws
// WouldBlock with no fallback: host I/O may still make it ready, and the Node callbacks
// that change a socket call kernel.hostEvent() so that an idle run loop looks again.
import { S_IFSOCK } from '../constants.js';
import { E, SysError } from '../errno.js';
import type { FileStat } from '../file-stat.js';
import type { OpenFile, Readiness } from '../open-file.js';
import { O_RDWR } from '../open-flags.js';
import { WouldBlock } from '../wait.js';
import { WakeStamps } from '../wake-stamps.js';
import { MSG } from './constants.js';
import type { SocketAddress } from './sockaddr.js';
import { SocketOptions } from './socket-options.js';

/** What a socket needs from the kernel. */
export interface SocketHost {
  /** The process that made the socket: what SO_PEERCRED shows its peer. */
  readonly pid: number;
  /** The ABI's O_NONBLOCK bit (SOCK_NONBLOCK is the same bit). */
  readonly nonblockBit: number;
  /** Host I/O changed this socket: a waiting guest thread may go on. */
  readonly wake: () => void;
  /** The one-time report of something unsupported. */
  readonly report: (key: string, message: string) => void;
}

export interface SendRequest {
  readonly data: Uint8Array;
  readonly flags: number;
  /** sendto's / sendmsg's destination (connection-less sockets). */
  readonly to?: SocketAddress;
  /** SCM_RIGHTS: files to pass along (Unix sockets only), held by the caller for the message. */
  readonly files?: OpenFile[];
}

export interface Received {
  readonly bytes: Uint8Array;
  /** A datagram's real length (more than bytes.length when cut: MSG_TRUNC). */
  readonly fullLength: number;
  readonly from?: SocketAddress;
  /** Passed files, held: the receiver installs them as fds and then releases them. */
  readonly files?: OpenFile[] | null;
}

/** Copies `bytes` across the buffers in turn; returns how many were copied. */
export function scatterBytes(dsts: Uint8Array[], bytes: Uint8Array): number {
  let at = 0;
  for (const d of dsts) {
    if (at >= bytes.length) break;
    const part = bytes.subarray(at, at + d.length);
    d.set(part);
    at += part.length;
  }
  return at;
}

let nextInode = 1n;
/** The uid and gid Linux reports when there is none to report (overflowuid). */
const OVERFLOW_ID = 65534;

export abstract class SocketFile implements OpenFile {
  flags: number;
  readonly path = undefined;
  readonly isDirectory = false;
  readonly hostFd = undefined;
  readonly options = new SocketOptions();
  private readonly ino = nextInode++;
  private readonly created = BigInt(Date.now()) * 1_000_000n;

  constructor(
    readonly host: SocketHost,
    readonly domain: number,
    readonly type: number,
    readonly protocol: number,
    nonblock: boolean,
  ) {
    this.flags = O_RDWR | (nonblock ? host.nonblockBit : 0);
  }

  abstract bind(addr: SocketAddress): number;
  abstract listen(backlog: number): number;
  /** A connected socket taken from the listen queue (already counted as an open file). */
  abstract accept(nonblock: boolean): SocketFile;
  abstract connect(addr: SocketAddress): number;
  abstract send(req: SendRequest): number;
  abstract recv(max: number, flags: number): Received;
  /** `how` is SHUT_RD, SHUT_WR or SHUT_RDWR (the shutdown row checks). */
  abstract shutdown(how: number): number;
  abstract localAddress(): SocketAddress;
  /** ENOTCONN when not connected. */
  abstract peerAddress(): SocketAddress;
  abstract readiness(): Readiness;
  abstract bytesToRead(): number;
  abstract close(): void;
  /** SO_ACCEPTCONN. */
  abstract get listening(): boolean;

  /** SO_PEERCRED's pid, uid and gid; unknown (pid 0, the overflow ids) unless overridden. */
  peerCredentials(): readonly [number, number, number] {
    return [0, OVERFLOW_ID, OVERFLOW_ID];
  }

  /** setsockopt changed an option the host socket should know about. */
  applyOptions(): void {
    // most kinds only remember their options
  }

  /**
   * When the socket last woke its readers (data, a connection to accept, the peer ending,
   * an error) and its writers (room to send, a connection made, the peer ending, an error).
   */
  readonly wakeups = new WakeStamps();

  private error = 0;

  /** SO_ERROR: the pending error, which reading clears. */
  get pendingError(): number {
    return this.error;
  }

  /** An error arrives: readers and writers wake (both see it, as Linux's sk_error_report). */
  set pendingError(errno: number) {
    this.error = errno;
    if (errno) this.wakeAll();
  }

  takeError(): number {
    const e = this.error;
    this.error = 0;
    return e;
  }

  /** Readiness may have changed every way (a shutdown, the peer ending, an error). */
  wakeAll(): void {
    this.wakeups.wakeReaders();
    this.wakeups.wakeWriters();
  }

  read(dst: Uint8Array, at?: number): number {
    if (at !== undefined) throw new SysError(E.ESPIPE);
    const got = this.recv(dst.length, 0);
    dst.set(got.bytes.subarray(0, dst.length));
    return Math.min(got.bytes.length, dst.length);
  }

  readVector(dsts: Uint8Array[]): number {
    return scatterBytes(dsts, this.recv(dsts.reduce((n, d) => n + d.length, 0), 0).bytes);
  }

  write(src: Uint8Array, at?: number): number {
    if (at !== undefined) throw new SysError(E.ESPIPE);
    // Our own copy: the guest may change its buffer as soon as the call returns.
    return this.send({ data: Uint8Array.from(src), flags: 0 });
  }

  seek(): number {
    throw new SysError(E.ESPIPE);
  }

  stat(): FileStat {
    return {
      dev: 0x8n, ino: this.ino, mode: S_IFSOCK | 0o777, nlink: 1,
      uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0, rdev: 0n,
      size: 0n, blksize: 4096, blocks: 0n,
      atimeNs: this.created, mtimeNs: this.created, ctimeNs: this.created, birthtimeNs: 0n,
    };
  }

  /** Whether a call with `flags` (MSG_DONTWAIT) must not wait. */
  protected nonblocking(flags = 0): boolean {
    return (this.flags & this.host.nonblockBit) !== 0 || (flags & MSG.MSG_DONTWAIT) !== 0;
  }

  /**
   * EAGAIN for a non-blocking call; otherwise the call waits until `ready` and runs again
   * (EAGAIN when `timeoutMs`, SO_RCVTIMEO/SO_SNDTIMEO, runs out first).
   */
  protected waitFor(ready: () => boolean, flags = 0, timeoutMs = 0): never {
    if (this.nonblocking(flags)) throw new SysError(E.EAGAIN);
    throw new WouldBlock({
      ready, deadline: timeoutMs > 0 ? performance.now() + timeoutMs : Infinity, timeoutResult: -E.EAGAIN,
      // With a timeout Linux answers EINTR to a handled signal; without, it restarts.
      restart: timeoutMs > 0 ? 'eintr' : 'sa-restart',
    });
  }

  /** Waits, whatever the non-blocking flags, until `ready` (bind and listen waiting for Node). */
  protected waitForHost(ready: () => boolean): never {
    throw new WouldBlock({ ready, deadline: Infinity, timeoutResult: 0, restart: 'sa-restart' });
  }
}
