// Exact IEEE arithmetic after the Arm ARM pseudocode (FPUnpack, FPRound, FPProcessNaNs,
// FPAdd, FPMulAdd, FPToFixed, ...) on bit patterns held in BigInts. It is the slow path
// of the SIMD floating-point emitters: non-default FPCR (FZ, DN, directed rounding),
// NaN operands, infinities and every cumulative exception flag. Never on a hot path.

export const FPSR_IOC = 1, FPSR_DZC = 2, FPSR_OFC = 4, FPSR_UFC = 8, FPSR_IXC = 16, FPSR_IDC = 128;

/** Rounding modes; the first four match FPCR.RMode. */
export const enum Rounding { TieEven = 0, PosInf = 1, NegInf = 2, Zero = 3, TieAway = 4, Odd = 5 }

export interface Fmt {
  readonly N: number;
  readonly E: number;
  readonly F: number;
}
export const HALF: Fmt = { N: 16, E: 5, F: 10 };
export const SINGLE: Fmt = { N: 32, E: 8, F: 23 };
export const DOUBLE: Fmt = { N: 64, E: 11, F: 52 };

/** FPCR in effect plus the exception flags raised so far. */
export class FpEnv {
  flags = 0;
  constructor(readonly fpcr: number) {}
  get dn(): boolean {
    return ((this.fpcr >> 25) & 1) === 1;
  }
  get fz(): boolean {
    return ((this.fpcr >> 24) & 1) === 1;
  }
  get ahp(): boolean {
    return ((this.fpcr >> 26) & 1) === 1;
  }
  get rounding(): Rounding {
    return (this.fpcr >> 22) & 3;
  }
}

const enum T { Zero, Num, Inf, QNaN, SNaN }

/** An unpacked operand: finite values are (-1)^sign * mant * 2^exp. */
interface Val {
  readonly t: T;
  readonly sign: number;
  readonly mant: bigint;
  readonly exp: number;
}

const bias = (f: Fmt): number => (1 << (f.E - 1)) - 1;
const expMax = (f: Fmt): bigint => (1n << BigInt(f.E)) - 1n;
const signBit = (f: Fmt): bigint => 1n << BigInt(f.N - 1);

export const fpZero = (sign: number, f: Fmt): bigint => (sign ? signBit(f) : 0n);
export const fpInf = (sign: number, f: Fmt): bigint => fpZero(sign, f) | (expMax(f) << BigInt(f.F));
export const fpDefaultNaN = (f: Fmt): bigint => fpInf(0, f) | (1n << BigInt(f.F - 1));
const fpMaxNormal = (sign: number, f: Fmt): bigint =>
  fpZero(sign, f) | ((expMax(f) - 1n) << BigInt(f.F)) | ((1n << BigInt(f.F)) - 1n);
const fpTwo = (sign: number, f: Fmt): bigint => fpZero(sign, f) | (BigInt(bias(f) + 1) << BigInt(f.F));
const fpOnePointFive = (sign: number, f: Fmt): bigint => fpZero(sign, f) | (BigInt(bias(f)) << BigInt(f.F)) | (1n << BigInt(f.F - 1));

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/** FPUnpack: with FZ, denormal inputs become zeros (IDC); half precision is never flushed here. */
function unpack(x: bigint, f: Fmt, env: FpEnv): Val {
  const sign = Number((x >> BigInt(f.N - 1)) & 1n);
  const e = (x >> BigInt(f.F)) & expMax(f);
  const frac = x & ((1n << BigInt(f.F)) - 1n);
  if (e === 0n) {
    if (frac === 0n) return { t: T.Zero, sign, mant: 0n, exp: 0 };
    if (env.fz && f.N !== 16) {
      env.flags |= FPSR_IDC;
      return { t: T.Zero, sign, mant: 0n, exp: 0 };
    }
    return { t: T.Num, sign, mant: frac, exp: 1 - bias(f) - f.F };
  }
  if (e === expMax(f)) {
    if (frac === 0n) return { t: T.Inf, sign, mant: 0n, exp: 0 };
    return { t: frac >> BigInt(f.F - 1) ? T.QNaN : T.SNaN, sign, mant: 0n, exp: 0 };
  }
  return { t: T.Num, sign, mant: frac | (1n << BigInt(f.F)), exp: Number(e) - bias(f) - f.F };
}

const isNaN_ = (v: Val): boolean => v.t === T.QNaN || v.t === T.SNaN;

/**
 * FPRoundBase of (-1)^sign * mant * 2^exp (mant > 0). A value known only to lie strictly
 * between two integers is passed with an extra low "sticky" bit set.
 */
export function fpRound(sign: number, mant: bigint, exp: number, f: Fmt, env: FpEnv, mode = env.rounding,
  flushOut = f.N !== 16, ahp = false): bigint {
  const minExp = 1 - bias(f);
  const top = exp + bitLength(mant) - 1;
  if (flushOut && env.fz && top < minExp) {
    env.flags |= FPSR_UFC;
    return fpZero(sign, f);
  }
  let biased = Math.max(top - minExp + 1, 0);
  const lsb = (biased > 0 ? top : minExp) - f.F;
  const shift = lsb - exp;
  let intMant: bigint;
  let cmpHalf = 0; // sign of (error - 0.5)
  let inexact = false;
  if (shift <= 0) {
    intMant = mant << BigInt(-shift);
  } else {
    const s = BigInt(shift);
    intMant = mant >> s;
    const rem = mant & ((1n << s) - 1n);
    inexact = rem !== 0n;
    const halfUlp = 1n << (s - 1n);
    cmpHalf = rem > halfUlp ? 1 : rem === halfUlp ? 0 : -1;
  }
  if (biased === 0 && inexact) env.flags |= FPSR_UFC;
  let roundUp = false;
  let overflowToInf = true;
  switch (mode) {
    case Rounding.TieEven:
      roundUp = inexact && (cmpHalf > 0 || (cmpHalf === 0 && (intMant & 1n) === 1n));
      break;
    case Rounding.TieAway:
      roundUp = inexact && cmpHalf >= 0;
      break;
    case Rounding.PosInf:
      roundUp = inexact && sign === 0;
      overflowToInf = sign === 0;
      break;
    case Rounding.NegInf:
      roundUp = inexact && sign === 1;
      overflowToInf = sign === 1;
      break;
    default:
      overflowToInf = false;
  }
  if (roundUp) {
    intMant += 1n;
    if (intMant === 1n << BigInt(f.F)) biased = 1;
    if (intMant === 1n << BigInt(f.F + 1)) {
      biased += 1;
      intMant >>= 1n;
    }
  }
  if (inexact && mode === Rounding.Odd) intMant |= 1n;
  let result: bigint;
  if (ahp) {
    if (biased >= 1 << f.E) {
      env.flags |= FPSR_IOC;
      return fpZero(sign, f) | (signBit(f) - 1n);
    }
    result = fpZero(sign, f) | (BigInt(biased) << BigInt(f.F)) | (intMant & ((1n << BigInt(f.F)) - 1n));
  } else if (biased >= (1 << f.E) - 1) {
    result = overflowToInf ? fpInf(sign, f) : fpMaxNormal(sign, f);
    env.flags |= FPSR_OFC;
    inexact = true;
  } else {
    result = fpZero(sign, f) | (BigInt(biased) << BigInt(f.F)) | (intMant & ((1n << BigInt(f.F)) - 1n));
  }
  if (inexact) env.flags |= FPSR_IXC;
  return result;
}

/** Rounds an exact signed rational value given as mant * 2^exp (mant may be negative or zero). */
function roundValue(mant: bigint, exp: number, f: Fmt, env: FpEnv, zeroSign: number): bigint {
  if (mant === 0n) return fpZero(zeroSign, f);
  return mant < 0n ? fpRound(1, -mant, exp, f, env) : fpRound(0, mant, exp, f, env);
}

function processNaN(v: Val, x: bigint, f: Fmt, env: FpEnv): bigint {
  if (v.t === T.SNaN) env.flags |= FPSR_IOC;
  if (env.dn) return fpDefaultNaN(f);
  return x | (1n << BigInt(f.F - 1));
}

function processNaNs(vs: readonly Val[], xs: readonly bigint[], f: Fmt, env: FpEnv): bigint | null {
  for (let i = 0; i < vs.length; i++) if (vs[i].t === T.SNaN) return processNaN(vs[i], xs[i], f, env);
  for (let i = 0; i < vs.length; i++) if (vs[i].t === T.QNaN) return processNaN(vs[i], xs[i], f, env);
  return null;
}

const signed = (v: Val): bigint => (v.sign ? -v.mant : v.mant);

/** Exact a + b as mant * 2^exp. */
function addExact(a: Val, b: Val): [bigint, number] {
  const e = Math.min(a.exp, b.exp);
  return [(signed(a) << BigInt(a.exp - e)) + (signed(b) << BigInt(b.exp - e)), e];
}

const zeroSignFor = (env: FpEnv): number => (env.rounding === Rounding.NegInf ? 1 : 0);

export function fpAdd(x: bigint, y: bigint, f: Fmt, env: FpEnv, negateY = false): bigint {
  const a = unpack(x, f, env);
  let b = unpack(y, f, env);
  const nan = processNaNs([a, b], [x, y], f, env);
  if (nan !== null) return nan;
  if (negateY) b = { ...b, sign: b.sign ^ 1 };
  if (a.t === T.Inf && b.t === T.Inf && a.sign !== b.sign) {
    env.flags |= FPSR_IOC;
    return fpDefaultNaN(f);
  }
  if (a.t === T.Inf) return fpInf(a.sign, f);
  if (b.t === T.Inf) return fpInf(b.sign, f);
  if (a.t === T.Zero && b.t === T.Zero && a.sign === b.sign) return fpZero(a.sign, f);
  const [m, e] = addExact(a, b);
  return roundValue(m, e, f, env, zeroSignFor(env));
}

export function fpMul(x: bigint, y: bigint, f: Fmt, env: FpEnv, mulx = false): bigint {
  const a = unpack(x, f, env), b = unpack(y, f, env);
  const nan = processNaNs([a, b], [x, y], f, env);
  if (nan !== null) return nan;
  const sign = a.sign ^ b.sign;
  if ((a.t === T.Inf && b.t === T.Zero) || (a.t === T.Zero && b.t === T.Inf)) {
    if (mulx) return fpTwo(sign, f);
    env.flags |= FPSR_IOC;
    return fpDefaultNaN(f);
  }
  if (a.t === T.Inf || b.t === T.Inf) return fpInf(sign, f);
  if (a.t === T.Zero || b.t === T.Zero) return fpZero(sign, f);
  return fpRound(sign, a.mant * b.mant, a.exp + b.exp, f, env);
}

export function fpDiv(x: bigint, y: bigint, f: Fmt, env: FpEnv): bigint {
  const a = unpack(x, f, env), b = unpack(y, f, env);
  const nan = processNaNs([a, b], [x, y], f, env);
  if (nan !== null) return nan;
  const sign = a.sign ^ b.sign;
  if ((a.t === T.Inf && b.t === T.Inf) || (a.t === T.Zero && b.t === T.Zero)) {
    env.flags |= FPSR_IOC;
    return fpDefaultNaN(f);
  }
  if (a.t === T.Inf || b.t === T.Zero) {
    if (a.t !== T.Inf) env.flags |= FPSR_DZC;
    return fpInf(sign, f);
  }
  if (a.t === T.Zero || b.t === T.Inf) return fpZero(sign, f);
  // Quotient with at least F+3 bits, plus a sticky bit for the remainder.
  const k = Math.max(0, f.F + 4 + bitLength(b.mant) - bitLength(a.mant));
  const num = a.mant << BigInt(k);
  const q = num / b.mant;
  const sticky = num % b.mant !== 0n ? 1n : 0n;
  return fpRound(sign, (q << 1n) | sticky, a.exp - b.exp - k - 1, f, env);
}

/** floor(sqrt(n)) by Newton's iteration from above. */
function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

export function fpSqrt(x: bigint, f: Fmt, env: FpEnv): bigint {
  const a = unpack(x, f, env);
  if (isNaN_(a)) return processNaN(a, x, f, env);
  if (a.t === T.Zero) return fpZero(a.sign, f);
  if (a.sign) {
    env.flags |= FPSR_IOC;
    return fpDefaultNaN(f);
  }
  if (a.t === T.Inf) return fpInf(0, f);
  // sqrt(m * 2^e) with e even: sqrt(m << k) * 2^((e - k) / 2).
  let k = 2 * (f.F + 4) + 2;
  if ((a.exp - k) % 2 !== 0) k += 1;
  const n = a.mant << BigInt(k);
  const r = isqrt(n);
  const sticky = r * r !== n ? 1n : 0n;
  return fpRound(0, (r << 1n) | sticky, (a.exp - k) / 2 - 1, f, env);
}

/** FPMulAdd(addend, x, y): fused addend + x*y. */
export function fpMulAdd(addend: bigint, x: bigint, y: bigint, f: Fmt, env: FpEnv): bigint {
  const c = unpack(addend, f, env), a = unpack(x, f, env), b = unpack(y, f, env);
  const nan = processNaNs([c, a, b], [addend, x, y], f, env);
  const invalidProduct = (a.t === T.Inf && b.t === T.Zero) || (a.t === T.Zero && b.t === T.Inf);
  if (c.t === T.QNaN && invalidProduct) {
    env.flags |= FPSR_IOC;
    return fpDefaultNaN(f);
  }
  if (nan !== null) return nan;
  const signP = a.sign ^ b.sign;
  const infP = a.t === T.Inf || b.t === T.Inf;
  const zeroP = a.t === T.Zero || b.t === T.Zero;
  if (invalidProduct || (c.t === T.Inf && infP && c.sign !== signP)) {
    env.flags |= FPSR_IOC;
    return fpDefaultNaN(f);
  }
  if ((c.t === T.Inf && c.sign === 0) || (infP && signP === 0)) return fpInf(0, f);
  if ((c.t === T.Inf && c.sign === 1) || (infP && signP === 1)) return fpInf(1, f);
  if (c.t === T.Zero && zeroP && c.sign === signP) return fpZero(c.sign, f);
  const p: Val = { t: T.Num, sign: signP, mant: a.mant * b.mant, exp: a.exp + b.exp };
  const [m, e] = addExact(c, p);
  return roundValue(m, e, f, env, zeroSignFor(env));
}

/** FRECPS (k=2) and FRSQRTS (k=3, halved): fused k - x*y. */
export function fpStepFused(x: bigint, y: bigint, f: Fmt, env: FpEnv, rsqrt: boolean): bigint {
  const nx = x ^ signBit(f);
  const a = unpack(nx, f, env), b = unpack(y, f, env);
  const nan = processNaNs([a, b], [nx, y], f, env);
  if (nan !== null) return nan;
  if ((a.t === T.Inf && b.t === T.Zero) || (a.t === T.Zero && b.t === T.Inf)) return rsqrt ? fpOnePointFive(0, f) : fpTwo(0, f);
  if (a.t === T.Inf || b.t === T.Inf) return fpInf(a.sign ^ b.sign, f);
  const p: Val = { t: T.Num, sign: a.sign ^ b.sign, mant: a.mant * b.mant, exp: a.exp + b.exp };
  const [m, e] = addExact({ t: T.Num, sign: 0, mant: rsqrt ? 3n : 2n, exp: 0 }, p);
  return roundValue(m, rsqrt ? e - 1 : e, f, env, zeroSignFor(env));
}

/** FPMax/FPMin (num: FPMaxNum/FPMinNum, where one quiet NaN loses to a number). */
export function fpMinMax(x: bigint, y: bigint, f: Fmt, env: FpEnv, max: boolean, num: boolean): bigint {
  if (num) {
    const ta = unpack(x, f, env).t, tb = unpack(y, f, env).t;
    if (ta === T.QNaN && tb !== T.QNaN) x = fpInf(max ? 1 : 0, f);
    else if (ta !== T.QNaN && tb === T.QNaN) y = fpInf(max ? 1 : 0, f);
  }
  const a = unpack(x, f, env), b = unpack(y, f, env);
  const nan = processNaNs([a, b], [x, y], f, env);
  if (nan !== null) return nan;
  const va = valueOf(a), vb = valueOf(b);
  const pickA = max ? va > vb : va < vb;
  const r = pickA ? a : b;
  if (r.t === T.Inf) return fpInf(r.sign, f);
  if (r.t === T.Zero) return fpZero(max ? a.sign & b.sign : a.sign | b.sign, f);
  return fpRound(r.sign, r.mant, r.exp, f, env);
}

/** A comparable real for non-NaN operands (infinities as +-Infinity). */
function valueOf(v: Val): number {
  if (v.t === T.Inf) return v.sign ? -Infinity : Infinity;
  if (v.t === T.Zero) return 0;
  // Exact enough to order: mantissas have at most 53 bits, exponents fit a double.
  return (v.sign ? -1 : 1) * Number(v.mant) * 2 ** v.exp;
}

export type Cmp = 'eq' | 'ge' | 'gt';

/** FPCompareEQ/GE/GT (abs: FACGE/FACGT). */
export function fpCompare(x: bigint, y: bigint, f: Fmt, env: FpEnv, cmp: Cmp, abs = false): boolean {
  if (abs) {
    x &= signBit(f) - 1n;
    y &= signBit(f) - 1n;
  }
  const a = unpack(x, f, env), b = unpack(y, f, env);
  if (isNaN_(a) || isNaN_(b)) {
    if (cmp !== 'eq' || a.t === T.SNaN || b.t === T.SNaN) env.flags |= FPSR_IOC;
    return false;
  }
  const va = valueOf(a), vb = valueOf(b);
  return cmp === 'eq' ? va === vb : cmp === 'ge' ? va >= vb : va > vb;
}

/** FPToFixed: the M-bit two's complement (or unsigned) result as a non-negative BigInt. */
export function fpToFixed(x: bigint, f: Fmt, fbits: number, unsigned: boolean, m: number, env: FpEnv, mode: Rounding): bigint {
  const a = unpack(x, f, env);
  if (isNaN_(a)) {
    env.flags |= FPSR_IOC;
    return 0n;
  }
  const mask = (1n << BigInt(m)) - 1n;
  const min = unsigned ? 0n : -(1n << BigInt(m - 1));
  const max = unsigned ? mask : (1n << BigInt(m - 1)) - 1n;
  if (a.t === T.Inf) {
    env.flags |= FPSR_IOC;
    return (a.sign ? min : max) & mask;
  }
  if (a.t === T.Zero) return 0n;
  const e = a.exp + fbits;
  let int: bigint, rem = 0n, half = 0n;
  const v = signed(a);
  if (e >= 0) {
    int = v << BigInt(e);
  } else {
    const s = BigInt(-e);
    int = v >> s; // floor
    rem = v - (int << s);
    half = 1n << (s - 1n);
  }
  const inexact = rem !== 0n;
  let up = false;
  switch (mode) {
    case Rounding.TieEven: up = rem > half || (rem === half && inexact && (int & 1n) === 1n); break;
    case Rounding.TieAway: up = rem > half || (rem === half && inexact && int >= 0n); break;
    case Rounding.PosInf: up = inexact; break;
    case Rounding.Zero: up = inexact && int < 0n; break;
    default: up = false;
  }
  if (up) int += 1n;
  if (int > max || int < min) {
    env.flags |= FPSR_IOC;
    return (int > max ? max : min) & mask;
  }
  if (inexact) env.flags |= FPSR_IXC;
  return int & mask;
}

/** FixedToFP: `v` (signed value) / 2^fbits rounded to f. */
export function fixedToFp(v: bigint, fbits: number, f: Fmt, env: FpEnv): bigint {
  if (v === 0n) return fpZero(0, f);
  return v < 0n ? fpRound(1, -v, -fbits, f, env) : fpRound(0, v, -fbits, f, env);
}

/** FPRoundInt (FRINT*); `exact` raises Inexact (FRINTX). */
export function fpRoundInt(x: bigint, f: Fmt, env: FpEnv, mode: Rounding, exact: boolean): bigint {
  const a = unpack(x, f, env);
  if (isNaN_(a)) return processNaN(a, x, f, env);
  if (a.t === T.Inf) return fpInf(a.sign, f);
  if (a.t === T.Zero) return fpZero(a.sign, f);
  const probe = new FpEnv(0);
  const r = fpToFixed(x, f, 0, false, 4096, probe, mode);
  if (exact && (probe.flags & FPSR_IXC)) env.flags |= FPSR_IXC;
  const int = BigInt.asIntN(4096, r);
  if (int === 0n) return fpZero(a.sign, f);
  return fpRound(int < 0n ? 1 : 0, int < 0n ? -int : int, 0, f, env, Rounding.Zero);
}

/** FPConvert between formats (FCVTL, FCVTN, FCVTXN with Rounding.Odd). */
export function fpConvert(x: bigint, from: Fmt, to: Fmt, env: FpEnv, mode = env.rounding): bigint {
  const a = unpack(x, from, env);
  const ahp = to.N === 16 && env.ahp;
  if (isNaN_(a)) {
    if (a.t === T.SNaN || ahp) env.flags |= FPSR_IOC;
    if (ahp) return fpZero(a.sign, to);
    if (env.dn) return fpDefaultNaN(to);
    // Payload below the quiet bit, aligned to the top of the fraction.
    const payload = x & ((1n << BigInt(from.F - 1)) - 1n);
    const shifted = to.F >= from.F ? payload << BigInt(to.F - from.F) : payload >> BigInt(from.F - to.F);
    return fpDefaultNaN(to) | fpZero(a.sign, to) | shifted;
  }
  if (a.t === T.Inf) {
    if (ahp) {
      env.flags |= FPSR_IOC;
      return fpZero(a.sign, to) | (signBit(to) - 1n);
    }
    return fpInf(a.sign, to);
  }
  if (a.t === T.Zero) return fpZero(a.sign, to);
  return fpRound(a.sign, a.mant, a.exp, to, env, mode, to.N !== 16, ahp);
}

/** Half-precision operands are unpacked with their own rules: AHP has no infinities or NaNs. */
export function fpConvertFromHalf(x: bigint, to: Fmt, env: FpEnv): bigint {
  if (env.ahp && ((x >> 10n) & 31n) === 31n) {
    const sign = Number(x >> 15n);
    return fpRound(sign, (x & 1023n) | 1024n, 31 - 15 - 10, to, env);
  }
  return fpConvert(x, HALF, to, env);
}

function recipEstimate(a: number): number {
  a = a * 2 + 1;
  const b = Math.floor(2 ** 19 / a);
  return Math.floor((b + 1) / 2);
}

function recipSqrtEstimate(a: number): number {
  if (a < 256) a = a * 2 + 1;
  else {
    a = (a >> 1) << 1;
    a = (a + 1) * 2;
  }
  let b = 512;
  while (a * (b + 1) * (b + 1) < 2 ** 28) b++;
  return Math.floor((b + 1) / 2);
}

/** FRECPE. */
export function fpRecipEstimate(x: bigint, f: Fmt, env: FpEnv): bigint {
  const a = unpack(x, f, env);
  if (isNaN_(a)) return processNaN(a, x, f, env);
  if (a.t === T.Inf) return fpZero(a.sign, f);
  if (a.t === T.Zero) {
    env.flags |= FPSR_DZC;
    return fpInf(a.sign, f);
  }
  const mag = Math.abs(valueOf(a));
  if (mag < 2 ** -(bias(f) + 1)) {
    const mode = env.rounding;
    const toInf = mode === Rounding.TieEven || (mode === Rounding.PosInf && a.sign === 0) || (mode === Rounding.NegInf && a.sign === 1);
    env.flags |= FPSR_OFC | FPSR_IXC;
    return toInf ? fpInf(a.sign, f) : fpMaxNormal(a.sign, f);
  }
  if (env.fz && mag >= 2 ** (bias(f) - 1)) {
    env.flags |= FPSR_UFC;
    return fpZero(a.sign, f);
  }
  let fraction = (x & ((1n << BigInt(f.F)) - 1n)) << BigInt(52 - f.F);
  let exp = Number((x >> BigInt(f.F)) & expMax(f));
  if (exp === 0) {
    if (((fraction >> 51n) & 1n) === 0n) {
      exp = -1;
      fraction = (fraction << 2n) & ((1n << 52n) - 1n);
    } else {
      fraction = (fraction << 1n) & ((1n << 52n) - 1n);
    }
  }
  const scaled = 256 + Number(fraction >> 44n);
  let resultExp = 2 * bias(f) - 1 - exp;
  const est = recipEstimate(scaled);
  fraction = BigInt(est & 255) << 44n;
  if (resultExp === 0) fraction = (1n << 51n) | (fraction >> 1n);
  else if (resultExp === -1) {
    fraction = (1n << 50n) | (fraction >> 2n);
    resultExp = 0;
  }
  return fpZero(a.sign, f) | (BigInt(resultExp) << BigInt(f.F)) | (fraction >> BigInt(52 - f.F));
}

/** FRSQRTE. */
export function fpRSqrtEstimate(x: bigint, f: Fmt, env: FpEnv): bigint {
  const a = unpack(x, f, env);
  if (isNaN_(a)) return processNaN(a, x, f, env);
  if (a.t === T.Zero) {
    env.flags |= FPSR_DZC;
    return fpInf(a.sign, f);
  }
  if (a.sign) {
    env.flags |= FPSR_IOC;
    return fpDefaultNaN(f);
  }
  if (a.t === T.Inf) return fpZero(0, f);
  let fraction = (x & ((1n << BigInt(f.F)) - 1n)) << BigInt(52 - f.F);
  let exp = Number((x >> BigInt(f.F)) & expMax(f));
  if (exp === 0) {
    while (((fraction >> 51n) & 1n) === 0n) {
      fraction = (fraction << 1n) & ((1n << 52n) - 1n);
      exp -= 1;
    }
    fraction = (fraction << 1n) & ((1n << 52n) - 1n);
  }
  const scaled = (exp & 1) === 1 ? 128 + Number(fraction >> 45n) : 256 + Number(fraction >> 44n);
  const resultExp = Math.floor((3 * bias(f) - 1 - exp) / 2);
  const est = recipSqrtEstimate(scaled);
  return (BigInt(resultExp) << BigInt(f.F)) | (BigInt(est & 255) << BigInt(f.F - 8));
}

/** FRECPX: the sign and the inverted exponent (zeros and denormals get the largest finite exponent). */
export function fpRecpX(x: bigint, f: Fmt, env: FpEnv): bigint {
  const a = unpack(x, f, env);
  if (isNaN_(a)) return processNaN(a, x, f, env);
  const e = (x >> BigInt(f.F)) & expMax(f);
  const re = e === 0n ? expMax(f) - 1n : ~e & expMax(f);
  return fpZero(a.sign, f) | (re << BigInt(f.F));
}

/** URECPE / URSQRTE on a 32-bit lane. */
export function unsignedEstimate(x: number, rsqrt: boolean): number {
  if (rsqrt ? x >>> 30 === 0 : x >>> 31 === 0) return -1;
  const a = x >>> 23;
  return ((rsqrt ? recipSqrtEstimate(a) : recipEstimate(a)) << 23) | 0;
}
