// Connection-oriented sockets (TCP, Unix SOCK_STREAM): the connection states, the
// listen queue, and the data path once connected. What carries the bytes is a
// StreamLink: a Node socket, or the in-process peer of a Unix socket. Received bytes
// wait in a StreamInbox until the guest reads them.
import { E, SysError } from '../errno.js';
import type { OpenFile, Readiness } from '../open-file.js';
import { MSG, SHUT_RD, SHUT_WR, SOCK_STREAM, SOMAXCONN } from './constants.js';
import type { SocketAddress } from './sockaddr.js';
import { SocketFile, type Received, type SendRequest, type SocketHost } from './socket-file.js';
import { StreamInbox } from './stream-inbox.js';

/** The far end of a connection, as the socket's own end sees it. */
export interface StreamLink {
  /**
   * Takes all of `bytes` (the link buffers what it cannot pass on yet), or returns 0 when
   * its buffer is full. EPIPE when the peer can receive no more.
   */
  send(bytes: Uint8Array, files: OpenFile[] | null): number;
  /** A send would take bytes (or fail) now. */
  readonly canSend: boolean;
  /** The peer is gone for good: sends fail with EPIPE. */
  readonly peerGone: boolean;
  /** SHUT_WR: the peer's reads end after what was sent. */
  shutdownWrite(): void;
  /** The guest took bytes from the inbox: a paused link may take in more. */
  drained(): void;
  /** The process at the far end (SO_PEERCRED), 0 when it is not a guest process. */
  readonly peerPid: number;
  /** The socket is closed; `reset`: drop what is unsent and abort (SO_LINGER with 0 seconds). */
  close(reset: boolean): void;
  readonly local: SocketAddress;
  readonly peer: SocketAddress;
}

type State = 'fresh' | 'bound' | 'listening' | 'connecting' | 'connected' | 'failed';

/** How much an inbox holds before the link stops taking more in (backpressure). */
export const INBOX_HIGH_WATER = 256 * 1024;

export abstract class StreamSocket extends SocketFile {
  readonly inbox = new StreamInbox(this.wakeups);
  protected state: State = 'fresh';
  protected link: StreamLink | null = null;
  /** The link of a connection being made (through Node), until it is up. */
  protected pendingLink: StreamLink | null = null;
  /** Connections waiting for accept(). */
  protected readonly acceptQueue: StreamSocket[] = [];
  protected backlog = 0;
  private readShut = false;
  private writeShut = false;
  /** A completed connect not yet reported by a connect() call (it answers 0 once). */
  private connectUnanswered = false;

  constructor(host: SocketHost, domain: number, protocol: number, nonblock: boolean) {
    super(host, domain, SOCK_STREAM, protocol, nonblock);
  }

  /** Starts connecting to `addr` (the state is 'connecting' or 'connected' after). */
  protected abstract startConnect(addr: SocketAddress): void;
  /** What send() gives before a connection: EPIPE for TCP, ENOTCONN for Unix sockets. */
  protected abstract readonly unconnectedSendError: number;
  /** What recv() gives before a connection: ENOTCONN for TCP, EINVAL for Unix sockets. */
  protected abstract readonly unconnectedRecvError: number;
  /** What connect() on a listening socket gives: EISCONN for TCP, EINVAL for Unix sockets. */
  protected abstract readonly listeningConnectError: number;

  get listening(): boolean {
    return this.state === 'listening';
  }

  /** The connection is up (an accepted socket starts so). */
  attach(link: StreamLink): void {
    this.link = link;
    this.pendingLink = null;
    this.state = 'connected';
    this.wakeups.wakeWriters(); // a connect completes
  }

  /** The link reports an error: a connection being made failed, or one made broke. */
  linkFailed(errno: number): void {
    if (this.state === 'connecting') {
      this.link = null;
      this.pendingLink = null;
      this.state = 'failed';
    }
    this.pendingError = errno;
  }

  /** A new connection for the listen queue; false when the queue is full. */
  enqueue(conn: StreamSocket): boolean {
    if (this.state !== 'listening' && this.state !== 'bound') return false;
    if (this.acceptQueue.length > this.backlog) return false;
    this.acceptQueue.push(conn);
    this.wakeups.wakeReaders();
    return true;
  }

  protected startListening(backlog: number): void {
    this.backlog = Math.max(0, Math.min(backlog, SOMAXCONN));
    this.state = 'listening';
  }

  connect(addr: SocketAddress): number {
    switch (this.state) {
      case 'listening':
        throw new SysError(this.listeningConnectError);
      case 'connected':
        if (!this.connectUnanswered) throw new SysError(E.EISCONN);
        this.connectUnanswered = false;
        return 0;
      case 'failed':
        this.state = 'fresh';
        this.connectUnanswered = false;
        throw new SysError(this.takeError() || E.ECONNABORTED);
      case 'connecting':
        if (this.nonblocking()) throw new SysError(E.EALREADY);
        return this.waitFor(() => this.state !== 'connecting');
      default:
        this.startConnect(addr);
        this.connectUnanswered = true;
        // (startConnect changed the state: the cast undoes the switch's narrowing)
        if ((this.state as State) === 'connecting' && this.nonblocking()) throw new SysError(E.EINPROGRESS);
        return this.connect(addr);
    }
  }

  accept(nonblock: boolean): SocketFile {
    if (this.state !== 'listening') throw new SysError(E.EINVAL);
    const conn = this.acceptQueue.shift();
    if (!conn) return this.waitFor(() => this.acceptQueue.length > 0 || this.state !== 'listening', 0, this.options.recvTimeoutMs);
    if (nonblock) conn.flags |= this.host.nonblockBit;
    return conn;
  }

  recv(max: number, flags: number): Received {
    if (flags & MSG.MSG_OOB) throw new SysError(E.EINVAL);
    if (this.state === 'connecting') return this.waitFor(() => this.state !== 'connecting', flags, this.options.recvTimeoutMs);
    if (this.state !== 'connected') throw new SysError(this.unconnectedRecvError);
    const inbox = this.inbox;
    const ended = (): boolean => inbox.ended || this.readShut || this.pendingError !== 0;
    const enough = flags & MSG.MSG_WAITALL ? max : 1;
    if (max > 0 && inbox.length < enough && !ended()) {
      return this.waitFor(() => inbox.length >= enough || ended(), flags, this.options.recvTimeoutMs);
    }
    // An error ends reads, unless the peer's FIN came first (then it is end of file).
    if (inbox.length === 0 && this.pendingError && !inbox.ended) throw new SysError(this.takeError());
    const taken = inbox.take(max, (flags & MSG.MSG_PEEK) !== 0);
    if (taken.bytes.length) this.link?.drained();
    return { bytes: taken.bytes, fullLength: taken.bytes.length, files: taken.files };
  }

  send(req: SendRequest): number {
    if (req.flags & MSG.MSG_OOB) throw new SysError(E.EOPNOTSUPP);
    if (this.state === 'connecting') return this.waitFor(() => this.state !== 'connecting', req.flags, this.options.sendTimeoutMs);
    if (this.state === 'failed' || this.pendingError) throw new SysError(this.takeError() || E.EPIPE);
    const link = this.link;
    if (this.state !== 'connected' || !link) throw new SysError(this.unconnectedSendError);
    if (this.writeShut || link.peerGone) throw new SysError(E.EPIPE);
    const n = link.send(req.data, req.files ?? null);
    if (n === 0 && req.data.length > 0) {
      return this.waitFor(() => link.canSend || link.peerGone || this.pendingError !== 0, req.flags, this.options.sendTimeoutMs);
    }
    return n;
  }

  shutdown(how: number): number {
    this.wakeAll();
    if (this.state === 'listening') {
      // Shutting a listener's receiving side stops it listening (SHUT_WR does nothing).
      if (how !== SHUT_WR) this.stopListening();
      return 0;
    }
    if (this.state !== 'connected' || !this.link) throw new SysError(E.ENOTCONN);
    if (how !== SHUT_WR) this.readShut = true;
    if (how !== SHUT_RD && !this.writeShut) {
      this.writeShut = true;
      this.link.shutdownWrite();
    }
    return 0;
  }

  peerCredentials(): readonly [number, number, number] {
    const pid = this.link?.peerPid ?? 0;
    return pid ? [pid, process.getuid?.() ?? 0, process.getgid?.() ?? 0] : super.peerCredentials();
  }

  bytesToRead(): number {
    return this.inbox.length;
  }

  peerAddress(): SocketAddress {
    if (this.state !== 'connected' || !this.link) throw new SysError(E.ENOTCONN);
    return this.link.peer;
  }

  readiness(): Readiness {
    switch (this.state) {
      case 'listening':
        return { readable: this.acceptQueue.length > 0, writable: false, hangup: false, error: false };
      case 'connecting':
        return { readable: false, writable: false, hangup: false, error: false };
      case 'failed':
        return { readable: true, writable: false, hangup: true, error: true };
      case 'connected': {
        const link = this.link!;
        const readEnded = this.inbox.ended || this.readShut;
        const writeEnded = this.writeShut || link.peerGone;
        return {
          readable: this.inbox.length > 0 || readEnded || this.pendingError !== 0,
          writable: !this.writeShut && (link.canSend || link.peerGone),
          hangup: readEnded && writeEnded,
          error: this.pendingError !== 0,
          peerClosed: readEnded,
        };
      }
      default:
        // Never connected: Linux reports POLLOUT and POLLHUP for such a socket.
        return { readable: false, writable: true, hangup: true, error: false };
    }
  }

  close(): void {
    const [lingerOn, lingerSecs] = this.options.linger;
    this.link?.close(lingerOn !== 0 && lingerSecs === 0);
    this.pendingLink?.close(true); // closed while connecting: the attempt is abandoned
    this.inbox.discard();
    this.stopListening();
  }

  private stopListening(): void {
    for (const conn of this.acceptQueue.splice(0)) conn.close();
    this.closeBinding();
    if (this.state === 'listening' || this.state === 'bound') this.state = 'fresh';
  }

  /** Gives up what bind and listen hold (a name, a Node server). */
  protected abstract closeBinding(): void;
}
