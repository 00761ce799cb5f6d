// TCP sockets (AF_INET, AF_INET6) over Node's net module. Node binds only by listening,
// so bind() starts a Node server at once (that is when EADDRINUSE and an ephemeral port
// are known) and waits for it; listen() then lets the guest accept what it queues.
// Node reports everything asynchronously: the calls wait until Node has answered.
import { createServer, connect as netConnect, type AddressInfo, type Server, type Socket } from 'node:net';
import { E, SysError, errnoFromNodeCode } from '../errno.js';
import { AF_INET6, IPPROTO_IPV6, IPPROTO_TCP, IPV6_V6ONLY, SOL_SOCKET, SO, TCP_NODELAY } from './constants.js';
import { anyInet, inetFor, inetFromNode, nodeHost } from './inet-address.js';
import { NodeLink } from './node-link.js';
import type { InetAddress, SocketAddress } from './sockaddr.js';
import type { SocketHost } from './socket-file.js';
import { StreamSocket } from './stream-socket.js';

/** A bind in progress or done: Node's server and what it answered. */
interface Binding {
  readonly server: Server;
  /** undefined while Node has not answered; 0 once listening; else the errno. */
  result: number | undefined;
}

export class TcpSocket extends StreamSocket {
  protected readonly unconnectedSendError = E.EPIPE;
  protected readonly unconnectedRecvError = E.ENOTCONN;
  protected readonly listeningConnectError = E.EISCONN;
  private binding: Binding | null = null;
  private nodeSocket: Socket | null = null;

  constructor(host: SocketHost, domain: number, nonblock: boolean) {
    super(host, domain, IPPROTO_TCP, nonblock);
  }

  bind(addr: SocketAddress): number {
    return this.bindTo(inetFor(this.domain, addr));
  }

  /** Starts binding (unless a bind is under way: this is the call run again) and answers it. */
  private bindTo(addr: InetAddress): number {
    if (this.state !== 'fresh') throw new SysError(E.EINVAL);
    if (!this.binding) this.startBind(addr);
    return this.bound();
  }

  /** The answer to a bind started earlier: wait for Node, then 0 or its error. */
  private bound(): number {
    const b = this.binding!;
    if (b.result === undefined) return this.waitForHost(() => b.result !== undefined);
    if (b.result !== 0) {
      this.binding = null;
      throw new SysError(b.result);
    }
    this.state = 'bound';
    return 0;
  }

  private startBind(addr: InetAddress): void {
    const server = createServer({ allowHalfOpen: true });
    const b: Binding = { server, result: undefined };
    this.binding = b;
    server.on('connection', (s) => this.incoming(s));
    server.once('listening', () => {
      b.result = 0;
      this.host.wake();
    });
    server.once('error', (err: NodeJS.ErrnoException) => {
      b.result = errnoFromNodeCode(err.code);
      server.close();
      this.host.wake();
    });
    server.listen({
      host: nodeHost(addr), port: addr.port, exclusive: true, backlog: 511,
      ipv6Only: this.domain === AF_INET6 && this.options.on(IPPROTO_IPV6, IPV6_V6ONLY),
    });
  }

  /** A host connection to our server: queued for accept(), or refused when the queue is full. */
  private incoming(s: Socket): void {
    const conn = new TcpSocket(this.host, this.domain, false);
    conn.options.copyFrom(this.options);
    conn.useNodeSocket(s);
    conn.attach(conn.nodeLink(s));
    if (!this.enqueue(conn)) s.destroy();
    this.host.wake();
  }

  private nodeLink(s: Socket): NodeLink {
    return new NodeLink(s, this, {
      local: () => inetFromNode(this.domain, s.localAddress, s.localPort),
      peer: () => inetFromNode(this.domain, s.remoteAddress, s.remotePort),
      tcp: true,
    }, this.host.wake);
  }

  private useNodeSocket(s: Socket): void {
    this.nodeSocket = s;
    this.applyOptions();
  }

  listen(backlog: number): number {
    if (this.state === 'listening') {
      this.startListening(backlog);
      return 0;
    }
    if (this.state !== 'fresh' && this.state !== 'bound') throw new SysError(E.EINVAL);
    // Never bound: Linux picks a port on the wildcard address.
    if (this.state === 'fresh') this.bindTo(anyInet(this.domain));
    this.startListening(backlog);
    return 0;
  }

  protected startConnect(to: SocketAddress): void {
    const addr = inetFor(this.domain, to);
    // A socket bound first connects from that address: the server only held the port.
    const local = this.binding?.server.address() as AddressInfo | null | undefined;
    this.closeBinding();
    if (this.state === 'bound') this.state = 'fresh';
    const s = netConnect({
      host: nodeHost(addr), port: addr.port, allowHalfOpen: true,
      ...(local ? { localAddress: local.address, localPort: local.port } : {}),
    });
    this.useNodeSocket(s);
    const link = this.nodeLink(s);
    this.pendingLink = link;
    this.state = 'connecting';
    s.once('connect', () => {
      if (this.state === 'connecting') this.attach(link);
      this.host.wake();
    });
  }

  localAddress(): SocketAddress {
    if (this.link) return this.link.local;
    const bound = this.binding?.result === 0 ? (this.binding.server.address() as AddressInfo | null) : null;
    return bound ? inetFromNode(this.domain, bound.address, bound.port) : anyInet(this.domain);
  }

  /** TCP_NODELAY and SO_KEEPALIVE act on the Node socket. */
  applyOptions(): void {
    const s = this.nodeSocket;
    if (!s) return;
    s.setNoDelay(this.options.on(IPPROTO_TCP, TCP_NODELAY));
    s.setKeepAlive(this.options.on(SOL_SOCKET, SO.SO_KEEPALIVE));
  }

  protected closeBinding(): void {
    this.binding?.server.close();
    this.binding = null;
  }
}
