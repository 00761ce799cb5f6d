// AF_NETLINK sockets (NETLINK_ROUTE only): a datagram socket whose default peer is the
// kernel (port 0). What the guest sends the kernel is answered at once, into this
// socket's own queue; messages to another port go to the guest socket bound to it.
// Ports are what Linux gives: the process id for its first socket, then numbers
// counting down from -4096; multicast groups may be joined, but no notification ever
// comes (nothing in the host's network is watched).
import { E, SysError } from '../errno.js';
import { AF_NETLINK, NETLINK_CAP_ACK, SOL_NETLINK } from './constants.js';
import { DatagramSocket } from './datagram-socket.js';
import { answerRoute } from './netlink-route.js';
import {
  NLMSG_MIN_TYPE, NLM_F, doneMessage, errorMessage, parseMessages, type NetlinkMessage,
} from './netlink-wire.js';
import type { NetlinkAddress, SocketAddress } from './sockaddr.js';
import type { SendRequest, SocketHost } from './socket-file.js';

export const NETLINK_ROUTE = 0;
/** The kernel's address: where replies come from and requests go by default. */
const KERNEL: NetlinkAddress = { family: AF_NETLINK, pid: 0, groups: 0 };
/** How many bytes of a dump one datagram carries at most (about Linux's dump buffer). */
const DUMP_DATAGRAM_BYTES = 8192;
/** Where Linux's automatic port numbers start when the process id is taken (as u32). */
const FIRST_AUTO_PORT = -4096;

/** Bound netlink sockets by port id. */
const ports = new Map<number, NetlinkSocket>();
let nextAutoPort = FIRST_AUTO_PORT;

function netlinkAddress(a: SocketAddress): NetlinkAddress {
  if (a.family !== AF_NETLINK) throw new SysError(E.EINVAL);
  return a;
}

/** Messages put into datagrams of at most DUMP_DATAGRAM_BYTES (a bigger message alone). */
function packDatagrams(messages: readonly Uint8Array[]): Uint8Array[] {
  const out: Uint8Array[][] = [];
  let size = 0;
  for (const m of messages) {
    const last = out[out.length - 1];
    if (last && size + m.length <= DUMP_DATAGRAM_BYTES) {
      last.push(m);
      size += m.length;
    } else {
      out.push([m]);
      size = m.length;
    }
  }
  return out.map((parts) => Buffer.concat(parts));
}

export class NetlinkSocket extends DatagramSocket {
  protected readonly noDestinationError = E.ENOTCONN;
  /** 0 until bound (explicitly, or automatically by connect or send). */
  private portId = 0;
  private groups = 0;

  constructor(host: SocketHost, type: number, nonblock: boolean) {
    super(host, AF_NETLINK, NETLINK_ROUTE, nonblock, type);
    this.peer = KERNEL;
  }

  bind(to: SocketAddress): number {
    const addr = netlinkAddress(to);
    if (this.portId === 0) {
      if (addr.pid === 0) this.autobind();
      else this.claim(addr.pid);
    } else if (addr.pid !== 0 && addr.pid !== this.portId) {
      throw new SysError(E.EINVAL);
    }
    if (addr.groups) this.host.report('netlink:groups', 'netlink: multicast groups are joined, but no notification is ever sent');
    this.groups = addr.groups;
    return 0;
  }

  private claim(portId: number): void {
    if (ports.has(portId)) throw new SysError(E.EADDRINUSE);
    ports.set(portId, this);
    this.portId = portId;
  }

  private autobind(): void {
    if (this.portId !== 0) return;
    if (!ports.has(this.host.pid)) return this.claim(this.host.pid);
    while (ports.has(nextAutoPort >>> 0)) nextAutoPort = nextAutoPort <= -0x7fffffff ? FIRST_AUTO_PORT : nextAutoPort - 1;
    this.claim(nextAutoPort >>> 0);
  }

  protected setPeer(to: SocketAddress): void {
    netlinkAddress(to);
    this.autobind();
  }

  /** connect() to AF_UNSPEC: the kernel is the peer again. */
  disconnect(): number {
    this.peer = KERNEL;
    return 0;
  }

  protected sendTo(to: SocketAddress, req: SendRequest): number {
    const addr = netlinkAddress(to);
    if (addr.groups) {
      this.host.report('netlink:send-groups', 'netlink: sending to multicast groups is not supported');
      throw new SysError(E.EPERM);
    }
    this.autobind();
    if (addr.pid === 0) {
      this.kernelReceives(req.data);
      return req.data.length;
    }
    return this.sendInto(ports.get(addr.pid), req, this.localAddress(), null);
  }

  /** The kernel's side of a send: every request message answered, as Linux walks them. */
  private kernelReceives(data: Uint8Array): void {
    for (const msg of parseMessages(data)) {
      const ack = (msg.flags & NLM_F.ACK) !== 0;
      if (!(msg.flags & NLM_F.REQUEST) || msg.type < NLMSG_MIN_TYPE) {
        if (ack) this.reply(this.errorFor(msg, 0));
        continue;
      }
      const answer = answerRoute(msg, this.portId, this.host.report);
      if (answer.kind === 'error') {
        this.reply(this.errorFor(msg, answer.errno));
      } else if (answer.kind === 'dump') {
        // A dump is never acknowledged: NLMSG_DONE ends it.
        for (const d of packDatagrams([...answer.messages, doneMessage(msg.seq, this.portId)])) this.reply(d);
      } else {
        for (const m of answer.messages) this.reply(m);
        if (ack) this.reply(this.errorFor(msg, 0));
      }
    }
  }

  private errorFor(msg: NetlinkMessage, errno: number): Uint8Array {
    return errorMessage(msg, errno, this.portId, this.options.on(SOL_NETLINK, NETLINK_CAP_ACK));
  }

  /**
   * Queues a datagram from the kernel (an answer, or a message queue's notification); one
   * that does not fit is lost, and ENOBUFS says so.
   */
  reply(bytes: Uint8Array): void {
    if (!this.deliver({ bytes, from: KERNEL, files: null })) this.pendingError = E.ENOBUFS;
  }

  localAddress(): SocketAddress {
    return { family: AF_NETLINK, pid: this.portId, groups: this.groups };
  }

  protected closeHost(): void {
    if (this.portId !== 0 && ports.get(this.portId) === this) ports.delete(this.portId);
  }
}
