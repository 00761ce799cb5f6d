// A guest memory context (Linux's mm): the address space, its mmap/brk bookkeeping,
// and where the signal return trampoline is. Threads share one; a vfork child borrows
// its parent's until execve; fork copies it.
import { AddressSpace, PAGE_SIZE } from '../memory/address-space.js';
import type { MappingBacking } from '../memory/mapping-backing.js';
import type { MemoryMap } from './memory-map.js';
import { cloneBacking } from './shared-pages.js';

const ZERO_PAGE = new Uint8Array(PAGE_SIZE);

export class Mm {
  constructor(
    readonly mem: AddressSpace,
    readonly map: MemoryMap,
    /** Guest address of the rt_sigreturn trampoline (0 when none is mapped). */
    readonly sigreturnTrampoline: number,
    /** The auxiliary vector the program started with (/proc/<pid>/auxv). */
    readonly auxv: Uint8Array = new Uint8Array(0),
  ) {}

  /**
   * fork: a new address space with every mapping of this one, same bytes and
   * permissions. Pages still all zero are not copied (they stay untouched on the host).
   * Shared mappings keep showing the same objects; MADV_DONTFORK ones are left out,
   * MADV_WIPEONFORK ones come zero-filled.
   */
  copy(): Mm {
    const src = this.mem;
    const dst = new AddressSpace();
    const backings = new Map<MappingBacking, MappingBacking>();
    for (const m of src.maps) {
      if (m.dontFork) continue;
      let backing = m.backing && backings.get(m.backing);
      if (m.backing && !backing) backings.set(m.backing, (backing = cloneBacking(m.backing)));
      dst.map(m.start, m.end - m.start, m.prot, m.name, backing);
      if (m.wipeOnFork) {
        dst.advise(m.start, m.end - m.start, { wipeOnFork: true }); // the child's stays zero, and so marked
        continue;
      }
      for (let page = m.start; page < m.end; page += PAGE_SIZE) {
        const bytes = src.u8.subarray(page, page + PAGE_SIZE);
        if (Buffer.compare(bytes, ZERO_PAGE) !== 0) dst.poke(page, bytes);
      }
    }
    return new Mm(dst, this.map.copyFor(dst), this.sigreturnTrampoline, this.auxv);
  }
}
