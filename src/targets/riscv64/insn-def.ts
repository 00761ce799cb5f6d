// How a riscv64 instruction pattern is described: its encoding (data), its semantics (an
// emitter of JS) and its disassembly, side by side. Register and contiguous fields are
// named in the pattern; the scattered immediates of the S, B, U and J formats come from
// the format's extractor as the field `imm`.
import type { Fields } from '../common/decode-pattern.js';
import type { Emitter } from '../../translate/emitter.js';

/** Immediate layouts of the base formats (the I format's imm:s12 is an ordinary field). */
export type Format = 'S' | 'B' | 'U' | 'J';

export interface InsnDef {
  /** Unique pattern name, e.g. "ADDI". */
  readonly name: string;
  /** 32-bit encoding, most significant bit first (see decode-pattern.ts). */
  readonly pattern: string;
  /** Adds the field `imm` decoded in this format. */
  readonly format?: Format;
  /** Extra decode constraint; when false the decoder tries the next pattern. */
  readonly when?: (f: Fields) => boolean;
  /** Ends the basic block (branches, exceptions). */
  readonly endsBlock?: boolean;
  /** Direct successors for region building (taken target, fall-through `next`); calls list none. */
  readonly successors?: (f: Fields, pc: number, next: number) => number[];
  readonly emit: (f: Fields, e: Emitter) => string;
  readonly asm: (f: Fields, pc: number) => string;
}

export const defineInsns = (defs: InsnDef[]): readonly InsnDef[] => defs;

/** The immediate of a format from the instruction word (sign-extended, as an int32). */
export function formatImm(format: Format, w: number): number {
  switch (format) {
    case 'S':
      return ((w >> 25) << 5) | ((w >>> 7) & 0x1f);
    case 'B':
      return ((w >> 31) << 12) | (((w >>> 7) & 1) << 11) | (((w >>> 25) & 0x3f) << 5) | (((w >>> 8) & 0xf) << 1);
    case 'U':
      return w & 0xfffff000;
    case 'J':
      return ((w >> 31) << 20) | (((w >>> 12) & 0xff) << 12) | (((w >>> 20) & 1) << 11) | (((w >>> 21) & 0x3ff) << 1);
  }
}

/** The inverse of formatImm: the word bits of `imm` in `format` (for encoders in tests). */
export function encodeImm(format: Format, imm: number): number {
  const b = (hi: number, lo: number): number => (imm >>> lo) & ((1 << (hi - lo + 1)) - 1);
  switch (format) {
    case 'S':
      return ((b(11, 5) << 25) | (b(4, 0) << 7)) >>> 0;
    case 'B':
      return ((b(12, 12) << 31) | (b(10, 5) << 25) | (b(4, 1) << 8) | (b(11, 11) << 7)) >>> 0;
    case 'U':
      return (imm & 0xfffff000) >>> 0;
    case 'J':
      return ((b(20, 20) << 31) | (b(10, 1) << 21) | (b(11, 11) << 20) | (b(19, 12) << 12)) >>> 0;
  }
}
