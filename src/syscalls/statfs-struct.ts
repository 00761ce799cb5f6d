// struct statfs of the asm-generic 64-bit ABI: eleven 8-byte words
// (f_fsid is two ints in one of them) and four spare ones; 120 bytes.
import type { AddressSpace } from '../memory/address-space.js';

export interface FsStat {
  type: bigint;
  bsize: bigint;
  blocks: bigint;
  bfree: bigint;
  bavail: bigint;
  files: bigint;
  ffree: bigint;
  namelen: bigint;
  /** ST_* mount flags (ST_VALID set: the field means something). */
  flags: bigint;
}

const STATFS_SIZE = 120;

export function writeStatfsToGuest(mem: AddressSpace, addr: number, s: FsStat): void {
  const b = new Uint8Array(STATFS_SIZE);
  const d = new DataView(b.buffer);
  const words = [s.type, s.bsize, s.blocks, s.bfree, s.bavail, s.files, s.ffree, 0n, s.namelen, s.bsize, s.flags];
  words.forEach((w, i) => d.setBigInt64(i * 8, w, true)); // f_fsid (index 7) stays 0, as for non-root
  mem.writeBytes(addr, b);
}
