// A guest memory context (Linux's mm): the address space, its mmap/brk bookkeeping,
// and where the signal return trampoline is. Threads share one; a vfork child borrows
// its parent's until execve; fork copies it.
import type { AddressSpace } from '../memory/address-space.js';
import type { MemoryMap } from './memory-map.js';

export class Mm {
  constructor(
    readonly mem: AddressSpace,
    readonly map: MemoryMap,
    /** Guest address of the rt_sigreturn trampoline (0 when none is mapped). */
    readonly sigreturnTrampoline: number,
  ) {}
}
