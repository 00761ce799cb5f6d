// Socket constants of the Linux ABI, as the guest sees them (linux/socket.h, linux/in.h,
// asm-generic/socket.h: the same for every asm-generic ABI). SOCK_NONBLOCK and SOCK_CLOEXEC
// are the ABI's O_NONBLOCK and O_CLOEXEC, so they come from LinuxAbi.openFlags.

export const AF_UNSPEC = 0;
export const AF_UNIX = 1;
export const AF_INET = 2;
export const AF_INET6 = 10;
export const AF_NETLINK = 16;
/** Link-level addresses (getifaddrs' entries for interfaces themselves). */
export const AF_PACKET = 17;

export const SOCK_STREAM = 1;
export const SOCK_DGRAM = 2;
export const SOCK_RAW = 3;
/** The type bits of socket()'s type argument (the rest are SOCK_NONBLOCK, SOCK_CLOEXEC). */
export const SOCK_TYPE_MASK = 0xf;

export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;
export const IPPROTO_IPV6 = 41;

/** Linux's default socket buffer size (net.core.rmem_default, wmem_default and their max). */
export const SOCKET_BUFFER_BYTES = 212992;

export const SOL_SOCKET = 1;
export const SOL_NETLINK = 270;
/** SOL_NETLINK options: error answers echo only the request's header; extended acks. */
export const NETLINK_CAP_ACK = 10;
export const NETLINK_EXT_ACK = 11;

export const SO = {
  SO_DEBUG: 1, SO_REUSEADDR: 2, SO_TYPE: 3, SO_ERROR: 4, SO_DONTROUTE: 5, SO_BROADCAST: 6,
  SO_SNDBUF: 7, SO_RCVBUF: 8, SO_KEEPALIVE: 9, SO_OOBINLINE: 10, SO_NO_CHECK: 11,
  SO_PRIORITY: 12, SO_LINGER: 13, SO_BSDCOMPAT: 14, SO_REUSEPORT: 15, SO_PASSCRED: 16,
  SO_PEERCRED: 17, SO_RCVLOWAT: 18, SO_SNDLOWAT: 19, SO_RCVTIMEO: 20, SO_SNDTIMEO: 21,
  SO_ACCEPTCONN: 30, SO_PROTOCOL: 38, SO_DOMAIN: 39,
} as const;

export const TCP_NODELAY = 1;
export const TCP_MAXSEG = 2;
export const TCP_KEEPIDLE = 4;
export const TCP_KEEPINTVL = 5;
export const TCP_KEEPCNT = 6;
export const IPV6_V6ONLY = 26;

export const MSG = {
  MSG_OOB: 0x1, MSG_PEEK: 0x2, MSG_DONTROUTE: 0x4, MSG_CTRUNC: 0x8, MSG_TRUNC: 0x20,
  MSG_DONTWAIT: 0x40, MSG_EOR: 0x80, MSG_WAITALL: 0x100, MSG_NOSIGNAL: 0x4000,
  MSG_MORE: 0x8000, MSG_CMSG_CLOEXEC: 0x40000000,
} as const;

export const SHUT_RD = 0;
export const SHUT_WR = 1;
export const SHUT_RDWR = 2;

export const SCM_RIGHTS = 1;

/** The most a listen() backlog is taken as (net.core.somaxconn). */
export const SOMAXCONN = 4096;
