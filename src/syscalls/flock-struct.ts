// struct flock of the asm-generic 64-bit ABI: l_type and l_whence
// as shorts, l_start and l_len as off_t from offset 8, l_pid at 24; 32 bytes.
import type { AddressSpace } from '../memory/address-space.js';

export interface Flock {
  type: number;
  whence: number;
  start: number;
  len: number;
  pid: number;
}

const FLOCK_SIZE = 32;

export function readFlockFromGuest(mem: AddressSpace, addr: number): Flock {
  const b = mem.readBytes(addr, FLOCK_SIZE);
  const d = new DataView(b.buffer, b.byteOffset, FLOCK_SIZE);
  return {
    type: d.getInt16(0, true), whence: d.getInt16(2, true), start: Number(d.getBigInt64(8, true)),
    len: Number(d.getBigInt64(16, true)), pid: d.getInt32(24, true),
  };
}

export function writeFlockToGuest(mem: AddressSpace, addr: number, f: Flock): void {
  const b = new Uint8Array(FLOCK_SIZE);
  const d = new DataView(b.buffer);
  d.setInt16(0, f.type, true);
  d.setInt16(2, f.whence, true);
  d.setBigInt64(8, BigInt(f.start), true);
  d.setBigInt64(16, BigInt(f.len), true);
  d.setInt32(24, f.pid, true);
  mem.writeBytes(addr, b);
}
