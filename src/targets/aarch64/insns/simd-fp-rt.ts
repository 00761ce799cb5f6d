// Runtime of the SIMD floating-point emitters: the whole-instruction slow path (it
// recomputes every lane with the exact soft-float and returns the FPSR flags), and
// small per-lane helpers the fast paths call: fused multiply-adds and the rounding
// functions JS lacks.
import {
  DOUBLE, FpEnv, HALF, Rounding, SINGLE, fixedToFp, fpAdd, fpCompare, fpConvert, fpConvertFromHalf, fpDiv, fpMinMax,
  fpMul, fpMulAdd, fpRSqrtEstimate, fpRecipEstimate, fpRecpX, fpRoundInt, fpSqrt, fpStepFused, fpToFixed,
  unsignedEstimate, type Fmt,
} from './simd-softfloat.js';

/** Operations of the slow path. */
export const enum FOp {
  Add, Sub, Mul, Div, Mulx, Abd, Max, Min, MaxNm, MinNm, Mla, Mls, Recps, Rsqrts,
  CmEq, CmGe, CmGt, AcGe, AcGt, CmEq0, CmGe0, CmGt0, CmLe0, CmLt0,
  Abs, Neg, Sqrt, Recpe, Rsqrte, Recpx, Urecpe, Ursqrte,
  RintN, RintA, RintP, RintM, RintZ, RintX, RintI,
  CvtNS, CvtNU, CvtMS, CvtMU, CvtPS, CvtPU, CvtAS, CvtAU, CvtZS, CvtZU,
  Scvtf, Ucvtf, Cvtl, Cvtn, Cvtxn,
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

const FMT: readonly Fmt[] = [HALF, HALF, SINGLE, DOUBLE];

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
function apply(op: FOp, sz: number, a: bigint, b: bigint, acc: bigint, imm: number, env: FpEnv): bigint {
  const f = FMT[sz];
  const sign = 1n << BigInt(f.N - 1);
  const mask = (c: boolean): bigint => (c ? (1n << BigInt(f.N)) - 1n : 0n);
  switch (op) {
    case FOp.Add: return fpAdd(a, b, f, env);
    case FOp.Sub: return fpAdd(a, b, f, env, true);
    case FOp.Mul: return fpMul(a, b, f, env);
    case FOp.Div: return fpDiv(a, b, f, env);
    case FOp.Mulx: return fpMul(a, b, f, env, true);
    case FOp.Abd: return fpAdd(a, b, f, env, true) & (sign - 1n);
    case FOp.Max: return fpMinMax(a, b, f, env, true, false);
    case FOp.Min: return fpMinMax(a, b, f, env, false, false);
    case FOp.MaxNm: return fpMinMax(a, b, f, env, true, true);
    case FOp.MinNm: return fpMinMax(a, b, f, env, false, true);
    case FOp.Mla: return fpMulAdd(acc, a, b, f, env);
    case FOp.Mls: return fpMulAdd(acc, a ^ sign, b, f, env);
    case FOp.Recps: return fpStepFused(a, b, f, env, false);
    case FOp.Rsqrts: return fpStepFused(a, b, f, env, true);
    case FOp.CmEq: return mask(fpCompare(a, b, f, env, 'eq'));
    case FOp.CmGe: return mask(fpCompare(a, b, f, env, 'ge'));
    case FOp.CmGt: return mask(fpCompare(a, b, f, env, 'gt'));
    case FOp.AcGe: return mask(fpCompare(a, b, f, env, 'ge', true));
    case FOp.AcGt: return mask(fpCompare(a, b, f, env, 'gt', true));
    case FOp.CmEq0: return mask(fpCompare(a, 0n, f, env, 'eq'));
    case FOp.CmGe0: return mask(fpCompare(a, 0n, f, env, 'ge'));
    case FOp.CmGt0: return mask(fpCompare(a, 0n, f, env, 'gt'));
    case FOp.CmLe0: return mask(fpCompare(0n, a, f, env, 'ge'));
    case FOp.CmLt0: return mask(fpCompare(0n, a, f, env, 'gt'));
    case FOp.Abs: return a & (sign - 1n);
    case FOp.Neg: return a ^ sign;
    case FOp.Sqrt: return fpSqrt(a, f, env);
    case FOp.Recpe: return fpRecipEstimate(a, f, env);
    case FOp.Rsqrte: return fpRSqrtEstimate(a, f, env);
    case FOp.Recpx: return fpRecpX(a, f, env);
    case FOp.Urecpe: return BigInt(unsignedEstimate(Number(a), false) >>> 0);
    case FOp.Ursqrte: return BigInt(unsignedEstimate(Number(a), true) >>> 0);
    case FOp.Scvtf: return fixedToFp(BigInt.asIntN(f.N, a), imm, f, env);
    case FOp.Ucvtf: return fixedToFp(a, imm, f, env);
    default: break;
  }
  const rint = RINT_MODES[op];
  if (rint !== undefined) return fpRoundInt(a, f, env, rint === -1 ? env.rounding : rint, op === FOp.RintX);
  const cvt = CVT_MODES[op];
  if (cvt) return fpToFixed(a, f, imm, cvt[1], f.N, env, cvt[0] as Rounding);
  throw new Error(`simdFpSlow: op ${op}`);
}

/**
 * The whole instruction through the exact soft-float: reads the lanes, computes every
 * result, writes Vd and returns the FPSR cumulative flags raised.
 */
function simdFpSlow(v32: Int32Array, op: FOp, shape: FShape, sz: number, count: number, d: number, n: number, m: number,
  idx: number, imm: number, fpcr: number): number {
  const env = new FpEnv(fpcr);
  const out: bigint[] = [];
  switch (shape) {
    case FShape.Elem:
    case FShape.Acc:
      for (let i = 0; i < count; i++) {
        const b = m < 0 ? 0n : getLane(v32, m, sz, idx < 0 ? i : idx);
        const acc = shape === FShape.Acc ? getLane(v32, d, sz, i) : 0n;
        out.push(apply(op, sz, getLane(v32, n, sz, i), b, acc, imm, env));
      }
      putLanes(v32, d, sz, 0, out, false);
      break;
    case FShape.Pair: {
      const lane = (j: number): bigint => (j < count ? getLane(v32, n, sz, j) : getLane(v32, m, sz, j - count));
      for (let i = 0; i < count; i++) out.push(apply(op, sz, lane(2 * i), lane(2 * i + 1), 0n, imm, env));
      putLanes(v32, d, sz, 0, out, false);
      break;
    }
    case FShape.Across: {
      const reduce = (lo: number, len: number): bigint =>
        len === 1 ? getLane(v32, n, sz, lo) : apply(op, sz, reduce(lo, len / 2), reduce(lo + len / 2, len / 2), 0n, imm, env);
      putLanes(v32, d, sz, 0, [reduce(0, count)], false);
      break;
    }
    case FShape.Widen:
      for (let i = 0; i < count; i++) {
        const x = getLane(v32, n, sz, i + idx * count);
        out.push(sz === 1 ? fpConvertFromHalf(x, SINGLE, env) : fpConvert(x, SINGLE, DOUBLE, env));
      }
      putLanes(v32, d, sz + 1, 0, out, false);
      break;
    case FShape.Narrow:
      for (let i = 0; i < count; i++) {
        const x = getLane(v32, n, sz + 1, i);
        out.push(fpConvert(x, FMT[sz + 1], FMT[sz], env, op === FOp.Cvtxn ? Rounding.Odd : env.rounding));
      }
      putLanes(v32, d, sz, idx * count, out, idx === 1);
      break;
  }
  return env.flags;
}

// ---- fast-path lane helpers ----

const scratch = new Float64Array(1);
const scratchWords = new Int32Array(scratch.buffer);

/** x + y rounded to odd (the sticky rounding that makes a later rounding exact). */
function addRoundOdd(x: number, y: number): number {
  const s = x + y;
  const bb = s - x;
  const err = (x - (s - bb)) + (y - bb);
  if (err === 0) return s;
  scratch[0] = s;
  if (scratchWords[0] & 1) return s;
  // Step one unit in the last place toward the exact sum.
  const up = err > 0 === s > 0;
  const lo = scratchWords[0];
  if (up) {
    scratchWords[0] = lo + 1;
  } else {
    scratchWords[0] = lo - 1;
    if (lo === 0) scratchWords[1] -= 1;
  }
  return scratch[0];
}

/** Fused a*b + c on single-precision values (the product is exact in a double). */
function fpFma32(a: number, b: number, c: number): number {
  return Math.fround(addRoundOdd(a * b, c));
}

const SPLIT = 134217729; // 2^27 + 1, Dekker's splitter
const softEnv = new FpEnv(0);
const f64Bits = (x: number): bigint => {
  scratch[0] = x;
  return (BigInt(scratchWords[1] >>> 0) << 32n) | BigInt(scratchWords[0] >>> 0);
};
const bitsF64 = (b: bigint): number => {
  scratchWords[0] = Number(BigInt.asIntN(32, b));
  scratchWords[1] = Number(BigInt.asIntN(32, b >> 32n));
  return scratch[0];
};

/** The soft-float fused multiply-add on doubles. */
const softFma64 = (a: number, b: number, c: number): number =>
  bitsF64(fpMulAdd(f64Bits(c), f64Bits(a), f64Bits(b), DOUBLE, softEnv));

/**
 * Fused a*b + c on doubles: Boldo and Melquiond's emulation (exact product by Dekker
 * splitting, exact sum, round-to-odd of the tails, one final rounding). Outside the
 * range where that is exact (huge or tiny magnitudes) it defers to the soft-float.
 * Non-finite operands give some non-finite value (the caller then takes the slow path).
 */
function fpFma64(a: number, b: number, c: number): number {
  const p = a * b;
  if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c) || a === 0 || b === 0) return p + c;
  const ap = Math.abs(p);
  if (!(ap >= 2 ** -900 && ap <= 2 ** 1000) || Math.abs(a) > 2 ** 995 || Math.abs(b) > 2 ** 995 || Math.abs(c) > 2 ** 1000) {
    return softFma64(a, b, c);
  }
  const ca = SPLIT * a, ah = ca - (ca - a), al = a - ah;
  const cb = SPLIT * b, bh = cb - (cb - b), bl = b - bh;
  const pl = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
  const th = c + p;
  const bb = th - c;
  const tl = (c - (th - bb)) + (p - bb);
  const r = th + addRoundOdd(tl, pl);
  return r !== 0 && Math.abs(r) < 2 ** -900 ? softFma64(a, b, c) : r;
}

/** Round to integral, ties to even, keeping the sign of zero (FRINTN). */
function fpRintN(x: number): number {
  if (!(Math.abs(x) < 4503599627370496)) return x;
  const f = Math.floor(x);
  const diff = x - f;
  const r = diff > 0.5 ? f + 1 : diff < 0.5 ? f : f % 2 === 0 ? f : f + 1;
  return r === 0 ? (x < 0 || Object.is(x, -0) ? -0 : 0) : r;
}

/** Round to integral, ties away from zero (FRINTA). */
function fpRintA(x: number): number {
  if (!(Math.abs(x) < 4503599627370496)) return x;
  const t = Math.trunc(x);
  const r = Math.abs(x - t) >= 0.5 ? t + Math.sign(x) : t;
  return r === 0 ? (x < 0 || Object.is(x, -0) ? -0 : 0) : r;
}

export const fpRuntime = { simdFpSlow, fpFma32, fpFma64, fpRintN, fpRintA };
