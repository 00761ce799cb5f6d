// RISC-V floating point, exact: IEEE 754-2008 binary32/binary64 arithmetic on bit
// patterns held in BigInts, with the RISC-V choices the standard leaves open:
// - every NaN result is the canonical NaN (no payload propagation);
// - tininess is detected after rounding, and underflow is raised only when the result is
//   tiny and inexact;
// - fused multiply-add raises invalid for inf * 0 even when the addend is a quiet NaN;
// - fmin/fmax are IEEE 754-2019 minimumNumber/maximumNumber (a single NaN loses, -0 < +0);
// - conversions to integers saturate (NaN gives the largest positive value) and raise
//   invalid instead of inexact when the result does not fit.
// Every result is computed exactly and rounded once in the requested mode. This is the
// slow path behind the inline JS fast paths and the reference they are tested against.

export interface FpFormat {
  /** Total bits. */
  readonly N: 32 | 64;
  /** Exponent bits. */
  readonly E: number;
  /** Fraction bits. */
  readonly F: number;
  readonly bias: number;
  /** Exponent of the smallest normal number (1 - bias). */
  readonly minExp: number;
}

const format = (N: 32 | 64, E: number): FpFormat => {
  const bias = 2 ** (E - 1) - 1;
  return { N, E, F: N - E - 1, bias, minExp: 1 - bias };
};
export const F32 = format(32, 8);
export const F64 = format(64, 11);

/** Rounding modes (the rm field / frm). */
export const enum Rm {
  RNE = 0,
  RTZ = 1,
  RDN = 2,
  RUP = 3,
  RMM = 4,
}

/** fflags bits. */
export const NX = 1, UF = 2, OF = 4, DZ = 8, NV = 16;

/** Flags raised since the caller last cleared them. */
export const fpExc = { flags: 0 };

export const enum Kind {
  Zero,
  /** Normal or subnormal. */
  Finite,
  Inf,
  QNaN,
  SNaN,
}

/** An unpacked operand: finite values are (-1)^sign * mant * 2^exp exactly. */
export interface Unpacked {
  readonly kind: Kind;
  readonly sign: number;
  readonly mant: bigint;
  readonly exp: number;
}

const big = BigInt;
const ones = (n: number): bigint => (1n << big(n)) - 1n;

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

export function unpack(f: FpFormat, bits: bigint): Unpacked {
  const sign = Number((bits >> big(f.N - 1)) & 1n);
  const e = Number((bits >> big(f.F)) & ones(f.E));
  const frac = bits & ones(f.F);
  if (e === 0) {
    if (frac === 0n) return { kind: Kind.Zero, sign, mant: 0n, exp: 0 };
    return { kind: Kind.Finite, sign, mant: frac, exp: f.minExp - f.F };
  }
  if (e === 2 ** f.E - 1) {
    if (frac === 0n) return { kind: Kind.Inf, sign, mant: 0n, exp: 0 };
    return { kind: (frac >> big(f.F - 1)) & 1n ? Kind.QNaN : Kind.SNaN, sign, mant: 0n, exp: 0 };
  }
  return { kind: Kind.Finite, sign, mant: frac | (1n << big(f.F)), exp: e - f.bias - f.F };
}

const isNaN = (u: Unpacked): boolean => u.kind === Kind.QNaN || u.kind === Kind.SNaN;

export const zero = (f: FpFormat, sign: number): bigint => big(sign) << big(f.N - 1);
export const infinity = (f: FpFormat, sign: number): bigint => zero(f, sign) | (ones(f.E) << big(f.F));
const maxFinite = (f: FpFormat, sign: number): bigint => zero(f, sign) | (big(2 ** f.E - 2) << big(f.F)) | ones(f.F);
/** The canonical NaN: positive, quiet, zero payload. */
export const canonicalNaN = (f: FpFormat): bigint => (ones(f.E) << big(f.F)) | (1n << big(f.F - 1));

/** The canonical NaN, raising invalid when any operand is a signalling NaN. */
function nanResult(f: FpFormat, ...ops: Unpacked[]): bigint {
  if (ops.some((u) => u.kind === Kind.SNaN)) fpExc.flags |= NV;
  return canonicalNaN(f);
}

function invalid(f: FpFormat): bigint {
  fpExc.flags |= NV;
  return canonicalNaN(f);
}

/** mant >> shift rounded in mode rm (sticky: a non-zero remainder below mant's last bit). */
function roundShift(mant: bigint, shift: number, sticky: boolean, rm: Rm, sign: number): { q: bigint; inexact: boolean } {
  if (shift <= 0) {
    if (sticky) throw new Error('roundShift: sticky bit without guard bits');
    return { q: mant << big(-shift), inexact: false };
  }
  const s = big(shift);
  const q = mant >> s;
  const rem = mant & ones(shift);
  const half = 1n << (s - 1n);
  const inexact = rem !== 0n || sticky;
  let up: boolean;
  switch (rm) {
    case Rm.RNE: up = rem > half || (rem === half && (sticky || (q & 1n) === 1n)); break;
    case Rm.RMM: up = rem >= half; break;
    case Rm.RDN: up = inexact && sign === 1; break;
    case Rm.RUP: up = inexact && sign === 0; break;
    default: up = false;
  }
  return { q: up ? q + 1n : q, inexact };
}

/**
 * Rounds (-1)^sign * (mant + sticky) * 2^exp (mant > 0) to format f. When `sticky` is set,
 * mant must carry at least F + 3 bits.
 */
export function round(f: FpFormat, sign: number, mant: bigint, exp: number, sticky: boolean, rm: Rm): bigint {
  const len = bitLength(mant);
  const top = exp + len - 1; // exponent of the leading bit
  // Tininess after rounding: the value rounded to F+1 bits with an unbounded exponent
  // stays below 2^minExp.
  let tiny = false;
  if (top < f.minExp - 1) tiny = true;
  else if (top === f.minExp - 1) tiny = roundShift(mant, len - (f.F + 1), sticky, rm, sign).q < 1n << big(f.F + 1);
  if (top >= f.minExp) {
    let { q, inexact } = roundShift(mant, len - (f.F + 1), sticky, rm, sign);
    let biased = top + f.bias;
    if (q === 1n << big(f.F + 1)) {
      q >>= 1n;
      biased++;
    }
    if (biased >= 2 ** f.E - 1) {
      fpExc.flags |= OF | NX;
      const toInf = rm === Rm.RNE || rm === Rm.RMM || (rm === Rm.RUP && sign === 0) || (rm === Rm.RDN && sign === 1);
      return toInf ? infinity(f, sign) : maxFinite(f, sign);
    }
    if (inexact) fpExc.flags |= NX;
    return zero(f, sign) | (big(biased) << big(f.F)) | (q & ones(f.F));
  }
  // Subnormal range: units of 2^(minExp - F); a carry into bit F is the smallest normal.
  const { q, inexact } = roundShift(mant, f.minExp - f.F - exp, sticky, rm, sign);
  if (inexact) fpExc.flags |= tiny ? NX | UF : NX;
  return zero(f, sign) | q;
}

/** A signed exact value v * 2^exp. */
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

/** Rounds an exact non-zero sum; an exact zero from cancellation is +0 (-0 rounding down). */
function roundSum(f: FpFormat, s: Exact, rm: Rm): bigint {
  if (s.v === 0n) return zero(f, rm === Rm.RDN ? 1 : 0);
  return round(f, s.v < 0n ? 1 : 0, s.v < 0n ? -s.v : s.v, s.exp, false, rm);
}

/** a + b, or a - b. */
export function fpAdd(f: FpFormat, a: bigint, b: bigint, rm: Rm, sub = false): bigint {
  const ua = unpack(f, a);
  let ub = unpack(f, b);
  if (isNaN(ua) || isNaN(ub)) return nanResult(f, ua, ub);
  if (sub) ub = { ...ub, sign: ub.sign ^ 1 };
  const infA = ua.kind === Kind.Inf, infB = ub.kind === Kind.Inf;
  if (infA && infB && ua.sign !== ub.sign) return invalid(f);
  if (infA) return infinity(f, ua.sign);
  if (infB) return infinity(f, ub.sign);
  if (ua.kind === Kind.Zero && ub.kind === Kind.Zero) {
    return ua.sign === ub.sign ? zero(f, ua.sign) : zero(f, rm === Rm.RDN ? 1 : 0);
  }
  return roundSum(f, addExact(signed(ua), signed(ub)), rm);
}

export function fpMul(f: FpFormat, a: bigint, b: bigint, rm: Rm): bigint {
  const ua = unpack(f, a), ub = unpack(f, b);
  if (isNaN(ua) || isNaN(ub)) return nanResult(f, ua, ub);
  const sign = ua.sign ^ ub.sign;
  const infA = ua.kind === Kind.Inf, infB = ub.kind === Kind.Inf;
  const zeroA = ua.kind === Kind.Zero, zeroB = ub.kind === Kind.Zero;
  if ((infA && zeroB) || (zeroA && infB)) return invalid(f);
  if (infA || infB) return infinity(f, sign);
  if (zeroA || zeroB) return zero(f, sign);
  return round(f, sign, ua.mant * ub.mant, ua.exp + ub.exp, false, rm);
}

export function fpDiv(f: FpFormat, a: bigint, b: bigint, rm: Rm): bigint {
  const ua = unpack(f, a), ub = unpack(f, b);
  if (isNaN(ua) || isNaN(ub)) return nanResult(f, ua, ub);
  const sign = ua.sign ^ ub.sign;
  const infA = ua.kind === Kind.Inf, infB = ub.kind === Kind.Inf;
  const zeroA = ua.kind === Kind.Zero, zeroB = ub.kind === Kind.Zero;
  if ((infA && infB) || (zeroA && zeroB)) return invalid(f);
  if (infA) return infinity(f, sign);
  if (zeroB) {
    fpExc.flags |= DZ;
    return infinity(f, sign);
  }
  if (zeroA || infB) return zero(f, sign);
  // a quotient of at least F+3 bits, the remainder folded into the sticky bit
  const k = Math.max(0, f.F + 4 + bitLength(ub.mant) - bitLength(ua.mant));
  const num = ua.mant << big(k);
  const q = num / ub.mant;
  return round(f, sign, q, ua.exp - ub.exp - k, q * ub.mant !== num, rm);
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

export function fpSqrt(f: FpFormat, a: bigint, rm: Rm): bigint {
  const ua = unpack(f, a);
  if (isNaN(ua)) return nanResult(f, ua);
  if (ua.kind === Kind.Zero) return zero(f, ua.sign);
  if (ua.sign === 1) return invalid(f);
  if (ua.kind === Kind.Inf) return infinity(f, 0);
  let m = ua.mant, e = ua.exp;
  if (e & 1) {
    m <<= 1n;
    e -= 1;
  }
  // scale by 4^k so the root has at least F+3 bits
  const k = Math.max(0, Math.ceil((2 * (f.F + 4) - bitLength(m)) / 2));
  const n = m << big(2 * k);
  const r = isqrt(n);
  return round(f, 0, r, e / 2 - k, r * r !== n, rm);
}

/** (-1)^negProduct * a * b + (-1)^negAddend * c, rounded once (fmadd, fmsub, fnmsub, fnmadd). */
export function fpMulAdd(f: FpFormat, a: bigint, b: bigint, c: bigint, negProduct: boolean, negAddend: boolean, rm: Rm): bigint {
  const ua = unpack(f, a), ub = unpack(f, b), uc = unpack(f, c);
  const infA = ua.kind === Kind.Inf, infB = ub.kind === Kind.Inf;
  const zeroA = ua.kind === Kind.Zero, zeroB = ub.kind === Kind.Zero;
  // inf * 0 is invalid even with a quiet NaN addend
  if ((infA && zeroB) || (zeroA && infB)) return invalid(f);
  if (isNaN(ua) || isNaN(ub) || isNaN(uc)) return nanResult(f, ua, ub, uc);
  const signP = ua.sign ^ ub.sign ^ (negProduct ? 1 : 0);
  const signC = uc.sign ^ (negAddend ? 1 : 0);
  const infP = infA || infB, infC = uc.kind === Kind.Inf;
  if (infP && infC && signP !== signC) return invalid(f);
  if (infP) return infinity(f, signP);
  if (infC) return infinity(f, signC);
  const zeroP = zeroA || zeroB, zeroC = uc.kind === Kind.Zero;
  if (zeroP && zeroC) return signP === signC ? zero(f, signP) : zero(f, rm === Rm.RDN ? 1 : 0);
  const product: Exact = { v: signP ? -(ua.mant * ub.mant) : ua.mant * ub.mant, exp: ua.exp + ub.exp };
  const addend: Exact = { v: signC ? -uc.mant : uc.mant, exp: uc.exp };
  return roundSum(f, addExact(product, addend), rm);
}

/** Orders two non-NaN values: -1, 0, 1 (-0 and +0 are equal). */
function compareValues(a: Unpacked, b: Unpacked): number {
  const rank = (u: Unpacked): number => (u.kind === Kind.Inf ? (u.sign ? -1 : 1) : 0);
  const ra = rank(a), rb = rank(b);
  if (ra !== 0 || rb !== 0) return Math.sign(ra - rb);
  const d = addExact(signed(a), { v: -signed(b).v, exp: b.exp }).v;
  return d > 0n ? 1 : d < 0n ? -1 : 0;
}

/** fmin (max = false) / fmax: minimumNumber / maximumNumber of IEEE 754-2019. */
export function fpMinMax(f: FpFormat, a: bigint, b: bigint, max: boolean): bigint {
  const ua = unpack(f, a), ub = unpack(f, b);
  if (ua.kind === Kind.SNaN || ub.kind === Kind.SNaN) fpExc.flags |= NV;
  if (isNaN(ua) && isNaN(ub)) return canonicalNaN(f);
  if (isNaN(ua)) return b;
  if (isNaN(ub)) return a;
  const c = compareValues(ua, ub);
  if (c === 0) return max ? (ua.sign === 0 ? a : b) : ua.sign === 1 ? a : b;
  return (c > 0) === max ? a : b;
}

export const enum Cmp {
  Le = 0,
  Lt = 1,
  Eq = 2,
}

/** feq (quiet: invalid only for signalling NaNs), flt and fle (signalling): 1 or 0. */
export function fpCompare(f: FpFormat, a: bigint, b: bigint, op: Cmp): number {
  const ua = unpack(f, a), ub = unpack(f, b);
  if (isNaN(ua) || isNaN(ub)) {
    if (op !== Cmp.Eq || ua.kind === Kind.SNaN || ub.kind === Kind.SNaN) fpExc.flags |= NV;
    return 0;
  }
  const c = compareValues(ua, ub);
  return (op === Cmp.Eq ? c === 0 : op === Cmp.Lt ? c < 0 : c <= 0) ? 1 : 0;
}

/** fclass: one bit of 0 -inf, 1 -normal, 2 -subnormal, 3 -0, 4 +0, 5 +subnormal, 6 +normal, 7 +inf, 8 sNaN, 9 qNaN. */
export function fpClass(f: FpFormat, a: bigint): number {
  const u = unpack(f, a);
  switch (u.kind) {
    case Kind.SNaN: return 1 << 8;
    case Kind.QNaN: return 1 << 9;
    case Kind.Inf: return u.sign ? 1 << 0 : 1 << 7;
    case Kind.Zero: return u.sign ? 1 << 3 : 1 << 4;
    default: {
      const subnormal = u.mant < 1n << big(f.F);
      return u.sign ? (subnormal ? 1 << 2 : 1 << 1) : subnormal ? 1 << 5 : 1 << 6;
    }
  }
}

/** fcvt between formats. */
export function fpConvert(from: FpFormat, to: FpFormat, a: bigint, rm: Rm): bigint {
  const u = unpack(from, a);
  if (isNaN(u)) return nanResult(to, u);
  if (u.kind === Kind.Inf) return infinity(to, u.sign);
  if (u.kind === Kind.Zero) return zero(to, u.sign);
  return round(to, u.sign, u.mant, u.exp, false, rm);
}

/** Rounds v * 2^exp to an integer in mode rm; whether it was inexact. */
function roundToInteger(x: Exact, rm: Rm): { int: bigint; inexact: boolean } {
  if (x.exp >= 0) return { int: x.v << big(x.exp), inexact: false };
  const neg = x.v < 0n;
  const { q, inexact } = roundShift(neg ? -x.v : x.v, -x.exp, false, rm, neg ? 1 : 0);
  return { int: neg ? -q : q, inexact };
}

/**
 * fcvt.{w,wu,l,lu}: the value rounded to a `bits`-bit integer, saturating with invalid
 * (NaN: the largest positive value). Returns the integer as a BigInt (in range).
 */
export function fpToInt(f: FpFormat, a: bigint, bits: 32 | 64, unsigned: boolean, rm: Rm): bigint {
  const u = unpack(f, a);
  const lo = unsigned ? 0n : -(1n << big(bits - 1));
  const hi = unsigned ? ones(bits) : ones(bits - 1);
  if (isNaN(u)) {
    fpExc.flags |= NV;
    return hi;
  }
  if (u.kind === Kind.Inf) {
    fpExc.flags |= NV;
    return u.sign ? lo : hi;
  }
  if (u.kind === Kind.Zero) return 0n;
  const { int, inexact } = roundToInteger(signed(u), rm);
  if (int < lo || int > hi) {
    fpExc.flags |= NV;
    return int < lo ? lo : hi;
  }
  if (inexact) fpExc.flags |= NX;
  return int;
}

/** fcvt.{s,d}.{w,wu,l,lu}: an integer value rounded to format f. */
export function fpFromInt(f: FpFormat, value: bigint, rm: Rm): bigint {
  if (value === 0n) return zero(f, 0);
  return round(f, value < 0n ? 1 : 0, value < 0n ? -value : value, 0, false, rm);
}
