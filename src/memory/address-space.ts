// The guest address space: one flat 4 GiB window (guest address == index into the
// buffer) plus a permission byte per 4 KiB page. Generated code reads the permission
// table and the buffer directly on its fast path; everything here is the checked slow
// path and the mmap bookkeeping.

import type { MappingBacking } from './mapping-backing.js';

export const PAGE_SIZE = 4096;
export const PAGE_SHIFT = 12;
export const WINDOW_SIZE = 2 ** 32;
const PAGE_COUNT = WINDOW_SIZE / PAGE_SIZE;

// The low and high 64 KiB are never mapped (Linux's mmap_min_addr does the same at the
// bottom). Generated code relies on it: an immediate offset smaller than 64 KiB that
// wraps around the window lands on an unmapped page and takes the slow path.
export const GUARD_SIZE = 0x10000;

// Bits of the permission table.
export const PERM_READ = 1;
export const PERM_WRITE = 2;
export const PERM_EXEC = 4;
/** The page holds translated code: stores take the slow path and invalidate it. */
export const PERM_CODE = 8;
/** The page is mapped (possibly with PROT_NONE). */
export const PERM_MAPPED = 16;
export const PROT_MASK = PERM_READ | PERM_WRITE | PERM_EXEC;

export type AccessKind = 'read' | 'write' | 'exec';

/** A guest access to an unmapped or protected page; becomes SIGSEGV. */
export class GuestFault extends Error {
  constructor(
    readonly address: number,
    readonly access: AccessKind,
    /** Whether the page was mapped (SEGV_ACCERR) or not (SEGV_MAPERR). */
    readonly mapped: boolean,
    /** Guest PC of the faulting instruction, when known. */
    public pc = -1,
  ) {
    super(`guest ${access} fault at 0x${address.toString(16)}`);
  }
}

/** One mapping, for /proc/self/maps and for finding free ranges. */
export interface Mapping {
  start: number;
  end: number;
  prot: number;
  name: string;
  /** The file or shared memory it shows (none: private anonymous memory). */
  backing?: MappingBacking;
  /** MADV_DONTFORK: a fork child does not get it. */
  dontFork?: boolean;
  /** MADV_WIPEONFORK: a fork child gets it zero-filled. */
  wipeOnFork?: boolean;
}

/** What madvise may change of a mapping's treatment by fork. */
type ForkAdvice = Pick<Mapping, 'dontFork' | 'wipeOnFork'>;

export const pageFloor = (a: number): number => a - (a % PAGE_SIZE);
export const pageCeil = (a: number): number => Math.ceil(a / PAGE_SIZE) * PAGE_SIZE;

export class AddressSpace {
  readonly memory = new WebAssembly.Memory({ initial: 65536, maximum: 65536, shared: true });
  readonly u8 = new Uint8Array(this.memory.buffer);
  readonly view = new DataView(this.memory.buffer);
  readonly perm = new Uint8Array(PAGE_COUNT);
  /** Sorted, non-overlapping; adjacent mappings are not merged. */
  private mappings: Mapping[] = [];
  /**
   * 1 for pages known to be all zero: mapped PROT_NONE without a backing object and not
   * written since. Unmapping them needs no zero fill (Go reserves and drops 64 MiB
   * PROT_NONE ranges by the hundred at start-up).
   */
  private readonly zeroPages = new Uint8Array(PAGE_COUNT);
  /** Called with a page number when a store hits a page holding translated code. */
  onCodeWrite: (page: number) => void = () => {};
  /** Hi half of the last 64-bit slow-path load. */
  loadedHi = 0;

  get maps(): readonly Mapping[] {
    return this.mappings;
  }

  isMapped(start: number, len: number): boolean {
    for (let p = start >>> PAGE_SHIFT; p < (start + len) / PAGE_SIZE; p++) {
      if (this.perm[p] & PERM_MAPPED) return true;
    }
    return false;
  }

  /** Maps [start, start+len) (page aligned) replacing anything there, zero-filled. */
  map(start: number, len: number, prot: number, name = '', backing?: MappingBacking): void {
    this.checkRange(start, len);
    this.unmap(start, len);
    const m: Mapping = { start, end: start + len, prot, name, ...(backing ? { backing } : {}) };
    const i = this.mappings.findIndex((x) => x.start > start);
    this.mappings.splice(i < 0 ? this.mappings.length : i, 0, m);
    this.setPerm(start, len, prot | PERM_MAPPED);
    const known = (prot & PROT_MASK) === 0 && !backing ? 1 : 0;
    this.zeroPages.fill(known, start >>> PAGE_SHIFT, (start + len) / PAGE_SIZE);
  }

  unmap(start: number, len: number): void {
    this.checkRange(start, len);
    const end = start + len;
    const kept: Mapping[] = [];
    for (const m of this.mappings) {
      if (m.end <= start || m.start >= end) {
        kept.push(m);
        continue;
      }
      if (m.start < start) kept.push({ ...m, end: start });
      if (m.end > end) kept.push({ ...m, start: end });
      const lo = Math.max(m.start, start);
      const hi = Math.min(m.end, end);
      this.fillZeroUnlessKnown(lo, hi);
      this.releaseCode(lo, hi - lo);
      this.perm.fill(0, lo >>> PAGE_SHIFT, hi / PAGE_SIZE);
    }
    this.mappings = kept;
  }

  protect(start: number, len: number, prot: number): void {
    this.reshape(start, len, { prot });
    const end = start + len;
    this.releaseCode(start, len);
    for (let p = start >>> PAGE_SHIFT; p < end / PAGE_SIZE; p++) {
      if (this.perm[p] & PERM_MAPPED) this.perm[p] = prot | PERM_MAPPED;
    }
    if (prot & PROT_MASK) this.zeroPages.fill(0, start >>> PAGE_SHIFT, end / PAGE_SIZE);
  }

  /** madvise's fork advice for the mappings in [start, start+len) (page aligned). */
  advise(start: number, len: number, advice: ForkAdvice): void {
    this.reshape(start, len, advice);
  }

  /** Zero-fills [start, start+len) (page aligned), dropping translated code there. */
  zero(start: number, len: number): void {
    this.checkRange(start, len);
    this.releaseCode(start, len);
    this.u8.fill(0, start, start + len);
  }

  /** Whether every page of [start, start+len) is mapped. */
  isFullyMapped(start: number, len: number): boolean {
    for (let p = start >>> PAGE_SHIFT; p < (start + len) / PAGE_SIZE; p++) {
      if (!(this.perm[p] & PERM_MAPPED)) return false;
    }
    return true;
  }

  /** Highest free, page-aligned range of `len` bytes ending at or below `top`, or -1. */
  findFree(len: number, top: number, bottom = GUARD_SIZE): number {
    let ceiling = top;
    for (let i = this.mappings.length - 1; i >= -1; i--) {
      const m = i >= 0 ? this.mappings[i] : undefined;
      const floor = m ? m.end : bottom;
      if (m && m.start >= ceiling) continue;
      if (ceiling - Math.max(floor, bottom) >= len) return ceiling - len;
      if (!m) break;
      ceiling = Math.min(ceiling, m.start);
    }
    return -1;
  }

  /** Marks the page as holding translated code (removes the fast-path write). */
  markCode(page: number): void {
    this.perm[page] |= PERM_CODE;
  }

  // ---- checked accessors (the slow path of generated code, and the kernel's view) ----

  /** Throws a GuestFault unless [addr, addr+len) is accessible with `need`. */
  check(addr: number, len: number, access: AccessKind): void {
    const need = access === 'read' ? PERM_READ : access === 'write' ? PERM_WRITE : PERM_EXEC;
    if (addr < 0 || addr + len > WINDOW_SIZE) throw new GuestFault(addr, access, false);
    const last = (addr + len - 1) >>> PAGE_SHIFT;
    for (let p = addr >>> PAGE_SHIFT; p <= last; p++) {
      const bits = this.perm[p];
      if (!(bits & need)) {
        throw new GuestFault(Math.max(addr, p * PAGE_SIZE), access, (bits & PERM_MAPPED) !== 0);
      }
      if (access === 'write' && bits & PERM_CODE) this.codeWritten(p);
    }
  }

  read8(a: number): number {
    this.check(a, 1, 'read');
    return this.u8[a];
  }
  read16(a: number): number {
    this.check(a, 2, 'read');
    return this.view.getUint16(a, true);
  }
  read32(a: number): number {
    this.check(a, 4, 'read');
    return this.view.getInt32(a, true);
  }
  /** Returns the lo half; the hi half is left in `loadedHi`. */
  read64(a: number): number {
    this.check(a, 8, 'read');
    this.loadedHi = this.view.getInt32(a + 4, true);
    return this.view.getInt32(a, true);
  }
  /** A 64-bit value as a JS number (exact below 2^53; for pointers and sizes). */
  readU64(a: number): number {
    const lo = this.read64(a) >>> 0;
    return this.loadedHi * 2 ** 32 + lo;
  }
  write8(a: number, v: number): void {
    this.check(a, 1, 'write');
    this.u8[a] = v;
  }
  write16(a: number, v: number): void {
    this.check(a, 2, 'write');
    this.view.setUint16(a, v, true);
  }
  write32(a: number, v: number): void {
    this.check(a, 4, 'write');
    this.view.setInt32(a, v, true);
  }
  write64(a: number, lo: number, hi: number): void {
    this.check(a, 8, 'write');
    this.view.setInt32(a, lo, true);
    this.view.setInt32(a + 4, hi, true);
  }
  writeU64(a: number, v: number): void {
    this.write64(a, v % 2 ** 32 | 0, Math.floor(v / 2 ** 32) | 0);
  }

  readBytes(a: number, len: number): Uint8Array {
    this.check(a, len, 'read');
    return this.u8.slice(a, a + len);
  }
  writeBytes(a: number, bytes: Uint8Array): void {
    this.check(a, bytes.length, 'write');
    this.u8.set(bytes, a);
  }
  /** Reads a NUL-terminated string of at most `max` bytes. */
  readCString(a: number, max = 4096): string {
    let end = a;
    while (end - a < max) {
      if (this.read8(end) === 0) break;
      end++;
    }
    return Buffer.from(this.u8.buffer, a, end - a).toString('utf8');
  }
  /**
   * Writes bytes ignoring page protection (the loader filling read-only segments, the
   * kernel refreshing shared pages); translated code on those pages is dropped.
   */
  poke(a: number, bytes: Uint8Array): void {
    this.releaseCode(pageFloor(a), pageCeil(a + bytes.length) - pageFloor(a));
    this.u8.set(bytes, a);
    this.zeroPages.fill(0, a >>> PAGE_SHIFT, pageCeil(a + bytes.length) / PAGE_SIZE);
  }

  /** Copies [src, src+len) to dst ignoring page protection (mremap moving pages). */
  copyWithin(dst: number, src: number, len: number): void {
    this.poke(dst, this.u8.subarray(src, src + len));
  }

  /** Zero-fills [lo, hi) (page aligned) except the pages known to be zero already. */
  private fillZeroUnlessKnown(lo: number, hi: number): void {
    const first = lo >>> PAGE_SHIFT;
    const known = this.zeroPages.subarray(first, hi / PAGE_SIZE);
    // Runs of pages not known to be zero, found with indexOf (a native scan).
    for (let i = known.indexOf(0); i >= 0; ) {
      const end = known.indexOf(1, i);
      const stop = end < 0 ? known.length : end;
      this.u8.fill(0, (first + i) * PAGE_SIZE, (first + stop) * PAGE_SIZE);
      i = end < 0 ? -1 : known.indexOf(0, end);
    }
  }

  private codeWritten(page: number): void {
    this.perm[page] &= ~PERM_CODE;
    this.onCodeWrite(page);
  }

  private releaseCode(start: number, len: number): void {
    for (let p = start >>> PAGE_SHIFT; p < (start + len) / PAGE_SIZE; p++) {
      if (this.perm[p] & PERM_CODE) this.codeWritten(p);
    }
  }

  private setPerm(start: number, len: number, bits: number): void {
    this.perm.fill(bits, start >>> PAGE_SHIFT, (start + len) / PAGE_SIZE);
  }

  /** Applies `change` to the mappings in [start, start+len), splitting those that straddle its ends. */
  private reshape(start: number, len: number, change: Partial<Mapping>): void {
    this.checkRange(start, len);
    const end = start + len;
    const out: Mapping[] = [];
    for (const m of this.mappings) {
      if (m.end <= start || m.start >= end) {
        out.push(m);
        continue;
      }
      if (m.start < start) out.push({ ...m, end: start });
      out.push({ ...m, ...change, start: Math.max(m.start, start), end: Math.min(m.end, end) });
      if (m.end > end) out.push({ ...m, start: end });
    }
    this.mappings = out;
  }

  private checkRange(start: number, len: number): void {
    if (start % PAGE_SIZE || len % PAGE_SIZE || start < 0 || start + len > WINDOW_SIZE) {
      throw new RangeError(`bad page range 0x${start.toString(16)}+0x${len.toString(16)}`);
    }
  }
}
