// Zba: address generation (add.uw, shNadd, shNadd.uw, slli.uw).
import type { Emitter } from '../../../translate/emitter.js';
import type { Fields } from '../../common/decode-pattern.js';
import { add64, reg, shl64c, zext32, type Pair } from '../alu.js';
import { defineInsns, type InsnDef } from '../insn-def.js';
import { setX, xName } from '../regs.js';
import { rri, rrr, shamtText } from './common.js';

/** rd = rs2 + (rs1 or its zero-extended low word) << shift. */
function shiftAdd(f: Fields, e: Emitter, shift: number, uw: boolean): string {
  if (f.rd === 0) return '';
  const a = uw ? zext32(reg(e, f.rs1)) : reg(e, f.rs1);
  const code: string[] = [];
  let s: Pair = a;
  if (shift) {
    // operands of the sum must be simple: shifted halves go through temps
    const x = shl64c(a, shift);
    const l = e.tmp(), h = e.tmp();
    code.push(`${l} = ${x.lo}; ${h} = ${x.hi};`);
    s = { lo: l, hi: h };
  }
  const r = add64(e, reg(e, f.rs2), s);
  return `${code.join(' ')} ${r.code} ${setX(e, f.rd, r.lo, r.hi)}`;
}

const shNadd = [1, 2, 3].flatMap((n): InsnDef[] => [
  {
    name: `SH${n}ADD`, pattern: `0010000 rs2:5 rs1:5 ${(n * 2).toString(2).padStart(3, '0')} rd:5 0110011`,
    emit: (f, e) => shiftAdd(f, e, n, false),
    asm: (f) => rrr(`sh${n}add`, f),
  },
  {
    name: `SH${n}ADD_UW`, pattern: `0010000 rs2:5 rs1:5 ${(n * 2).toString(2).padStart(3, '0')} rd:5 0111011`,
    emit: (f, e) => shiftAdd(f, e, n, true),
    asm: (f) => rrr(`sh${n}add.uw`, f),
  },
]);

export const insns: readonly InsnDef[] = [
  ...defineInsns([
    {
      name: 'ADD_UW', pattern: '0000100 rs2:5 rs1:5 000 rd:5 0111011',
      emit: (f, e) => shiftAdd(f, e, 0, true),
      asm: (f) => (f.rs2 === 0 ? `zext.w ${xName(f.rd)},${xName(f.rs1)}` : rrr('add.uw', f)),
    },
    {
      name: 'SLLI_UW', pattern: '000010 shamt:6 rs1:5 001 rd:5 0011011',
      emit: (f, e) => {
        const r = shl64c(zext32(reg(e, f.rs1)), f.shamt);
        return setX(e, f.rd, r.lo, r.hi);
      },
      asm: (f) => rri('slli.uw', f, shamtText(f.shamt)),
    },
  ]),
  ...shNadd,
];

export const runtime = {};
