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

/** Whether hi:lo is a signed value within ±2^53 (exact as a JS number). */
const fitsS53 = (h: number): boolean => h >= -2097152 && h < 2097152;
/** Whether hi:lo is an unsigned value below 2^53. */
const fitsU53 = (h: number): boolean => h >>> 0 < 2097152;
const S32 = 4294967296;

/** Sets H.hi[0] to the high half of an integral JS number within ±2^64 and returns the low half. */
function split(v: number): number {
  hiOut[0] = Math.floor(v / S32) | 0;
  return v | 0;
}

// Numbers below 2^53 divide exactly in doubles: the rounded quotient a / b is less than
// half an ulp (< 1/b) off, and the true one is at least 1/b away from the next integer, so
// truncating it gives the exact quotient, and a - q * b the exact remainder. (JS % on
// doubles is exact too, but a slow library call.) Larger values take the int64 long division.

export function rvDiv(al: number, ah: number, bl: number, bh: number): number {
  if ((bl | bh) === 0) {
    hiOut[0] = -1;
    return -1;
  }
  if (fitsS53(ah) && fitsS53(bh)) {
    return split(Math.trunc((ah * S32 + (al >>> 0)) / (bh * S32 + (bl >>> 0))));
  }
  return sdiv64(al, ah, bl, bh);
}

/**
 * The remainder of the last division by a 32-bit divisor, and its operands: compilers
 * emit divu and remu of the same operands side by side (C's / and %, libgcc's
 * __udivmodti4), so remu finds its result here.
 */
const last = { al: 0, ah: 0, b: 0, r: 0 };

/**
 * hi:lo / b for a uint32 divisor b >= 1: the quotient's low half returned, its high half
 * in H.hi[0], the remainder in `last`. Each partial dividend stays below 2^53, where
 * floor(x / b) of doubles is exact: the high word, then 21 and 11 bits of the low word
 * (or the whole low word at once for b < 2^21).
 */
function divBy32(al: number, ah: number, b: number): number {
  const h = ah >>> 0;
  let qh = 0, r = h;
  if (h >= b) {
    qh = Math.floor(h / b);
    r = h - qh * b;
  }
  let q: number;
  if (b < 2097152) {
    const x = r * S32 + (al >>> 0);
    q = Math.floor(x / b);
    r = x - q * b;
  } else {
    const x1 = r * 2097152 + (al >>> 11);
    const q1 = Math.floor(x1 / b);
    const x2 = (x1 - q1 * b) * 2048 + (al & 0x7ff);
    const q0 = Math.floor(x2 / b);
    r = x2 - q0 * b;
    q = q1 * 2048 + q0;
  }
  last.al = al;
  last.ah = ah;
  last.b = b;
  last.r = r;
  hiOut[0] = qh | 0;
  return q | 0;
}

export function rvDivu(al: number, ah: number, bl: number, bh: number): number {
  if ((bl | bh) === 0) {
    hiOut[0] = -1;
    return -1;
  }
  if (fitsU53(ah) && fitsU53(bh)) {
    return split(Math.floor(((ah >>> 0) * S32 + (al >>> 0)) / ((bh >>> 0) * S32 + (bl >>> 0))));
  }
  if (bh === 0) return divBy32(al, ah, bl >>> 0);
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
  if (fitsS53(ah) && fitsS53(bh)) {
    // the remainder takes the dividend's sign, as rem wants (MIN / -1 cannot occur here)
    const a = ah * S32 + (al >>> 0), b = bh * S32 + (bl >>> 0);
    return split(a - Math.trunc(a / b) * b);
  }
  const ql = sdiv64(al, ah, bl, bh);
  return remainder(al, ah, bl, bh, ql, hiOut[0]);
}

export function rvRemu(al: number, ah: number, bl: number, bh: number): number {
  if ((bl | bh) === 0) {
    hiOut[0] = ah;
    return al;
  }
  if (bh === 0) {
    const b = bl >>> 0;
    if (al !== last.al || ah !== last.ah || b !== last.b) divBy32(al, ah, b);
    hiOut[0] = 0;
    return last.r | 0;
  }
  if (fitsU53(ah) && fitsU53(bh)) {
    const a = (ah >>> 0) * S32 + (al >>> 0), b = (bh >>> 0) * S32 + (bl >>> 0);
    return split(a - Math.floor(a / b) * b);
  }
  const ql = udiv64(al, ah, bl, bh);
  return remainder(al, ah, bl, bh, ql, hiOut[0]);
}

export const runtime = { rvMulhsu, rvDiv, rvDivu, rvRem, rvRemu };
