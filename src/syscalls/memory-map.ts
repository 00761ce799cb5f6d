// brk, mmap, munmap, mprotect, mremap and madvise over the guest AddressSpace: the
// policy (where things go, which errors) on top of its page bookkeeping.
import {
  GUARD_SIZE, PAGE_SIZE, PERM_READ, PERM_WRITE, PROT_MASK, WINDOW_SIZE, pageCeil, pageFloor,
  type AddressSpace, type Mapping,
} from '../memory/address-space.js';
import { mappingBacking, type MappedObject } from '../memory/mapping-backing.js';
import { MADV, MAP, MAP_TYPE, MAP_TYPES, MREMAP, PROT } from './constants.js';
import { E, SysError } from './errno.js';
import { AnonymousSharedObject } from './mapped-objects.js';
import { fillFromObject, flushShared, loadShared, movedBacking } from './shared-pages.js';

/** The highest address a mapping may end at (the top 64 KiB stay unmapped). */
const TOP = WINDOW_SIZE - GUARD_SIZE;
const KNOWN_ADVICE = new Set<number>(Object.values(MADV));

/** What a mapping other than private anonymous memory shows. */
export interface MapSource {
  readonly object: MappedObject;
  /** Whether the guest may make a shared mapping of it writable (its fd was opened O_RDWR). */
  readonly mayWrite: boolean;
}

const aligned = (a: number): boolean => a % PAGE_SIZE === 0;
const isShared = (flags: number): boolean => (flags & MAP_TYPE) !== MAP_TYPES.MAP_PRIVATE;
/** The flags MAP_SHARED_VALIDATE accepts (Linux's LEGACY_MAP_MASK); others are EOPNOTSUPP. */
const VALIDATED_FLAGS = MAP_TYPES.MAP_SHARED_VALIDATE | MAP.MAP_FIXED | MAP.MAP_ANONYMOUS | MAP.MAP_DENYWRITE
  | MAP.MAP_EXECUTABLE | MAP.MAP_UNINITIALIZED | MAP.MAP_GROWSDOWN | MAP.MAP_LOCKED | MAP.MAP_NORESERVE
  | MAP.MAP_POPULATE | MAP.MAP_NONBLOCK | MAP.MAP_STACK | MAP.MAP_HUGETLB;

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
    if (type === MAP_TYPES.MAP_SHARED_VALIDATE) {
      if (!source) throw new SysError(E.EINVAL); // Linux has no anonymous MAP_SHARED_VALIDATE
      if (flags & ~VALIDATED_FLAGS) throw new SysError(E.EOPNOTSUPP);
    }
    if (len > TOP) throw new SysError(E.ENOMEM);
    const size = pageCeil(len);
    const start = this.placement(addr, size, flags);
    flushShared(this.mem, start, start + size); // a MAP_FIXED mapping may replace shared pages
    const shared = isShared(flags);
    // Shared anonymous memory is an object of its own, so that fork children share it.
    const from = source ?? (shared ? { object: new AnonymousSharedObject(size), mayWrite: true } : undefined);
    if (!from) {
      this.mem.map(start, size, prot & PROT_MASK, '');
      return start;
    }
    const backing = mappingBacking(from.object, offset - start, start, shared ? { size, mayWrite: from.mayWrite } : undefined);
    // Another mapping of the object here may hold writes it has not passed on yet: they
    // reach the object before this mapping shows it.
    flushShared(this.mem);
    this.mem.map(start, size, prot & PROT_MASK, from.object.name, backing);
    fillFromObject(this.mem, backing, start, start + size); // the rest of the last page stays zero
    return start;
  }

  munmap(addr: number, len: number): void {
    if (!aligned(addr) || len === 0 || addr + len > WINDOW_SIZE) throw new SysError(E.EINVAL);
    flushShared(this.mem, addr, addr + pageCeil(len));
    this.mem.unmap(addr, pageCeil(len));
  }

  mprotect(addr: number, len: number, prot: number): void {
    if (!aligned(addr)) throw new SysError(E.EINVAL);
    this.checkProt(prot, true);
    if (len === 0) return;
    const size = this.mappedSize(addr, len);
    const end = addr + size;
    if (prot & PROT.PROT_WRITE && this.mem.maps.some((m) => m.start < end && m.end > addr && m.backing?.mayWrite === false)) {
      throw new SysError(E.EACCES); // a shared mapping of a file opened read-only
    }
    this.mem.protect(addr, size, prot & PROT_MASK);
  }

  /** The page-rounded length of [addr, addr+len), all of which must be mapped (else ENOMEM). */
  mappedSize(addr: number, len: number): number {
    const size = pageCeil(len);
    if (addr + size > WINDOW_SIZE || !this.mem.isFullyMapped(addr, size)) throw new SysError(E.ENOMEM);
    return size;
  }

  mremap(old: number, oldLen: number, newLen: number, flags: number, newAddr: number): number {
    const mayMove = (flags & MREMAP.MREMAP_MAYMOVE) !== 0;
    const fixed = (flags & MREMAP.MREMAP_FIXED) !== 0;
    const dontUnmap = (flags & MREMAP.MREMAP_DONTUNMAP) !== 0;
    if (!aligned(old) || flags & ~0x7 || ((fixed || dontUnmap) && !mayMove)) throw new SysError(E.EINVAL);
    const oldSize = pageCeil(oldLen);
    const newSize = pageCeil(newLen);
    if (newSize === 0 || newSize > TOP || (oldSize === 0 && (!mayMove || dontUnmap))) throw new SysError(E.EINVAL);
    if (dontUnmap && oldSize !== newSize) throw new SysError(E.EINVAL);
    if (old + oldSize > WINDOW_SIZE || !this.mem.isFullyMapped(old, oldSize)) throw new SysError(E.EFAULT);
    if (fixed) {
      if (!aligned(newAddr) || (newAddr < old + oldSize && old < newAddr + newSize)) throw new SysError(E.EINVAL);
      if (newAddr < GUARD_SIZE || newAddr + newSize > TOP) throw new SysError(E.EINVAL);
      if (oldSize === 0) return this.duplicate(old, newAddr, newSize);
      return this.move(old, oldSize, newAddr, newSize, dontUnmap);
    }
    if (oldSize === 0) {
      const dest = this.mem.findFree(newSize, this.mmapTop);
      if (dest < 0) throw new SysError(E.ENOMEM);
      return this.duplicate(old, dest, newSize);
    }
    if (!dontUnmap && newSize <= oldSize) {
      if (newSize < oldSize) this.munmap(old + newSize, oldSize - newSize);
      return old;
    }
    const end = old + oldSize;
    if (!dontUnmap && old + newSize <= TOP && !this.mem.isMapped(end, newSize - oldSize)) {
      const m = this.mappingAt(end - PAGE_SIZE);
      const grown = m.backing && movedBacking(m.backing, end, end, newSize - oldSize, 0);
      this.mem.map(end, newSize - oldSize, m.prot, m.name, grown);
      if (grown) fillFromObject(this.mem, grown, end, old + newSize); // more of the file
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
    const size = this.mappedSize(addr, len);
    const end = addr + size;
    const pieces = this.mem.maps.filter((x) => x.start < end && x.end > addr);
    switch (advice) {
      case MADV.MADV_DONTNEED:
      case MADV.MADV_DONTNEED_LOCKED:
        // Private anonymous pages read back as zero, private file pages as the file has
        // them now; shared pages already show their object.
        for (const m of pieces.filter((x) => !x.backing?.shared)) {
          const lo = Math.max(m.start, addr);
          const hi = Math.min(m.end, end);
          if (m.backing) fillFromObject(this.mem, m.backing, lo, hi);
          else this.mem.zero(lo, hi - lo);
        }
        return;
      case MADV.MADV_REMOVE:
        return this.removePages(pieces, addr, end);
      case MADV.MADV_DONTFORK:
      case MADV.MADV_DOFORK:
        return this.mem.advise(addr, size, { dontFork: advice === MADV.MADV_DONTFORK });
      case MADV.MADV_WIPEONFORK:
      case MADV.MADV_KEEPONFORK:
        if (pieces.some((m) => m.backing)) throw new SysError(E.EINVAL); // private anonymous memory only
        return this.mem.advise(addr, size, { wipeOnFork: advice === MADV.MADV_WIPEONFORK });
      default:
        return; // hints about paging: nothing pages here
    }
  }

  /** MADV_REMOVE: the shared pages' backing store is freed (the object reads as zeros there). */
  private removePages(pieces: readonly Mapping[], addr: number, end: number): void {
    const shared = pieces.flatMap((m) => (m.backing?.shared ? [{ ...m, backing: m.backing }] : []));
    if (shared.length < pieces.length) throw new SysError(E.EINVAL);
    if (pieces.some((m) => !(m.prot & PERM_WRITE))) throw new SysError(E.EACCES);
    flushShared(this.mem); // the reload below may reach any mapping of these objects
    for (const { start, end: stop, backing } of shared) {
      const lo = Math.max(start, addr);
      backing.object.write(new Uint8Array(Math.min(stop, end) - lo), lo + backing.delta);
    }
    loadShared(this.mem);
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

  /** mremap with old_len 0: a second mapping, at `dst`, of the shared pages at `src`. */
  private duplicate(src: number, dst: number, size: number): number {
    const m = this.mappingAt(src);
    if (!m.backing?.shared) throw new SysError(E.EINVAL); // Linux allows it for shared mappings only
    flushShared(this.mem, m.start, m.end);
    const backing = movedBacking(m.backing, src, dst, size, 0);
    this.mem.map(dst, size, m.prot, m.name, backing);
    fillFromObject(this.mem, backing, dst, dst + size);
    return dst;
  }

  private move(src: number, srcSize: number, dst: number, dstSize: number, keepOld: boolean): number {
    const m = this.mappingAt(src);
    flushShared(this.mem, src, src + srcSize);
    const kept = Math.min(srcSize, dstSize);
    const backing = m.backing && movedBacking(m.backing, src, dst, dstSize, kept);
    this.mem.map(dst, dstSize, m.prot, m.name, backing);
    this.mem.copyWithin(dst, src, kept);
    if (backing && dstSize > srcSize) fillFromObject(this.mem, backing, dst + srcSize, dst + dstSize);
    // MREMAP_DONTUNMAP leaves the old range mapped but empty (private anonymous pages read
    // as zero again; backed ones show their object).
    if (keepOld) {
      this.mem.map(src, srcSize, m.prot, m.name, m.backing);
      if (m.backing) fillFromObject(this.mem, m.backing, src, src + srcSize);
    } else {
      this.mem.unmap(src, srcSize);
    }
    return dst;
  }
}
