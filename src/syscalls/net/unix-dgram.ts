// Unix SOCK_DGRAM sockets, in process: messages go straight into the receiving guest
// socket's queue (found by the name it is bound to, or its socketpair peer). A sender
// waits while the receiver's queue is full, as on Linux.
import { E, SysError } from '../errno.js';
import { AF_UNIX } from './constants.js';
import { DatagramSocket } from './datagram-socket.js';
import { UNNAMED, type SocketAddress } from './sockaddr.js';
import type { SendRequest, SocketHost } from './socket-file.js';
import { bindUnixName, unixNameOwner, type UnixName } from './unix-names.js';
import { unixAddress } from './unix-stream.js';

export class UnixDgramSocket extends DatagramSocket {
  protected readonly noDestinationError = E.ENOTCONN;
  private name: UnixName | null = null;
  /** The connected peer's socket. */
  private peerSocket: UnixDgramSocket | null = null;
  private bound = false;

  constructor(host: SocketHost, nonblock: boolean) {
    super(host, AF_UNIX, 0, nonblock);
  }

  static pair(host: SocketHost, nonblock: boolean): [UnixDgramSocket, UnixDgramSocket] {
    const a = new UnixDgramSocket(host, nonblock);
    const b = new UnixDgramSocket(host, nonblock);
    a.peerSocket = b;
    b.peerSocket = a;
    a.peer = UNNAMED;
    b.peer = UNNAMED;
    return [a, b];
  }

  bind(to: SocketAddress): number {
    bindUnixName(this, this.host.wake, unixAddress(to), {
      held: this.name,
      alreadyBound: this.bound,
      keep: (name) => { this.name = name; },
      onHostConnection: (s) => s.destroy(), // no host program connects to a datagram socket
      waitForHost: (ready) => this.waitForHost(ready),
    });
    this.bound = true;
    return 0;
  }

  protected setPeer(to: SocketAddress): void {
    this.peerSocket = this.receiver(to);
  }

  /** The guest socket bound to `to`. */
  private receiver(to: SocketAddress): UnixDgramSocket {
    const addr = unixAddress(to);
    const owner = unixNameOwner(addr, this.type);
    if (owner === undefined) throw new SysError(E.ECONNREFUSED); // a host program's stream socket
    if (!(owner instanceof UnixDgramSocket)) throw new SysError(E.EPROTOTYPE);
    return owner;
  }

  protected sendTo(to: SocketAddress, req: SendRequest): number {
    const target = req.to ? this.receiver(to) : this.peerSocket;
    return this.sendInto(target, req, this.bound ? this.localAddress() : undefined, req.files ?? null);
  }

  localAddress(): SocketAddress {
    return this.bound && this.name ? this.name.address : UNNAMED;
  }

  protected closeHost(): void {
    this.name?.close();
    this.name = null;
  }
}
