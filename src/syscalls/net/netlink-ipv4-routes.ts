// The host's IPv4 routes as RTM_NEWROUTE messages: the main table from /proc/net/route
// (lines of interface, destination, gateway, flags, refcnt, use, metric, mask, ...,
// addresses as hex of the host's little-endian u32), then the local table, which Linux
// derives from the interfaces' addresses: each address, a loopback interface's whole
// subnet, and each subnet's broadcast address.
import { readFileSync } from 'node:fs';
import { AF_INET } from './constants.js';
import { IFF, type HostAddress, type HostLink } from './netlink-interfaces.js';
import { NLM_F, encodeAttributes, encodeMessage, u32Attr, type Attribute } from './netlink-wire.js';

const RTM_NEWROUTE = 24;
const RTA = { DST: 1, OIF: 4, GATEWAY: 5, PRIORITY: 6, PREFSRC: 7, TABLE: 15 } as const;
const RT_TABLE = { MAIN: 254, LOCAL: 255 } as const;
/** Who made a route: the kernel (from an address) or the boot-time setup (the rest). */
const RTPROT = { KERNEL: 2, BOOT: 3 } as const;
const RT_SCOPE = { UNIVERSE: 0, LINK: 253, HOST: 254 } as const;
const RTN = { UNICAST: 1, LOCAL: 2, BROADCAST: 3, UNREACHABLE: 7 } as const;
/** /proc/net/route's flags. */
const RTF_GATEWAY = 0x2;
const RTF_REJECT = 0x200;

interface Route {
  readonly table: number;
  readonly type: number;
  readonly scope: number;
  readonly protocol: number;
  readonly destination: number;
  readonly prefixLength: number;
  readonly gateway?: number;
  readonly preferredSource?: number;
  readonly metric: number;
  readonly link?: HostLink;
}

const u32Of = (bytes: Uint8Array): number => new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, false);
const maskOf = (prefixLength: number): number => (prefixLength === 0 ? 0 : (~0 << (32 - prefixLength)) >>> 0);

function addressBytes(v: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, v, false);
  return b;
}

/** A /proc/net/route address (hex of the little-endian u32 its bytes make) as a network-order u32. */
function procAddress(hex: string): number {
  const d = new DataView(new ArrayBuffer(4));
  d.setUint32(0, parseInt(hex, 16), true);
  return d.getUint32(0, false);
}

function ipv4Of(link: HostLink): HostAddress[] {
  return link.addresses.filter((a) => a.family === AF_INET);
}

/** The main table (none when /proc/net/route cannot be read). */
function mainRoutes(links: readonly HostLink[]): Route[] {
  let text: string;
  try {
    text = readFileSync('/proc/net/route', 'utf8');
  } catch {
    return [];
  }
  const rows = text.split('\n').slice(1).map((line) => line.trim().split(/\s+/)).filter((f) => f.length >= 8);
  return rows.map((f): Route => {
    const link = links.find((l) => l.name === f[0]);
    const flags = parseInt(f[3], 16);
    const destination = procAddress(f[1]);
    const prefixLength = Math.clz32(~procAddress(f[7])); // the mask's leading ones
    const viaGateway = (flags & RTF_GATEWAY) !== 0;
    // A subnet's route comes from one of the link's addresses: the source it prefers.
    const own = link && ipv4Of(link).find((a) => ((u32Of(a.bytes) ^ destination) & maskOf(prefixLength)) === 0);
    return {
      table: RT_TABLE.MAIN, type: flags & RTF_REJECT ? RTN.UNREACHABLE : RTN.UNICAST,
      scope: viaGateway ? RT_SCOPE.UNIVERSE : RT_SCOPE.LINK, protocol: viaGateway ? RTPROT.BOOT : RTPROT.KERNEL,
      destination, prefixLength, gateway: viaGateway ? procAddress(f[2]) : undefined,
      preferredSource: !viaGateway && own ? u32Of(own.bytes) : undefined, metric: Number(f[6]), link,
    };
  });
}

/** The local table, in Linux's order (by destination, shorter prefixes first). */
function localRoutes(links: readonly HostLink[]): Route[] {
  const routes = new Map<string, Route>();
  const add = (r: Route): void => void routes.set(`${r.destination}/${r.prefixLength}/${r.type}`, r);
  for (const link of links) {
    for (const a of ipv4Of(link)) {
      const address = u32Of(a.bytes);
      const mask = maskOf(a.prefixLength);
      const common = { table: RT_TABLE.LOCAL, protocol: RTPROT.KERNEL, preferredSource: address, metric: 0, link };
      if (link.flags & IFF.LOOPBACK && a.prefixLength < 32) {
        add({ ...common, type: RTN.LOCAL, scope: RT_SCOPE.HOST, destination: (address & mask) >>> 0, prefixLength: a.prefixLength });
      }
      add({ ...common, type: RTN.LOCAL, scope: RT_SCOPE.HOST, destination: address, prefixLength: 32 });
      if (a.prefixLength < 31) {
        add({ ...common, type: RTN.BROADCAST, scope: RT_SCOPE.LINK, destination: (address | ~mask) >>> 0, prefixLength: 32 });
      }
    }
  }
  return [...routes.values()].sort((x, y) => x.destination - y.destination || x.prefixLength - y.prefixLength);
}

/** struct rtmsg { u8 family, dst_len, src_len, tos, table, protocol, scope, type; u32 flags; } + attributes. */
function routeMessage(r: Route, seq: number, portId: number): Uint8Array {
  const head = Uint8Array.of(AF_INET, r.prefixLength, 0, 0, r.table, r.protocol, r.scope, r.type, 0, 0, 0, 0);
  const attrs: Attribute[] = [u32Attr(RTA.TABLE, r.table)];
  if (r.prefixLength > 0) attrs.push({ type: RTA.DST, data: addressBytes(r.destination) });
  if (r.metric) attrs.push(u32Attr(RTA.PRIORITY, r.metric));
  if (r.preferredSource !== undefined) attrs.push({ type: RTA.PREFSRC, data: addressBytes(r.preferredSource) });
  if (r.gateway !== undefined) attrs.push({ type: RTA.GATEWAY, data: addressBytes(r.gateway) });
  if (r.link) attrs.push(u32Attr(RTA.OIF, r.link.index));
  return encodeMessage(RTM_NEWROUTE, NLM_F.MULTI, seq, portId, [head, encodeAttributes(attrs)]);
}

/** RTM_NEWROUTE messages for the IPv4 main and local tables. */
export function ipv4RouteMessages(links: readonly HostLink[], seq: number, portId: number): Uint8Array[] {
  return [...mainRoutes(links), ...localRoutes(links)].map((r) => routeMessage(r, seq, portId));
}
