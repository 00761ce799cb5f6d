// The one interface between the generic translator and an ISA (in the spirit of QEMU's
// TranslatorOps): the target decodes one instruction at a time into an `Insn` that knows
// how to emit its JS and how to print itself; the translator builds regions of blocks
// from them, compiles and runs them.
import type { AddressSpace } from '../memory/address-space.js';
import type { Emitter } from './emitter.js';

/** A decoded guest instruction. */
export interface Insn {
  readonly pc: number;
  readonly size: number;
  readonly word: number;
  /** Mnemonic-level name of the matched pattern (for logs and coverage). */
  readonly name: string;
  /** Ends its basic block (branches, exceptions, undefined encodings). */
  readonly endsBlock: boolean;
  /**
   * Successors known at translate time that the translator may pull into the same
   * region (a taken direct branch, a fall-through). Calls are left out on purpose.
   */
  readonly successors: readonly number[];
  /** JS statements implementing the instruction. */
  emit(e: Emitter): string;
  /** Disassembly, e.g. "add x0, x1, #0x10". */
  text(): string;
}

export interface TargetOps {
  /** The ISA's name, used in messages and to key caches. */
  readonly name: string;
  /**
   * The CPU model this target decodes for (-cpu), when the ISA has several: caches of
   * translated code are kept per model. Undefined means "max".
   */
  readonly cpu?: string;
  /** Number of int32 slots of CpuState.r. */
  readonly slotCount: number;
  /** Bytes of the FP/vector register bank. */
  readonly vectorBytes: number;
  /**
   * Bytes of the shortest instruction (default 4). The translator checks that this many
   * bytes at a PC are executable before it decodes there.
   */
  readonly minInsnSize?: number;
  /**
   * Decodes the instruction at `pc` (the caller has checked that its first minInsnSize
   * bytes are executable). A longer instruction that runs into a non-executable page
   * throws a GuestFault: the block then ends before it, and it faults when reached.
   */
  decode(mem: AddressSpace, pc: number): Insn;
  /** Called before the first instruction of each block (reset per-block knowledge). */
  startBlock(e: Emitter): void;
  /** Objects the generated code refers to by name (target helper functions). */
  readonly runtime: Readonly<Record<string, unknown>>;
}
