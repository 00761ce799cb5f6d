// Guest open(2) flags. Most bits are those of asm-generic/fcntl.h; the four an
// architecture may move come in through the LinuxAbi (see OpenFlagBits).
import { constants as host } from 'node:fs';

/** Every guest O_* bit; an ABI starts from GENERIC_OPEN_FLAGS and overrides what differs. */
export interface OpenFlagBits {
  readonly accmode: number;
  readonly creat: number;
  readonly excl: number;
  readonly noctty: number;
  readonly trunc: number;
  readonly append: number;
  readonly nonblock: number;
  readonly dsync: number;
  readonly async: number;
  readonly direct: number;
  readonly largefile: number;
  readonly directory: number;
  readonly nofollow: number;
  readonly noatime: number;
  readonly cloexec: number;
  /** __O_SYNC alone; O_SYNC is sync|dsync. */
  readonly sync: number;
  readonly path: number;
  /** __O_TMPFILE alone; O_TMPFILE is tmpfile|directory. */
  readonly tmpfile: number;
}

/** asm-generic/fcntl.h. */
export const GENERIC_OPEN_FLAGS: OpenFlagBits = {
  accmode: 0o3, creat: 0o100, excl: 0o200, noctty: 0o400, trunc: 0o1000, append: 0o2000,
  nonblock: 0o4000, dsync: 0o10000, async: 0o20000, direct: 0o40000, largefile: 0o100000,
  directory: 0o200000, nofollow: 0o400000, noatime: 0o1000000, cloexec: 0o2000000,
  sync: 0o4000000, path: 0o10000000, tmpfile: 0o20000000,
};

export const O_RDONLY = 0;
export const O_WRONLY = 1;
export const O_RDWR = 2;

/** Names for -strace, in the order they are printed. */
export const OPEN_FLAG_NAMES: ReadonlyArray<readonly [keyof OpenFlagBits, string]> = [
  ['creat', 'O_CREAT'], ['excl', 'O_EXCL'], ['noctty', 'O_NOCTTY'], ['trunc', 'O_TRUNC'],
  ['append', 'O_APPEND'], ['nonblock', 'O_NONBLOCK'], ['dsync', 'O_DSYNC'], ['async', 'O_ASYNC'],
  ['direct', 'O_DIRECT'], ['largefile', 'O_LARGEFILE'], ['directory', 'O_DIRECTORY'],
  ['nofollow', 'O_NOFOLLOW'], ['noatime', 'O_NOATIME'], ['cloexec', 'O_CLOEXEC'],
  ['sync', '__O_SYNC'], ['path', 'O_PATH'], ['tmpfile', '__O_TMPFILE'],
];

/**
 * Host open flags for the guest's. O_APPEND is left out on purpose: the kernel keeps
 * file offsets itself and appends by writing at the end, so F_SETFL can toggle it.
 * O_CLOEXEC has no host meaning here (Node opens everything close-on-exec).
 */
export function hostOpenFlags(guest: number, f: OpenFlagBits): number {
  const acc = guest & f.accmode;
  let out = acc === O_WRONLY ? host.O_WRONLY : acc === O_RDWR ? host.O_RDWR : host.O_RDONLY;
  const pairs: ReadonlyArray<readonly [number, number | undefined]> = [
    [f.creat, host.O_CREAT], [f.excl, host.O_EXCL], [f.noctty, host.O_NOCTTY],
    [f.trunc, host.O_TRUNC], [f.nonblock, host.O_NONBLOCK], [f.dsync, host.O_DSYNC],
    [f.direct, host.O_DIRECT], [f.directory, host.O_DIRECTORY], [f.nofollow, host.O_NOFOLLOW],
    [f.noatime, host.O_NOATIME], [f.sync, host.O_SYNC],
  ];
  for (const [bit, hostBit] of pairs) if (guest & bit && hostBit !== undefined) out |= hostBit;
  return out;
}

/** The bits F_SETFL may change (the rest of a description's flags are fixed at open). */
export function settableStatusFlags(f: OpenFlagBits): number {
  return f.append | f.async | f.direct | f.noatime | f.nonblock;
}
