// Zbs: single-bit instructions (bclr, bext, binv, bset and their immediate forms).
import type { Emitter } from '../../../translate/emitter.js';
import type { Fields } from '../../common/decode-pattern.js';
import { reg } from '../alu.js';
import { defineInsns, type InsnDef } from '../insn-def.js';
import { lo, setX } from '../regs.js';
import { rri, rrr, shamtText } from './common.js';

type BitOp = 'clr' | 'inv' | 'set';
const apply = (op: BitOp, x: string, mask: string): string =>
  op === 'clr' ? `(${x} & ~${mask})` : op === 'inv' ? `(${x} ^ ${mask})` : `(${x} | ${mask})`;

/** Bit op on rs1 at the index in the low 6 bits of rs2. */
function bitReg(f: Fields, e: Emitter, op: BitOp): string {
  const x = reg(e, f.rs1);
  const m = lo(e, f.rs2);
  return setX(e, f.rd, `(${m} & 32 ? ${x.lo} : ${apply(op, x.lo, `(1 << ${m})`)})`, `(${m} & 32 ? ${apply(op, x.hi, `(1 << ${m})`)} : ${x.hi})`);
}

function bitImm(f: Fields, e: Emitter, op: BitOp): string {
  const x = reg(e, f.rs1);
  const mask = String((1 << (f.shamt & 31)) | 0);
  return f.shamt >= 32 ? setX(e, f.rd, x.lo, apply(op, x.hi, mask)) : setX(e, f.rd, apply(op, x.lo, mask), x.hi);
}

const OPS: ReadonlyArray<[BitOp, string, string]> = [['clr', '0100100', '001'], ['inv', '0110100', '001'], ['set', '0010100', '001']];

export const insns: readonly InsnDef[] = [
  ...OPS.flatMap(([op, funct7, funct3]): InsnDef[] => [
    {
      name: `B${op.toUpperCase()}`, pattern: `${funct7} rs2:5 rs1:5 ${funct3} rd:5 0110011`,
      emit: (f, e) => bitReg(f, e, op),
      asm: (f) => rrr(`b${op}`, f),
    },
    {
      name: `B${op.toUpperCase()}I`, pattern: `${funct7.slice(0, 6)} shamt:6 rs1:5 ${funct3} rd:5 0010011`,
      emit: (f, e) => bitImm(f, e, op),
      asm: (f) => rri(`b${op}i`, f, shamtText(f.shamt)),
    },
  ]),
  ...defineInsns([
    {
      name: 'BEXT', pattern: '0100100 rs2:5 rs1:5 101 rd:5 0110011',
      emit: (f, e) => {
        const x = reg(e, f.rs1), m = lo(e, f.rs2);
        return setX(e, f.rd, `(((${m} & 32 ? ${x.hi} : ${x.lo}) >>> ${m}) & 1)`, '0');
      },
      asm: (f) => rrr('bext', f),
    },
    {
      name: 'BEXTI', pattern: '010010 shamt:6 rs1:5 101 rd:5 0010011',
      emit: (f, e) => {
        const x = reg(e, f.rs1);
        return setX(e, f.rd, `((${f.shamt >= 32 ? x.hi : x.lo} >>> ${f.shamt & 31}) & 1)`, '0');
      },
      asm: (f) => rri('bexti', f, shamtText(f.shamt)),
    },
  ]),
];

export const runtime = {};
