// RV64M: multiply, divide and remainder. Division never traps: x / 0 is all ones and
// x % 0 is x; the signed overflow MIN / -1 gives MIN with remainder 0. The *W forms are
// int32 arithmetic sign-extended; 64-bit products and quotients go through the int64
// helpers.
import type { Emitter } from '../../../translate/emitter.js';
import { hi as hiOut, mul64, sdiv64, udiv64, umulh64 } from '../../../translate/int64.js';
import type { Fields } from '../../common/decode-pattern.js';
import { defineInsns } from '../insn-def.js';
import { hi, lo, setW, setX } from '../regs.js';
import { rrr } from './common.js';

/** rd = H.<fn>(rs1, rs2) for a helper returning the low half with the high half in H.hi[0]. */
const helper64 = (fn: string) => (f: Fields, e: Emitter): string => {
  if (f.rd === 0) return '';
  const t = e.tmp();
  return `${t} = H.${fn}(${lo(e, f.rs1)}, ${hi(e, f.rs1)}, ${lo(e, f.rs2)}, ${hi(e, f.rs2)}); ${setX(e, f.rd, t, 'H.hi[0]')}`;
};

const w32 = (expr: (a: string, b: string) => string) => (f: Fields, e: Emitter): string =>
  setW(e, f.rd, expr(lo(e, f.rs1), lo(e, f.rs2)));

export const insns = defineInsns([
  { name: 'MUL', pattern: '0000001 rs2:5 rs1:5 000 rd:5 0110011', emit: helper64('mul64'), asm: (f) => rrr('mul', f) },
  { name: 'MULH', pattern: '0000001 rs2:5 rs1:5 001 rd:5 0110011', emit: helper64('smulh64'), asm: (f) => rrr('mulh', f) },
  { name: 'MULHSU', pattern: '0000001 rs2:5 rs1:5 010 rd:5 0110011', emit: helper64('rvMulhsu'), asm: (f) => rrr('mulhsu', f) },
  { name: 'MULHU', pattern: '0000001 rs2:5 rs1:5 011 rd:5 0110011', emit: helper64('umulh64'), asm: (f) => rrr('mulhu', f) },
  { name: 'DIV', pattern: '0000001 rs2:5 rs1:5 100 rd:5 0110011', emit: helper64('rvDiv'), asm: (f) => rrr('div', f) },
  { name: 'DIVU', pattern: '0000001 rs2:5 rs1:5 101 rd:5 0110011', emit: helper64('rvDivu'), asm: (f) => rrr('divu', f) },
  { name: 'REM', pattern: '0000001 rs2:5 rs1:5 110 rd:5 0110011', emit: helper64('rvRem'), asm: (f) => rrr('rem', f) },
  { name: 'REMU', pattern: '0000001 rs2:5 rs1:5 111 rd:5 0110011', emit: helper64('rvRemu'), asm: (f) => rrr('remu', f) },
  {
    name: 'MULW', pattern: '0000001 rs2:5 rs1:5 000 rd:5 0111011',
    emit: w32((a, b) => `Math.imul(${a}, ${b})`), asm: (f) => rrr('mulw', f),
  },
  {
    // (a / b) | 0 truncates toward zero and wraps MIN / -1 (2^31) to MIN
    name: 'DIVW', pattern: '0000001 rs2:5 rs1:5 100 rd:5 0111011',
    emit: w32((a, b) => `(${b} === 0 ? -1 : (${a} / ${b}) | 0)`), asm: (f) => rrr('divw', f),
  },
  {
    name: 'DIVUW', pattern: '0000001 rs2:5 rs1:5 101 rd:5 0111011',
    emit: w32((a, b) => `(${b} === 0 ? -1 : ((${a} >>> 0) / (${b} >>> 0)) | 0)`), asm: (f) => rrr('divuw', f),
  },
  {
    // MIN % -1 is -0 in JS, and -0 | 0 is 0
    name: 'REMW', pattern: '0000001 rs2:5 rs1:5 110 rd:5 0111011',
    emit: w32((a, b) => `(${b} === 0 ? ${a} : (${a} % ${b}) | 0)`), asm: (f) => rrr('remw', f),
  },
  {
    name: 'REMUW', pattern: '0000001 rs2:5 rs1:5 111 rd:5 0111011',
    emit: w32((a, b) => `(${b} === 0 ? ${a} : ((${a} >>> 0) % (${b} >>> 0)) | 0)`), asm: (f) => rrr('remuw', f),
  },
]);

// ---- runtime helpers (H.rv*): the low half returned, the high half in H.hi[0] ----

/** High 64 bits of signed a times unsigned b. */
export function rvMulhsu(al: number, ah: number, bl: number, bh: number): number {
  let l = umulh64(al, ah, bl, bh);
  let h = hiOut[0];
  if (ah < 0) {
    // a = a_unsigned - 2^64: subtract b from the high half of the product
    const t = (l - bl) | 0;
    h = (h - bh - ((l >>> 0) < (bl >>> 0) ? 1 : 0)) | 0;
    l = t;
  }
  hiOut[0] = h;
  return l;
}

export function rvDiv(al: number, ah: number, bl: number, bh: number): number {
  if ((bl | bh) === 0) {
    hiOut[0] = -1;
    return -1;
  }
  return sdiv64(al, ah, bl, bh);
}

export function rvDivu(al: number, ah: number, bl: number, bh: number): number {
  if ((bl | bh) === 0) {
    hiOut[0] = -1;
    return -1;
  }
  return udiv64(al, ah, bl, bh);
}

/** a - q * b for the quotient q = (ql, qh). */
function remainder(al: number, ah: number, bl: number, bh: number, ql: number, qh: number): number {
  const pl = mul64(ql, qh, bl, bh);
  const ph = hiOut[0];
  hiOut[0] = (ah - ph - ((al >>> 0) < (pl >>> 0) ? 1 : 0)) | 0;
  return (al - pl) | 0;
}

export function rvRem(al: number, ah: number, bl: number, bh: number): number {
  if ((bl | bh) === 0) {
    hiOut[0] = ah;
    return al;
  }
  if (ah === al >> 31 && bh === bl >> 31) {
    // both fit int32 (MIN32 % -1 is -0, and -0 | 0 is 0)
    const r = al % bl | 0;
    hiOut[0] = r >> 31;
    return r;
  }
  const ql = sdiv64(al, ah, bl, bh);
  return remainder(al, ah, bl, bh, ql, hiOut[0]);
}

export function rvRemu(al: number, ah: number, bl: number, bh: number): number {
  if ((bl | bh) === 0) {
    hiOut[0] = ah;
    return al;
  }
  if ((ah | bh) === 0) {
    hiOut[0] = 0;
    return ((al >>> 0) % (bl >>> 0)) | 0;
  }
  const ql = udiv64(al, ah, bl, bh);
  return remainder(al, ah, bl, bh, ql, hiOut[0]);
}

export const runtime = { rvMulhsu, rvDiv, rvDivu, rvRem, rvRemu };
