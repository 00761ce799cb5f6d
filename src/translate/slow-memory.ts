// The checked path behind generated memory accesses: exact 64-bit address arithmetic,
// permission checks, code-page invalidation, and a GuestFault naming the instruction.
import { AddressSpace, GuestFault, WINDOW_SIZE } from '../memory/address-space.js';

export class SlowMemory {
  /** High half of the last load64. */
  hi = 0;

  constructor(private readonly mem: AddressSpace) {}

  /** Loads 1, 2 or 4 bytes (1 and 2 zero-extended, 4 as int32). */
  load(size: number, lo: number, hi: number, off: number, pc: number): number {
    const a = this.address(lo, hi, off, size, 'read', pc);
    try {
      return size === 1 ? this.mem.read8(a) : size === 2 ? this.mem.read16(a) : this.mem.read32(a);
    } catch (err) {
      throw withPc(err, pc);
    }
  }

  load64(lo: number, hi: number, off: number, pc: number): number {
    const a = this.address(lo, hi, off, 8, 'read', pc);
    try {
      const v = this.mem.read64(a);
      this.hi = this.mem.loadedHi;
      return v;
    } catch (err) {
      throw withPc(err, pc);
    }
  }

  store(size: number, lo: number, hi: number, off: number, value: number, pc: number): void {
    const a = this.address(lo, hi, off, size, 'write', pc);
    try {
      if (size === 1) this.mem.write8(a, value);
      else if (size === 2) this.mem.write16(a, value);
      else this.mem.write32(a, value);
    } catch (err) {
      throw withPc(err, pc);
    }
  }

  store64(lo: number, hi: number, off: number, vlo: number, vhi: number, pc: number): void {
    const a = this.address(lo, hi, off, 8, 'write', pc);
    try {
      this.mem.write64(a, vlo, vhi);
    } catch (err) {
      throw withPc(err, pc);
    }
  }

  /** Zeroes `len` bytes (a cache-block zeroing instruction). */
  zero(lo: number, hi: number, len: number, pc: number): void {
    const a = this.address(lo, hi, 0, len, 'write', pc);
    try {
      this.mem.writeBytes(a, new Uint8Array(len));
    } catch (err) {
      throw withPc(err, pc);
    }
  }

  private address(lo: number, hi: number, off: number, size: number, access: 'read' | 'write', pc: number): number {
    const a = (hi >>> 0) * 2 ** 32 + (lo >>> 0) + off;
    if (a < 0 || a + size > WINDOW_SIZE) throw new GuestFault(a < 0 ? a + 2 ** 64 : a, access, false, pc);
    return a;
  }
}

function withPc(err: unknown, pc: number): unknown {
  if (err instanceof GuestFault) err.pc = pc;
  return err;
}
