// RTM_NEWROUTE messages: a route of either family, as the route sources (the IPv4 and
// IPv6 tables read from /proc) describe it, encoded as struct rtmsg { u8 family,
// dst_len, src_len, tos, table, protocol, scope, type; u32 flags; } + attributes.
// RTA_CACHEINFO (usage counters and expiry) is left out: /proc does not show it.
import type { HostLink } from './netlink-interfaces.js';
import { NLM_F, encodeAttributes, encodeMessage, u32Attr, type Attribute } from './netlink-wire.js';

const RTM_NEWROUTE = 24;
const RTA = { DST: 1, SRC: 2, OIF: 4, GATEWAY: 5, PRIORITY: 6, PREFSRC: 7, TABLE: 15, PREF: 20 } as const;
export const RT_TABLE = { MAIN: 254, LOCAL: 255 } as const;
/** Who made a route: the kernel (from an address), the boot-time setup, a router advertisement. */
export const RTPROT = { KERNEL: 2, BOOT: 3, RA: 9 } as const;
export const RT_SCOPE = { UNIVERSE: 0, LINK: 253, HOST: 254 } as const;
export const RTN = { UNICAST: 1, LOCAL: 2, BROADCAST: 3, ANYCAST: 4, MULTICAST: 5, UNREACHABLE: 7 } as const;

export interface Route {
  readonly family: number;
  readonly table: number;
  readonly type: number;
  readonly scope: number;
  readonly protocol: number;
  /** Addresses are 4 or 16 bytes, as the family says. */
  readonly destination: Uint8Array;
  readonly prefixLength: number;
  /** A source-specific IPv6 route's source prefix. */
  readonly source?: { readonly bytes: Uint8Array; readonly prefixLength: number };
  readonly gateway?: Uint8Array;
  readonly preferredSource?: Uint8Array;
  /** RTA_PRIORITY (left out when undefined). */
  readonly metric?: number;
  /** RTA_PREF: an IPv6 route's router preference. */
  readonly preference?: number;
  readonly link?: HostLink;
}

export function routeMessage(r: Route, seq: number, portId: number): Uint8Array {
  const head = Uint8Array.of(r.family, r.prefixLength, r.source?.prefixLength ?? 0, 0, r.table, r.protocol, r.scope, r.type, 0, 0, 0, 0);
  const attrs: Attribute[] = [u32Attr(RTA.TABLE, r.table)];
  if (r.prefixLength > 0) attrs.push({ type: RTA.DST, data: r.destination });
  if (r.source) attrs.push({ type: RTA.SRC, data: r.source.bytes });
  if (r.metric !== undefined) attrs.push(u32Attr(RTA.PRIORITY, r.metric));
  if (r.preferredSource) attrs.push({ type: RTA.PREFSRC, data: r.preferredSource });
  if (r.gateway) attrs.push({ type: RTA.GATEWAY, data: r.gateway });
  if (r.link) attrs.push(u32Attr(RTA.OIF, r.link.index));
  if (r.preference !== undefined) attrs.push({ type: RTA.PREF, data: Uint8Array.of(r.preference) });
  return encodeMessage(RTM_NEWROUTE, NLM_F.MULTI, seq, portId, [head, encodeAttributes(attrs)]);
}
