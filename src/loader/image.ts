// Maps an ELF file's PT_LOAD segments into the guest address space.
import { AddressSpace, PAGE_SIZE, PERM_EXEC, PERM_MAPPED, PERM_READ, PERM_WRITE, pageCeil, pageFloor } from '../memory/address-space.js';
import { mappingBacking, type MappedObject, type MappingBacking } from '../memory/mapping-backing.js';
import { ElfError, PF_R, PF_W, PF_X, type ElfFile } from './elf.js';

/** Where position-independent executables are placed (inside the 4 GiB guest window). */
export const PIE_BASE = 0x5555_0000;
/** The largest segment alignment honoured when choosing a base (larger ones get this). */
const MAX_BASE_ALIGN = 0x20_0000;

export interface LoadedImage {
  /** Added to every address of the file (0 for ET_EXEC). */
  bias: number;
  entry: number;
  /** Guest address of the program header table (AT_PHDR). */
  phdr: number;
  /** First byte after the highest segment, page aligned: the initial program break. */
  end: number;
}

function protOf(flags: number): number {
  return (flags & PF_R ? PERM_READ : 0) | (flags & PF_W ? PERM_WRITE : 0) | (flags & PF_X ? PERM_EXEC : 0);
}

/**
 * Maps the segments of `elf` (whose contents are `bytes`); the pages holding file bytes
 * are private mappings of `file` when given, the rest (bss) anonymous memory.
 */
export function loadImage(mem: AddressSpace, elf: ElfFile, bytes: Uint8Array, base = PIE_BASE, file?: MappedObject): LoadedImage {
  const bias = elf.type === 'dyn' ? base - pageFloor(elf.loadSegments[0].vaddr) : 0;
  let end = 0;
  for (const seg of elf.loadSegments) {
    const start = pageFloor(seg.vaddr + bias);
    const stop = pageCeil(seg.vaddr + bias + seg.memsz);
    if (start < PAGE_SIZE * 16 || stop > 0xffff_0000) {
      throw new ElfError(`segment at 0x${seg.vaddr.toString(16)} does not fit the guest address space`);
    }
    const fileEnd = Math.min(stop, pageCeil(seg.vaddr + bias + seg.filesz));
    const backing = file && mappingBacking(file, pageFloor(seg.offset) - start, start);
    mapSharingPages(mem, start, fileEnd, protOf(seg.flags), file?.name, backing);
    mapSharingPages(mem, fileEnd, stop, protOf(seg.flags));
    mem.poke(seg.vaddr + bias, bytes.subarray(seg.offset, seg.offset + seg.filesz));
    end = Math.max(end, stop);
  }
  const phdrSeg = elf.loadSegments.find((s) => elf.phoff >= s.offset && elf.phoff < s.offset + s.filesz);
  const phdr = phdrSeg ? phdrSeg.vaddr + (elf.phoff - phdrSeg.offset) + bias : 0;
  return { bias, entry: elf.entry + bias, phdr, end };
}

/** The page-aligned range [start, end) the file's PT_LOAD segments cover, unrelocated. */
export function imageSpan(elf: ElfFile): { start: number; end: number } {
  const last = elf.loadSegments.reduce((hi, s) => Math.max(hi, s.vaddr + s.memsz), 0);
  return { start: pageFloor(elf.loadSegments[0].vaddr), end: pageCeil(last) };
}

/** The alignment an ET_DYN image's base keeps: its largest power-of-two p_align, within bounds. */
function baseAlignment(elf: ElfFile): number {
  const aligns = elf.loadSegments.map((s) => s.align).filter((a) => a > 0 && (a & (a - 1)) === 0);
  return Math.min(MAX_BASE_ALIGN, Math.max(PAGE_SIZE, ...aligns));
}

/**
 * A base for an ET_DYN image (the interpreter) the way Linux's mmap would choose it: the
 * highest free, suitably aligned range ending at or below `top`.
 */
export function findDynBase(mem: AddressSpace, elf: ElfFile, top: number): number {
  const { start, end } = imageSpan(elf);
  const align = baseAlignment(elf);
  const span = end - start;
  const slack = align - PAGE_SIZE; // room to slide the base down to an aligned address
  const room = mem.findFree(span + slack, top);
  if (room < 0) throw new ElfError('does not fit the guest address space');
  return Math.floor((room + slack) / align) * align;
}

/** Maps [start, stop); a page an earlier segment already mapped keeps its bytes and gains `prot`. */
function mapSharingPages(mem: AddressSpace, start: number, stop: number, prot: number, name?: string, backing?: MappingBacking): void {
  for (let page = start; page < stop; ) {
    if (mem.perm[page / PAGE_SIZE] & PERM_MAPPED) {
      mem.protect(page, PAGE_SIZE, (mem.perm[page / PAGE_SIZE] & 7) | prot);
      page += PAGE_SIZE;
      continue;
    }
    let run = page;
    while (run < stop && !(mem.perm[run / PAGE_SIZE] & PERM_MAPPED)) run += PAGE_SIZE;
    mem.map(page, run - page, prot, name, backing);
    page = run;
  }
}
