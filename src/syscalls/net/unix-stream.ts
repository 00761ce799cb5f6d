// Unix SOCK_STREAM sockets, in process: socketpair, bind to a path or an abstract name,
// listen/accept, connect. Guest-to-guest connections never touch the host; a path that
// belongs to a host program's socket is reached through Node, and host programs may
// connect to a guest's path.
import { connect as netConnect, type Socket } from 'node:net';
import { E, SysError } from '../errno.js';
import { AF_UNIX } from './constants.js';
import { linkLocally } from './local-link.js';
import { NodeLink } from './node-link.js';
import { UNNAMED, type SocketAddress, type UnixAddress } from './sockaddr.js';
import type { SocketHost } from './socket-file.js';
import { StreamSocket } from './stream-socket.js';
import { bindUnixName, unixNameOwner, type UnixName } from './unix-names.js';

/** `a` as a Unix address (EINVAL for another family). */
export function unixAddress(a: SocketAddress): UnixAddress {
  if (a.family !== AF_UNIX) throw new SysError(E.EINVAL);
  return a;
}

export class UnixStreamSocket extends StreamSocket {
  protected readonly unconnectedSendError = E.ENOTCONN;
  protected readonly unconnectedRecvError = E.EINVAL;
  protected readonly listeningConnectError = E.EINVAL;
  private name: UnixName | null = null;

  constructor(host: SocketHost, nonblock: boolean) {
    super(host, AF_UNIX, 0, nonblock);
  }

  /** A connected pair (socketpair). */
  static pair(host: SocketHost, nonblock: boolean): [UnixStreamSocket, UnixStreamSocket] {
    const a = new UnixStreamSocket(host, nonblock);
    const b = new UnixStreamSocket(host, nonblock);
    linkLocally(a, UNNAMED, b, UNNAMED);
    return [a, b];
  }

  bind(to: SocketAddress): number {
    bindUnixName(this, this.host.wake, unixAddress(to), {
      held: this.name,
      alreadyBound: this.state !== 'fresh',
      keep: (name) => { this.name = name; },
      onHostConnection: (s) => this.incoming(s),
      waitForHost: (ready) => this.waitForHost(ready),
    });
    this.state = 'bound';
    return 0;
  }

  listen(backlog: number): number {
    if (this.state !== 'bound' && this.state !== 'listening') throw new SysError(E.EINVAL);
    this.startListening(backlog);
    return 0;
  }

  protected startConnect(to: SocketAddress): void {
    const addr = unixAddress(to);
    if (addr.name === '') throw new SysError(E.EINVAL);
    const owner = unixNameOwner(addr, this.type);
    if (owner === undefined) return this.connectToHost(addr, addr.hostPath!);
    if (!(owner instanceof UnixStreamSocket)) throw new SysError(E.EPROTOTYPE);
    if (!owner.listening) throw new SysError(E.ECONNREFUSED);
    const server = new UnixStreamSocket(owner.host, false);
    linkLocally(this, this.localAddress(), server, owner.localAddress());
    if (!owner.enqueue(server)) {
      this.link = null;
      this.state = 'fresh';
      throw new SysError(E.EAGAIN);
    }
  }

  /** A host program's socket file: connect through Node. */
  private connectToHost(addr: UnixAddress, hostPath: string): void {
    const s = netConnect({ path: hostPath, allowHalfOpen: true });
    const link = this.nodeLink(s, addr);
    this.pendingLink = link;
    this.state = 'connecting';
    s.once('connect', () => {
      if (this.state === 'connecting') this.attach(link);
      this.host.wake();
    });
  }

  /** A host program connected to our path. */
  private incoming(s: Socket): void {
    const conn = new UnixStreamSocket(this.host, false);
    conn.attach(conn.nodeLink(s, UNNAMED));
    if (!this.enqueue(conn)) s.destroy();
    this.host.wake();
  }

  private nodeLink(s: Socket, peer: UnixAddress): NodeLink {
    return new NodeLink(s, this, { local: () => this.localAddress(), peer: () => peer, tcp: false }, this.host.wake);
  }

  localAddress(): SocketAddress {
    return this.name?.result === 0 ? this.name.address : this.link?.local ?? UNNAMED;
  }

  protected closeBinding(): void {
    this.name?.close();
    this.name = null;
  }
}
