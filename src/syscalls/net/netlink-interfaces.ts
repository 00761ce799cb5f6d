// The host's network interfaces, as NETLINK_ROUTE dumps describe them: Node's
// os.networkInterfaces() gives the addresses; /sys/class/net gives what Node does not
// (indexes, flags, type, MTU, interfaces without addresses). Without /sys, interfaces
// are numbered in Node's order and their flags guessed from Node's `internal`.
import { readFileSync, readdirSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { AF_INET, AF_INET6 } from './constants.js';
import { ipv4ToBytes, ipv6ToBytes } from './ip-text.js';

export const IFF = {
  UP: 0x1, BROADCAST: 0x2, LOOPBACK: 0x8, RUNNING: 0x40, MULTICAST: 0x1000, LOWER_UP: 0x10000,
} as const;
/** Link types (linux/if_arp.h). */
const ARPHRD_ETHER = 1;
const ARPHRD_LOOPBACK = 772;
const LOOPBACK_MTU = 65536;
const ETHERNET_MTU = 1500;
/** Linux's default transmit queue length (DEFAULT_TX_QUEUE_LEN). */
const DEFAULT_TX_QUEUE_LENGTH = 1000;

/** An address configured, not learnt: how IPv4 addresses are taken (nothing tells otherwise). */
export const IFA_F_PERMANENT = 0x80;

export interface HostAddress {
  readonly family: typeof AF_INET | typeof AF_INET6;
  /** IFA_F_*: from /proc/net/if_inet6 for IPv6. */
  readonly flags: number;
  /** The address's bytes (4 or 16). */
  readonly bytes: Uint8Array;
  readonly prefixLength: number;
}

export interface HostLink {
  readonly index: number;
  readonly name: string;
  /** IFF_* as rtnetlink reports them (IFF_RUNNING and IFF_LOWER_UP included). */
  readonly flags: number;
  readonly type: number;
  readonly mtu: number;
  readonly txQueueLength: number;
  readonly hardwareAddress: Uint8Array;
  readonly hardwareBroadcast: Uint8Array;
  readonly addresses: readonly HostAddress[];
  /** struct rtnl_link_stats's counters in order (undefined without /sys), read when asked for. */
  statistics(): readonly number[] | undefined;
}

/** The counters of struct rtnl_link_stats, in its order; /sys names its files the same. */
const LINK_STATISTICS = [
  'rx_packets', 'tx_packets', 'rx_bytes', 'tx_bytes', 'rx_errors', 'tx_errors', 'rx_dropped', 'tx_dropped',
  'multicast', 'collisions', 'rx_length_errors', 'rx_over_errors', 'rx_crc_errors', 'rx_frame_errors',
  'rx_fifo_errors', 'rx_missed_errors', 'tx_aborted_errors', 'tx_carrier_errors', 'tx_fifo_errors',
  'tx_heartbeat_errors', 'tx_window_errors', 'rx_compressed', 'tx_compressed', 'rx_nohandler',
] as const;

const SYS_NET = '/sys/class/net';

/** A /sys/class/net/<name>/<what> file's text, or undefined. */
function sysText(name: string, what: string): string | undefined {
  try {
    return readFileSync(`${SYS_NET}/${name}/${what}`, 'utf8').trim();
  } catch {
    return undefined;
  }
}

function sysNumber(name: string, what: string): number | undefined {
  const text = sysText(name, what);
  return text === undefined || text === '' ? undefined : Number(text);
}

/** The interfaces /sys knows (not its other entries, as bonding_masters). */
function sysInterfaceNames(): string[] {
  try {
    return readdirSync(SYS_NET).filter((name) => sysText(name, 'ifindex') !== undefined);
  } catch {
    return [];
  }
}

function sysStatistics(name: string): number[] | undefined {
  const counters = LINK_STATISTICS.map((what) => sysNumber(name, `statistics/${what}`));
  return counters.every((n) => n === undefined) ? undefined : counters.map((n) => n ?? 0);
}

const macBytes = (text: string): Uint8Array => Uint8Array.from(text.split(':').map((h) => parseInt(h, 16)));

/** How many leading one bits a netmask has. */
function prefixOf(mask: Uint8Array): number {
  let n = 0;
  for (const byte of mask) {
    if (byte !== 0xff) return n + Math.clz32(~(byte << 24)); // its leading ones
    n += 8;
  }
  return n;
}

/** IPv6 addresses' flags by the address's hex, from /proc/net/if_inet6 (address, index, prefix, scope, flags, name). */
function ipv6Flags(): Map<string, number> {
  const flags = new Map<string, number>();
  try {
    for (const f of readFileSync('/proc/net/if_inet6', 'utf8').split('\n').map((l) => l.trim().split(/\s+/))) {
      if (f.length >= 5) flags.set(f[0], parseInt(f[4], 16));
    }
  } catch {
    // no /proc: every address is taken as permanent
  }
  return flags;
}

function hostAddress(info: { family: string | number; address: string; netmask: string }, v6Flags: Map<string, number>): HostAddress {
  const v4 = info.family === 'IPv4' || info.family === 4;
  const toBytes = v4 ? ipv4ToBytes : ipv6ToBytes;
  const bytes = toBytes(info.address);
  const flags = v4 ? IFA_F_PERMANENT : v6Flags.get(Buffer.from(bytes).toString('hex')) ?? IFA_F_PERMANENT;
  return { family: v4 ? AF_INET : AF_INET6, flags, bytes, prefixLength: prefixOf(toBytes(info.netmask)) };
}

/** The host's interfaces, by index. */
export function hostLinks(): HostLink[] {
  const node = networkInterfaces();
  const v6Flags = ipv6Flags();
  const names = [...new Set([...sysInterfaceNames(), ...Object.keys(node)])];
  const links = names.map((name, order): HostLink => {
    const infos = node[name] ?? [];
    const sysType = sysNumber(name, 'type');
    const loopback = infos.some((i) => i.internal) || sysType === ARPHRD_LOOPBACK;
    const sysFlags = sysNumber(name, 'flags');
    // /sys shows the flags set on the device; rtnetlink adds whether the link is up.
    const carrier = sysNumber(name, 'carrier') === 1 ? IFF.RUNNING | IFF.LOWER_UP : 0;
    const flags = sysFlags === undefined
      ? IFF.UP | IFF.RUNNING | IFF.LOWER_UP | (loopback ? IFF.LOOPBACK : IFF.BROADCAST | IFF.MULTICAST)
      : sysFlags | (sysFlags & IFF.UP ? carrier : 0);
    const mac = sysText(name, 'address') ?? infos[0]?.mac ?? '00:00:00:00:00:00';
    return {
      index: sysNumber(name, 'ifindex') ?? order + 1,
      name, flags,
      type: sysType ?? (loopback ? ARPHRD_LOOPBACK : ARPHRD_ETHER),
      mtu: sysNumber(name, 'mtu') ?? (loopback ? LOOPBACK_MTU : ETHERNET_MTU),
      txQueueLength: sysNumber(name, 'tx_queue_len') ?? DEFAULT_TX_QUEUE_LENGTH,
      hardwareAddress: macBytes(mac),
      hardwareBroadcast: macBytes(sysText(name, 'broadcast') ?? (loopback ? mac : 'ff:ff:ff:ff:ff:ff')),
      addresses: infos.map((info) => hostAddress(info, v6Flags)),
      statistics: () => sysStatistics(name),
    };
  });
  return links.sort((a, b) => a.index - b.index);
}

/** An IPv4 address's broadcast address (host bits all ones), when its link broadcasts and its subnet has one. */
export function ipv4Broadcast(link: HostLink, a: HostAddress): Uint8Array | undefined {
  if (!(link.flags & IFF.BROADCAST) || a.prefixLength >= 31) return undefined;
  return a.bytes.map((b, i) => b | (0xff >> Math.min(8, Math.max(0, a.prefixLength - i * 8))));
}

/** The netmask of a prefix length, `size` bytes long. */
export function netmaskBytes(prefixLength: number, size: number): Uint8Array {
  return Uint8Array.from({ length: size }, (_, i) => (0xff00 >> Math.min(8, Math.max(0, prefixLength - i * 8))) & 0xff);
}
