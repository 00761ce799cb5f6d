// Runtime of the SIMD floating-point emitters: the whole-instruction slow path (it
// recomputes every lane with the exact Arm FP model of softfloat/arm-fp.ts and
// estimate.ts, and returns the FPSR flags), plus the number-based lane helpers of common/ieee-fast.ts the fast paths call (fused
// multiply-adds that return NaN when they cannot be exact, and the roundings JS lacks).
import {
  fixedToFp, FP16, FP32, FP64, fpAbs, fpAdd, fpcrRounding, fpCompareEq, fpCompareGe, fpConvert, fpDiv, fpExc, fpMax,
  fpMaxNum, fpMin, fpMinNum, fpMul, fpMulAdd, fpNeg, fpRoundInt, fpRoundIntN, fpSqrt, FPSR_IXC, FPSR_UFC, fpStepFused, fpToFixed,
  Rounding, type FpFormat,
} from '../softfloat/arm-fp.js';
import { fpRecipEstimate, fpRecpX, fpRSqrtEstimate, unsignedEstimate } from '../softfloat/estimate.js';
import { fmaD, fmaS, productError, roundAway, roundEven, sumError } from '../../common/ieee-fast.js';

/** Operations of the slow path. */
export const enum FOp {
  Add, Sub, Mul, Div, Mulx, Abd, Max, Min, MaxNm, MinNm, Mla, Mls, Recps, Rsqrts,
  CmEq, CmGe, CmGt, AcGe, AcGt, CmEq0, CmGe0, CmGt0, CmLe0, CmLt0,
  Abs, Neg, Sqrt, Recpe, Rsqrte, Recpx, Urecpe, Ursqrte,
  RintN, RintA, RintP, RintM, RintZ, RintX, RintI,
  CvtNS, CvtNU, CvtMS, CvtMU, CvtPS, CvtPU, CvtAS, CvtAU, CvtZS, CvtZU,
  Scvtf, Ucvtf, Cvtl, Cvtn, Cvtxn,
  /** FRINT32Z, FRINT32X, FRINT64Z, FRINT64X. */
  Rint32Z, Rint32X, Rint64Z, Rint64X,
}

/** How lanes map to the result (see simdFpSlow). */
export const enum FShape {
  /** d[i] = op(n[i], m[i] or m[idx]). */
  Elem,
  /** d[i] = op(d[i], n[i], m[i] or m[idx]) (FMLA, FMLS). */
  Acc,
  /** d[i] = op over adjacent pairs of m:n. */
  Pair,
  /** d[0] = tree reduction of n. */
  Across,
  /** Wide d[i] from narrow n[i + idx * count] (FCVTL). */
  Widen,
  /** Narrow d[i + idx * count] from wide n[i] (FCVTN, FCVTXN); idx 1 keeps the low half. */
  Narrow,
}

const FMT: readonly FpFormat[] = [FP16, FP16, FP32, FP64];

function getLane(v32: Int32Array, reg: number, sz: number, i: number): bigint {
  if (sz === 3) return (BigInt(v32[4 * reg + 2 * i + 1] >>> 0) << 32n) | BigInt(v32[4 * reg + 2 * i] >>> 0);
  if (sz === 2) return BigInt(v32[4 * reg + i] >>> 0);
  const w = v32[4 * reg + (i >> 1)];
  return BigInt(i & 1 ? w >>> 16 : w & 0xffff);
}

/** Writes `vals` as lanes of Vd starting at `first`; zeroes the rest unless `keepRest`. */
function putLanes(v32: Int32Array, reg: number, sz: number, first: number, vals: readonly bigint[], keepRest: boolean): void {
  const bytes = new Uint8Array(16);
  const dv = new DataView(bytes.buffer);
  for (let w = 0; w < 4; w++) dv.setInt32(4 * w, v32[4 * reg + w], true);
  const eb = 1 << sz;
  if (!keepRest) bytes.fill(0);
  vals.forEach((v, i) => {
    for (let b = 0; b < eb; b++) bytes[(first + i) * eb + b] = Number((v >> BigInt(8 * b)) & 0xffn);
  });
  for (let w = 0; w < 4; w++) v32[4 * reg + w] = dv.getInt32(4 * w, true);
}

const CVT_MODES: Partial<Record<FOp, [Rounding | -1, boolean]>> = {
  [FOp.CvtNS]: [Rounding.TieEven, false], [FOp.CvtNU]: [Rounding.TieEven, true],
  [FOp.CvtMS]: [Rounding.NegInf, false], [FOp.CvtMU]: [Rounding.NegInf, true],
  [FOp.CvtPS]: [Rounding.PosInf, false], [FOp.CvtPU]: [Rounding.PosInf, true],
  [FOp.CvtAS]: [Rounding.TieAway, false], [FOp.CvtAU]: [Rounding.TieAway, true],
  [FOp.CvtZS]: [Rounding.Zero, false], [FOp.CvtZU]: [Rounding.Zero, true],
};

const RINT_MODES: Partial<Record<FOp, Rounding | -1>> = {
  [FOp.RintN]: Rounding.TieEven, [FOp.RintA]: Rounding.TieAway, [FOp.RintP]: Rounding.PosInf,
  [FOp.RintM]: Rounding.NegInf, [FOp.RintZ]: Rounding.Zero, [FOp.RintX]: -1, [FOp.RintI]: -1,
};

/** One lane of `op` on bit patterns of format sz. */
function apply(op: FOp, sz: number, a: bigint, b: bigint, acc: bigint, imm: number, fpcr: number): bigint {
  const f = FMT[sz];
  const mask = (c: boolean): bigint => (c ? (1n << BigInt(f.N)) - 1n : 0n);
  switch (op) {
    case FOp.Add: return fpAdd(f, a, b, fpcr);
    case FOp.Sub: return fpAdd(f, a, b, fpcr, true);
    case FOp.Mul: return fpMul(f, a, b, fpcr);
    case FOp.Div: return fpDiv(f, a, b, fpcr);
    case FOp.Mulx: return fpMul(f, a, b, fpcr, true);
    case FOp.Abd: return fpAbs(f, fpAdd(f, a, b, fpcr, true));
    case FOp.Max: return fpMax(f, a, b, fpcr);
    case FOp.Min: return fpMin(f, a, b, fpcr);
    case FOp.MaxNm: return fpMaxNum(f, a, b, fpcr);
    case FOp.MinNm: return fpMinNum(f, a, b, fpcr);
    case FOp.Mla: return fpMulAdd(f, acc, a, b, fpcr);
    case FOp.Mls: return fpMulAdd(f, acc, fpNeg(f, a), b, fpcr);
    case FOp.Recps: return fpStepFused(f, a, b, fpcr, false);
    case FOp.Rsqrts: return fpStepFused(f, a, b, fpcr, true);
    case FOp.CmEq: return mask(fpCompareEq(f, a, b, fpcr));
    case FOp.CmGe: return mask(fpCompareGe(f, a, b, fpcr));
    case FOp.CmGt: return mask(fpCompareGe(f, a, b, fpcr, true));
    case FOp.AcGe: return mask(fpCompareGe(f, fpAbs(f, a), fpAbs(f, b), fpcr));
    case FOp.AcGt: return mask(fpCompareGe(f, fpAbs(f, a), fpAbs(f, b), fpcr, true));
    case FOp.CmEq0: return mask(fpCompareEq(f, a, 0n, fpcr));
    case FOp.CmGe0: return mask(fpCompareGe(f, a, 0n, fpcr));
    case FOp.CmGt0: return mask(fpCompareGe(f, a, 0n, fpcr, true));
    case FOp.CmLe0: return mask(fpCompareGe(f, 0n, a, fpcr));
    case FOp.CmLt0: return mask(fpCompareGe(f, 0n, a, fpcr, true));
    case FOp.Abs: return fpAbs(f, a);
    case FOp.Neg: return fpNeg(f, a);
    case FOp.Sqrt: return fpSqrt(f, a, fpcr);
    case FOp.Recpe: return fpRecipEstimate(f, a, fpcr);
    case FOp.Rsqrte: return fpRSqrtEstimate(f, a, fpcr);
    case FOp.Recpx: return fpRecpX(f, a, fpcr);
    case FOp.Urecpe: return BigInt(unsignedEstimate(Number(a), false) >>> 0);
    case FOp.Ursqrte: return BigInt(unsignedEstimate(Number(a), true) >>> 0);
    case FOp.Scvtf: return fixedToFp(f, BigInt.asIntN(f.N, a), imm, fpcr, fpcrRounding(fpcr));
    case FOp.Ucvtf: return fixedToFp(f, a, imm, fpcr, fpcrRounding(fpcr));
    case FOp.Rint32Z: return fpRoundIntN(f, a, fpcr, Rounding.Zero, 32);
    case FOp.Rint32X: return fpRoundIntN(f, a, fpcr, fpcrRounding(fpcr), 32);
    case FOp.Rint64Z: return fpRoundIntN(f, a, fpcr, Rounding.Zero, 64);
    case FOp.Rint64X: return fpRoundIntN(f, a, fpcr, fpcrRounding(fpcr), 64);
    default: break;
  }
  const rint = RINT_MODES[op];
  if (rint !== undefined) return fpRoundInt(f, a, fpcr, rint === -1 ? fpcrRounding(fpcr) : rint, op === FOp.RintX);
  const cvt = CVT_MODES[op];
  if (cvt) return fpToFixed(f, a, imm, cvt[1], f.N, fpcr, cvt[0] as Rounding);
  throw new Error(`simdFpSlow: op ${op}`);
}

/**
 * The whole instruction through the exact soft-float: reads the lanes, computes every
 * result, writes Vd and returns the FPSR cumulative flags raised.
 */
function simdFpSlow(v32: Int32Array, op: FOp, shape: FShape, sz: number, count: number, d: number, n: number, m: number,
  idx: number, imm: number, fpcr: number): number {
  fpExc.flags = 0;
  const out: bigint[] = [];
  switch (shape) {
    case FShape.Elem:
    case FShape.Acc:
      for (let i = 0; i < count; i++) {
        const b = m < 0 ? 0n : getLane(v32, m, sz, idx < 0 ? i : idx);
        const acc = shape === FShape.Acc ? getLane(v32, d, sz, i) : 0n;
        out.push(apply(op, sz, getLane(v32, n, sz, i), b, acc, imm, fpcr));
      }
      putLanes(v32, d, sz, 0, out, false);
      break;
    case FShape.Pair: {
      const lane = (j: number): bigint => (j < count ? getLane(v32, n, sz, j) : getLane(v32, m, sz, j - count));
      for (let i = 0; i < count; i++) out.push(apply(op, sz, lane(2 * i), lane(2 * i + 1), 0n, imm, fpcr));
      putLanes(v32, d, sz, 0, out, false);
      break;
    }
    case FShape.Across: {
      const reduce = (lo: number, len: number): bigint =>
        len === 1 ? getLane(v32, n, sz, lo) : apply(op, sz, reduce(lo, len / 2), reduce(lo + len / 2, len / 2), 0n, imm, fpcr);
      putLanes(v32, d, sz, 0, [reduce(0, count)], false);
      break;
    }
    case FShape.Widen:
      for (let i = 0; i < count; i++) {
        const x = getLane(v32, n, sz, i + idx * count);
        out.push(fpConvert(FMT[sz], FMT[sz + 1], x, fpcr));
      }
      putLanes(v32, d, sz + 1, 0, out, false);
      break;
    case FShape.Narrow:
      for (let i = 0; i < count; i++) {
        const x = getLane(v32, n, sz + 1, i);
        out.push(fpConvert(FMT[sz + 1], FMT[sz], x, fpcr, op === FOp.Cvtxn ? Rounding.Odd : fpcrRounding(fpcr)));
      }
      putLanes(v32, d, sz, idx * count, out, idx === 1);
      break;
  }
  return fpExc.flags;
}

const MIN_NORMAL = [0, 0, 2 ** -126, 2 ** -1022];

/**
 * IXC/UFC of one lane of a default-mode arithmetic op whose round-to-nearest result r is
 * finite, from error-free transformations; -1 when they cannot tell (tiny results,
 * double-precision fused ops, extreme magnitudes): the caller then runs the slow path.
 * a, b, c are the operands as the fast path used them (FMLS's a already negated).
 */
function simdFpCheck(op: FOp, sz: number, a: number, b: number, c: number, r: number): number {
  if (!(a - a === 0 && b - b === 0)) return 0; // e.g. x / inf: an exact zero
  const min = MIN_NORMAL[sz];
  switch (op) {
    case FOp.Add:
    case FOp.Sub:
    case FOp.Abd: {
      // Tiny sums are exact; a single-precision sum is also inexact when rounding it moved it.
      const y = op === FOp.Add ? b : -b;
      const s = a + y;
      return (sz === 2 && Math.abs(s) !== Math.abs(r)) || sumError(a, y, s) !== 0 ? FPSR_IXC : 0;
    }
    case FOp.Mul: {
      if (r === 0 && (a === 0 || b === 0)) return 0;
      if (sz === 2) {
        const p = a * b; // exact
        return p === r ? 0 : Math.abs(p) < min ? FPSR_IXC | FPSR_UFC : FPSR_IXC;
      }
      if (Math.abs(r) <= min) return -1;
      const e = productError(a, b, r);
      return e !== e ? -1 : e !== 0 ? FPSR_IXC : 0;
    }
    case FOp.Div: {
      if (a === 0) return 0;
      if (Math.abs(r) <= min) return -1;
      if (sz === 2) return r * b !== a ? FPSR_IXC : 0; // r*b is exact
      const ph = r * b, pl = productError(r, b, ph);
      return pl !== pl ? -1 : a - ph !== pl ? FPSR_IXC : 0; // a - ph is exact (Sterbenz)
    }
    case FOp.Sqrt: {
      if (a === 0) return 0;
      if (sz === 2) return r * r !== a ? FPSR_IXC : 0;
      const ph = r * r, pl = productError(r, r, ph);
      return pl !== pl ? -1 : a - ph !== pl ? FPSR_IXC : 0;
    }
    case FOp.Mla:
    case FOp.Mls: {
      if (Math.abs(r) <= min) return r === 0 && c === 0 && (a === 0 || b === 0) ? 0 : -1;
      if (sz === 3) return -1;
      const p = a * b, s = p + c;
      return s !== r || sumError(p, c, s) !== 0 ? FPSR_IXC : 0;
    }
    default:
      return -1;
  }
}

export const fpRuntime = {
  simdFpCheck, simdFpSlow, simdFmaS: fmaS, simdFmaD: fmaD, simdRoundEven: roundEven, simdRoundAway: roundAway };
