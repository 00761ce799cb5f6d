// What the kernel knows about a file, independent of Node's Stats class, so that
// in-memory files (pipes) can be described too.
import type { BigIntStats } from 'node:fs';

export interface FileStat {
  dev: bigint;
  ino: bigint;
  mode: number;
  nlink: number;
  uid: number;
  gid: number;
  rdev: bigint;
  size: bigint;
  blksize: number;
  blocks: bigint;
  atimeNs: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  /** 0n when the host file system does not record it. */
  birthtimeNs: bigint;
}

export function fileStatFromHost(s: BigIntStats): FileStat {
  return {
    dev: s.dev, ino: s.ino, mode: Number(s.mode), nlink: Number(s.nlink),
    uid: Number(s.uid), gid: Number(s.gid), rdev: s.rdev, size: s.size,
    blksize: Number(s.blksize), blocks: s.blocks,
    atimeNs: s.atimeNs, mtimeNs: s.mtimeNs, ctimeNs: s.ctimeNs, birthtimeNs: s.birthtimeNs,
  };
}

/** Linux's dev_t encoding split into major and minor (for statx). */
export function devMajor(dev: bigint): number {
  return Number(((dev >> 8n) & 0xfffn) | ((dev >> 32n) & 0xfffff000n));
}
export function devMinor(dev: bigint): number {
  return Number((dev & 0xffn) | ((dev >> 12n) & 0xffffff00n));
}
