// Number-based building blocks for the FP fast paths. JS numbers are IEEE binary64 in
// round-to-nearest-even, which matches the default mode of Arm and RISC-V for +, -, *, /, sqrt; these
// helpers cover what JS lacks: a correctly rounded fused multiply-add, round half to
// even and half away from zero.

const F64 = new Float64Array(1);
/** The two 32-bit halves of F64[0]: [0] is the low word on the little-endian hosts Node runs on. */
const I32 = new Int32Array(F64.buffer);
if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error('ieee-fast assumes a little-endian host');

/**
 * x + y rounded to odd (the neighbour with an odd last bit when the sum is inexact),
 * from the round-to-nearest sum and its exact TwoSum error. Non-finite sums pass through.
 */
export function addRoundOdd(x: number, y: number): number {
  const s = x + y;
  const bb = s - x;
  const err = x - (s - bb) + (y - bb);
  if (!(err < 0 || err > 0)) return s; // exact, or not finite (err is NaN)
  F64[0] = s;
  if ((I32[0] & 1) !== 0) return s;
  // s is even: the odd neighbour lies one step toward the exact sum (s is never 0 here).
  if (err > 0 === s > 0) {
    I32[0] |= 1;
  } else {
    if (I32[0] === 0) I32[1] = (I32[1] - 1) | 0;
    I32[0] = (I32[0] - 1) | 0;
  }
  return F64[0];
}

const SPLIT = 134217729; // 2^27 + 1 (Veltkamp splitting into 26 + 27 bits)
const BIG = 2 ** 1021;
const SPLIT_MAX = 2 ** 995;
/** Below this a product's TwoProduct error may not be representable. */
const TINY = 2 ** -968;

/**
 * Correctly rounded a * b + c in binary64 (round to nearest even), or NaN when the
 * operands are outside the range where the algorithm is proven exact (huge or tiny
 * magnitudes, non-finite values): the caller then takes the exact slow path.
 *
 * Boldo & Melquiond, "Emulation of FMA and correctly rounded sums: proved algorithms
 * using rounding to odd" (IEEE TC 2008): with uh + ul = a*b exactly (Dekker's
 * TwoProduct) and th + tl = c + uh exactly (TwoSum), RN(th + RO(tl + ul)) = RN(a*b + c).
 */
export function fmaD(a: number, b: number, c: number): number {
  const p = a * b;
  const ap = Math.abs(p);
  if (!(ap >= TINY && ap < BIG && Math.abs(a) < SPLIT_MAX && Math.abs(b) < SPLIT_MAX && Math.abs(c) < BIG)) {
    // An exact zero product adds exactly (IEEE signed-zero rules); the rest is the slow path's.
    return p === 0 && (a === 0 || b === 0) ? c + p : NaN;
  }
  // TwoProduct (Dekker, Veltkamp splitting): p + ul = a * b exactly.
  let t = SPLIT * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b), bl = b - bh;
  const ul = ah * bh - p + ah * bl + al * bh + al * bl;
  // TwoSum: th + tl = c + p exactly.
  const th = c + p;
  const bb = th - c;
  const tl = c - (th - bb) + (p - bb);
  const r = th + addRoundOdd(tl, ul);
  if ((Math.abs(r) < TINY && r !== 0) || (Math.abs(th) < TINY && th !== 0)) return NaN;
  return r;
}

/**
 * The exact error a*b - p of the rounded product p = a*b (Dekker's TwoProduct with
 * Veltkamp splitting), or NaN when it may not be exact: huge operands (the split
 * overflows), or a product so small its error is below the denormal range.
 */
export function productError(a: number, b: number, p: number): number {
  if (p === 0) return a === 0 || b === 0 ? 0 : NaN;
  const ap = Math.abs(p);
  if (!(ap < BIG && ap >= TINY && Math.abs(a) < SPLIT_MAX && Math.abs(b) < SPLIT_MAX)) return NaN;
  let t = SPLIT * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b), bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/** The exact error of the rounded sum s = a + b (Knuth's TwoSum; exact barring overflow). */
export function sumError(a: number, b: number, s: number): number {
  const bb = s - a;
  return a - (s - bb) + (b - bb);
}

/**
 * Correctly rounded a * b + c for binary32 operands: the product is exact in binary64
 * and rounding the sum to odd first makes the final rounding to binary32 exact
 * (53 >= 24 + 2 bits). Non-finite operands give a non-finite result.
 */
export function fmaS(a: number, b: number, c: number): number {
  return Math.fround(addRoundOdd(a * b, c));
}

/** The double after (up) or before a finite non-zero x. */
export function nextDouble(x: number, up: boolean): number {
  F64[0] = x;
  if (x > 0 === up) {
    I32[0] = (I32[0] + 1) | 0;
    if (I32[0] === 0) I32[1] = (I32[1] + 1) | 0;
  } else {
    if (I32[0] === 0) I32[1] = (I32[1] - 1) | 0;
    I32[0] = (I32[0] - 1) | 0;
  }
  return F64[0];
}

const F32 = new Float32Array(1);
const S32 = new Int32Array(F32.buffer);

/** The single after (up) or before a finite non-zero single x. */
export function nextSingle(x: number, up: boolean): number {
  F32[0] = x;
  S32[0] = (S32[0] + (x > 0 === up ? 1 : -1)) | 0;
  return F32[0];
}

/** Round to integral, ties to even (FRINTN, FCVTN*); keeps the sign of zero. */
export function roundEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Round to integral, ties away from zero (FRINTA, FCVTA*). */
export function roundAway(x: number): number {
  const r = Math.round(x);
  return x < 0 && r - x === 0.5 ? r - 1 : r;
}
