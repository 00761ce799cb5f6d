// Branches: B, BL, B.cond, CBZ/CBNZ, TBZ/TBNZ, BR, BLR, RET.
import { condition, CONDITION_NAMES } from '../flags.js';
import { defineInsns } from '../insn-def.js';
import { address, hi, lo, rName, setX, xName } from '../regs.js';
import type { Emitter } from '../../../translate/emitter.js';

const target = (pc: number, offsetWords: number): number => pc + offsetWords * 4;

/** X30 = return address (fits the low half: guest code lives below 4 GiB). */
const link = (e: Emitter): string => setX(e, 30, String(e.nextPc | 0), '0');

/** The 64-bit register value as a JS number jump target, or an out-of-window address. */
const regTarget = (e: Emitter, n: number): string => `H.toNumberU64(${lo(e, n)}, ${hi(e, n)})`;

export const insns = defineInsns([
  {
    name: 'B', pattern: '000101 imm26:s26', endsBlock: true,
    successors: (f, pc) => [target(pc, f.imm26)],
    emit: (f, e) => e.jump(target(e.pc, f.imm26)),
    asm: (f, pc) => `b ${address(target(pc, f.imm26))}`,
  },
  {
    name: 'BL', pattern: '100101 imm26:s26', endsBlock: true,
    emit: (f, e) => `${link(e)} ${e.jump(target(e.pc, f.imm26))}`,
    asm: (f, pc) => `bl ${address(target(pc, f.imm26))}`,
  },
  {
    name: 'B_cond', pattern: '01010100 imm19:s19 0 cond:4', endsBlock: true,
    successors: (f, pc) => [target(pc, f.imm19), pc + 4],
    emit: (f, e) => `if (${condition(e, f.cond)}) ${e.jump(target(e.pc, f.imm19))}\n${e.jump(e.nextPc)}`,
    asm: (f, pc) => `b.${CONDITION_NAMES[f.cond]} ${address(target(pc, f.imm19))}`,
  },
  {
    name: 'CBZ', pattern: 'sf:1 011010 op:1 imm19:s19 rt:5', endsBlock: true,
    successors: (f, pc) => [target(pc, f.imm19), pc + 4],
    emit: (f, e) => {
      const zero = f.sf ? `(${lo(e, f.rt)} | ${hi(e, f.rt)}) === 0` : `${lo(e, f.rt)} === 0`;
      return `if (${f.op ? '!' : ''}(${zero})) ${e.jump(target(e.pc, f.imm19))}\n${e.jump(e.nextPc)}`;
    },
    asm: (f, pc) => `${f.op ? 'cbnz' : 'cbz'} ${rName(f.sf, f.rt)}, ${address(target(pc, f.imm19))}`,
  },
  {
    name: 'TBZ', pattern: 'b5:1 011011 op:1 b40:5 imm14:s14 rt:5', endsBlock: true,
    successors: (f, pc) => [target(pc, f.imm14), pc + 4],
    emit: (f, e) => {
      const bit = (f.b5 << 5) | f.b40;
      const half = bit >= 32 ? hi(e, f.rt) : lo(e, f.rt);
      const set = `((${half} >>> ${bit & 31}) & 1) ${f.op ? '!==' : '==='} 0`;
      return `if (${set}) ${e.jump(target(e.pc, f.imm14))}\n${e.jump(e.nextPc)}`;
    },
    asm: (f, pc) => `${f.op ? 'tbnz' : 'tbz'} ${rName(f.b5, f.rt)}, #${(f.b5 << 5) | f.b40}, ${address(target(pc, f.imm14))}`,
  },
  {
    name: 'BR', pattern: '1101011 0000 11111 000000 rn:5 00000', endsBlock: true,
    emit: (f, e) => e.jumpTo(regTarget(e, f.rn)),
    asm: (f) => `br ${xName(f.rn)}`,
  },
  {
    name: 'BLR', pattern: '1101011 0001 11111 000000 rn:5 00000', endsBlock: true,
    emit: (f, e) => {
      const t = e.tmp();
      return `${t} = ${regTarget(e, f.rn)}; ${link(e)} ${e.jumpTo(t)}`;
    },
    asm: (f) => `blr ${xName(f.rn)}`,
  },
  {
    name: 'RET', pattern: '1101011 0010 11111 000000 rn:5 00000', endsBlock: true,
    emit: (f, e) => e.jumpTo(regTarget(e, f.rn)),
    asm: (f) => (f.rn === 30 ? 'ret' : `ret ${xName(f.rn)}`),
  },
]);

export const runtime = {};
