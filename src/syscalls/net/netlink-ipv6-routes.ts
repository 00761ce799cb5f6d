// The host's IPv6 routes, from /proc/net/ipv6_route: lines of destination, its prefix
// length, source, its prefix length, next hop, metric, refcnt, use, flags, interface
// (numbers in hex). The file lists the main table, then the local one (addresses,
// anycast and multicast routes), then the "null" entry that dumps leave out.
import { readFileSync } from 'node:fs';
import { AF_INET6 } from './constants.js';
import type { HostLink } from './netlink-interfaces.js';
import { RTN, RTPROT, RT_SCOPE, RT_TABLE, type Route } from './netlink-route-message.js';

/** /proc/net/ipv6_route's flags (RTF_* of linux/ipv6_route.h). */
const RTF = {
  GATEWAY: 0x2, REJECT: 0x200, ADDRCONF: 0x40000, ANYCAST: 0x100000, LOCAL: 0x80000000,
} as const;
/** Where a route's router preference sits in the flags (two bits). */
const RTF_PREF_SHIFT = 27;

const hexBytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'));

function typeOf(flags: number, destination: Uint8Array): number {
  if (flags & RTF.LOCAL) return RTN.LOCAL;
  if (flags & RTF.ANYCAST) return RTN.ANYCAST;
  if (destination[0] === 0xff) return RTN.MULTICAST;
  return flags & RTF.REJECT ? RTN.UNREACHABLE : RTN.UNICAST;
}

/** The IPv6 main and local tables (none when /proc/net/ipv6_route cannot be read). */
export function ipv6Routes(links: readonly HostLink[]): Route[] {
  let text: string;
  try {
    text = readFileSync('/proc/net/ipv6_route', 'utf8');
  } catch {
    return [];
  }
  const rows = text.split('\n').map((line) => line.trim().split(/\s+/)).filter((f) => f.length >= 10);
  const routes: Route[] = [];
  for (const f of rows) {
    const flags = parseInt(f[8], 16) >>> 0;
    const prefixLength = parseInt(f[1], 16);
    const metric = parseInt(f[5], 16) >>> 0;
    // The null entry: lo's catch-all rejection, which is no real route.
    if (f[9] === 'lo' && prefixLength === 0 && flags & RTF.REJECT) continue;
    const destination = hexBytes(f[0]);
    const sourceLength = parseInt(f[3], 16);
    const type = typeOf(flags, destination);
    routes.push({
      family: AF_INET6, type, scope: RT_SCOPE.UNIVERSE,
      table: type === RTN.UNICAST || type === RTN.UNREACHABLE ? RT_TABLE.MAIN : RT_TABLE.LOCAL,
      protocol: flags & RTF.ADDRCONF ? RTPROT.RA : flags & RTF.GATEWAY ? RTPROT.BOOT : RTPROT.KERNEL,
      destination, prefixLength, metric, preference: (flags >>> RTF_PREF_SHIFT) & 3,
      source: sourceLength ? { bytes: hexBytes(f[2]), prefixLength: sourceLength } : undefined,
      gateway: flags & RTF.GATEWAY ? hexBytes(f[4]) : undefined,
      link: links.find((l) => l.name === f[9]),
    });
  }
  return routes;
}
