// 64-bit integer code generation on int32 lo/hi halves, shared by the targets: sums into
// temps and constant shifts as expressions. Inputs of the expression builders must be
// plain locals, slot reads or literals (they may be repeated).
import type { Emitter } from './emitter.js';

/** A 64-bit value as two JS expressions for its int32 halves. */
export interface Pair {
  lo: string;
  hi: string;
}

/** a + b into fresh temps. */
export function add64(e: Emitter, a: Pair, b: Pair): { code: string } & Pair {
  const l = e.tmp(), h = e.tmp();
  if (a.hi === '0' && b.hi === '0') {
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

/** The 32 bits starting at bit s (0..31) of hi:lo. */
export function funnel(lo: string, hi: string, s: number): string {
  return s === 0 ? lo : `((${lo} >>> ${s}) | (${hi} << ${32 - s}))`;
}

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
  if (n < 32) return { lo: funnel(x.lo, x.hi, n), hi: funnel(x.hi, x.lo, n) };
  return { lo: funnel(x.hi, x.lo, n - 32), hi: funnel(x.lo, x.hi, n - 32) };
}
