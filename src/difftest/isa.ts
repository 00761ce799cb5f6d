// What the generic difftest needs from an ISA: its decode table (the same InsnDef data the
// translator uses), the harness's state record layout, how to fill a random initial state,
// how to constrain an instruction so the harness can run it (memory operands into the
// window, branch targets onto the harness's landing pads), and what to leave out and why.
// src/difftest/aarch64.ts is the aarch64 module; another ISA plugs in the same way.
import type { Fields, Pattern } from '../targets/common/decode-pattern.js';
import type { Rng } from './rng.js';

/** An instruction pattern as a target's decode table describes it (a subset of InsnDef). */
export interface PatternDef {
  readonly name: string;
  /** Encoding, most significant bit first (see src/targets/common/decode-pattern.ts). */
  readonly pattern: string;
  readonly when?: (f: Fields) => boolean;
  readonly asm: (f: Fields, pc: number) => string;
}

/** Where the harness put things, from the header it writes before any result. */
export interface HarnessInfo {
  readonly version: number;
  readonly machine: number;
  readonly inSize: number;
  readonly outSize: number;
  readonly stateSize: number;
  readonly windowSize: number;
  /** Guest address of the memory window (the harness is a static, non-PIE binary). */
  readonly windowAddr: number;
  /** Guest address of the words each case runs (DifftestIsa.slotWords of them). */
  readonly slotAddr: number;
}

/** One field of the state record (the same layout for the initial and the final state). */
export interface StateField {
  readonly name: string;
  readonly offset: number;
  readonly size: number;
  /** A family of fields for summaries ("x", "v", "nzcv", "mem"...). */
  readonly group: string;
  /** false: not a result (e.g. a register the harness itself needs after the test). */
  readonly compare: boolean;
}

/** A case being built: the chosen pattern's fields and the initial state record. */
export interface CaseDraft {
  readonly name: string;
  /** Guest address the instruction will run at. */
  readonly pc: number;
  /** Field values; constrain() may change them (the word is re-encoded and re-decoded). */
  readonly fields: Record<string, number>;
  readonly state: DataView;
  readonly bytes: Uint8Array;
}

/**
 * A pattern usable as a prefix: an instruction that sets flags and writes no register, run
 * in the same block right before the instruction under test (so lazy flag evaluation and
 * compare-and-branch fusion across instructions get exercised). `fix` pins fields, e.g.
 * { S: 1, rd: 31 } makes ADDS into CMN.
 */
export interface PrefixSpec {
  readonly pattern: string;
  readonly fix?: Readonly<Record<string, number>>;
}

/** Encodings left out of testing, by pattern name (or id, `*` wildcards). */
export interface Exclusion {
  readonly pattern: string;
  /** Only the encodings this accepts are left out (default: the whole pattern). */
  readonly when?: (f: Fields) => boolean;
  readonly reason: string;
  /**
   * untestable: the harness cannot run it meaningfully (syscalls, clocks);
   * divergence: qemu departs from the architecture (tsqemu follows the architecture);
   * cpu-model: IMPLEMENTATION DEFINED behaviour where the CPU qemu emulates and the one
   * tsqemu models legitimately differ (identification registers, optional features).
   */
  readonly kind: 'untestable' | 'divergence' | 'cpu-model';
}

/**
 * A known departure of qemu from the architecture that only some inputs show: cases whose
 * differences `matches` accepts are counted as known divergences instead of mismatches,
 * so the rest of the pattern stays under test.
 */
export interface ValueDivergence {
  readonly pattern: string;
  readonly reason: string;
  /**
   * `initial`, `ref`, `test`: the state records; `differing`: the names of the differing
   * state fields (both emulators ran the case).
   */
  matches(f: Fields, initial: Uint8Array, ref: Uint8Array, test: Uint8Array, differing: readonly string[]): boolean;
}

export interface Command {
  readonly command: string;
  readonly args: readonly string[];
}

export interface DifftestIsa {
  readonly arch: string;
  /** ELF e_machine the harness header must carry. */
  readonly machine: number;
  /** The decode table, in decode priority order. */
  readonly defs: readonly PatternDef[];
  /** The pattern the product decoder picks for `word`, or null (compared by identity). */
  decode(word: number): PatternDef | null;
  /** Instruction width in bits for a pattern (16 for compressed forms). */
  widthOf(def: PatternDef): 16 | 32;
  /**
   * The fields `def.asm` and `when` see for `word` (default: the pattern's fields; an ISA
   * whose decoder adds derived fields, such as riscv64's scattered `imm`, adds them here).
   */
  fieldsOf?(def: PatternDef, pattern: Pattern, word: number): Fields;
  /** The word for changed fields (default: the pattern's fields written back into `word`). */
  encode?(def: PatternDef, pattern: Pattern, word: number, fields: Fields): number;
  readonly stateSize: number;
  readonly stateFields: readonly StateField[];
  /** Instruction words the harness runs per case from the slot (the generator NOP-fills them). */
  readonly slotWords: number;
  readonly nop: number;
  /** Flag-setting instructions a case may start with (see PrefixSpec). */
  readonly prefixes: readonly PrefixSpec[];
  /** The harness binary, relative to the repository root. */
  readonly harness: string;
  /** The reference emulator (harness path appended). */
  readonly qemu: Command;
  /** tsqemu (harness path appended), run from the repository root. */
  readonly tsqemu: Command;
  readonly exclusions: readonly Exclusion[];
  readonly valueDivergences?: readonly ValueDivergence[];
  /** Fills the whole initial state at random. */
  randomState(rng: Rng, d: CaseDraft, h: HarnessInfo): void;
  /**
   * Makes the case runnable in the harness (e.g. points a base register into the memory
   * window). Returns null, or why this draft cannot be used (the generator draws again).
   */
  constrain(rng: Rng, d: CaseDraft, h: HarnessInfo): string | null;
  /** State fields worth showing with a mismatch besides the differing ones. */
  operandFields(name: string, f: Fields): string[];
  /** Text for a state field's value. */
  formatField(field: StateField, bytes: Uint8Array): string;
  /** objdump invocation for a raw little-endian file of instruction words, if one exists here. */
  readonly objdump?: Command;
}
