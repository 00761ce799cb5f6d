// Arm floating-point semantics, exact: the ARM ARM's FPUnpack / FPRound / FPProcessNaNs
// family and the operations built on them, on bit patterns held in BigInts, for the
// scalar FP and the Advanced SIMD instructions alike (the reciprocal estimates live in
// estimate.ts, on the same unpacking). Every result is computed exactly (BigInt
// mantissas, with a sticky bit for division and square root) and rounded once, honouring
// FPCR.{RMode, FZ, FZ16, DN, AHP} and raising the FPSR cumulative flags in fpExc. This is
// the slow path behind the inline fast paths and the reference they are tested against;
// it is not meant for hot loops.

export interface FpFormat {
  /** Total bits. */
  readonly N: 16 | 32 | 64;
  /** Exponent bits. */
  readonly E: number;
  /** Fraction bits. */
  readonly F: number;
  /** Exponent of the smallest normal number (1 - bias). */
  readonly minExp: number;
  readonly bias: number;
}

const format = (N: 16 | 32 | 64, E: number): FpFormat => {
  const bias = 2 ** (E - 1) - 1;
  return { N, E, F: N - E - 1, minExp: 1 - bias, bias };
};
export const FP16 = format(16, 5);
export const FP32 = format(32, 8);
export const FP64 = format(64, 11);
/** BFloat16: single precision's exponent with 7 fraction bits; FZ (not FZ16) and no AHP apply. */
export const BF16 = format(16, 8);

/** IEEE half precision (FZ16 and AHP apply to it, not to BFloat16). */
const isHalf = (f: FpFormat): boolean => f.E === 5;

export const FPCR_AHP = 1 << 26;
export const FPCR_DN = 1 << 25;
export const FPCR_FZ = 1 << 24;
export const FPCR_FZ16 = 1 << 19;
export const FPCR_RMODE_SHIFT = 22;

export const FPSR_IOC = 1;
export const FPSR_DZC = 2;
export const FPSR_OFC = 4;
export const FPSR_UFC = 8;
export const FPSR_IXC = 16;
export const FPSR_IDC = 128;

export const enum Rounding {
  TieEven = 0,
  PosInf = 1,
  NegInf = 2,
  Zero = 3,
  TieAway = 4,
  /** Round to odd (FCVTXN); overflow gives the largest finite number. */
  Odd = 5,
  /** Round to odd with overflow to infinity (the BFloat16 dot products without FEAT_EBF16). */
  OddInf = 6,
}

/** FPCR.RMode as a rounding. */
export const fpcrRounding = (fpcr: number): Rounding => ((fpcr >>> FPCR_RMODE_SHIFT) & 3) as Rounding;

/** FPSR cumulative flags raised by the operations since the caller last cleared them. */
export const fpExc = { flags: 0 };

export const enum FpType {
  Zero,
  /** Normal or denormal. */
  Finite,
  Inf,
  QNaN,
  SNaN,
}

/** An unpacked operand: finite values are (-1)^sign * mant * 2^exp exactly. */
export interface Unpacked {
  readonly type: FpType;
  readonly sign: number;
  readonly mant: bigint;
  readonly exp: number;
}

const big = BigInt;
const ones = (n: number): bigint => (1n << big(n)) - 1n;
const maxBiased = (f: FpFormat): number => 2 ** f.E - 1;

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/** FPUnpack (cv = false: AHP ignored, FZ16 applies) or FPUnpackCV (cv = true: AHP applies, FZ16 ignored). */
export function unpack(f: FpFormat, bits: bigint, fpcr: number, cv = false): Unpacked {
  const sign = Number((bits >> big(f.N - 1)) & 1n);
  const e = Number((bits >> big(f.F)) & ones(f.E));
  const frac = bits & ones(f.F);
  const ahp = cv && isHalf(f) && (fpcr & FPCR_AHP) !== 0;
  if (e === 0) {
    if (frac === 0n) return { type: FpType.Zero, sign, mant: 0n, exp: 0 };
    const flush = isHalf(f) ? !cv && (fpcr & FPCR_FZ16) !== 0 : (fpcr & FPCR_FZ) !== 0;
    if (flush) {
      // Half-precision inputs flush silently; single and double raise Input Denormal.
      if (!isHalf(f)) fpExc.flags |= FPSR_IDC;
      return { type: FpType.Zero, sign, mant: 0n, exp: 0 };
    }
    return { type: FpType.Finite, sign, mant: frac, exp: f.minExp - f.F };
  }
  if (e === maxBiased(f) && !ahp) {
    if (frac === 0n) return { type: FpType.Inf, sign, mant: 0n, exp: 0 };
    const quiet = (frac >> big(f.F - 1)) & 1n;
    return { type: quiet ? FpType.QNaN : FpType.SNaN, sign, mant: 0n, exp: 0 };
  }
  return { type: FpType.Finite, sign, mant: frac | (1n << big(f.F)), exp: e - f.bias - f.F };
}

export const isNaN = (u: Unpacked): boolean => u.type === FpType.QNaN || u.type === FpType.SNaN;

export const fpZero = (f: FpFormat, sign: number): bigint => big(sign) << big(f.N - 1);
export const fpInfinity = (f: FpFormat, sign: number): bigint => fpZero(f, sign) | (ones(f.E) << big(f.F));
export const fpMaxNormal = (f: FpFormat, sign: number): bigint =>
  fpZero(f, sign) | (big(maxBiased(f) - 1) << big(f.F)) | ones(f.F);
export const fpDefaultNaN = (f: FpFormat): bigint => (ones(f.E) << big(f.F)) | (1n << big(f.F - 1));
export const fpNeg = (f: FpFormat, bits: bigint): bigint => bits ^ (1n << big(f.N - 1));
export const fpAbs = (f: FpFormat, bits: bigint): bigint => bits & ones(f.N - 1);

/** FPProcessNaN: quietens a signalling NaN (Invalid Operation), or the default NaN under FPCR.DN. */
export function processNaN(f: FpFormat, u: Unpacked, bits: bigint, fpcr: number): bigint {
  let r = bits;
  if (u.type === FpType.SNaN) {
    r |= 1n << big(f.F - 1);
    fpExc.flags |= FPSR_IOC;
  }
  return fpcr & FPCR_DN ? fpDefaultNaN(f) : r;
}

/** FPProcessNaNs / FPProcessNaNs3: signalling NaNs first, then quiet ones, in operand order. */
function processNaNs(f: FpFormat, ops: readonly [Unpacked, bigint][], fpcr: number): bigint | null {
  for (const [u, bits] of ops) if (u.type === FpType.SNaN) return processNaN(f, u, bits, fpcr);
  for (const [u, bits] of ops) if (u.type === FpType.QNaN) return processNaN(f, u, bits, fpcr);
  return null;
}

/**
 * FPRoundBase: rounds (-1)^sign * (mant + sticky) * 2^exp, mant > 0. When `sticky` is set
 * (a non-zero remainder below mant's last bit) mant must carry at least F+3 bits.
 * cv selects FPRoundCV (FZ16 ignored, AHP honoured for half).
 */
export function round(f: FpFormat, sign: number, mant: bigint, exp: number, sticky: boolean, fpcr: number, rounding: Rounding, cv = false): bigint {
  const exponent = exp + bitLength(mant) - 1;
  const flush = isHalf(f) ? !cv && (fpcr & FPCR_FZ16) !== 0 : (fpcr & FPCR_FZ) !== 0;
  if (flush && exponent < f.minExp) {
    fpExc.flags |= FPSR_UFC;
    return fpZero(f, sign);
  }
  let biasedExp = Math.max(exponent - f.minExp + 1, 0);
  const shift = (biasedExp > 0 ? exponent : f.minExp) - f.F - exp;
  let intMant: bigint;
  let inexact = sticky;
  let aboveHalf = false;
  let atHalf = false;
  if (shift <= 0) {
    if (sticky) throw new Error('round: sticky bit without guard bits');
    intMant = mant << big(-shift);
  } else {
    const s = big(shift);
    intMant = mant >> s;
    const rem = mant & ones(shift);
    const half = 1n << (s - 1n);
    inexact = rem !== 0n || sticky;
    aboveHalf = rem > half || (rem === half && sticky);
    atHalf = rem === half && !sticky;
  }
  if (biasedExp === 0 && inexact) fpExc.flags |= FPSR_UFC;
  let roundUp: boolean;
  let overflowToInf: boolean;
  switch (rounding) {
    case Rounding.TieEven:
      roundUp = aboveHalf || (atHalf && (intMant & 1n) === 1n);
      overflowToInf = true;
      break;
    case Rounding.TieAway:
      roundUp = aboveHalf || atHalf;
      overflowToInf = true;
      break;
    case Rounding.PosInf:
      roundUp = inexact && sign === 0;
      overflowToInf = sign === 0;
      break;
    case Rounding.NegInf:
      roundUp = inexact && sign === 1;
      overflowToInf = sign === 1;
      break;
    case Rounding.OddInf:
      roundUp = false;
      overflowToInf = true;
      break;
    default:
      roundUp = false;
      overflowToInf = false;
  }
  if (roundUp) {
    intMant++;
    if (intMant === 1n << big(f.F)) biasedExp = 1; // a denormal rounded up to the smallest normal
    if (intMant === 1n << big(f.F + 1)) {
      biasedExp++;
      intMant >>= 1n;
    }
  }
  if (inexact && (rounding === Rounding.Odd || rounding === Rounding.OddInf)) intMant |= 1n;
  let result: bigint;
  if (isHalf(f) && cv && (fpcr & FPCR_AHP) !== 0) {
    // Alternative half precision: no infinities; out-of-range values saturate with Invalid Operation.
    if (biasedExp >= 2 ** f.E) {
      result = fpZero(f, sign) | ones(f.N - 1);
      fpExc.flags |= FPSR_IOC;
      inexact = false;
    } else {
      result = fpZero(f, sign) | (big(biasedExp) << big(f.F)) | (intMant & ones(f.F));
    }
  } else if (biasedExp >= maxBiased(f)) {
    result = overflowToInf ? fpInfinity(f, sign) : fpMaxNormal(f, sign);
    fpExc.flags |= FPSR_OFC;
    inexact = true;
  } else {
    result = fpZero(f, sign) | (big(biasedExp) << big(f.F)) | (intMant & ones(f.F));
  }
  if (inexact) fpExc.flags |= FPSR_IXC;
  return result;
}

/** A signed exact value v * 2^exp (v a BigInt, possibly negative). */
interface Exact {
  v: bigint;
  exp: number;
}

const signed = (u: Unpacked): Exact => ({ v: u.sign ? -u.mant : u.mant, exp: u.exp });

function addExact(a: Exact, b: Exact): Exact {
  if (a.v === 0n) return b;
  if (b.v === 0n) return a;
  const e = Math.min(a.exp, b.exp);
  return { v: (a.v << big(a.exp - e)) + (b.v << big(b.exp - e)), exp: e };
}

/** Rounds an exact sum; an exact zero gets the sign the rounding mode gives it. */
function roundSum(f: FpFormat, s: Exact, fpcr: number, rounding: Rounding): bigint {
  if (s.v === 0n) return fpZero(f, rounding === Rounding.NegInf ? 1 : 0);
  return round(f, s.v < 0n ? 1 : 0, s.v < 0n ? -s.v : s.v, s.exp, false, fpcr, rounding);
}

/** FPAdd (sub = false) and FPSub; the rounding is FPCR's unless given. */
export function fpAdd(f: FpFormat, a: bigint, b: bigint, fpcr: number, sub = false, rounding = fpcrRounding(fpcr)): bigint {
  const ua = unpack(f, a, fpcr);
  let ub = unpack(f, b, fpcr);
  const nan = processNaNs(f, [[ua, a], [ub, b]], fpcr);
  if (nan !== null) return nan;
  if (sub) ub = { ...ub, sign: ub.sign ^ 1 };
  const infA = ua.type === FpType.Inf, infB = ub.type === FpType.Inf;
  if (infA && infB && ua.sign !== ub.sign) {
    fpExc.flags |= FPSR_IOC;
    return fpDefaultNaN(f);
  }
  if (infA) return fpInfinity(f, ua.sign);
  if (infB) return fpInfinity(f, ub.sign);
  if (ua.type === FpType.Zero && ub.type === FpType.Zero && ua.sign === ub.sign) return fpZero(f, ua.sign);
  return roundSum(f, addExact(signed(ua), signed(ub)), fpcr, rounding);
}

/** 2.0 and 1.5 (FPTwo, FPOnePointFive). */
const fpTwo = (f: FpFormat, sign: number): bigint => fpZero(f, sign) | (big(f.bias + 1) << big(f.F));
const fpOnePointFive = (f: FpFormat, sign: number): bigint =>
  fpZero(f, sign) | (big(f.bias) << big(f.F)) | (1n << big(f.F - 1));

/**
 * FPMul; `mulx` gives FPMulX (infinity times zero is 2.0 with the product's sign). The
 * rounding is FPCR's unless given.
 */
export function fpMul(f: FpFormat, a: bigint, b: bigint, fpcr: number, mulx = false, rounding = fpcrRounding(fpcr)): bigint {
  const ua = unpack(f, a, fpcr), ub = unpack(f, b, fpcr);
  const nan = processNaNs(f, [[ua, a], [ub, b]], fpcr);
  if (nan !== null) return nan;
  const sign = ua.sign ^ ub.sign;
  const infA = ua.type === FpType.Inf, infB = ub.type === FpType.Inf;
  const zeroA = ua.type === FpType.Zero, zeroB = ub.type === FpType.Zero;
  if ((infA && zeroB) || (zeroA && infB)) {
    if (mulx) return fpTwo(f, sign);
    fpExc.flags |= FPSR_IOC;
    return fpDefaultNaN(f);
  }
  if (infA || infB) return fpInfinity(f, sign);
  if (zeroA || zeroB) return fpZero(f, sign);
  return round(f, sign, ua.mant * ub.mant, ua.exp + ub.exp, false, fpcr, rounding);
}

/** FPDiv. */
export function fpDiv(f: FpFormat, a: bigint, b: bigint, fpcr: number): bigint {
  const ua = unpack(f, a, fpcr), ub = unpack(f, b, fpcr);
  const nan = processNaNs(f, [[ua, a], [ub, b]], fpcr);
  if (nan !== null) return nan;
  const sign = ua.sign ^ ub.sign;
  const infA = ua.type === FpType.Inf, infB = ub.type === FpType.Inf;
  const zeroA = ua.type === FpType.Zero, zeroB = ub.type === FpType.Zero;
  if ((infA && infB) || (zeroA && zeroB)) {
    fpExc.flags |= FPSR_IOC;
    return fpDefaultNaN(f);
  }
  if (infA || zeroB) {
    if (!infA) fpExc.flags |= FPSR_DZC;
    return fpInfinity(f, sign);
  }
  if (zeroA || infB) return fpZero(f, sign);
  // Quotient with at least F+3 bits, remainder folded into the sticky bit.
  const k = Math.max(0, f.F + 4 + bitLength(ub.mant) - bitLength(ua.mant));
  const num = ua.mant << big(k);
  const q = num / ub.mant;
  return round(f, sign, q, ua.exp - ub.exp - k, q * ub.mant !== num, fpcr, fpcrRounding(fpcr));
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << big(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** FPSqrt. */
export function fpSqrt(f: FpFormat, a: bigint, fpcr: number): bigint {
  const ua = unpack(f, a, fpcr);
  if (isNaN(ua)) return processNaN(f, ua, a, fpcr);
  if (ua.type === FpType.Zero) return fpZero(f, ua.sign);
  if (ua.type === FpType.Inf && ua.sign === 0) return fpInfinity(f, 0);
  if (ua.sign === 1) {
    fpExc.flags |= FPSR_IOC;
    return fpDefaultNaN(f);
  }
  let m = ua.mant, e = ua.exp;
  if (e & 1) {
    m <<= 1n;
    e -= 1;
  }
  // Scale by 4^k so the root has at least F+3 bits.
  const k = Math.max(0, Math.ceil((2 * (f.F + 4) - bitLength(m)) / 2));
  const n = m << big(2 * k);
  const r = isqrt(n);
  return round(f, 0, r, e / 2 - k, r * r !== n, fpcr, fpcrRounding(fpcr));
}

/** FPMulAdd: addend + op1 * op2, rounded once. */
export function fpMulAdd(f: FpFormat, addend: bigint, op1: bigint, op2: bigint, fpcr: number): bigint {
  const ua = unpack(f, addend, fpcr), u1 = unpack(f, op1, fpcr), u2 = unpack(f, op2, fpcr);
  const inf1 = u1.type === FpType.Inf, inf2 = u2.type === FpType.Inf;
  const zero1 = u1.type === FpType.Zero, zero2 = u2.type === FpType.Zero;
  const nan = processNaNs(f, [[ua, addend], [u1, op1], [u2, op2]], fpcr);
  // A quiet NaN addend does not hide the invalid 0 * inf.
  if (ua.type === FpType.QNaN && ((inf1 && zero2) || (zero1 && inf2))) {
    fpExc.flags |= FPSR_IOC;
    return fpDefaultNaN(f);
  }
  if (nan !== null) return nan;
  const infA = ua.type === FpType.Inf, zeroA = ua.type === FpType.Zero;
  const signP = u1.sign ^ u2.sign, infP = inf1 || inf2, zeroP = zero1 || zero2;
  if ((inf1 && zero2) || (zero1 && inf2) || (infA && infP && ua.sign !== signP)) {
    fpExc.flags |= FPSR_IOC;
    return fpDefaultNaN(f);
  }
  if ((infA && ua.sign === 0) || (infP && signP === 0)) return fpInfinity(f, 0);
  if ((infA && ua.sign === 1) || (infP && signP === 1)) return fpInfinity(f, 1);
  if (zeroA && zeroP && ua.sign === signP) return fpZero(f, ua.sign);
  const product: Exact = { v: signP ? -(u1.mant * u2.mant) : u1.mant * u2.mant, exp: u1.exp + u2.exp };
  return roundSum(f, addExact(signed(ua), product), fpcr, fpcrRounding(fpcr));
}

/**
 * FPRecipStepFused (FRECPS: 2 - a*b) and FPRSqrtStepFused (FRSQRTS: (3 - a*b) / 2),
 * fused. The NaN rules see -a, as the pseudocode negates it first.
 */
export function fpStepFused(f: FpFormat, a: bigint, b: bigint, fpcr: number, rsqrt: boolean): bigint {
  const na = fpNeg(f, a);
  const u1 = unpack(f, na, fpcr), u2 = unpack(f, b, fpcr);
  const nan = processNaNs(f, [[u1, na], [u2, b]], fpcr);
  if (nan !== null) return nan;
  const inf1 = u1.type === FpType.Inf, inf2 = u2.type === FpType.Inf;
  const zero1 = u1.type === FpType.Zero, zero2 = u2.type === FpType.Zero;
  if ((inf1 && zero2) || (zero1 && inf2)) return rsqrt ? fpOnePointFive(f, 0) : fpTwo(f, 0);
  if (inf1 || inf2) return fpInfinity(f, u1.sign ^ u2.sign);
  const m = u1.mant * u2.mant;
  const s = addExact({ v: rsqrt ? 3n : 2n, exp: 0 }, { v: u1.sign ^ u2.sign ? -m : m, exp: u1.exp + u2.exp });
  return roundSum(f, rsqrt ? { v: s.v, exp: s.exp - 1 } : s, fpcr, fpcrRounding(fpcr));
}

/** FPMax (max = true) and FPMin. */
function maxMin(f: FpFormat, a: bigint, b: bigint, fpcr: number, max: boolean): bigint {
  const ua = unpack(f, a, fpcr), ub = unpack(f, b, fpcr);
  const nan = processNaNs(f, [[ua, a], [ub, b]], fpcr);
  if (nan !== null) return nan;
  const cmp = compareValues(ua, ub);
  const pickA = max ? cmp > 0 : cmp < 0;
  const u = pickA ? ua : ub;
  if (u.type === FpType.Inf) return fpInfinity(f, u.sign);
  if (u.type === FpType.Zero) {
    // Equal zeros: max prefers +0, min prefers -0.
    const sign = max ? ua.sign & ub.sign : ua.sign | ub.sign;
    return fpZero(f, sign);
  }
  return round(f, u.sign, u.mant, u.exp, false, fpcr, fpcrRounding(fpcr));
}

export const fpMax = (f: FpFormat, a: bigint, b: bigint, fpcr: number): bigint => maxMin(f, a, b, fpcr, true);
export const fpMin = (f: FpFormat, a: bigint, b: bigint, fpcr: number): bigint => maxMin(f, a, b, fpcr, false);

/** FPMaxNum / FPMinNum: a single quiet NaN loses against a number. */
function maxMinNum(f: FpFormat, a: bigint, b: bigint, fpcr: number, max: boolean): bigint {
  const ta = unpack(f, a, fpcr).type, tb = unpack(f, b, fpcr).type;
  const inf = fpInfinity(f, max ? 1 : 0);
  if (ta === FpType.QNaN && tb !== FpType.QNaN) a = inf;
  else if (ta !== FpType.QNaN && tb === FpType.QNaN) b = inf;
  return maxMin(f, a, b, fpcr, max);
}

export const fpMaxNum = (f: FpFormat, a: bigint, b: bigint, fpcr: number): bigint => maxMinNum(f, a, b, fpcr, true);
export const fpMinNum = (f: FpFormat, a: bigint, b: bigint, fpcr: number): bigint => maxMinNum(f, a, b, fpcr, false);

/** Orders two non-NaN unpacked values: -1, 0, 1. */
function compareValues(a: Unpacked, b: Unpacked): number {
  const rank = (u: Unpacked): number => (u.type === FpType.Inf ? (u.sign ? -1 : 1) : 0);
  const ra = rank(a), rb = rank(b);
  if (ra !== 0 || rb !== 0) return Math.sign(ra - rb);
  const d = addExact(signed(a), { v: -signed(b).v, exp: b.exp }).v;
  return d > 0n ? 1 : d < 0n ? -1 : 0;
}

/** FPCompare: NZCV 0110 equal, 1000 less, 0010 greater, 0011 unordered. */
export function fpCompare(f: FpFormat, a: bigint, b: bigint, signalNaNs: boolean, fpcr: number): number {
  const ua = unpack(f, a, fpcr), ub = unpack(f, b, fpcr);
  if (isNaN(ua) || isNaN(ub)) {
    if (signalNaNs || ua.type === FpType.SNaN || ub.type === FpType.SNaN) fpExc.flags |= FPSR_IOC;
    return 0b0011;
  }
  const c = compareValues(ua, ub);
  return c === 0 ? 0b0110 : c < 0 ? 0b1000 : 0b0010;
}

/** FPCompareEQ (only signalling NaNs raise Invalid Operation). */
export function fpCompareEq(f: FpFormat, a: bigint, b: bigint, fpcr: number): boolean {
  const ua = unpack(f, a, fpcr), ub = unpack(f, b, fpcr);
  if (isNaN(ua) || isNaN(ub)) {
    if (ua.type === FpType.SNaN || ub.type === FpType.SNaN) fpExc.flags |= FPSR_IOC;
    return false;
  }
  return compareValues(ua, ub) === 0;
}

/** FPCompareGE (gt = false) and FPCompareGT: any NaN raises Invalid Operation. */
export function fpCompareGe(f: FpFormat, a: bigint, b: bigint, fpcr: number, gt = false): boolean {
  const ua = unpack(f, a, fpcr), ub = unpack(f, b, fpcr);
  if (isNaN(ua) || isNaN(ub)) {
    fpExc.flags |= FPSR_IOC;
    return false;
  }
  const c = compareValues(ua, ub);
  return gt ? c > 0 : c >= 0;
}

/** Rounds (v * 2^exp) to an integer: returns the integer and whether it was inexact. */
function roundToInteger(x: Exact, rounding: Rounding): { int: bigint; inexact: boolean } {
  if (x.exp >= 0) return { int: x.v << big(x.exp), inexact: false };
  const s = big(-x.exp);
  const int = x.v >> s; // floor
  const err = x.v - (int << s);
  const half = 1n << (s - 1n);
  let up: boolean;
  switch (rounding) {
    case Rounding.TieEven: up = err > half || (err === half && (int & 1n) === 1n); break;
    case Rounding.TieAway: up = err > half || (err === half && int >= 0n); break;
    case Rounding.PosInf: up = err !== 0n; break;
    case Rounding.NegInf: up = false; break;
    default: up = err !== 0n && int < 0n; // toward zero
  }
  return { int: up ? int + 1n : int, inexact: err !== 0n };
}

/** FPRoundInt (FRINT*): `exact` raises Inexact (FRINTX). */
export function fpRoundInt(f: FpFormat, a: bigint, fpcr: number, rounding: Rounding, exact: boolean): bigint {
  const ua = unpack(f, a, fpcr);
  if (isNaN(ua)) return processNaN(f, ua, a, fpcr);
  if (ua.type === FpType.Inf) return fpInfinity(f, ua.sign);
  if (ua.type === FpType.Zero) return fpZero(f, ua.sign);
  const { int, inexact } = roundToInteger(signed(ua), rounding);
  const r = int === 0n ? fpZero(f, ua.sign) : round(f, int < 0n ? 1 : 0, int < 0n ? -int : int, 0, false, fpcr, Rounding.Zero);
  if (inexact && exact) fpExc.flags |= FPSR_IXC;
  return r;
}

/**
 * FPRoundIntN (FRINT32Z/X, FRINT64Z/X): rounds to an integral value that must fit a signed
 * `intBits`-bit integer; NaNs, infinities and values out of range give -2^(intBits-1) with
 * Invalid Operation. An inexact in-range result raises Inexact.
 */
export function fpRoundIntN(f: FpFormat, a: bigint, fpcr: number, rounding: Rounding, intBits: number): bigint {
  const ua = unpack(f, a, fpcr);
  const mostNegative = fpZero(f, 1) | (big(f.bias + intBits - 1) << big(f.F));
  if (isNaN(ua) || ua.type === FpType.Inf) {
    fpExc.flags |= FPSR_IOC;
    return mostNegative;
  }
  if (ua.type === FpType.Zero) return fpZero(f, ua.sign);
  const { int, inexact } = roundToInteger(signed(ua), rounding);
  if (int >= 1n << big(intBits - 1) || int < -(1n << big(intBits - 1))) {
    fpExc.flags |= FPSR_IOC;
    return mostNegative;
  }
  if (inexact) fpExc.flags |= FPSR_IXC;
  if (int === 0n) return fpZero(f, ua.sign);
  return round(f, int < 0n ? 1 : 0, int < 0n ? -int : int, 0, false, fpcr, Rounding.Zero);
}

/** FPConvert (FCVT) from format `from` to `to`, rounding per FPCR (or as given: FCVTXN rounds to odd). */
export function fpConvert(from: FpFormat, to: FpFormat, a: bigint, fpcr: number, rounding = fpcrRounding(fpcr)): bigint {
  const ua = unpack(from, a, fpcr, true);
  const altHp = isHalf(to) && (fpcr & FPCR_AHP) !== 0;
  if (isNaN(ua)) {
    let r: bigint;
    if (altHp) r = fpZero(to, ua.sign);
    else if (fpcr & FPCR_DN) r = fpDefaultNaN(to);
    else {
      // FPConvertNaN: keep the sign and the top fraction bits, quietened.
      const payload = a & ones(from.F - 1);
      const moved = to.F >= from.F ? payload << big(to.F - from.F) : payload >> big(from.F - to.F);
      r = fpInfinity(to, ua.sign) | (1n << big(to.F - 1)) | moved;
    }
    if (ua.type === FpType.SNaN || altHp) fpExc.flags |= FPSR_IOC;
    return r;
  }
  if (ua.type === FpType.Inf) {
    if (altHp) {
      fpExc.flags |= FPSR_IOC;
      return fpZero(to, ua.sign) | ones(to.N - 1);
    }
    return fpInfinity(to, ua.sign);
  }
  if (ua.type === FpType.Zero) return fpZero(to, ua.sign);
  return round(to, ua.sign, ua.mant, ua.exp, false, fpcr, rounding, true);
}

/**
 * FPToFixed: the value times 2^fbits rounded to an `intBits`-bit integer, saturating
 * (Invalid Operation) and NaN -> 0 (Invalid Operation). Returns the two's-complement
 * bit pattern as a non-negative BigInt.
 */
export function fpToFixed(f: FpFormat, a: bigint, fbits: number, unsigned: boolean, intBits: number, fpcr: number, rounding: Rounding): bigint {
  const ua = unpack(f, a, fpcr);
  const lo = unsigned ? 0n : -(1n << big(intBits - 1));
  const hi = unsigned ? ones(intBits) : ones(intBits - 1);
  let int: bigint;
  let inexact = false;
  if (isNaN(ua)) {
    fpExc.flags |= FPSR_IOC;
    return 0n;
  } else if (ua.type === FpType.Inf) {
    int = ua.sign ? lo - 1n : hi + 1n;
  } else if (ua.type === FpType.Zero) {
    int = 0n;
  } else {
    const x = signed(ua);
    ({ int, inexact } = roundToInteger({ v: x.v, exp: x.exp + fbits }, rounding));
  }
  if (int < lo || int > hi) {
    fpExc.flags |= FPSR_IOC;
    int = int < lo ? lo : hi;
  } else if (inexact) {
    fpExc.flags |= FPSR_IXC;
  }
  return BigInt.asUintN(intBits, int);
}

/** FixedToFP: `value` (already interpreted as signed or unsigned) / 2^fbits, rounded. */
export function fixedToFp(f: FpFormat, value: bigint, fbits: number, fpcr: number, rounding: Rounding): bigint {
  if (value === 0n) return fpZero(f, 0);
  return round(f, value < 0n ? 1 : 0, value < 0n ? -value : value, -fbits, false, fpcr, rounding);
}

/** VFPExpandImm: the FMOV (immediate) constant for an 8-bit encoding. */
export function vfpExpandImm(f: FpFormat, imm8: number): bigint {
  const sign = big((imm8 >> 7) & 1);
  const b6 = (imm8 >> 6) & 1;
  const exp = (big(b6 ^ 1) << big(f.E - 1)) | ((b6 ? ones(f.E - 3) : 0n) << 2n) | big((imm8 >> 4) & 3);
  const frac = big(imm8 & 15) << big(f.F - 4);
  return (sign << big(f.N - 1)) | (exp << big(f.F)) | frac;
}
