// A connection carried by a Node socket (TCP, or a host program's Unix socket). Node
// callbacks fill the guest socket's inbox and wake the run loop; the Node socket is
// paused while the inbox is full and resumed as the guest reads (backpressure), and
// sends wait while Node's own write buffer is full.
import type { Socket } from 'node:net';
import { E, SysError, errnoFromNodeCode } from '../errno.js';
import { flushThenClose } from './host-writes.js';
import type { OpenFile } from '../open-file.js';
import type { SocketAddress } from './sockaddr.js';
import { INBOX_HIGH_WATER, type StreamLink, type StreamSocket } from './stream-socket.js';

/** Node's write buffer size at which sends wait. */
const SEND_HIGH_WATER = 256 * 1024;

export interface LinkEnds {
  readonly local: () => SocketAddress;
  readonly peer: () => SocketAddress;
  /** A TCP connection (it can be reset); a Unix one is just dropped. */
  readonly tcp: boolean;
}

export class NodeLink implements StreamLink {
  readonly peerPid = 0;
  private gone = false;
  private paused = false;

  constructor(
    private readonly socket: Socket,
    private readonly owner: StreamSocket,
    private readonly ends: LinkEnds,
    wake: () => void,
  ) {
    socket.on('data', (chunk: Buffer) => {
      owner.inbox.push(chunk);
      if (owner.inbox.length >= INBOX_HIGH_WATER && !this.paused) {
        this.paused = true;
        socket.pause();
      }
      wake();
    });
    socket.on('end', () => {
      owner.inbox.ended = true;
      wake();
    });
    socket.on('drain', () => {
      owner.wakeups.wakeWriters();
      wake();
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      this.gone = true;
      // A reset after the peer's FIN is a write to a closed peer: EPIPE, as Linux reports it.
      const errno = errnoFromNodeCode(err.code);
      owner.linkFailed(errno === E.ECONNRESET && owner.inbox.ended ? E.EPIPE : errno);
      wake();
    });
    socket.on('close', () => {
      this.gone = true;
      owner.inbox.ended = true;
      wake();
    });
  }

  get canSend(): boolean {
    return this.socket.writableLength < SEND_HIGH_WATER;
  }

  get peerGone(): boolean {
    return this.gone;
  }

  get local(): SocketAddress {
    return this.ends.local();
  }

  get peer(): SocketAddress {
    return this.ends.peer();
  }

  send(bytes: Uint8Array, files: OpenFile[] | null): number {
    if (files) throw new SysError(E.EOPNOTSUPP); // no fd passing to a host program
    if (this.gone || this.socket.writableEnded) throw new SysError(E.EPIPE);
    if (!this.canSend) return 0;
    this.socket.write(bytes);
    return bytes.length;
  }

  shutdownWrite(): void {
    this.socket.end();
  }

  drained(): void {
    if (this.paused && this.owner.inbox.length < INBOX_HIGH_WATER / 2) {
      this.paused = false;
      this.socket.resume();
    }
  }

  /** The socket is closed: unsent bytes go out, then FIN; `reset` (SO_LINGER 0) sends RST instead. */
  close(reset: boolean): void {
    const s = this.socket;
    s.removeAllListeners('data');
    s.on('error', () => undefined);
    if (reset) {
      if (this.ends.tcp) s.resetAndDestroy();
      else s.destroy();
      return;
    }
    // Closed for reading too: what arrives after this gets a reset, as on Linux.
    flushThenClose(s);
  }
}
