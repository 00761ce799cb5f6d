// Unmapping skips the zero fill of pages known to be zero (mapped PROT_NONE, without a
// backing, never written). Whatever wrote to a page must make a later mapping there
// read zeros all the same.
import { describe, expect, it } from 'vitest';
import { AddressSpace, PAGE_SIZE, PERM_READ, PERM_WRITE } from '../../src/memory/address-space.js';

const BASE = 0x100000;
const RW = PERM_READ | PERM_WRITE;

function remapped(mem: AddressSpace, len: number): AddressSpace {
  mem.unmap(BASE, len);
  mem.map(BASE, len, RW);
  return mem;
}

describe('pages known to be zero', () => {
  it('a PROT_NONE reservation unmapped and mapped again reads zero', () => {
    const mem = new AddressSpace();
    mem.map(BASE, 16 * PAGE_SIZE, 0);
    expect(remapped(mem, 16 * PAGE_SIZE).read8(BASE + 5 * PAGE_SIZE)).toBe(0);
  });

  it('data written before an mprotect to PROT_NONE is cleared on unmap', () => {
    const mem = new AddressSpace();
    mem.map(BASE, 4 * PAGE_SIZE, RW);
    mem.write32(BASE + PAGE_SIZE + 8, 0x12345678);
    mem.protect(BASE, 4 * PAGE_SIZE, 0);
    expect(remapped(mem, 4 * PAGE_SIZE).read32(BASE + PAGE_SIZE + 8)).toBe(0);
  });

  it('data written to a PROT_NONE page by the kernel (poke) is cleared on unmap', () => {
    const mem = new AddressSpace();
    mem.map(BASE, 4 * PAGE_SIZE, 0);
    mem.poke(BASE + 2 * PAGE_SIZE + 1, new Uint8Array([7, 7, 7]));
    expect(remapped(mem, 4 * PAGE_SIZE).read8(BASE + 2 * PAGE_SIZE + 2)).toBe(0);
  });

  it('pages copied into a PROT_NONE mapping (mremap) are cleared on unmap', () => {
    const mem = new AddressSpace();
    const src = BASE + 8 * PAGE_SIZE;
    mem.map(src, PAGE_SIZE, RW);
    mem.write8(src + 3, 9);
    mem.map(BASE, 2 * PAGE_SIZE, 0);
    mem.copyWithin(BASE + PAGE_SIZE, src, PAGE_SIZE);
    expect(remapped(mem, 2 * PAGE_SIZE).read8(BASE + PAGE_SIZE + 3)).toBe(0);
  });

  it('a partial unmap clears only the unknown pages it covers', () => {
    const mem = new AddressSpace();
    mem.map(BASE, 8 * PAGE_SIZE, 0);
    mem.protect(BASE + 3 * PAGE_SIZE, PAGE_SIZE, RW);
    mem.write8(BASE + 3 * PAGE_SIZE, 1);
    mem.protect(BASE + 3 * PAGE_SIZE, PAGE_SIZE, 0);
    mem.unmap(BASE + 2 * PAGE_SIZE, 4 * PAGE_SIZE);
    mem.map(BASE + 2 * PAGE_SIZE, 4 * PAGE_SIZE, RW);
    expect(mem.read8(BASE + 3 * PAGE_SIZE)).toBe(0);
  });
});
