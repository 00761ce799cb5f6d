// How an aarch64 instruction pattern is described: its encoding (data), its semantics
// (an emitter of JS) and its disassembly, side by side as QEMU's TRANS() lines are.
import type { Fields } from '../common/decode-pattern.js';
import type { Emitter } from '../../translate/emitter.js';
import type { Feature } from './features.js';

export interface InsnDef {
  /** Unique pattern name, e.g. "ADD_imm". */
  readonly name: string;
  /** Encoding, most significant bit first (see decode-pattern.ts). */
  readonly pattern: string;
  /**
   * The architecture feature the instruction belongs to (none: the base ISA, FP and
   * Advanced SIMD), or a function of the fields giving it (when only some encodings of
   * a pattern need one, e.g. the half-precision forms of scalar FP). A CPU model without
   * it decodes the encoding as undefined.
   */
  readonly feature?: Feature | ((f: Fields) => Feature | undefined);
  /** Extra decode constraint; when false the decoder tries the next pattern. */
  readonly when?: (f: Fields) => boolean;
  /** Ends the basic block (branches, exceptions). */
  readonly endsBlock?: boolean;
  /** Direct successors for region building (taken target, fall-through); calls list none. */
  readonly successors?: (f: Fields, pc: number) => number[];
  readonly emit: (f: Fields, e: Emitter) => string;
  readonly asm: (f: Fields, pc: number) => string;
}

export const defineInsns = (defs: InsnDef[]): readonly InsnDef[] => defs;
