// Internet addresses as Node reports them, in the form of the guest socket's family.
import { E, SysError } from '../errno.js';
import { AF_INET, AF_INET6 } from './constants.js';
import type { InetAddress, SocketAddress } from './sockaddr.js';

const V4_MAPPED = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

/** A Node address for a socket of family `domain` (an AF_INET socket never sees v4-mapped text). */
export function inetFromNode(domain: number, host: string | undefined, port: number | undefined): InetAddress {
  if (domain === AF_INET) return { family: AF_INET, host: V4_MAPPED.exec(host ?? '')?.[1] ?? host ?? '0.0.0.0', port: port ?? 0 };
  const h = host ?? '::';
  // An AF_INET6 socket talking IPv4 sees the peer as ::ffff:a.b.c.d.
  return { family: AF_INET6, host: h.includes(':') ? h : `::ffff:${h}`, port: port ?? 0 };
}

/** The wildcard address with port 0: what an unbound socket reports. */
export function anyInet(domain: number): InetAddress {
  return domain === AF_INET ? { family: AF_INET, host: '0.0.0.0', port: 0 } : { family: AF_INET6, host: '::', port: 0 };
}

/** Node's text of a guest address (the scope id becomes a '%zone' suffix). */
export function nodeHost(a: InetAddress): string {
  return a.family === AF_INET6 && a.scopeId ? `${a.host}%${a.scopeId}` : a.host;
}

/** `a` as an address for a socket of family `domain` (EAFNOSUPPORT for another family). */
export function inetFor(domain: number, a: SocketAddress): InetAddress {
  if (a.family !== domain || (a.family !== AF_INET && a.family !== AF_INET6)) throw new SysError(E.EAFNOSUPPORT);
  return a;
}
