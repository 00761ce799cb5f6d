// UDP sockets (AF_INET, AF_INET6) over Node's dgram module. Binding is asynchronous in
// Node, so bind() waits for it; a socket that sends or connects before binding is bound
// to an ephemeral port first, as Linux does, so getsockname() sees the port at once.
import { createSocket, type Socket } from 'node:dgram';
import { E, SysError, errnoFromNodeCode } from '../errno.js';
import { AF_INET, IPPROTO_IPV6, IPPROTO_UDP, IPV6_V6ONLY, SOL_SOCKET, SO } from './constants.js';
import { DatagramSocket } from './datagram-socket.js';
import { writeDone, writeStarted } from './host-writes.js';
import { anyInet, inetFor, inetFromNode, nodeHost } from './inet-address.js';
import type { InetAddress, SocketAddress } from './sockaddr.js';
import type { SendRequest, SocketHost } from './socket-file.js';

export class UdpSocket extends DatagramSocket {
  protected readonly noDestinationError = E.EDESTADDRREQ;
  private node: Socket | null = null;
  /** undefined while Node binds; then 0 or the errno. */
  private bindResult: number | undefined;
  /** A bind (explicit or automatic) has succeeded and been answered: binding again is EINVAL. */
  private bound = false;

  constructor(host: SocketHost, domain: number, nonblock: boolean) {
    super(host, domain, IPPROTO_UDP, nonblock);
  }

  bind(to: SocketAddress): number {
    const addr = inetFor(this.domain, to);
    if (this.bound) throw new SysError(E.EINVAL);
    // (Otherwise this may be the call run again once Node has answered.)
    if (!this.node) this.startBind(addr);
    return this.settled();
  }

  /** Waits for the bind under way; 0 once bound, else its error. */
  private settled(): number {
    if (this.bindResult === undefined) return this.waitForHost(() => this.bindResult !== undefined);
    if (this.bindResult !== 0) {
      const errno = this.bindResult;
      this.node = null;
      this.bindResult = undefined;
      throw new SysError(errno);
    }
    this.bound = true;
    return 0;
  }

  /** Binds to an ephemeral port unless bound. */
  private bindIfUnbound(): void {
    if (this.bound) return;
    if (!this.node) this.startBind(anyInet(this.domain));
    this.settled();
  }

  private startBind(addr: InetAddress): void {
    const node = createSocket({
      type: this.domain === AF_INET ? 'udp4' : 'udp6',
      ipv6Only: this.options.on(IPPROTO_IPV6, IPV6_V6ONLY),
      reuseAddr: this.options.on(SOL_SOCKET, SO.SO_REUSEADDR),
    });
    this.node = node;
    this.bindResult = undefined;
    node.on('message', (msg, rinfo) => {
      const from = inetFromNode(this.domain, rinfo.address, rinfo.port);
      // A connected socket takes only what its peer sends.
      const peer = this.peer as InetAddress | null;
      if (peer && (peer.port !== from.port || peer.host !== from.host)) return;
      if (this.deliver({ bytes: msg, from, files: null })) this.host.wake();
    });
    node.once('listening', () => {
      this.bindResult = 0;
      this.applyOptions();
      this.host.wake();
    });
    node.on('error', (err: NodeJS.ErrnoException) => {
      if (this.bindResult === undefined) this.bindResult = errnoFromNodeCode(err.code);
      else this.pendingError = errnoFromNodeCode(err.code);
      this.host.wake();
    });
    node.bind({ address: nodeHost(addr), port: addr.port, exclusive: true });
  }

  protected setPeer(to: SocketAddress): void {
    inetFor(this.domain, to);
    this.bindIfUnbound();
  }

  protected sendTo(to: SocketAddress, req: SendRequest): number {
    if (req.files) throw new SysError(E.EOPNOTSUPP);
    const addr = inetFor(this.domain, to);
    this.bindIfUnbound();
    const sending = {};
    writeStarted(sending);
    this.node!.send(req.data, addr.port, nodeHost(addr), (err) => {
      writeDone(sending);
      if (err) {
        this.pendingError = errnoFromNodeCode((err as NodeJS.ErrnoException).code);
        this.host.wake();
      }
    });
    return req.data.length;
  }

  localAddress(): SocketAddress {
    if (!this.node || this.bindResult !== 0) return anyInet(this.domain);
    const a = this.node.address();
    return inetFromNode(this.domain, a.address, a.port);
  }

  /** SO_BROADCAST acts on the Node socket. */
  applyOptions(): void {
    if (this.node && this.bindResult === 0) this.node.setBroadcast(this.options.on(SOL_SOCKET, SO.SO_BROADCAST));
  }

  protected closeHost(): void {
    this.node?.close();
    this.node = null;
  }
}
