// 64-bit integer building blocks for the riscv64 emitters, on int32 lo/hi halves held in
// JS expressions: sums, constant shifts and comparisons. Inputs of the expression
// builders must be plain locals, slot reads or literals (safe to repeat).
import type { Emitter } from '../../translate/emitter.js';
import { hi, lo, setX } from './regs.js';

export interface Pair {
  lo: string;
  hi: string;
}

export const reg = (e: Emitter, n: number): Pair => ({ lo: lo(e, n), hi: hi(e, n) });
/** A sign-extended 32-bit constant as a pair. */
export const constPair = (v: number): Pair => ({ lo: String(v | 0), hi: (v | 0) < 0 ? '-1' : '0' });
/** The low word of x zero-extended (the .uw operand of Zba). */
export const zext32 = (x: Pair): Pair => ({ lo: x.lo, hi: '0' });

/** a + b into fresh temps. */
export function add64(e: Emitter, a: Pair, b: Pair): { code: string } & Pair {
  const l = e.tmp(), h = e.tmp();
  if (b.hi === '0' && a.hi === '0') {
    return { code: `${l} = (${a.lo} + ${b.lo}) | 0; ${h} = (${l} >>> 0) < (${a.lo} >>> 0) ? 1 : 0;`, lo: l, hi: h };
  }
  const code = `${l} = (${a.lo} + ${b.lo}) | 0; ${h} = (${a.hi} + ${b.hi} + ((${l} >>> 0) < (${a.lo} >>> 0) ? 1 : 0)) | 0;`;
  return { code, lo: l, hi: h };
}

/** a - b into fresh temps. */
export function sub64(e: Emitter, a: Pair, b: Pair): { code: string } & Pair {
  const l = e.tmp(), h = e.tmp();
  const code = `${l} = (${a.lo} - ${b.lo}) | 0; ${h} = (${a.hi} - ${b.hi} - ((${a.lo} >>> 0) < (${b.lo} >>> 0) ? 1 : 0)) | 0;`;
  return { code, lo: l, hi: h };
}

/**
 * xd = xs + imm for a 12-bit (or any int32) constant: the high half first, from the old
 * low half compared with a constant, so rd = rs needs no temp (addi sp, sp, -16).
 */
export function addImm(e: Emitter, rd: number, rs: number, imm: number): string {
  if (rd === 0) return '';
  const l = lo(e, rs), h = hi(e, rs);
  if (imm === 0) return setX(e, rd, l, h);
  if (rs === 0) return setX(e, rd, String(imm | 0), imm < 0 ? '-1' : '0');
  // carry out of the low word: l + imm >= 2^32 (imm > 0); borrow: l < -imm (imm < 0)
  const newHi = imm > 0
    ? `(${l} >>> 0) >= ${2 ** 32 - imm} ? (${h} + 1) | 0 : ${h}`
    : `(${l} >>> 0) < ${-imm} ? (${h} - 1) | 0 : ${h}`;
  const newLo = `(${l} + ${imm}) | 0`;
  // the low half is written last: it reads only the old low half
  return `${e.assign(2 * rd + 1, newHi)} ${e.assign(2 * rd, newLo)}`;
}

// ---- constant shifts; inputs must be simple ----

/** The 32 bits starting at bit s (1..31) of hi:lo. */
export const funnel = (l: string, h: string, s: number): string => `((${l} >>> ${s}) | (${h} << ${32 - s}))`;

export function shl64c(x: Pair, n: number): Pair {
  if (n === 0) return x;
  if (n < 32) return { lo: `(${x.lo} << ${n})`, hi: funnel(x.lo, x.hi, 32 - n) };
  return { lo: '0', hi: n === 32 ? x.lo : `(${x.lo} << ${n - 32})` };
}

export function lsr64c(x: Pair, n: number): Pair {
  if (n === 0) return x;
  if (n < 32) return { lo: funnel(x.lo, x.hi, n), hi: `(${x.hi} >>> ${n})` };
  return { lo: n === 32 ? x.hi : `(${x.hi} >>> ${n - 32})`, hi: '0' };
}

export function asr64c(x: Pair, n: number): Pair {
  if (n === 0) return x;
  if (n < 32) return { lo: funnel(x.lo, x.hi, n), hi: `(${x.hi} >> ${n})` };
  return { lo: n === 32 ? x.hi : `(${x.hi} >> ${n - 32})`, hi: `(${x.hi} >> 31)` };
}

export function ror64c(x: Pair, n: number): Pair {
  if (n === 0) return x;
  if (n === 32) return { lo: x.hi, hi: x.lo };
  if (n < 32) return { lo: funnel(x.lo, x.hi, n), hi: funnel(x.hi, x.lo, n) };
  return { lo: funnel(x.hi, x.lo, n - 32), hi: funnel(x.lo, x.hi, n - 32) };
}

// ---- variable shifts by the low 6 bits of m (JS masks 32-bit counts to 0..31 itself) ----
// (x << 1) << ~m is x << (32 - m) that also works for m = 0.

export const shl64v = (x: Pair, m: string): Pair => ({
  lo: `(${m} & 32 ? 0 : ${x.lo} << ${m})`,
  hi: `(${m} & 32 ? ${x.lo} << ${m} : (${x.hi} << ${m}) | ((${x.lo} >>> 1) >>> ~${m}))`,
});

export const lsr64v = (x: Pair, m: string): Pair => ({
  lo: `(${m} & 32 ? ${x.hi} >>> ${m} : (${x.lo} >>> ${m}) | ((${x.hi} << 1) << ~${m})) | 0`,
  hi: `(${m} & 32 ? 0 : (${x.hi} >>> ${m}) | 0)`,
});

export const asr64v = (x: Pair, m: string): Pair => ({
  lo: `(${m} & 32 ? ${x.hi} >> ${m} : (${x.lo} >>> ${m}) | ((${x.hi} << 1) << ~${m}))`,
  hi: `(${m} & 32 ? ${x.hi} >> 31 : ${x.hi} >> ${m})`,
});

// ---- comparisons as JS boolean expressions; inputs must be simple ----

export const eq64 = (a: Pair, b: Pair): string => {
  if (b.lo === '0' && b.hi === '0') return `(${a.lo} | ${a.hi}) === 0`;
  if (a.lo === '0' && a.hi === '0') return `(${b.lo} | ${b.hi}) === 0`;
  return `${a.lo} === ${b.lo} && ${a.hi} === ${b.hi}`;
};

/** Signed a < b. */
export const lt64 = (a: Pair, b: Pair): string => {
  if (b.lo === '0' && b.hi === '0') return `${a.hi} < 0`;
  if (a.lo === '0' && a.hi === '0') return `(${b.hi} > 0 || (${b.hi} === 0 && ${b.lo} !== 0))`;
  return `(${a.hi} < ${b.hi} || (${a.hi} === ${b.hi} && (${a.lo} >>> 0) < (${b.lo} >>> 0)))`;
};

/** Unsigned a < b. */
export const ltu64 = (a: Pair, b: Pair): string => {
  if (b.lo === '0' && b.hi === '0') return 'false';
  if (a.lo === '0' && a.hi === '0') return `(${b.lo} | ${b.hi}) !== 0`;
  return `((${a.hi} >>> 0) < (${b.hi} >>> 0) || (${a.hi} === ${b.hi} && (${a.lo} >>> 0) < (${b.lo} >>> 0)))`;
};
