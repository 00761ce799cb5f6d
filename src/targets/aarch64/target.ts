// aarch64 as the translator sees it: one target per CPU model (its decoder knows only
// the model's instructions); aarch64Target is the "max" model.
import type { AddressSpace } from '../../memory/address-space.js';
import { Exit } from '../../translate/cpu-state.js';
import type { Emitter } from '../../translate/emitter.js';
import type { Insn, TargetOps } from '../../translate/target.js';
import { cpuModel, DEFAULT_CPU, idRegisterInsns, type CpuModel } from './cpu-models.js';
import { createDecoder } from './decoder.js';
import { SLOT_COUNT, VECTOR_BYTES } from './state.js';
import { a64Runtime } from './runtime.js';

function undefinedInsn(pc: number, word: number): Insn {
  return {
    pc, size: 4, word, name: 'UNDEFINED', endsBlock: true, successors: [],
    emit: (e: Emitter) => e.raise(Exit.Illegal, pc),
    text: () => `.inst 0x${word.toString(16).padStart(8, '0')} ; undefined`,
  };
}

const targets = new Map<CpuModel, TargetOps>();

/** The translator target of a CPU model (made once per model). */
export function aarch64TargetFor(model: CpuModel): TargetOps {
  let target = targets.get(model);
  if (target) return target;
  const decodeWord = createDecoder((f) => model.features.has(f), idRegisterInsns(model));
  target = {
    name: 'aarch64',
    cpu: model.name,
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
  targets.set(model, target);
  return target;
}

/** The "max" model: every implemented feature. */
export const aarch64Target: TargetOps = aarch64TargetFor(cpuModel(DEFAULT_CPU)!);
