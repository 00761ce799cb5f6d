// NETLINK_ROUTE, the kernel's side: the answers to one request message. Links and
// addresses come from the host (netlink-interfaces.ts), routes from its tables
// (netlink-ipv4-routes.ts, netlink-ipv6-routes.ts); the guest may look but not change
// anything, and other kinds of object (neighbours, rules) are not known.
import { E } from '../errno.js';
import { AF_INET, AF_INET6, AF_UNSPEC } from './constants.js';
import { IFA_F_PERMANENT, hostLinks, ipv4Broadcast, type HostAddress, type HostLink } from './netlink-interfaces.js';
import { ipv4Routes } from './netlink-ipv4-routes.js';
import { ipv6Routes } from './netlink-ipv6-routes.js';
import { RT_SCOPE, routeMessage } from './netlink-route-message.js';
import {
  NLM_F, encodeAttributes, encodeMessage, parseAttributes, stringAttr, u32Attr,
  type Attribute, type NetlinkMessage,
} from './netlink-wire.js';

const RTM_BASE = 16;
const RTM_GETLINK = 18;
const RTM_NEWLINK = 16;
const RTM_GETADDR = 22;
const RTM_NEWADDR = 20;
const RTM_GETROUTE = 26;
/** The last rtnetlink message type Linux knows. */
const RTM_MAX = 0x7f;
/** A type's kind, its low two bits from RTM_BASE on: NEW, DEL, GET, SET. */
const KIND_GET = 2;

const IFLA = { ADDRESS: 1, BROADCAST: 2, IFNAME: 3, MTU: 4, STATS: 7, TXQLEN: 13 } as const;
const IFA = { ADDRESS: 1, LOCAL: 2, LABEL: 3, BROADCAST: 4, CACHEINFO: 6, FLAGS: 8 } as const;
const IFINFOMSG_SIZE = 16;

/** What the kernel answers one request with. */
export type RouteAnswer =
  | { readonly kind: 'dump'; readonly messages: Uint8Array[] }
  | { readonly kind: 'reply'; readonly messages: Uint8Array[] }
  | { readonly kind: 'error'; readonly errno: number };

/** The one-time report of what is not supported. */
export type Report = (key: string, message: string) => void;

/** IFLA_STATS: struct rtnl_link_stats, u32 counters (wrapping, as Linux's do). */
function statisticsAttr(counters: readonly number[]): Attribute {
  const data = new Uint8Array(counters.length * 4);
  const d = new DataView(data.buffer);
  counters.forEach((n, i) => d.setUint32(i * 4, n % 2 ** 32, true));
  return { type: IFLA.STATS, data };
}

/** struct ifinfomsg { u8 family, pad; u16 type; i32 index; u32 flags, change; } + attributes. */
function linkMessage(link: HostLink, flags: number, seq: number, portId: number): Uint8Array {
  const info = new Uint8Array(IFINFOMSG_SIZE);
  const d = new DataView(info.buffer);
  d.setUint8(0, AF_UNSPEC);
  d.setUint16(2, link.type, true);
  d.setInt32(4, link.index, true);
  d.setUint32(8, link.flags, true);
  const attrs: Attribute[] = [
    stringAttr(IFLA.IFNAME, link.name), u32Attr(IFLA.TXQLEN, link.txQueueLength), u32Attr(IFLA.MTU, link.mtu),
    { type: IFLA.ADDRESS, data: link.hardwareAddress }, { type: IFLA.BROADCAST, data: link.hardwareBroadcast },
  ];
  const statistics = link.statistics();
  if (statistics) attrs.push(statisticsAttr(statistics));
  return encodeMessage(RTM_NEWLINK, flags, seq, portId, [info, encodeAttributes(attrs)]);
}

function scopeOf(a: HostAddress): number {
  if (a.family === AF_INET) return a.bytes[0] === 127 ? RT_SCOPE.HOST : RT_SCOPE.UNIVERSE;
  if (a.bytes.every((b, i) => b === (i === 15 ? 1 : 0))) return RT_SCOPE.HOST; // ::1
  return a.bytes[0] === 0xfe && (a.bytes[1] & 0xc0) === 0x80 ? RT_SCOPE.LINK : RT_SCOPE.UNIVERSE;
}

/**
 * IFA_CACHEINFO { u32 preferred, valid, created, updated }: a permanent address's
 * lifetimes are infinite; when it was made (hundredths of a second since boot) is not
 * known here, and left 0. (A learnt address's lifetimes are not known: no cache info.)
 */
const PERMANENT_CACHEINFO: Attribute = { type: IFA.CACHEINFO, data: Uint8Array.of(...Array<number>(8).fill(0xff), ...Array<number>(8).fill(0)) };

/** struct ifaddrmsg { u8 family, prefixlen, flags, scope; u32 index; } + attributes. */
function addressMessage(link: HostLink, a: HostAddress, seq: number, portId: number): Uint8Array {
  const head = new Uint8Array(8);
  const d = new DataView(head.buffer);
  head.set([a.family, a.prefixLength, a.flags & 0xff, scopeOf(a)]);
  d.setUint32(4, link.index, true);
  const attrs: Attribute[] = [{ type: IFA.ADDRESS, data: a.bytes }];
  if (a.family === AF_INET) {
    attrs.push({ type: IFA.LOCAL, data: a.bytes });
    const broadcast = ipv4Broadcast(link, a);
    if (broadcast) attrs.push({ type: IFA.BROADCAST, data: broadcast });
    attrs.push(stringAttr(IFA.LABEL, link.name));
  }
  attrs.push(u32Attr(IFA.FLAGS, a.flags));
  if (a.flags & IFA_F_PERMANENT) attrs.push(PERMANENT_CACHEINFO);
  return encodeMessage(RTM_NEWADDR, NLM_F.MULTI, seq, portId, [head, encodeAttributes(attrs)]);
}

/** The family a request asks about (its first payload byte: rtgenmsg, ifinfomsg, ifaddrmsg). */
const familyOf = (req: NetlinkMessage): number => req.payload[0] ?? AF_UNSPEC;

function addressDump(req: NetlinkMessage, portId: number): Uint8Array[] {
  const family = familyOf(req);
  // A family without its own dump (AF_UNSPEC, AF_PACKET...) gets every family's, IPv4 first.
  const families = family === AF_INET || family === AF_INET6 ? [family] : [AF_INET, AF_INET6];
  const links = hostLinks();
  return families.flatMap((f) => links.flatMap((link) =>
    link.addresses.filter((a) => a.family === f).map((a) => addressMessage(link, a, req.seq, portId))));
}

function routeDump(req: NetlinkMessage, portId: number): Uint8Array[] {
  const family = familyOf(req);
  const links = hostLinks();
  const routes = [
    ...(family === AF_INET6 ? [] : ipv4Routes(links)),
    ...(family === AF_INET ? [] : ipv6Routes(links)),
  ];
  return routes.map((r) => routeMessage(r, req.seq, portId));
}

/** RTM_GETLINK for one link, named by ifi_index or else by IFLA_IFNAME. */
function getLink(req: NetlinkMessage, portId: number): RouteAnswer {
  if (req.payload.length < IFINFOMSG_SIZE) return { kind: 'error', errno: E.EINVAL };
  const index = new DataView(req.payload.buffer, req.payload.byteOffset).getInt32(4, true);
  const nameAttr = parseAttributes(req.payload.subarray(IFINFOMSG_SIZE)).find((a) => a.type === IFLA.IFNAME);
  const name = nameAttr && Buffer.from(nameAttr.data).toString('utf8').replace(/\0.*$/s, '');
  if (index <= 0 && name === undefined) return { kind: 'error', errno: E.EINVAL };
  const link = hostLinks().find((l) => (index > 0 ? l.index === index : l.name === name));
  if (!link) return { kind: 'error', errno: E.ENODEV };
  return { kind: 'reply', messages: [linkMessage(link, 0, req.seq, portId)] };
}

/** The answer to one request message of type RTM_BASE or more. */
export function answerRoute(req: NetlinkMessage, portId: number, report: Report): RouteAnswer {
  if (req.type > RTM_MAX) return { kind: 'error', errno: E.EOPNOTSUPP };
  if (((req.type - RTM_BASE) & 3) !== KIND_GET) {
    report(`netlink:change:${req.type}`, `netlink: route message type ${req.type} would change the host's network; refused`);
    return { kind: 'error', errno: E.EPERM };
  }
  const dump = (req.flags & NLM_F.DUMP) === NLM_F.DUMP;
  if (req.type === RTM_GETLINK) {
    return dump ? { kind: 'dump', messages: hostLinks().map((l) => linkMessage(l, NLM_F.MULTI, req.seq, portId)) } : getLink(req, portId);
  }
  if (req.type === RTM_GETADDR && dump) return { kind: 'dump', messages: addressDump(req, portId) };
  if (req.type === RTM_GETROUTE && dump) return { kind: 'dump', messages: routeDump(req, portId) };
  report(`netlink:get:${req.type}:${dump}`, `netlink: route message type ${req.type}${dump ? ' (dump)' : ''} is not supported`);
  return { kind: 'error', errno: E.EOPNOTSUPP };
}
