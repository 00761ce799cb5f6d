// Bit-pattern helpers for the data-processing emitters: DecodeBitMasks (logical
// immediates) at translate time, and JS expressions for constant shifts of 64-bit values
// held as int32 lo/hi pairs.
import { asr64c, funnel, lsr64c, ror64c, shl64c, type Pair } from '../../translate/int64-emit.js';

/** A 64-bit constant as int32 halves. */
export interface ConstPair {
  lo: number;
  hi: number;
}

/** Rotates a 64-bit constant right by r (0..63). */
function rorConst(v: ConstPair, r: number): ConstPair {
  let { lo, hi } = v;
  if (r >= 32) [lo, hi] = [hi, lo];
  const s = r & 31;
  if (s === 0) return { lo, hi };
  return { lo: (lo >>> s) | (hi << (32 - s)), hi: (hi >>> s) | (lo << (32 - s)) };
}

/** The low `n` bits set (n in 0..64). */
export function onesConst(n: number): ConstPair {
  if (n >= 64) return { lo: -1, hi: -1 };
  if (n >= 32) return { lo: -1, hi: n === 32 ? 0 : -1 >>> (64 - n) | 0 };
  return { lo: n === 0 ? 0 : (-1 >>> (32 - n)) | 0, hi: 0 };
}

/**
 * The logical-immediate mask (Arm ARM DecodeBitMasks with immediate = TRUE), for a
 * 32-bit (hi = 0) or 64-bit datasize; null for a reserved encoding.
 */
export function decodeBitMasks(n: number, imms: number, immr: number, datasize: 32 | 64): ConstPair | null {
  const combined = (n << 6) | (~imms & 0x3f);
  if (combined === 0) return null;
  const len = 31 - Math.clz32(combined);
  if (len < 1) return null;
  const esize = 1 << len;
  if (esize > datasize) return null;
  const levels = esize - 1;
  const s = imms & levels;
  const r = immr & levels;
  if (s === levels) return null; // all ones is not encodable
  if (esize === 64) return rorConst(onesConst(s + 1), r);
  // s + 1 < esize <= 32: rotate within the element, then replicate it to 32 bits
  const elem = (-1 >>> (32 - (s + 1))) >>> 0;
  const emask = esize === 32 ? 0xffffffff : (1 << esize) - 1;
  let v = r === 0 ? elem : ((elem >>> r) | (elem << (esize - r))) & emask;
  for (let w = esize; w < 32; w *= 2) v |= v << w;
  v |= 0;
  return { lo: v, hi: datasize === 64 ? v : 0 };
}

/**
 * Arm ARM MoveWidePreferred: whether a logical immediate could also be written with
 * MOVZ or MOVN (then ORR Rd, ZR, #imm is not disassembled as MOV). That is the case
 * exactly when the value, or its complement, has all its ones in one aligned halfword.
 */
export function moveWidePreferred(v: ConstPair, sf: number): boolean {
  const halves = (lo: number, hi: number): number[] =>
    sf ? [lo & 0xffff, lo >>> 16, hi & 0xffff, hi >>> 16] : [lo & 0xffff, lo >>> 16];
  const single = (hw: number[]): boolean => hw.filter((h) => h !== 0).length <= 1;
  return single(halves(v.lo, v.hi)) || single(halves(~v.lo, ~v.hi));
}

/** Unsigned hex of a constant of the datasize, as objdump prints immediates. */
export function constHex(v: ConstPair, sf: number): string {
  const lo = (v.lo >>> 0).toString(16);
  if (!sf || v.hi === 0) return `0x${lo}`;
  return `0x${(v.hi >>> 0).toString(16)}${lo.padStart(8, '0')}`;
}

// ---- constant shifts as JS expressions; inputs must be plain locals or literals ----

/** A 32-bit value shifted by a constant: type 0 LSL, 1 LSR, 2 ASR, 3 ROR. */
export function shift32c(x: string, type: number, n: number): string {
  if (n === 0) return x;
  switch (type) {
    case 0: return `(${x} << ${n})`;
    case 1: return `(${x} >>> ${n})`;
    case 2: return `(${x} >> ${n})`;
    default: return funnel(x, x, n);
  }
}

/** A 64-bit value shifted by a constant: type 0 LSL, 1 LSR, 2 ASR, 3 ROR. */
export function shift64c(x: Pair, type: number, n: number): Pair {
  switch (type) {
    case 0: return shl64c(x, n);
    case 1: return lsr64c(x, n);
    case 2: return asr64c(x, n);
    default: return ror64c(x, n);
  }
}

/** Whether an expression is a plain local or literal (safe to repeat). */
export const isSimple = (expr: string): boolean => /^(-?\d+|[A-Za-z_$][\w$]*)$/.test(expr);
