// 64-bit integer building blocks for the riscv64 emitters, on int32 lo/hi halves held in
// JS expressions: sums, constant shifts and comparisons. Inputs of the expression
// builders must be plain locals, slot reads or literals (safe to repeat).
import type { Emitter } from '../../translate/emitter.js';
import type { Pair } from '../../translate/int64-emit.js';
import { hi, lo, setX } from './regs.js';

export { add64, sub64, asr64c, lsr64c, ror64c, shl64c, type Pair } from '../../translate/int64-emit.js';

export const reg = (e: Emitter, n: number): Pair => ({ lo: lo(e, n), hi: hi(e, n) });
/** A sign-extended 32-bit constant as a pair. */
export const constPair = (v: number): Pair => ({ lo: String(v | 0), hi: (v | 0) < 0 ? '-1' : '0' });
/** The low word of x zero-extended (the .uw operand of Zba). */
export const zext32 = (x: Pair): Pair => ({ lo: x.lo, hi: '0' });

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
