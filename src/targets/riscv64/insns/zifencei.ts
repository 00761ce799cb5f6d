// Zifencei: FENCE.I. Stores to translated code already drop its translations; FENCE.I
// leaves the compiled region, so the instructions after it are fetched (translated) anew.
import { Exit } from '../../../translate/cpu-state.js';
import { defineInsns } from '../insn-def.js';

export const insns = defineInsns([
  {
    name: 'FENCE_I', pattern: 'imm:12 rs1:5 001 rd:5 0001111', endsBlock: true,
    // Exit.None: back to the run loop, which looks the next PC up again.
    emit: (_f, e) => e.raise(Exit.None, e.nextPc),
    asm: () => 'fence.i',
  },
]);

export const runtime = {};
