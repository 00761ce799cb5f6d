// What generated FP code calls through H: the slow paths behind the inline fast paths.
// Two tiers: number-based code for finite operands in round-to-nearest-even (exact
// zeros, and the inexact flag from error-free transformations), and the exact BigInt
// model (softfloat.ts) for everything else (NaNs, infinities, results that may
// underflow or overflow, other rounding modes).
//
// Conventions: fmt 0 is single, 1 double; `rm` is a resolved rounding mode (the
// instruction's, or frm for dynamic), and a helper given an invalid one (5..7) reports
// it so the caller raises an illegal-instruction exception. Singles that are not
// properly NaN-boxed read as the canonical NaN.
import type { CpuState } from '../../translate/cpu-state.js';
import { hi as hiOut } from '../../translate/int64.js';
import { fmaD, fmaS, productError, roundAway, roundEven, sumError } from '../common/ieee-fast.js';
import {
  Cmp, F32, F64, fpAdd, fpClass, fpCompare, fpConvert, fpDiv, fpExc, fpFromInt, fpMinMax, fpMul,
  fpMulAdd, fpSqrt, fpToInt, NX, Rm, type FpFormat,
} from './softfloat.js';

/** Operation codes shared by the emitters and rvArith. */
export const enum FpOp {
  Add = 0,
  Sub = 1,
  Mul = 2,
  Div = 3,
  Sqrt = 4,
  Min = 5,
  Max = 6,
  /** MAdd + k: fmadd, fmsub, fnmsub, fnmadd (the major-opcode order). */
  MAdd = 8,
}

export const MIN_NORMAL = [1.1754943508222875e-38, 2.2250738585072014e-308];
export const MAX_FINITE = [3.4028234663852886e38, 1.7976931348623157e308];
/** The canonical single NaN's bits, as an int32. */
export const CANONICAL_NAN_S = 0x7fc00000;

const FORMATS: readonly FpFormat[] = [F32, F64];

// ---- register access ----

export function readBits(S: CpuState, fmt: number, n: number): bigint {
  if (fmt === 1) return S.vview.getBigUint64(8 * n, true);
  return S.v32[2 * n + 1] === -1 ? BigInt(S.v32[2 * n] >>> 0) : BigInt(CANONICAL_NAN_S);
}

export function writeBits(S: CpuState, fmt: number, d: number, bits: bigint): void {
  if (fmt === 1) {
    S.vview.setBigUint64(8 * d, bits, true);
  } else {
    S.v32[2 * d] = Number(bits) | 0;
    S.v32[2 * d + 1] = -1;
  }
}

/** A register as a number: NaN for NaNs (any payload) and for singles that are not NaN-boxed. */
export function readNum(S: CpuState, fmt: number, n: number): number {
  if (fmt === 1) return S.vf64[n];
  return S.v32[2 * n + 1] === -1 ? S.vf32[2 * n] : NaN;
}

/** Writes a non-NaN number. */
function writeNum(S: CpuState, fmt: number, d: number, x: number): void {
  if (fmt === 1) {
    S.vf64[d] = x;
  } else {
    S.vf32[2 * d] = x;
    S.v32[2 * d + 1] = -1;
  }
}

/** Runs an exact-model computation with fresh flags; returns the flags it raised. */
function exact(run: () => void): number {
  fpExc.flags = 0;
  run();
  return fpExc.flags;
}

// ---- arithmetic ----

const arity = (op: number): number => (op === FpOp.Sqrt ? 1 : op >= FpOp.MAdd ? 3 : 2);

/** The exact operation on bit patterns. */
function exactArith(f: FpFormat, op: number, x: bigint, y: bigint, z: bigint, rm: Rm): bigint {
  switch (op) {
    case FpOp.Add: return fpAdd(f, x, y, rm);
    case FpOp.Sub: return fpAdd(f, x, y, rm, true);
    case FpOp.Mul: return fpMul(f, x, y, rm);
    case FpOp.Div: return fpDiv(f, x, y, rm);
    case FpOp.Sqrt: return fpSqrt(f, x, rm);
    case FpOp.Min: return fpMinMax(f, x, y, false);
    case FpOp.Max: return fpMinMax(f, x, y, true);
    default: {
      const k = op - FpOp.MAdd; // fmadd, fmsub, fnmsub, fnmadd
      return fpMulAdd(f, x, y, z, k >= 2, k === 1 || k === 3, rm);
    }
  }
}

/** The round-to-nearest result of op on finite numbers (NaN when the FMA emulation is unsure). */
function numberArith(op: number, fmt: number, x: number, y: number, z: number): number {
  let r: number;
  switch (op) {
    case FpOp.Add: r = x + y; break;
    case FpOp.Sub: r = x - y; break;
    case FpOp.Mul: r = x * y; break;
    case FpOp.Div: r = x / y; break;
    case FpOp.Sqrt: r = Math.sqrt(x); break;
    case FpOp.Min: return Math.min(x, y);
    case FpOp.Max: return Math.max(x, y);
    default: {
      const k = op - FpOp.MAdd;
      const a = k >= 2 ? -x : x, c = k === 1 || k === 3 ? -z : z;
      return fmt === 1 ? fmaD(a, y, c) : fmaS(a, y, c);
    }
  }
  return fmt === 1 ? r : Math.fround(r);
}

/** Whether a zero result of op on finite non-NaN operands is exact (not an underflow). */
function exactZero(op: number, x: number, y: number): boolean {
  switch (op) {
    case FpOp.Add: case FpOp.Sub: case FpOp.Sqrt: case FpOp.Min: case FpOp.Max: return true;
    case FpOp.Div: return x === 0;
    default: return x === 0 || y === 0;
  }
}

/**
 * An arithmetic op off the inline path: writes fd, returns the flags raised, or -1 for an
 * invalid rounding mode.
 */
export function rvArith(S: CpuState, op: number, fmt: number, rm: number, d: number, a: number, b: number, c: number): number {
  if (rm > Rm.RMM) return -1;
  const k = arity(op);
  if (rm === Rm.RNE) {
    const x = readNum(S, fmt, a), y = k > 1 ? readNum(S, fmt, b) : 0, z = k > 2 ? readNum(S, fmt, c) : 0;
    if (x - x === 0 && y - y === 0 && z - z === 0) {
      const r = numberArith(op, fmt, x, y, z);
      const ar = Math.abs(r);
      if (ar <= MAX_FINITE[fmt] && (ar > MIN_NORMAL[fmt] || (r === 0 && exactZero(op, x, y)))) {
        const flags = rvInexact(op, fmt, x, y, z, r);
        writeNum(S, fmt, d, r);
        return flags;
      }
    }
  }
  const f = FORMATS[fmt];
  return exact(() =>
    writeBits(S, fmt, d, exactArith(f, op, readBits(S, fmt, a), k > 1 ? readBits(S, fmt, b) : 0n, k > 2 ? readBits(S, fmt, c) : 0n, rm as Rm)),
  );
}

const F64A = new Float64Array(1);
const U64A = new BigUint64Array(F64A.buffer);
const F32A = new Float32Array(1);
const U32A = new Uint32Array(F32A.buffer);

/** The bits of a finite number in format fmt. */
function numBits(fmt: number, x: number): bigint {
  if (fmt === 1) {
    F64A[0] = x;
    return U64A[0];
  }
  F32A[0] = x;
  return BigInt(U32A[0]);
}

/** The flags of a round-to-nearest op on finite operands, from the exact model. */
function exactFlags(op: number, fmt: number, x: number, y: number, z: number): number {
  const f = FORMATS[fmt];
  return exact(() => exactArith(f, op, numBits(fmt, x), numBits(fmt, y), numBits(fmt, z), Rm.RNE));
}

/**
 * NX for a round-to-nearest op on finite operands whose result r is finite and either
 * normal or an exact zero, from error-free transformations (TwoSum, TwoProduct). The
 * inline code calls it only while NX is clear, so the sticky flag costs nothing once set.
 */
export function rvInexact(op: number, fmt: number, x: number, y: number, z: number, r: number): number {
  const single = fmt === 0;
  switch (op) {
    case FpOp.Min:
    case FpOp.Max:
      return 0;
    case FpOp.Add:
    case FpOp.Sub: {
      const b = op === FpOp.Sub ? -y : y;
      const s = x + b;
      return sumError(x, b, s) !== 0 || (single && r !== s) ? NX : 0;
    }
    case FpOp.Mul: {
      if (single) return x * y !== r ? NX : 0; // the product of two singles is exact in a double
      const e = productError(x, y, r);
      return e !== e ? exactFlags(op, fmt, x, y, z) & NX : e !== 0 ? NX : 0;
    }
    case FpOp.Div: {
      // x / y is exact iff r * y == x exactly
      if (single) return r * y !== x ? NX : 0;
      if (r === 0) return 0;
      const p = r * y;
      const e = productError(r, y, p);
      return e !== e ? exactFlags(op, fmt, x, y, z) & NX : p !== x || e !== 0 ? NX : 0;
    }
    case FpOp.Sqrt: {
      if (single) return r * r !== x ? NX : 0;
      const p = r * r;
      const e = productError(r, r, p);
      return e !== e ? exactFlags(op, fmt, x, y, z) & NX : p !== x || e !== 0 ? NX : 0;
    }
    default: {
      const k = op - FpOp.MAdd;
      const a = k >= 2 ? -x : x, c = k === 1 || k === 3 ? -z : z;
      const p = a * y;
      if (single) {
        const s = p + c; // p is exact
        return sumError(p, c, s) !== 0 || Math.fround(s) !== s ? NX : 0;
      }
      const pe = productError(a, y, p);
      if (pe === 0) {
        const s = p + c;
        if (sumError(p, c, s) === 0) return 0;
      }
      return exactFlags(op, fmt, x, y, z) & NX;
    }
  }
}

// ---- compares, class ----

/** The flags of feq/flt/fle when an operand is a NaN (the result is 0 then). */
export function rvCmpFlags(S: CpuState, fmt: number, op: number, a: number, b: number): number {
  const f = FORMATS[fmt];
  return exact(() => fpCompare(f, readBits(S, fmt, a), readBits(S, fmt, b), op as Cmp));
}

export function rvClass(S: CpuState, fmt: number, n: number): number {
  return fpClass(FORMATS[fmt], readBits(S, fmt, n));
}

// ---- conversions ----

/** Flags of the last rvToInt (-1: invalid rounding mode). */
export const rvFlagsOut = new Int32Array(1);

/** Rounds to an integral number in mode rm; NaN for an invalid mode. */
export function rvRoundInt(x: number, rm: number): number {
  switch (rm) {
    case Rm.RNE: return roundEven(x);
    case Rm.RTZ: return Math.trunc(x);
    case Rm.RDN: return Math.floor(x);
    case Rm.RUP: return Math.ceil(x);
    case Rm.RMM: return roundAway(x);
    default: return NaN;
  }
}

/**
 * fcvt.{w,wu,l,lu} (kind 0..3) off the inline path: the low half of the sign-extended
 * result; the high half in H.hi[0], the flags in rvFlagsOut[0].
 */
export function rvToInt(S: CpuState, fmt: number, n: number, kind: number, rm: number): number {
  if (rm > Rm.RMM) {
    rvFlagsOut[0] = -1;
    return 0;
  }
  let v = 0n;
  const wide = kind >= 2;
  rvFlagsOut[0] = exact(() => {
    v = fpToInt(FORMATS[fmt], readBits(S, fmt, n), wide ? 64 : 32, (kind & 1) === 1, rm as Rm);
  });
  const l = Number(BigInt.asIntN(32, v));
  hiOut[0] = wide ? Number(BigInt.asIntN(32, v >> 32n)) : l >> 31;
  return l;
}

/** fcvt.{s,d}.{w,wu,l,lu} (kind 0..3) off the inline path: writes fd, returns the flags or -1. */
export function rvFromInt(S: CpuState, fmt: number, d: number, lo: number, hi: number, kind: number, rm: number): number {
  if (rm > Rm.RMM) return -1;
  let v: bigint;
  switch (kind) {
    case 0: v = BigInt(lo | 0); break;
    case 1: v = BigInt(lo >>> 0); break;
    case 2: v = (BigInt(hi | 0) << 32n) | BigInt(lo >>> 0); break;
    default: v = (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
  }
  return exact(() => writeBits(S, fmt, d, fpFromInt(FORMATS[fmt], v, rm as Rm)));
}

/** fcvt.s.d (to 0) and fcvt.d.s (to 1) off the inline path: writes fd, returns the flags or -1. */
export function rvCvtFF(S: CpuState, to: number, d: number, n: number, rm: number): number {
  if (rm > Rm.RMM) return -1;
  const from = 1 - to;
  return exact(() => writeBits(S, to, d, fpConvert(FORMATS[from], FORMATS[to], readBits(S, from, n), rm as Rm)));
}

export const fpRuntime = {
  rvArith, rvInexact, rvCmpFlags, rvClass, rvFlagsOut, rvRoundInt, rvToInt, rvFromInt, rvCvtFF,
  rvFmaD: fmaD, rvFmaS: fmaS, rvRoundEven: roundEven, rvRoundAway: roundAway,
};
