// aarch64 as the translator sees it.
import type { AddressSpace } from '../../memory/address-space.js';
import { Exit } from '../../translate/cpu-state.js';
import type { Emitter } from '../../translate/emitter.js';
import type { Insn, TargetOps } from '../../translate/target.js';
import { decodeWord } from './decoder.js';
import { SLOT_COUNT, VECTOR_BYTES } from './state.js';
import { a64Runtime } from './runtime.js';

function undefinedInsn(pc: number, word: number): Insn {
  return {
    pc, size: 4, word, name: 'UNDEFINED', endsBlock: true, successors: [],
    emit: (e: Emitter) => e.raise(Exit.Illegal, pc),
    text: () => `.inst 0x${word.toString(16).padStart(8, '0')} ; undefined`,
  };
}

export const aarch64Target: TargetOps = {
  name: 'aarch64',
  slotCount: SLOT_COUNT,
  vectorBytes: VECTOR_BYTES,
  decode(mem: AddressSpace, pc: number): Insn {
    const word = mem.view.getUint32(pc, true);
    const d = decodeWord(word);
    if (!d) return undefinedInsn(pc, word);
    const { def, fields } = d;
    return {
      pc, size: 4, word, name: def.name,
      endsBlock: def.endsBlock ?? false,
      successors: def.successors?.(fields, pc) ?? [],
      emit: (e) => def.emit(fields, e),
      text: () => def.asm(fields, pc),
    };
  },
  startBlock() {},
  runtime: a64Runtime,
};
