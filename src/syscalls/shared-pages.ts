// MAP_SHARED pages over separate address spaces. Every guest process has its own
// WebAssembly memory, so each shared page is a copy in every address space that maps
// it, kept in step with its object (a file, or shared anonymous memory) like this:
//   flush: pages that differ from the mapping's shadow (the bytes as last synced) were
//          written by the guest: they go to the object, whose version grows;
//   load:  a mapping whose object has a newer version than it last saw is read again.
// The kernel flushes the running address space and loads the next one whenever the run
// loop switches processes, and around the calls that look at the objects (read and
// write on a mapped file, mmap, msync, munmap, exit). Only one guest thread runs at a
// time, so every process sees the others' writes as soon as it runs: full coherence
// between processes. Two mappings of one file in the same process agree after any of
// those calls (not instantly, as in Linux).
import { PAGE_SIZE, type AddressSpace, type Mapping } from '../memory/address-space.js';
import type { MappingBacking } from '../memory/mapping-backing.js';
import type { FutexSpace } from './wait.js';

type SharedMapping = Mapping & { backing: MappingBacking };

const isShared = (m: Mapping): m is SharedMapping => m.backing?.shared === true;

/** Writes the guest's changes to shared pages in [start, end) back to their objects. */
export function flushShared(mem: AddressSpace, start = 0, end = Infinity): void {
  for (const m of mem.maps) {
    if (!isShared(m) || m.end <= start || m.start >= end) continue;
    const b = m.backing;
    const lo = Math.max(m.start, start);
    const hi = Math.min(m.end, end);
    let run = -1; // start of the current run of changed pages
    for (let page = lo; page <= hi; page += PAGE_SIZE) {
      const changed = page < hi && Buffer.compare(mem.u8.subarray(page, page + PAGE_SIZE),
        b.shadow.subarray(page - b.shadowBase, page - b.shadowBase + PAGE_SIZE)) !== 0;
      if (changed && run < 0) run = page;
      if (!changed && run >= 0) {
        writeBack(mem, b, run, page);
        run = -1;
      }
    }
  }
}

function writeBack(mem: AddressSpace, b: MappingBacking, start: number, end: number): void {
  const bytes = mem.u8.subarray(start, end);
  const inStep = b.syncedVersion === b.object.version;
  b.object.write(bytes, start + b.delta);
  b.shadow.set(bytes, start - b.shadowBase);
  if (inStep) b.syncedVersion = b.object.version; // its own write: nothing to load
}

/** Reads again the shared mappings whose objects changed since they last looked. */
export function loadShared(mem: AddressSpace): void {
  const stale = new Set<MappingBacking>();
  for (const m of mem.maps) if (isShared(m) && m.backing.syncedVersion !== m.backing.object.version) stale.add(m.backing);
  if (stale.size === 0) return;
  for (const m of mem.maps) if (isShared(m) && stale.has(m.backing)) fillFromObject(mem, m.backing, m.start, m.end);
  for (const b of stale) b.syncedVersion = b.object.version;
}

/** Fills [start, end) of a backed mapping from its object (zeros past the object's end). */
export function fillFromObject(mem: AddressSpace, b: MappingBacking, start: number, end: number): void {
  const bytes = new Uint8Array(end - start);
  b.object.read(bytes, start + b.delta);
  mem.poke(start, bytes);
  if (b.shared) b.shadow.set(bytes, start - b.shadowBase);
}

/** fork: the child's own copy of a backing (same object, its own shadow). */
export function cloneBacking(b: MappingBacking): MappingBacking {
  return { ...b, shadow: b.shadow.slice() };
}

/**
 * mremap: the backing of `size` bytes at `dst` showing what [src, src + size) showed;
 * the shadow holds the first `keep` bytes, the rest is for the caller to fill.
 */
export function movedBacking(b: MappingBacking, src: number, dst: number, size: number, keep: number): MappingBacking {
  const shadow = new Uint8Array(b.shared ? size : 0);
  if (b.shared) shadow.set(b.shadow.subarray(src - b.shadowBase, src - b.shadowBase + keep));
  return { ...b, delta: src + b.delta - dst, shadow, shadowBase: dst };
}

/**
 * Where the futex word at `addr` is keyed: a shared futex (no FUTEX_PRIVATE_FLAG) in a
 * shared mapping by its object and offset, so processes sharing it wake each other;
 * any other by the address space and address.
 */
export function futexPlace(mem: AddressSpace, addr: number, isPrivate: boolean): { mem: FutexSpace; addr: number } {
  const m = isPrivate ? undefined : mem.maps.find((x) => x.start <= addr && addr < x.end);
  return m && isShared(m) ? { mem: m.backing.object, addr: addr + m.backing.delta } : { mem, addr };
}
