// brk, mmap, munmap, mprotect, mremap and madvise over the guest AddressSpace: the
// policy (where things go, which errors) on top of its page bookkeeping.
import {
  GUARD_SIZE, PAGE_SIZE, PERM_READ, PERM_WRITE, PROT_MASK, WINDOW_SIZE, pageCeil, pageFloor,
  type AddressSpace, type Mapping,
} from '../memory/address-space.js';
import { MADV, MAP, MAP_TYPE, MAP_TYPES, MREMAP, PROT } from './constants.js';
import { E, SysError } from './errno.js';

/** The highest address a mapping may end at (the top 64 KiB stay unmapped). */
const TOP = WINDOW_SIZE - GUARD_SIZE;
const KNOWN_ADVICE = new Set<number>(Object.values(MADV));

/** Where a file-backed mapping's bytes come from. */
export interface MapSource {
  /** Host path, the mapping's name (as /proc/self/maps would show it). */
  readonly name: string;
  /** Reads up to dst.length bytes at `offset`; returns how many there were. */
  read(dst: Uint8Array, offset: number): number;
}

const aligned = (a: number): boolean => a % PAGE_SIZE === 0;
const isAnonymous = (m: Mapping): boolean => !m.name.startsWith('/');

export class MemoryMap {
  private readonly brkStart: number;
  private brkEnd: number;

  constructor(
    private readonly mem: AddressSpace,
    brk: number,
    private readonly mmapTop: number,
    /** PROT_* bits the ISA adds (accepted, not enforced). */
    private readonly archProt: number,
  ) {
    this.brkStart = this.brkEnd = brk;
  }

  get brkValue(): number {
    return this.brkEnd;
  }

  /** The same bookkeeping over `mem`, a copy of this map's address space (fork). */
  copyFor(mem: AddressSpace): MemoryMap {
    const m = new MemoryMap(mem, this.brkStart, this.mmapTop, this.archProt);
    m.brkEnd = this.brkEnd;
    return m;
  }

  /** Linux's brk: the new break, or the old one when it cannot move there. */
  brk(addr: number): number {
    if (addr < this.brkStart || addr > TOP) return this.brkEnd;
    const oldTop = pageCeil(this.brkEnd);
    const newTop = pageCeil(addr);
    if (newTop > oldTop) {
      if (this.mem.isMapped(oldTop, newTop - oldTop)) return this.brkEnd;
      this.mem.map(oldTop, newTop - oldTop, PERM_READ | PERM_WRITE, '[heap]');
    } else if (newTop < oldTop) {
      this.mem.unmap(newTop, oldTop - newTop);
    }
    this.brkEnd = addr;
    return addr;
  }

  mmap(addr: number, len: number, prot: number, flags: number, source?: MapSource, offset = 0): number {
    const type = flags & MAP_TYPE;
    if (len === 0 || !aligned(offset) || (type !== MAP_TYPES.MAP_SHARED && type !== MAP_TYPES.MAP_PRIVATE
      && type !== MAP_TYPES.MAP_SHARED_VALIDATE)) throw new SysError(E.EINVAL);
    this.checkProt(prot, false);
    if (len > TOP) throw new SysError(E.ENOMEM);
    const size = pageCeil(len);
    const start = this.placement(addr, size, flags);
    this.mem.map(start, size, prot & PROT_MASK, source?.name ?? '');
    if (source) {
      const bytes = new Uint8Array(size);
      const n = source.read(bytes, offset);
      this.mem.poke(start, bytes.subarray(0, n)); // the rest of the last page stays zero
    }
    return start;
  }

  munmap(addr: number, len: number): void {
    if (!aligned(addr) || len === 0 || addr + len > WINDOW_SIZE) throw new SysError(E.EINVAL);
    this.mem.unmap(addr, pageCeil(len));
  }

  mprotect(addr: number, len: number, prot: number): void {
    if (!aligned(addr)) throw new SysError(E.EINVAL);
    this.checkProt(prot, true);
    if (len === 0) return;
    const size = pageCeil(len);
    if (addr + size > WINDOW_SIZE || !this.mem.isFullyMapped(addr, size)) throw new SysError(E.ENOMEM);
    this.mem.protect(addr, size, prot & PROT_MASK);
  }

  mremap(old: number, oldLen: number, newLen: number, flags: number, newAddr: number): number {
    const mayMove = (flags & MREMAP.MREMAP_MAYMOVE) !== 0;
    const fixed = (flags & MREMAP.MREMAP_FIXED) !== 0;
    const dontUnmap = (flags & MREMAP.MREMAP_DONTUNMAP) !== 0;
    if (!aligned(old) || flags & ~0x7 || ((fixed || dontUnmap) && !mayMove)) throw new SysError(E.EINVAL);
    const oldSize = pageCeil(oldLen);
    const newSize = pageCeil(newLen);
    // old_len 0 duplicates a shared mapping; there are none.
    if (newSize === 0 || oldSize === 0 || newSize > TOP) throw new SysError(E.EINVAL);
    if (dontUnmap && oldSize !== newSize) throw new SysError(E.EINVAL);
    if (old + oldSize > WINDOW_SIZE || !this.mem.isFullyMapped(old, oldSize)) throw new SysError(E.EFAULT);
    if (fixed) {
      if (!aligned(newAddr) || (newAddr < old + oldSize && old < newAddr + newSize)) throw new SysError(E.EINVAL);
      if (newAddr < GUARD_SIZE || newAddr + newSize > TOP) throw new SysError(E.EINVAL);
      return this.move(old, oldSize, newAddr, newSize, dontUnmap);
    }
    if (!dontUnmap && newSize <= oldSize) {
      if (newSize < oldSize) this.mem.unmap(old + newSize, oldSize - newSize);
      return old;
    }
    const end = old + oldSize;
    if (!dontUnmap && old + newSize <= TOP && !this.mem.isMapped(end, newSize - oldSize)) {
      const m = this.mappingAt(end - PAGE_SIZE);
      this.mem.map(end, newSize - oldSize, m.prot, m.name);
      return old;
    }
    if (!mayMove) throw new SysError(E.ENOMEM);
    const dest = this.mem.findFree(newSize, this.mmapTop);
    if (dest < 0) throw new SysError(E.ENOMEM);
    return this.move(old, oldSize, dest, newSize, dontUnmap);
  }

  madvise(addr: number, len: number, advice: number): void {
    if (!aligned(addr) || !KNOWN_ADVICE.has(advice)) throw new SysError(E.EINVAL);
    if (len === 0) return;
    const size = pageCeil(len);
    if (addr + size > WINDOW_SIZE || !this.mem.isFullyMapped(addr, size)) throw new SysError(E.ENOMEM);
    if (advice !== MADV.MADV_DONTNEED && advice !== MADV.MADV_DONTNEED_LOCKED) return;
    // Private anonymous pages read back as zero. File-backed ones would be re-read from
    // the file; they keep their contents here.
    const end = addr + size;
    const pieces = this.mem.maps.filter((m) => m.start < end && m.end > addr && isAnonymous(m));
    for (const m of pieces) {
      const lo = Math.max(m.start, addr);
      this.mem.map(lo, Math.min(m.end, end) - lo, m.prot, m.name);
    }
  }

  /** Where a new mapping of `size` bytes goes, per MAP_FIXED / MAP_FIXED_NOREPLACE / hint. */
  private placement(addr: number, size: number, flags: number): number {
    if (flags & (MAP.MAP_FIXED | MAP.MAP_FIXED_NOREPLACE)) {
      if (!aligned(addr)) throw new SysError(E.EINVAL);
      if (addr < GUARD_SIZE) throw new SysError(E.EPERM); // below mmap_min_addr
      if (addr + size > TOP) throw new SysError(E.ENOMEM);
      if (!(flags & MAP.MAP_FIXED) && this.mem.isMapped(addr, size)) throw new SysError(E.EEXIST);
      return addr;
    }
    const hint = pageFloor(addr);
    if (hint >= GUARD_SIZE && hint + size <= TOP && !this.mem.isMapped(hint, size)) return hint;
    const start = this.mem.findFree(size, this.mmapTop);
    if (start < 0) throw new SysError(E.ENOMEM);
    return start;
  }

  private checkProt(prot: number, growsOk: boolean): void {
    const grows = PROT.PROT_GROWSDOWN | PROT.PROT_GROWSUP;
    const known = PROT_MASK | PROT.PROT_SEM | this.archProt | (growsOk ? grows : 0);
    if (prot & ~known || (prot & grows) === grows) throw new SysError(E.EINVAL);
  }

  private mappingAt(a: number): Mapping {
    const m = this.mem.maps.find((x) => x.start <= a && a < x.end);
    if (!m) throw new SysError(E.EFAULT);
    return m;
  }

  private move(src: number, srcSize: number, dst: number, dstSize: number, keepOld: boolean): number {
    const m = this.mappingAt(src);
    this.mem.map(dst, dstSize, m.prot, m.name);
    this.mem.u8.copyWithin(dst, src, src + Math.min(srcSize, dstSize));
    if (keepOld) this.mem.map(src, srcSize, m.prot, m.name);
    else this.mem.unmap(src, srcSize);
    return dst;
  }
}
