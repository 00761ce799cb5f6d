// Runtime helpers for the rarer integer SIMD forms: shifts by a register amount,
// saturating 64-bit lanes, polynomial multiplies and 32-bit doubling high multiplies.
// Generated code calls them per lane as H.<name>; 64-bit results come back as the low
// word with the high word in H.hi[0], and saturation is collected by simdQcTake().
import { hi, mulhu32 } from '../../../translate/int64.js';

let qcPending = 0;

/** 1 if a helper saturated since the last call (and clears it). */
function simdQcTake(): number {
  const q = qcPending;
  qcPending = 0;
  return q;
}

/** Clamps an exact integer to the signed or unsigned range of `bits`, noting saturation. */
function clamp(v: number, signed: boolean, bits: number): number {
  const min = signed ? -(2 ** (bits - 1)) : 0;
  const max = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
  if (v > max) {
    qcPending = 1;
    return max;
  }
  if (v < min) {
    qcPending = 1;
    return min;
  }
  return v;
}

/** Flags of the shift helpers. */
export const SH_SIGNED = 1, SH_ROUND = 2, SH_SAT = 4;

/**
 * SSHL/USHL/SRSHL/URSHL/SQSHL/UQSHL/SQRSHL/UQRSHL on one lane of up to 32 bits: `a` is
 * the lane (sign- or zero-extended), `b` the shift lane (its low byte is a signed count).
 */
function simdShlReg(a: number, b: number, bits: number, flags: number): number {
  const sh = (b << 24) >> 24;
  let r: number;
  if (sh >= 0) {
    if (!(flags & SH_SAT)) return sh >= bits ? 0 : a << sh;
    r = a * 2 ** sh;
  } else {
    // Exact: the dividend is an integer and the divisor a power of two.
    r = Math.floor((flags & SH_ROUND ? a + 2 ** (-sh - 1) : a) / 2 ** -sh);
  }
  return flags & SH_SAT ? clamp(r, (flags & SH_SIGNED) !== 0, bits) : r;
}

/** PMUL on bytes: the low 8 bits of the carry-less product. */
function simdPmul8(a: number, b: number): number {
  let r = 0;
  for (let i = 0; i < 8; i++) if ((b >> i) & 1) r ^= a << i;
  return r & 255;
}

/** PMULL on bytes: the 16-bit carry-less product. */
function simdPmull8(a: number, b: number): number {
  let r = 0;
  for (let i = 0; i < 8; i++) if ((b >> i) & 1) r ^= a << i;
  return r;
}

/** Carry-less 32x32 product: low word returned, high word in hi[0]. */
function clmul32(a: number, b: number): number {
  let l = 0, h = 0;
  for (let i = 0; i < 32; i++) {
    if ((b >>> i) & 1) {
      l ^= a << i;
      if (i) h ^= a >>> (32 - i);
    }
  }
  hi[0] = h;
  return l;
}

/** PMULL/PMULL2 on 64-bit lanes: the 128-bit product of V`n`.d[i] and V`m`.d[i] into V`d`. */
function simdPmull64(v32: Int32Array, d: number, n: number, m: number, i: number): void {
  const a0 = v32[4 * n + 2 * i], a1 = v32[4 * n + 2 * i + 1];
  const b0 = v32[4 * m + 2 * i], b1 = v32[4 * m + 2 * i + 1];
  const w = [0, 0, 0, 0];
  const add = (lo: number, at: number): void => {
    w[at] ^= lo;
    w[at + 1] ^= hi[0];
  };
  add(clmul32(a0, b0), 0);
  add(clmul32(a0, b1), 1);
  add(clmul32(a1, b0), 1);
  add(clmul32(a1, b1), 2);
  for (let k = 0; k < 4; k++) v32[4 * d + k] = w[k];
}

/** SQDMULH/SQRDMULH on 32-bit lanes: high word of 2*a*b (rounded), saturated. */
function simdSqdmulh32(a: number, b: number, round: number): number {
  if (a === -0x80000000 && b === -0x80000000) {
    qcPending = 1;
    return 0x7fffffff;
  }
  // p = h * 2^32 + l exactly; the result is floor((2p + r) / 2^32).
  const h = (mulhu32(a, b) - (a < 0 ? b : 0) - (b < 0 ? a : 0)) | 0;
  const l = Math.imul(a, b) >>> 0;
  return (2 * h + Math.floor((2 * l + (round ? 2147483648 : 0)) / 4294967296)) | 0;
}

/**
 * SQRDMLAH (sub = 0) / SQRDMLSH on 32-bit lanes: d + floor((+-2ab + 2^31) / 2^32),
 * saturated. With a*b = h * 2^32 + l, the quotient is +-2h + floor((+-2l + 2^31) / 2^32).
 */
function simdSqrdmlah32(d: number, a: number, b: number, sub: number): number {
  const h = (mulhu32(a, b) - (a < 0 ? b : 0) - (b < 0 ? a : 0)) | 0;
  const l = Math.imul(a, b) >>> 0;
  const q = sub ? -2 * h + Math.floor((2147483648 - 2 * l) / 4294967296) : 2 * h + Math.floor((2 * l + 2147483648) / 4294967296);
  return clamp(d + q, true, 32) | 0;
}

// ---- 64-bit lanes (rare forms; BigInt keeps them short and exact) ----

const s64 = (l: number, h: number): bigint => (BigInt(h) << 32n) | BigInt(l >>> 0);
const u64 = (l: number, h: number): bigint => (BigInt(h >>> 0) << 32n) | BigInt(l >>> 0);

function ret64(v: bigint): number {
  hi[0] = Number(BigInt.asIntN(32, v >> 32n));
  return Number(BigInt.asIntN(32, v));
}

function sat(v: bigint, signed: boolean, bits: bigint): bigint {
  const min = signed ? -(1n << (bits - 1n)) : 0n;
  const max = signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
  if (v > max) {
    qcPending = 1;
    return max;
  }
  if (v < min) {
    qcPending = 1;
    return min;
  }
  return v;
}

/** Shift by a signed count with optional rounding, in infinite precision. */
function shiftBig(a: bigint, sh: number, round: boolean): bigint {
  if (sh >= 0) return a << BigInt(sh);
  const n = BigInt(-sh);
  return (round ? a + (1n << (n - 1n)) : a) >> n;
}

/** The 64-bit lane operations, by id (see I64 in simd-int.ts). */
const I64_OPS: ((al: number, ah: number, bl: number, bh: number) => bigint)[] = [
  /* 0 SQADD */ (al, ah, bl, bh) => sat(s64(al, ah) + s64(bl, bh), true, 64n),
  /* 1 UQADD */ (al, ah, bl, bh) => sat(u64(al, ah) + u64(bl, bh), false, 64n),
  /* 2 SQSUB */ (al, ah, bl, bh) => sat(s64(al, ah) - s64(bl, bh), true, 64n),
  /* 3 UQSUB */ (al, ah, bl, bh) => sat(u64(al, ah) - u64(bl, bh), false, 64n),
  /* 4 SSHL */ (al, ah, bl) => shiftBig(s64(al, ah), (bl << 24) >> 24, false),
  /* 5 USHL */ (al, ah, bl) => shiftBig(u64(al, ah), (bl << 24) >> 24, false),
  /* 6 SRSHL */ (al, ah, bl) => shiftBig(s64(al, ah), (bl << 24) >> 24, true),
  /* 7 URSHL */ (al, ah, bl) => shiftBig(u64(al, ah), (bl << 24) >> 24, true),
  /* 8 SQSHL */ (al, ah, bl) => sat(shiftBig(s64(al, ah), (bl << 24) >> 24, false), true, 64n),
  /* 9 UQSHL */ (al, ah, bl) => sat(shiftBig(u64(al, ah), (bl << 24) >> 24, false), false, 64n),
  /* 10 SQRSHL */ (al, ah, bl) => sat(shiftBig(s64(al, ah), (bl << 24) >> 24, true), true, 64n),
  /* 11 UQRSHL */ (al, ah, bl) => sat(shiftBig(u64(al, ah), (bl << 24) >> 24, true), false, 64n),
  /* 12 SUQADD (a = acc) */ (al, ah, bl, bh) => sat(s64(al, ah) + u64(bl, bh), true, 64n),
  /* 13 USQADD (a = acc) */ (al, ah, bl, bh) => sat(u64(al, ah) + s64(bl, bh), false, 64n),
  /* 14 SQABS */ (al, ah) => sat(s64(al, ah) < 0n ? -s64(al, ah) : s64(al, ah), true, 64n),
  /* 15 SQNEG */ (al, ah) => sat(-s64(al, ah), true, 64n),
  /* 16 SQSHL #imm */ (al, ah, bl) => sat(s64(al, ah) << BigInt(bl), true, 64n),
  /* 17 UQSHL #imm */ (al, ah, bl) => sat(u64(al, ah) << BigInt(bl), false, 64n),
  /* 18 SQSHLU #imm */ (al, ah, bl) => sat(s64(al, ah) << BigInt(bl), false, 64n),
  /* 19 SQSHRN */ (al, ah, bl) => sat(s64(al, ah) >> BigInt(bl), true, 32n),
  /* 20 UQSHRN */ (al, ah, bl) => sat(u64(al, ah) >> BigInt(bl), false, 32n),
  /* 21 SQRSHRN */ (al, ah, bl) => sat(shiftBig(s64(al, ah), -bl, true), true, 32n),
  /* 22 UQRSHRN */ (al, ah, bl) => sat(shiftBig(u64(al, ah), -bl, true), false, 32n),
  /* 23 SQSHRUN */ (al, ah, bl) => sat(s64(al, ah) >> BigInt(bl), false, 32n),
  /* 24 SQRSHRUN */ (al, ah, bl) => sat(shiftBig(s64(al, ah), -bl, true), false, 32n),
  /* 25 SQDMULL (b = two int32s) */ (_al, _ah, bl, bh) => sat(2n * BigInt(bl) * BigInt(bh), true, 64n),
  /* 26 SQDMLAL */ (al, ah, bl, bh) => sat(s64(al, ah) + sat(2n * BigInt(bl) * BigInt(bh), true, 64n), true, 64n),
  /* 27 SQDMLSL */ (al, ah, bl, bh) => sat(s64(al, ah) - sat(2n * BigInt(bl) * BigInt(bh), true, 64n), true, 64n),
];

/** One 64-bit lane operation (see I64_OPS): low word returned, high word in H.hi[0]. */
function simdI64(op: number, al: number, ah: number, bl: number, bh: number): number {
  return ret64(I64_OPS[op](al, ah, bl, bh));
}

export const intRuntime = {
  simdQcTake, simdShlReg, simdPmul8, simdPmull8, simdPmull64, simdSqdmulh32, simdSqrdmlah32, simdI64,
};
