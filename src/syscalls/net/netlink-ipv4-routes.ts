// The host's IPv4 routes: the main table from /proc/net/route (lines of interface,
// destination, gateway, flags, refcnt, use, metric, mask, ..., addresses as hex of the
// host's little-endian u32), then the local table, which Linux derives from the
// interfaces' addresses: each address, a loopback interface's whole subnet, and each
// subnet's broadcast address.
import { readFileSync } from 'node:fs';
import { AF_INET } from './constants.js';
import { IFF, type HostAddress, type HostLink } from './netlink-interfaces.js';
import { RTN, RTPROT, RT_SCOPE, RT_TABLE, type Route } from './netlink-route-message.js';

/** /proc/net/route's flags. */
const RTF_GATEWAY = 0x2;
const RTF_REJECT = 0x200;

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
    const metric = Number(f[6]);
    return {
      family: AF_INET, table: RT_TABLE.MAIN, type: flags & RTF_REJECT ? RTN.UNREACHABLE : RTN.UNICAST,
      scope: viaGateway ? RT_SCOPE.UNIVERSE : RT_SCOPE.LINK, protocol: viaGateway ? RTPROT.BOOT : RTPROT.KERNEL,
      destination: addressBytes(destination), prefixLength,
      gateway: viaGateway ? addressBytes(procAddress(f[2])) : undefined,
      preferredSource: !viaGateway && own ? own.bytes : undefined, metric: metric || undefined, link,
    };
  });
}

/** The local table, in Linux's order (by destination, shorter prefixes first). */
function localRoutes(links: readonly HostLink[]): Route[] {
  const routes = new Map<string, Route & { readonly key: number }>();
  const add = (key: number, prefixLength: number, type: number, scope: number, source: HostAddress, link: HostLink): void =>
    void routes.set(`${key}/${prefixLength}/${type}`, {
      key, family: AF_INET, table: RT_TABLE.LOCAL, protocol: RTPROT.KERNEL, type, scope,
      destination: addressBytes(key), prefixLength, preferredSource: source.bytes, link,
    });
  for (const link of links) {
    for (const a of ipv4Of(link)) {
      const address = u32Of(a.bytes);
      const mask = maskOf(a.prefixLength);
      if (link.flags & IFF.LOOPBACK && a.prefixLength < 32) {
        add((address & mask) >>> 0, a.prefixLength, RTN.LOCAL, RT_SCOPE.HOST, a, link);
      }
      add(address, 32, RTN.LOCAL, RT_SCOPE.HOST, a, link);
      if (a.prefixLength < 31) add((address | ~mask) >>> 0, 32, RTN.BROADCAST, RT_SCOPE.LINK, a, link);
    }
  }
  return [...routes.values()].sort((x, y) => x.key - y.key || x.prefixLength - y.prefixLength);
}

/** The IPv4 main and local tables. */
export function ipv4Routes(links: readonly HostLink[]): Route[] {
  return [...mainRoutes(links), ...localRoutes(links)];
}
