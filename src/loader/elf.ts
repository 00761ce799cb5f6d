// Validating reader for 64-bit little-endian ELF executables.
//
// Only the ELF header and the program header table are read; section headers
// are ignored, so stripped files load. Every offset is bounds-checked before
// it is read, and every 64-bit field must fit in a JS number exactly, so the
// loader can do plain number arithmetic on the result without surprises.

export class ElfError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ElfError';
  }
}

export const EM_AARCH64 = 183, EM_RISCV = 243, EM_ARM = 40, EM_X86_64 = 62;
export const PT_LOAD = 1, PT_INTERP = 3, PT_PHDR = 6, PT_GNU_STACK = 0x6474e551;
export const PF_X = 1, PF_W = 2, PF_R = 4;

export interface ProgramHeader {
  type: number;
  flags: number;
  offset: number;
  vaddr: number;
  filesz: number;
  memsz: number;
  align: number;
}

export interface ElfFile {
  type: 'exec' | 'dyn';
  machine: number;
  entry: number;
  phoff: number;
  phentsize: number;
  phnum: number;
  programHeaders: ProgramHeader[];
  loadSegments: ProgramHeader[];
  interpreter: string | null;
  flags: number;
}

const EHDR_SIZE = 64; // sizeof(Elf64_Ehdr)
const PHDR_SIZE = 56; // sizeof(Elf64_Phdr)
const ELFCLASS64 = 2;
const ELFDATA2LSB = 1;
const EV_CURRENT = 1;
const ET_EXEC = 2;
const ET_DYN = 3;
const PN_XNUM = 0xffff;
// Real executables have about a dozen program headers; a bound keeps a
// hostile file from making us allocate and validate a huge table.
const MAX_PHNUM = 4096;
// Linux refuses interpreter paths longer than PATH_MAX as well.
const MAX_INTERP_LEN = 4096;

export function machineName(em: number): string {
  switch (em) {
    case EM_AARCH64: return 'aarch64';
    case EM_RISCV: return 'riscv64';
    case EM_ARM: return 'arm';
    case EM_X86_64: return 'x86-64';
    default: return `machine ${em}`;
  }
}

/** Little-endian field reader over the file; callers check bounds first. */
class Reader {
  private readonly view: DataView;

  constructor(bytes: Uint8Array) {
    // The array may be a view into a larger buffer (e.g. a pooled Buffer).
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  u16(off: number): number {
    return this.view.getUint16(off, true);
  }

  u32(off: number): number {
    return this.view.getUint32(off, true);
  }

  /** A u64 as a number; `what` names the field if it is not a safe integer. */
  u64(off: number, what: string): number {
    const lo = this.view.getUint32(off, true);
    const hi = this.view.getUint32(off + 4, true);
    // hi * 2^32 + lo <= 2^53 - 1  exactly when  hi < 2^21.
    if (hi >= 0x200000) throw new ElfError(`${what} too large`);
    return hi * 0x1_0000_0000 + lo;
  }
}

export function parseElf(bytes: Uint8Array, expectedMachine: number, pageSize = 4096): ElfFile {
  if (!Number.isSafeInteger(pageSize) || pageSize <= 0 || (pageSize & (pageSize - 1)) !== 0) {
    throw new RangeError(`page size must be a power of two, got ${pageSize}`);
  }
  const r = new Reader(bytes);
  checkIdent(bytes);
  if (bytes.length < EHDR_SIZE) throw new ElfError('truncated ELF header');

  // Elf64_Ehdr fields after e_ident.
  const eType = r.u16(16);
  const machine = r.u16(18);
  if (r.u32(20) !== EV_CURRENT) throw new ElfError('unsupported ELF version');
  const entry = r.u64(24, 'entry point');
  const phoff = r.u64(32, 'program header offset');
  const flags = r.u32(48);
  const ehsize = r.u16(52);
  const phentsize = r.u16(54);
  const phnum = r.u16(56);

  if (machine !== expectedMachine) {
    throw new ElfError(`wrong architecture: ${machineName(machine)} (expected ${machineName(expectedMachine)})`);
  }
  if (eType !== ET_EXEC && eType !== ET_DYN) {
    throw new ElfError(`not an executable (ELF type ${eType})`);
  }
  if (ehsize < EHDR_SIZE) throw new ElfError(`bad ELF header size ${ehsize}`);

  const programHeaders = readProgramHeaders(r, bytes.length, phoff, phentsize, phnum);
  const loadSegments = programHeaders.filter((ph) => ph.type === PT_LOAD);
  if (loadSegments.length === 0) throw new ElfError('no loadable segments');
  programHeaders.forEach((ph, i) => {
    if (ph.type === PT_LOAD) checkLoadSegment(ph, i, bytes.length, pageSize);
  });
  checkNoOverlap(programHeaders);

  return {
    type: eType === ET_EXEC ? 'exec' : 'dyn',
    machine,
    entry,
    phoff,
    phentsize,
    phnum,
    programHeaders,
    loadSegments,
    interpreter: readInterpreter(bytes, programHeaders),
    flags,
  };
}

/** e_ident checks; these come first so that e.g. a 32-bit ELF is named as such. */
function checkIdent(bytes: Uint8Array): void {
  if (bytes.length < 4 || bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46) {
    throw new ElfError('not an ELF file');
  }
  if (bytes.length < 16) throw new ElfError('truncated ELF header');
  if (bytes[4] !== ELFCLASS64) throw new ElfError('not a 64-bit ELF');
  if (bytes[5] !== ELFDATA2LSB) throw new ElfError('not little-endian');
  if (bytes[6] !== EV_CURRENT) throw new ElfError('unsupported ELF version');
}

function readProgramHeaders(
  r: Reader, fileLen: number, phoff: number, phentsize: number, phnum: number,
): ProgramHeader[] {
  if (phnum === 0) return [];
  // With PN_XNUM the real count lives in section header 0, which we do not read.
  if (phnum === PN_XNUM) throw new ElfError('too many program headers (extended numbering not supported)');
  if (phnum > MAX_PHNUM) throw new ElfError(`too many program headers (${phnum})`);
  if (phentsize !== PHDR_SIZE) throw new ElfError(`bad program header entry size ${phentsize}`);
  // phoff <= 2^53-1 and the table is < 2^18 bytes, so the sum is exact.
  if (phoff + phnum * PHDR_SIZE > fileLen) throw new ElfError('program header table out of bounds');

  const headers: ProgramHeader[] = [];
  for (let i = 0; i < phnum; i++) {
    const base = phoff + i * PHDR_SIZE;
    const field = (name: string): string => `segment ${i}: ${name}`;
    // Elf64_Phdr layout; p_paddr (at +24) is unused by a user-mode loader.
    headers.push({
      type: r.u32(base),
      flags: r.u32(base + 4),
      offset: r.u64(base + 8, field('offset')),
      vaddr: r.u64(base + 16, field('address')),
      filesz: r.u64(base + 32, field('file size')),
      memsz: r.u64(base + 40, field('memory size')),
      align: r.u64(base + 48, field('alignment')),
    });
  }
  return headers;
}

/** Per-segment checks; `index` is the program header index, as readelf -l numbers them. */
function checkLoadSegment(ph: ProgramHeader, index: number, fileLen: number, pageSize: number): void {
  if (ph.offset + ph.filesz > fileLen) throw new ElfError(`segment ${index} extends past end of file`);
  if (ph.filesz > ph.memsz) throw new ElfError(`segment ${index}: filesz > memsz`);
  // Both operands are safe integers, so a sum past 2^53-1 compares as such even if rounded.
  if (ph.vaddr + ph.memsz > Number.MAX_SAFE_INTEGER) throw new ElfError(`segment ${index}: address overflow`);
  // The file bytes are mapped page by page, so offset and address must share a page offset.
  if (ph.align > 1 && ph.offset % pageSize !== ph.vaddr % pageSize) {
    throw new ElfError(`segment ${index}: offset and address not congruent modulo page size`);
  }
}

/**
 * PT_LOAD segments must be in ascending address order (gABI) and their byte
 * ranges must not overlap. Sharing a page is fine: linkers often start the
 * data segment in the page where text ends, at a different address.
 */
function checkNoOverlap(headers: ProgramHeader[]): void {
  // Comparing neighbours suffices: each accepted segment starts at or after
  // the previous end, so the latest one also has the highest end so far.
  let prev: { index: number; vaddr: number; end: number } | null = null;
  headers.forEach((ph, i) => {
    if (ph.type !== PT_LOAD) return;
    if (prev !== null) {
      if (ph.vaddr < prev.vaddr) throw new ElfError(`segments ${prev.index} and ${i} not in address order`);
      if (ph.vaddr < prev.end) throw new ElfError(`segments ${prev.index} and ${i} overlap`);
    }
    prev = { index: i, vaddr: ph.vaddr, end: ph.vaddr + ph.memsz };
  });
}

function readInterpreter(bytes: Uint8Array, headers: ProgramHeader[]): string | null {
  const interps = headers.filter((ph) => ph.type === PT_INTERP);
  if (interps.length === 0) return null;
  if (interps.length > 1) throw new ElfError('multiple PT_INTERP segments');
  const { offset, filesz } = interps[0]!;
  if (filesz > MAX_INTERP_LEN) throw new ElfError('PT_INTERP path too long');
  // The string must end with its NUL inside the segment, as Linux requires.
  if (filesz === 0 || offset + filesz > bytes.length || bytes[offset + filesz - 1] !== 0) {
    throw new ElfError('PT_INTERP out of bounds or not NUL-terminated');
  }
  const raw = bytes.subarray(offset, offset + filesz - 1);
  if (raw.length === 0 || raw.includes(0)) throw new ElfError('bad PT_INTERP path');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new ElfError('PT_INTERP path is not valid UTF-8');
  }
}
