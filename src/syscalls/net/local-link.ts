// The two ends of an in-process Unix stream connection: what one end sends goes
// straight into the other's inbox (with any files passed along), up to a buffer's worth.
import { E, SysError } from '../errno.js';
import type { OpenFile } from '../open-file.js';
import { SOCKET_BUFFER_BYTES } from './constants.js';
import type { SocketAddress } from './sockaddr.js';
import type { StreamLink, StreamSocket } from './stream-socket.js';

/** How much one end may have sent that the other has not read (Linux's default socket buffer). */
const CAPACITY = SOCKET_BUFFER_BYTES;

class LocalLink implements StreamLink {
  counterpart!: LocalLink;
  peerGone = false;
  readonly peerPid: number;

  constructor(
    /** The socket at the far end. */
    private readonly other: StreamSocket,
    readonly local: SocketAddress,
    readonly peer: SocketAddress,
  ) {
    this.peerPid = other.host.pid;
  }

  get canSend(): boolean {
    return this.peerGone || this.other.inbox.length < CAPACITY;
  }

  send(bytes: Uint8Array, files: OpenFile[] | null): number {
    if (this.peerGone) throw new SysError(E.EPIPE);
    if (this.other.inbox.length >= CAPACITY) return 0;
    this.other.inbox.push(bytes, files);
    return bytes.length;
  }

  shutdownWrite(): void {
    this.other.inbox.ended = true;
  }

  drained(): void {
    // Room in our inbox: the far end's writers wake (the sender looks at our inbox itself).
    this.other.wakeups.wakeWriters();
  }

  close(): void {
    this.counterpart.peerGone = true;
    this.other.inbox.ended = true;
  }
}

/** Connects `a` and `b` to each other; `aName` and `bName` are their own addresses. */
export function linkLocally(a: StreamSocket, aName: SocketAddress, b: StreamSocket, bName: SocketAddress): void {
  const ab = new LocalLink(b, aName, bName);
  const ba = new LocalLink(a, bName, aName);
  ab.counterpart = ba;
  ba.counterpart = ab;
  a.attach(ab);
  b.attach(ba);
}
