// Connection-less sockets (UDP, Unix SOCK_DGRAM): a queue of whole messages, each with
// the sender's address. connect() only sets the default destination. A message that
// finds the queue full is dropped (UDP) or waits (Unix: the sender waits for room).
import { releaseFile } from '../fd-table.js';
import { E, SysError } from '../errno.js';
import type { OpenFile, Readiness } from '../open-file.js';
import { MSG, SHUT_RD, SHUT_WR, SOCKET_BUFFER_BYTES, SOCK_DGRAM } from './constants.js';
import type { SocketAddress } from './sockaddr.js';
import { SocketFile, type Received, type SendRequest, type SocketHost } from './socket-file.js';

export interface Datagram {
  readonly bytes: Uint8Array;
  /** The sender's address (undefined: an unbound Unix socket, which has none). */
  readonly from: SocketAddress | undefined;
  readonly files: OpenFile[] | null;
}

/** How many bytes of messages may wait (Linux's default receive buffer). */
const QUEUE_BYTES = SOCKET_BUFFER_BYTES;

export abstract class DatagramSocket extends SocketFile {
  private readonly queue: Datagram[] = [];
  private queuedBytes = 0;
  protected peer: SocketAddress | null = null;
  private readShut = false;
  private writeShut = false;
  private closed = false;
  /** Senders that found the queue full: their writers wake when room appears. */
  private readonly roomWaiters = new Set<SocketFile>();

  /** `type`: SOCK_DGRAM, or SOCK_RAW for a netlink socket made so (the same to the kernel). */
  constructor(host: SocketHost, domain: number, protocol: number, nonblock: boolean, type = SOCK_DGRAM) {
    super(host, domain, type, protocol, nonblock);
  }

  /** Sends one message to `to`; returns its length. */
  protected abstract sendTo(to: SocketAddress, req: SendRequest): number;
  /** Makes `addr` the default destination (checking it as the family requires). */
  protected abstract setPeer(addr: SocketAddress): void;
  /** Gives up the host side (a Node socket, a bound name). */
  protected abstract closeHost(): void;
  /** What send() without a destination gives when not connected. */
  protected abstract readonly noDestinationError: number;

  get listening(): boolean {
    return false;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Whether a message of `n` bytes fits in the queue now. */
  hasRoom(n: number): boolean {
    return this.queuedBytes === 0 || this.queuedBytes + n <= QUEUE_BYTES;
  }

  /** Queues a message; false (dropped) when it does not fit. */
  deliver(d: Datagram): boolean {
    if (this.closed || !this.hasRoom(d.bytes.length)) return false;
    this.queue.push(d);
    this.queuedBytes += d.bytes.length;
    this.wakeups.wakeReaders();
    return true;
  }

  /** `sender` found no room: its writers wake when there is (or the socket goes). */
  awaitRoom(sender: SocketFile): void {
    this.roomWaiters.add(sender);
  }

  /** Room appeared (a message read, the socket closed): the senders that found none wake. */
  /**
   * Puts a message into another guest socket's queue (ECONNREFUSED when there is none or it
   * is closed); a full queue makes the sender wait for room (or EAGAIN when nonblocking).
   */
  protected sendInto(
    target: DatagramSocket | null | undefined, req: SendRequest, from: SocketAddress | undefined, files: OpenFile[] | null,
  ): number {
    if (!target || target.isClosed) throw new SysError(E.ECONNREFUSED);
    if (!target.hasRoom(req.data.length)) {
      target.awaitRoom(this);
      return this.waitFor(() => target.isClosed || target.hasRoom(req.data.length), req.flags, this.options.sendTimeoutMs);
    }
    target.deliver({ bytes: req.data, from, files });
    return req.data.length;
  }

  private roomMade(): void {
    for (const s of this.roomWaiters) s.wakeups.wakeWriters();
    this.roomWaiters.clear();
  }

  listen(): number {
    throw new SysError(E.EOPNOTSUPP);
  }

  accept(): SocketFile {
    throw new SysError(E.EOPNOTSUPP);
  }

  connect(addr: SocketAddress): number {
    this.setPeer(addr);
    this.peer = addr;
    return 0;
  }

  /** connect() to AF_UNSPEC: no default destination any more. */
  disconnect(): number {
    this.peer = null;
    return 0;
  }

  recv(max: number, flags: number): Received {
    const d = this.queue[0];
    if (!d) {
      if (this.readShut) return { bytes: new Uint8Array(0), fullLength: 0 };
      if (this.pendingError) throw new SysError(this.takeError());
      return this.waitFor(() => this.queue.length > 0 || this.readShut || this.pendingError !== 0, flags, this.options.recvTimeoutMs);
    }
    if (!(flags & MSG.MSG_PEEK)) {
      this.queue.shift();
      this.queuedBytes -= d.bytes.length;
      this.roomMade();
    }
    return { bytes: d.bytes.subarray(0, max), fullLength: d.bytes.length, from: d.from, files: flags & MSG.MSG_PEEK ? null : d.files };
  }

  send(req: SendRequest): number {
    if (req.flags & MSG.MSG_OOB) throw new SysError(E.EOPNOTSUPP);
    if (this.writeShut) throw new SysError(E.EPIPE);
    const to = req.to ?? this.peer;
    if (!to) throw new SysError(this.noDestinationError);
    return this.sendTo(to, req);
  }

  shutdown(how: number): number {
    if (how !== SHUT_WR) this.readShut = true;
    if (how !== SHUT_RD) this.writeShut = true;
    this.wakeAll();
    return 0;
  }

  /** The size of the next message, as Linux answers FIONREAD on a datagram socket. */
  bytesToRead(): number {
    return this.queue[0]?.bytes.length ?? 0;
  }

  peerAddress(): SocketAddress {
    if (!this.peer) throw new SysError(E.ENOTCONN);
    return this.peer;
  }

  readiness(): Readiness {
    return {
      readable: this.queue.length > 0 || this.readShut || this.pendingError !== 0,
      writable: !this.writeShut,
      hangup: this.readShut && this.writeShut,
      error: this.pendingError !== 0,
    };
  }

  close(): void {
    this.closed = true;
    for (const d of this.queue.splice(0)) for (const f of d.files ?? []) releaseFile(f);
    this.queuedBytes = 0;
    this.roomMade();
    this.closeHost();
  }
}
