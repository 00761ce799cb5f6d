// riscv64 as the translator sees it. Instructions are 2 or 4 bytes, 2-byte aligned; a
// 4-byte instruction may straddle a page boundary, so its upper half is checked here.
import { GuestFault, PAGE_SHIFT, PERM_EXEC, type AddressSpace } from '../../memory/address-space.js';
import { Exit } from '../../translate/cpu-state.js';
import type { Insn, TargetOps } from '../../translate/target.js';
import { decodeHalf, decodeWord, isWide, type Decoded } from './decoder.js';
import { rvRuntime } from './runtime.js';
import { FP_BYTES, SLOT_COUNT } from './state.js';

const hexWord = (word: number, size: number): string => (word >>> 0).toString(16).padStart(2 * size, '0');

function illegalInsn(pc: number, word: number, size: number): Insn {
  return {
    pc, size, word, name: 'ILLEGAL', endsBlock: true, successors: [],
    emit: (e) => e.raise(Exit.Illegal, pc),
    text: () => `${size === 2 ? '.2byte' : '.4byte'} 0x${hexWord(word, size)} ; illegal`,
  };
}

function insnOf(pc: number, word: number, size: number, d: Decoded): Insn {
  const { def, fields } = d;
  const next = pc + size;
  return {
    pc, size, word, name: d.compressed ?? def.name,
    endsBlock: def.endsBlock ?? false,
    successors: def.successors?.(fields, pc, next) ?? [],
    emit: (e) => def.emit(fields, e),
    text: () => def.asm(fields, pc),
  };
}

/** Decodes the instruction at pc (its first halfword is known to be executable). */
function decode(mem: AddressSpace, pc: number): Insn {
  const h = mem.view.getUint16(pc, true);
  if (!isWide(h)) {
    const d = decodeHalf(h);
    return d ? insnOf(pc, h, 2, d) : illegalInsn(pc, h, 2);
  }
  const upper = pc + 2;
  if ((mem.perm[upper >>> PAGE_SHIFT] & PERM_EXEC) === 0) {
    throw new GuestFault(upper, 'exec', mem.perm[upper >>> PAGE_SHIFT] !== 0, pc);
  }
  const word = mem.view.getUint32(pc, true);
  // 48-bit and longer encodings (bits 4..2 all ones) are not implemented: illegal
  if ((word & 0x1c) === 0x1c) return illegalInsn(pc, word, 4);
  const d = decodeWord(word);
  return d ? insnOf(pc, word, 4, d) : illegalInsn(pc, word, 4);
}

export const riscv64Target: TargetOps = {
  name: 'riscv64',
  slotCount: SLOT_COUNT,
  vectorBytes: FP_BYTES,
  minInsnSize: 2,
  decode,
  startBlock() {},
  runtime: rvRuntime,
};
