import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import {
  ElfError, parseElf, machineName,
  EM_AARCH64, EM_ARM, EM_RISCV, EM_X86_64,
  PT_LOAD, PT_INTERP, PT_GNU_STACK, PF_R, PF_W, PF_X,
  type ProgramHeader,
} from '../../src/loader/elf.js';

const INTERP = '/lib/ld-linux-aarch64.so.1';
const INTERP_OFFSET = 0x200;
const FILE_SIZE = 0x2000;

interface ImageSpec {
  type?: number;
  machine?: number;
  entry?: bigint;
  phoff?: bigint;
  phnum?: number; // defaults to segments.length
  size?: number;
  segments?: ProgramHeader[];
}

function seg(p: Partial<ProgramHeader> & Pick<ProgramHeader, 'type'>): ProgramHeader {
  return { flags: PF_R, offset: 0, vaddr: 0, filesz: 0, memsz: 0, align: 0x10000, ...p };
}

// Text ends at 0x401234; data starts on that same page, right after it, which
// real linkers do and the reader must accept.
function defaultSegments(): ProgramHeader[] {
  return [
    seg({ type: PT_INTERP, offset: INTERP_OFFSET, vaddr: 0x400000 + INTERP_OFFSET, filesz: INTERP.length + 1, memsz: INTERP.length + 1, align: 1 }),
    seg({ type: PT_LOAD, flags: PF_R | PF_X, offset: 0, vaddr: 0x400000, filesz: 0x1234, memsz: 0x1234 }),
    seg({ type: PT_LOAD, flags: PF_R | PF_W, offset: 0x1234, vaddr: 0x401234, filesz: 0x100, memsz: 0x3000 }),
    seg({ type: PT_GNU_STACK, flags: PF_R | PF_W, align: 16 }),
  ];
}

/** A minimal aarch64 ET_EXEC image: ELF header, program headers, interpreter path. */
function buildElf(spec: ImageSpec = {}): Uint8Array {
  const segments = spec.segments ?? defaultSegments();
  const bytes = new Uint8Array(spec.size ?? FILE_SIZE);
  const v = new DataView(bytes.buffer);
  bytes.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1], 0); // magic, ELFCLASS64, LSB, EV_CURRENT
  v.setUint16(16, spec.type ?? 2, true);
  v.setUint16(18, spec.machine ?? EM_AARCH64, true);
  v.setUint32(20, 1, true);
  v.setBigUint64(24, spec.entry ?? 0x400100n, true);
  v.setBigUint64(32, spec.phoff ?? 64n, true);
  v.setUint16(52, 64, true);
  v.setUint16(54, 56, true);
  v.setUint16(56, spec.phnum ?? segments.length, true);
  segments.forEach((ph, i) => writePhdr(v, 64 + i * 56, ph));
  bytes.set(new TextEncoder().encode(INTERP + '\0'), INTERP_OFFSET);
  return bytes;
}

function writePhdr(v: DataView, at: number, ph: ProgramHeader): void {
  v.setUint32(at, ph.type, true);
  v.setUint32(at + 4, ph.flags, true);
  v.setBigUint64(at + 8, BigInt(ph.offset), true);
  v.setBigUint64(at + 16, BigInt(ph.vaddr), true);
  v.setBigUint64(at + 24, BigInt(ph.vaddr), true);
  v.setBigUint64(at + 32, BigInt(ph.filesz), true);
  v.setBigUint64(at + 40, BigInt(ph.memsz), true);
  v.setBigUint64(at + 48, BigInt(ph.align), true);
}

/** Default segments with one field of segment `index` replaced. */
function withSegment(index: number, patch: Partial<ProgramHeader>): Uint8Array {
  const segments = defaultSegments();
  segments[index] = { ...segments[index]!, ...patch };
  return buildElf({ segments });
}

function expectElfError(bytes: Uint8Array, message: string, machine = EM_AARCH64): void {
  expect(() => parseElf(bytes, machine)).toThrow(ElfError);
  expect(() => parseElf(bytes, machine)).toThrow(message);
}

describe('parseElf: valid images', () => {
  it('parses header, segments and interpreter', () => {
    const elf = parseElf(buildElf(), EM_AARCH64);
    expect(elf.type).toBe('exec');
    expect(elf.machine).toBe(EM_AARCH64);
    expect(elf.entry).toBe(0x400100);
    expect(elf.phoff).toBe(64);
    expect(elf.phentsize).toBe(56);
    expect(elf.phnum).toBe(4);
    expect(elf.programHeaders.map((ph) => ph.type)).toEqual([PT_INTERP, PT_LOAD, PT_LOAD, PT_GNU_STACK]);
    expect(elf.loadSegments).toEqual([defaultSegments()[1], defaultSegments()[2]]);
    expect(elf.interpreter).toBe(INTERP);
    expect(elf.flags).toBe(0);
  });

  it('accepts ET_DYN, no interpreter and a static layout', () => {
    const segments = defaultSegments().slice(1);
    const elf = parseElf(buildElf({ type: 3, segments }), EM_AARCH64);
    expect(elf.type).toBe('dyn');
    expect(elf.interpreter).toBeNull();
    expect(elf.loadSegments).toHaveLength(2);
  });

  it('reads through a Uint8Array that is a view into a larger buffer', () => {
    const image = buildElf();
    const big = new Uint8Array(image.length + 100);
    big.set(image, 37);
    expect(parseElf(big.subarray(37, 37 + image.length), EM_AARCH64).interpreter).toBe(INTERP);
  });

  it('accepts entry and addresses up to MAX_SAFE_INTEGER', () => {
    const elf = parseElf(buildElf({ entry: BigInt(Number.MAX_SAFE_INTEGER) }), EM_AARCH64);
    expect(elf.entry).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('skips the congruence check when align <= 1', () => {
    expect(() => parseElf(withSegment(2, { vaddr: 0x411240, align: 1 }), EM_AARCH64)).not.toThrow();
  });

  it.skipIf(!existsSync('/usr/aarch64-linux-gnu/lib/libc.so.6'))('parses a real aarch64 libc.so.6', () => {
    const elf = parseElf(readFileSync('/usr/aarch64-linux-gnu/lib/libc.so.6'), EM_AARCH64);
    expect(elf.type).toBe('dyn');
    expect(elf.loadSegments.length).toBeGreaterThan(0);
  });
});

describe('parseElf: header errors', () => {
  it('rejects a non-ELF file', () => {
    expectElfError(new TextEncoder().encode('#!/bin/sh\necho hi\n'), 'not an ELF file');
    expectElfError(new Uint8Array(0), 'not an ELF file');
  });

  it('rejects a truncated header', () => {
    expectElfError(buildElf().subarray(0, 10), 'truncated ELF header');
    expectElfError(buildElf().subarray(0, 63), 'truncated ELF header');
  });

  it('rejects a 32-bit class', () => {
    const bytes = buildElf();
    bytes[4] = 1;
    expectElfError(bytes, 'not a 64-bit ELF');
  });

  it('rejects big-endian', () => {
    const bytes = buildElf();
    bytes[5] = 2;
    expectElfError(bytes, 'not little-endian');
  });

  it('rejects an unknown ELF version', () => {
    const bytes = buildElf();
    bytes[6] = 2;
    expectElfError(bytes, 'unsupported ELF version');
  });

  it('rejects the wrong machine', () => {
    expectElfError(buildElf({ machine: EM_X86_64 }), 'wrong architecture: x86-64 (expected aarch64)');
  });

  it('rejects ET_REL', () => {
    expectElfError(buildElf({ type: 1 }), 'not an executable (ELF type 1)');
  });

  it('rejects an entry point above MAX_SAFE_INTEGER', () => {
    expectElfError(buildElf({ entry: 1n << 53n }), 'entry point too large');
  });

  it('rejects phoff past the end of the file', () => {
    expectElfError(buildElf({ phoff: BigInt(FILE_SIZE) }), 'program header table out of bounds');
    expectElfError(buildElf({ phoff: 0xffff_ffff_ffff_ff00n }), 'program header offset too large');
  });

  it('rejects a huge phnum', () => {
    expectElfError(buildElf({ phnum: 5000 }), 'too many program headers (5000)');
    expectElfError(buildElf({ phnum: 0xffff }), 'too many program headers');
  });

  it('rejects a bad program header entry size', () => {
    const bytes = buildElf();
    new DataView(bytes.buffer).setUint16(54, 12, true);
    expectElfError(bytes, 'bad program header entry size 12');
  });

  it('rejects a file without PT_LOAD', () => {
    expectElfError(buildElf({ segments: [] }), 'no loadable segments');
  });
});

describe('parseElf: segment errors', () => {
  it('rejects a segment past the end of the file', () => {
    expectElfError(withSegment(2, { filesz: FILE_SIZE }), 'segment 2 extends past end of file');
  });

  it('rejects filesz > memsz', () => {
    expectElfError(withSegment(1, { memsz: 0x1000 }), 'segment 1: filesz > memsz');
  });

  it('rejects overlapping segments', () => {
    expectElfError(withSegment(2, { offset: 0x1230, vaddr: 0x401230 }), 'segments 1 and 2 overlap');
  });

  it('rejects segments out of address order', () => {
    expectElfError(withSegment(2, { offset: 0x1000, vaddr: 0x300000 }), 'segments 1 and 2 not in address order');
  });

  it('rejects a misaligned offset/vaddr pair', () => {
    expectElfError(withSegment(1, { vaddr: 0x400010 }), 'segment 1: offset and address not congruent modulo page size');
  });

  it('rejects address overflow', () => {
    const top = Number.MAX_SAFE_INTEGER - 0xfff; // page-aligned
    expectElfError(withSegment(2, { offset: 0x1000, vaddr: top, memsz: 0x2000 }), 'segment 2: address overflow');
    expectElfError(withSegment(1, { vaddr: 2 ** 60 }), 'segment 1: address too large');
  });

  it('rejects PT_INTERP without a NUL terminator', () => {
    expectElfError(withSegment(0, { filesz: INTERP.length }), 'PT_INTERP out of bounds or not NUL-terminated');
    expectElfError(withSegment(0, { offset: FILE_SIZE - 4 }), 'PT_INTERP out of bounds or not NUL-terminated');
  });
});

describe('machineName', () => {
  it('names known machines and falls back to the number', () => {
    expect(machineName(EM_AARCH64)).toBe('aarch64');
    expect(machineName(EM_RISCV)).toBe('riscv64');
    expect(machineName(EM_ARM)).toBe('arm');
    expect(machineName(EM_X86_64)).toBe('x86-64');
    expect(machineName(8)).toBe('machine 8');
  });
});
