// Guest buffers handed to host I/O without a copy: views of guest memory, checked
// the way the kernel's copy_to_user / copy_from_user would.
import { PAGE_SIZE, PERM_WRITE, type AddressSpace } from '../memory/address-space.js';
import { E, SysError } from './errno.js';

/** Linux never moves more than this in one read or write. */
export const MAX_RW_COUNT = 0x7ffff000;

/**
 * A view of the writable part of [addr, addr+len) — as far as the pages allow, like a
 * read(2) that stops copying at the first bad page. EFAULT if not even the first byte is.
 */
export function writableView(mem: AddressSpace, addr: number, len: number): Uint8Array {
  if (len === 0) return new Uint8Array(0);
  if (addr < 0) throw new SysError(E.EFAULT);
  let n = 0;
  for (let page = Math.floor(addr / PAGE_SIZE); n < len; page++) {
    if (page >= mem.perm.length || !(mem.perm[page] & PERM_WRITE)) break;
    n = Math.min(len, (page + 1) * PAGE_SIZE - addr);
  }
  if (n === 0) throw new SysError(E.EFAULT);
  mem.check(addr, n, 'write'); // also drops translated code on those pages
  return mem.u8.subarray(addr, addr + n);
}

/** A view of [addr, addr+len), which must all be readable (else EFAULT). */
export function readableView(mem: AddressSpace, addr: number, len: number): Uint8Array {
  if (len === 0) return new Uint8Array(0);
  mem.check(addr, len, 'read');
  return mem.u8.subarray(addr, addr + len);
}
