import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PERM_EXEC, PERM_MAPPED, PERM_READ, PERM_WRITE, WINDOW_SIZE } from '../../src/memory/address-space.js';
import { AT_FDCWD, BRK, MMAP_TOP, makeKernel, SCRATCH } from './fixture.js';

const PROT_READ = 1;
const PROT_WRITE = 2;
const PROT_EXEC = 4;
const MAP_PRIVATE = 2;
const MAP_FIXED = 0x10;
const MAP_ANONYMOUS = 0x20;
const MAP_FIXED_NOREPLACE = 0x100000;
const MREMAP_MAYMOVE = 1;
const MADV_DONTNEED = 4;
const ANON = MAP_PRIVATE | MAP_ANONYMOUS;
const RW = PROT_READ | PROT_WRITE;
const EEXIST = -17;
const EINVAL = -22;
const ENOMEM = -12;
const PAGE = 4096;

describe('mmap / munmap / mprotect', () => {
  it('places anonymous mappings top-down below mmapTop, zeroed, with the asked permissions', () => {
    const h = makeKernel();
    const a = h.call('mmap', 0, 3 * PAGE, RW, ANON, -1, 0);
    expect(a).toBe(MMAP_TOP - 3 * PAGE);
    const b = h.call('mmap', 0, 100, PROT_READ, ANON, -1, 0);
    expect(b).toBe(a - PAGE);
    expect(h.mem.perm[a / PAGE]).toBe(PERM_READ | PERM_WRITE | PERM_MAPPED);
    expect(h.mem.perm[b / PAGE]).toBe(PERM_READ | PERM_MAPPED);
    expect(h.mem.read32(a + 8)).toBe(0);
    h.mem.write32(a + 8, 7);
    expect(() => h.mem.write8(b, 1)).toThrow();
  });

  it('MAP_FIXED replaces, MAP_FIXED_NOREPLACE refuses, a free hint is used', () => {
    const h = makeKernel();
    const at = 0x2000_0000;
    expect(h.call('mmap', at, 2 * PAGE, RW, ANON | MAP_FIXED, -1, 0)).toBe(at);
    h.mem.write32(at, 0x1234);
    expect(h.call('mmap', at, PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0)).toBe(EEXIST);
    expect(h.mem.read32(at)).toBe(0x1234);
    expect(h.call('mmap', at, PAGE, RW, ANON | MAP_FIXED, -1, 0)).toBe(at);
    expect(h.mem.read32(at)).toBe(0); // fresh pages
    expect(h.call('mmap', at + 0x10_0000, PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0)).toBe(at + 0x10_0000);
    expect(h.call('mmap', 0x3000_0000, PAGE, RW, ANON, -1, 0)).toBe(0x3000_0000); // hint
    expect(h.call('mmap', at, PAGE, RW, ANON, -1, 0)).toBe(MMAP_TOP - PAGE); // taken hint
    expect(h.call('mmap', at + 1, PAGE, RW, ANON | MAP_FIXED, -1, 0)).toBe(EINVAL);
  });

  it('rejects bad arguments and runs out of room with ENOMEM', () => {
    const h = makeKernel();
    expect(h.call('mmap', 0, 0, RW, ANON, -1, 0)).toBe(EINVAL);
    expect(h.call('mmap', 0, PAGE, RW, MAP_ANONYMOUS, -1, 0)).toBe(EINVAL); // neither shared nor private
    expect(h.call('mmap', 0, PAGE, RW, ANON, -1, 5)).toBe(EINVAL);
    expect(h.call('mmap', 0, PAGE, 0x40, ANON, -1, 0)).toBe(EINVAL);
    expect(h.call('mmap', 0, WINDOW_SIZE, RW, ANON, -1, 0)).toBe(ENOMEM);
    expect(h.call('mmap', 0, MMAP_TOP, RW, ANON, -1, 0)).toBe(ENOMEM);
    expect(h.call('mmap', 0, PAGE, RW, MAP_PRIVATE, 77, 0)).toBe(-9); // EBADF
    expect(h.call('mmap', 0, PAGE, PROT_READ | 0x10, ANON, -1, 0)).toBeGreaterThan(0); // PROT_BTI
  });

  it('maps files by copying their bytes, zero past the end', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsqemu-mm-'));
    try {
      const path = join(dir, 'data');
      writeFileSync(path, Buffer.concat([Buffer.alloc(PAGE, 0x11), Buffer.from('second page')]));
      const h = makeKernel();
      const fd = h.call('openat', AT_FDCWD, h.str(SCRATCH, path), 0, 0);
      const a = h.call('mmap', 0, 2 * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
      expect(h.mem.read8(a + 5)).toBe(0x11);
      expect(h.text(a + PAGE, 11)).toBe('second page');
      expect(h.mem.read8(a + PAGE + 11)).toBe(0);
      const b = h.call('mmap', 0, PAGE, PROT_READ, MAP_PRIVATE, fd, PAGE);
      expect(h.text(b, 6)).toBe('second');
      expect(h.mem.maps.find((m) => m.start === b)?.name).toBe(path);
      const w = h.call('openat', AT_FDCWD, h.str(SCRATCH, path), 1, 0);
      expect(h.call('mmap', 0, PAGE, PROT_READ, MAP_PRIVATE, w, 0)).toBe(-13); // EACCES
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('munmap and mprotect', () => {
    const h = makeKernel();
    const a = h.call('mmap', 0, 4 * PAGE, RW, ANON, -1, 0);
    expect(h.call('munmap', a + PAGE, PAGE)).toBe(0);
    expect(h.mem.isMapped(a + PAGE, PAGE)).toBe(false);
    expect(h.call('munmap', a + 1, PAGE)).toBe(EINVAL);
    expect(h.call('munmap', a, 0)).toBe(EINVAL);
    expect(h.call('mprotect', a, 2 * PAGE, PROT_READ)).toBe(ENOMEM); // hole in the middle
    expect(h.call('mprotect', a + 2 * PAGE, 2 * PAGE, PROT_READ | PROT_EXEC)).toBe(0);
    expect(h.mem.perm[(a + 3 * PAGE) / PAGE]).toBe(PERM_READ | PERM_EXEC | PERM_MAPPED);
    expect(h.call('mprotect', a, PAGE, 0)).toBe(0);
    expect(h.mem.perm[a / PAGE]).toBe(PERM_MAPPED);
    expect(h.call('mprotect', a + 1, PAGE, 0)).toBe(EINVAL);
  });
});

describe('brk', () => {
  it('grows, shrinks, and reports the old break when it cannot move', () => {
    const h = makeKernel();
    expect(h.call('brk', 0)).toBe(BRK);
    expect(h.call('brk', BRK + 10_000)).toBe(BRK + 10_000);
    h.mem.write32(BRK + 9_000, 5);
    expect(h.mem.isFullyMapped(BRK, 3 * PAGE)).toBe(true);
    expect(h.call('brk', BRK + PAGE)).toBe(BRK + PAGE);
    expect(h.mem.isMapped(BRK + PAGE, PAGE)).toBe(false);
    expect(h.call('brk', BRK - PAGE)).toBe(BRK + PAGE); // below the start
    // something in the way
    h.call('mmap', BRK + 8 * PAGE, PAGE, RW, ANON | MAP_FIXED, -1, 0);
    expect(h.call('brk', BRK + 16 * PAGE)).toBe(BRK + PAGE);
    expect(h.call('brk', BRK + 8 * PAGE)).toBe(BRK + 8 * PAGE);
    expect(h.call('brk', BRK)).toBe(BRK);
  });
});

describe('mremap / madvise', () => {
  it('shrinks in place, grows in place when free, moves with MREMAP_MAYMOVE', () => {
    const h = makeKernel();
    const a = h.call('mmap', 0x2000_0000, 2 * PAGE, RW, ANON | MAP_FIXED, -1, 0);
    h.mem.write32(a, 0xabc);
    h.mem.write32(a + PAGE + 4, 0xdef);
    expect(h.call('mremap', a, 2 * PAGE, 4 * PAGE, 0, 0)).toBe(a);
    expect(h.mem.isFullyMapped(a, 4 * PAGE)).toBe(true);
    expect(h.call('mremap', a, 4 * PAGE, 2 * PAGE, 0, 0)).toBe(a);
    expect(h.mem.isMapped(a + 2 * PAGE, 2 * PAGE)).toBe(false);

    h.call('mmap', a + 2 * PAGE, PAGE, PROT_READ, ANON | MAP_FIXED, -1, 0); // blocks growth
    expect(h.call('mremap', a, 2 * PAGE, 8 * PAGE, 0, 0)).toBe(ENOMEM);
    const moved = h.call('mremap', a, 2 * PAGE, 8 * PAGE, MREMAP_MAYMOVE, 0);
    expect(moved).not.toBe(a);
    expect(h.mem.isMapped(a, 2 * PAGE)).toBe(false);
    expect(h.mem.read32(moved)).toBe(0xabc);
    expect(h.mem.read32(moved + PAGE + 4)).toBe(0xdef);
    expect(h.mem.perm[moved / PAGE + 7]).toBe(PERM_READ | PERM_WRITE | PERM_MAPPED);
    expect(h.call('mremap', 0x5000_0000, PAGE, 2 * PAGE, MREMAP_MAYMOVE, 0)).toBe(-14); // EFAULT
    expect(h.call('mremap', moved, PAGE, 2 * PAGE, 2, 0)).toBe(EINVAL); // FIXED without MAYMOVE
  });

  it('MADV_DONTNEED zeroes private anonymous pages; other advice succeeds', () => {
    const h = makeKernel();
    const a = h.call('mmap', 0, 2 * PAGE, RW, ANON, -1, 0);
    h.mem.write32(a + 16, 99);
    h.mem.write32(a + PAGE, 98);
    expect(h.call('madvise', a, PAGE, MADV_DONTNEED)).toBe(0);
    expect(h.mem.read32(a + 16)).toBe(0);
    expect(h.mem.read32(a + PAGE)).toBe(98);
    expect(h.mem.perm[a / PAGE]).toBe(PERM_READ | PERM_WRITE | PERM_MAPPED);
    expect(h.call('madvise', a, 2 * PAGE, 3)).toBe(0); // MADV_WILLNEED
    expect(h.call('madvise', a, PAGE, 999)).toBe(EINVAL);
    expect(h.call('madvise', 0x5000_0000, PAGE, MADV_DONTNEED)).toBe(ENOMEM);
  });
});
