// Scalar floating point: FMOV (register, general, immediate, top half), arithmetic,
// fused multiply-add, min/max, square root, compares, conditional select/compare,
// precision conversions, round to integral (and FRINT32/64: FEAT_FRINTTS), integer/
// fixed-point conversions (and FJCVTZS: FEAT_JSCVT), in half, single and double precision.
//
// Three tiers:
//  1. Inline JS when FPCR.{RMode, FZ} are 0 (and, under FZ alone, when no operand is a
//     denormal and the result is not tiny): double arithmetic is plain JS arithmetic,
//     single is Math.fround of it (double rounding from binary64 is innocuous for +, -,
//     *, /, sqrt), FMA goes through the Boldo-Melquiond emulation (targets/common/ieee-fast.ts).
//     A NaN or infinite result calls a helper instead, so NaN payloads, Invalid
//     Operation, Divide by Zero and Overflow come out exact. FPSR flags are sticky, so the
//     inline exactness test (IXC, and UFC for tiny results) runs only while the flag is
//     still clear.
//  2. Number helpers: flush-to-zero, directed rounding (the nearest result stepped one
//     ulp by the sign of its exact error, from TwoSum/TwoProduct), compares, conversions,
//     FRINT.
//  3. The exact BigInt model of the ARM ARM pseudocode (softfloat/arm-fp.ts) for what the
//     number paths cannot settle: NaN operands, infinities, underflow and overflow,
//     extreme magnitudes, and all half-precision arithmetic.
// Every FPCR control that changes results (RMode, FZ, FZ16, DN, AHP) and every FPSR
// cumulative flag (IOC, DZC, OFC, UFC, IXC, IDC) is honoured. Trapped floating-point
// exceptions (the FPCR trap enables) are not implemented, as on most cores.
import type { CpuState } from '../../../translate/cpu-state.js';
import type { Emitter } from '../../../translate/emitter.js';
import { hi as hiOut } from '../../../translate/int64.js';
import type { Fields } from '../../common/decode-pattern.js';
import { condition, CONDITION_NAMES, FlagOp, setFlags, setNzcv } from '../flags.js';
import type { Feature } from '../features.js';
import { defineInsns } from '../insn-def.js';
import { hi, lo, rName, setReg, setX } from '../regs.js';
import {
  fixedToFp, FP16, FP32, FP64, fpAdd, fpcrRounding, fpCompare, fpConvert, FPCR_FZ, fpDiv, fpExc, fpMax,
  fpMaxNum, fpMin, fpMinNum, fpMul, fpMulAdd, fpNeg, fpRoundInt, fpRoundIntN, fpSqrt, FPSR_IDC, FPSR_IOC, FPSR_IXC, FPSR_UFC,
  fpToFixed, Rounding, vfpExpandImm, type FpFormat,
} from '../softfloat/arm-fp.js';
import { fmaD, fmaS, nextDouble, nextSingle, productError, roundAway, roundEven, sumError } from '../../common/ieee-fast.js';
import { SLOT_FPCR, SLOT_FPSR } from '../state.js';

// ---- operand encodings ----

/** ftype field: 0 single, 1 double, 3 half (2 is unallocated). */
const FORMATS: readonly (FpFormat | null)[] = [FP32, FP64, null, FP16];
const PREFIX = ['s', 'd', '?', 'h'];
const fmtOf = (ftype: number): FpFormat => FORMATS[ftype]!;
const fpName = (ftype: number, n: number): string => `${PREFIX[ftype]}${n}`;
const HALF = 3;

/** FPCR bits that change a result. */
const FZ = FPCR_FZ;
const RMODE_FZ = 0x1c00000;
const RMODE = 0x0c00000;
const MIN_NORMAL = [2 ** -126, 2 ** -1022];
const MAX_SINGLE = 3.4028234663852886e38;

// 2-source opcodes (bits 15:12), 1-source FSQRT and the 3-source forms as helper op codes.
const enum Op {
  Mul = 0, Div = 1, Add = 2, Sub = 3, Max = 4, Min = 5, MaxNm = 6, MinNm = 7, NMul = 8,
  Sqrt = 16,
  /** FMADD + (o1 << 1 | o0): FMADD, FMSUB, FNMADD, FNMSUB. */
  MAdd = 32,
}
const OP2_NAMES = ['fmul', 'fdiv', 'fadd', 'fsub', 'fmax', 'fmin', 'fmaxnm', 'fminnm', 'fnmul'];
const OP3_NAMES = ['fmadd', 'fmsub', 'fnmadd', 'fnmsub'];
const isMinMax = (op: number): boolean => op >= Op.Max && op <= Op.MinNm;

// ---- generated-code fragments ----

const fpcr = (e: Emitter): string => e.slot(SLOT_FPCR);
const orFpsr = (e: Emitter, flags: string): string => e.assign(SLOT_FPSR, `${e.slot(SLOT_FPSR)} | ${flags}`);

/** Sn or Dn as a JS number. */
const num = (ftype: number, n: number): string => (ftype === 1 ? `VF64[${2 * n}]` : `VF32[${4 * n}]`);

/** Writes a number to Sd/Dd and zeroes the rest of Vd. */
function storeNum(ftype: number, d: number, v: string): string {
  return ftype === 1
    ? `VF64[${2 * d}] = ${v}; VF64[${2 * d + 1}] = 0;`
    : `VF32[${4 * d}] = ${v}; V32[${4 * d + 1}] = 0; VF64[${2 * d + 1}] = 0;`;
}

/** Bit copy of a scalar (Hn/Sn/Dn) to Vd with its upper bits zeroed; `xor`/`and` act on the sign word. */
function copyBits(e: Emitter, ftype: number, d: number, n: number, xor = 0, and = -1): string {
  const t = e.tmp();
  const sign = (w: string): string => `(${w}${and !== -1 ? ` & ${and}` : ''})${xor ? ` ^ ${xor}` : ''}`;
  if (ftype === 1) {
    const u = e.tmp();
    return `${t} = V32[${4 * n}]; ${u} = ${sign(`V32[${4 * n + 1}]`)}; V32[${4 * d}] = ${t}; V32[${4 * d + 1}] = ${u}; VF64[${2 * d + 1}] = 0;`;
  }
  const mask = ftype === HALF ? ' & 65535' : '';
  return `${t} = (${sign(`V32[${4 * n}]`)})${mask}; V32[${4 * d}] = ${t}; V32[${4 * d + 1}] = 0; VF64[${2 * d + 1}] = 0;`;
}

// ---- runtime: register access for the helpers ----

function readBits(S: CpuState, f: FpFormat, n: number): bigint {
  const v = S.vview;
  if (f.N === 64) return v.getBigUint64(16 * n, true);
  return BigInt(f.N === 32 ? v.getUint32(16 * n, true) : v.getUint16(16 * n, true));
}

function writeBits(S: CpuState, f: FpFormat, d: number, bits: bigint): void {
  const v = S.vview;
  v.setBigUint64(16 * d + 8, 0n, true);
  if (f.N === 64) {
    v.setBigUint64(16 * d, bits, true);
  } else {
    v.setUint32(16 * d + 4, 0, true);
    v.setUint32(16 * d, Number(bits), true);
  }
}

function writeNum(S: CpuState, ftype: number, d: number, x: number): void {
  if (ftype === 1) {
    S.vf64[2 * d] = x;
  } else {
    S.vf32[4 * d] = x;
    S.v32[4 * d + 1] = 0;
  }
  S.vf64[2 * d + 1] = 0;
}

const readNum = (S: CpuState, ftype: number, n: number): number => (ftype === 1 ? S.vf64[2 * n] : S.vf32[4 * n]);

/** Runs an exact-model operation with fresh flags; returns the flags it raised. */
function exact(run: () => void): number {
  fpExc.flags = 0;
  run();
  return fpExc.flags;
}

/** Flush-to-zero of a number input: ±0 for a denormal (the caller raises IDC). */
const isDenormal = (x: number, ftype: number): boolean => x !== 0 && Math.abs(x) < MIN_NORMAL[ftype];

// ---- runtime: arithmetic slow paths ----

/** Operands an arithmetic op reads: 1 (sqrt), 2 or 3 (fused). */
const arity = (op: number): number => (op === Op.Sqrt ? 1 : op >= Op.MAdd ? 3 : 2);

/** The largest finite single and double. */
const MAX_FINITE = [MAX_SINGLE, Number.MAX_VALUE];

/**
 * The neighbour of r (not 0, not tiny, below the largest finite) that a directed rounding
 * picks, given sign(exact - r) != 0.
 */
function roundDirected(r: number, sign: number, rounding: Rounding, double: boolean): number {
  const up = rounding === Rounding.PosInf ? sign > 0 : rounding === Rounding.Zero && r < 0 && sign > 0;
  const down = rounding === Rounding.NegInf ? sign < 0 : rounding === Rounding.Zero && r > 0 && sign < 0;
  if (!up && !down) return r;
  return double ? nextDouble(r, up) : nextSingle(r, up);
}

/**
 * Tier 2: finite operands, any rounding mode and FZ. Returns the FPSR flags, or
 * -1 when the exact model must decide (NaN, infinities, overflow, results that may
 * underflow or flush).
 */
function quickArith(S: CpuState, op: number, ftype: number, d: number, n: number, m: number, a: number, fpcr: number, fpsr: number): number {
  // FNMUL negates the rounded product (it matters for the directed roundings).
  const negate = op === Op.NMul;
  if (negate) op = Op.Mul;
  const k = arity(op);
  let x = readNum(S, ftype, n), y = k > 1 ? readNum(S, ftype, m) : 0, z = k > 2 ? readNum(S, ftype, a) : 0;
  if (!(x - x === 0 && y - y === 0 && z - z === 0)) return -1;
  let flags = 0;
  const fz = (fpcr & FZ) !== 0;
  if (fz) {
    if (isDenormal(x, ftype)) { x = x < 0 ? -0 : 0; flags = FPSR_IDC; }
    if (isDenormal(y, ftype)) { y = y < 0 ? -0 : 0; flags = FPSR_IDC; }
    if (isDenormal(z, ftype)) { z = z < 0 ? -0 : 0; flags = FPSR_IDC; }
  }
  let r: number;
  let zeroExact = true; // whether a zero result is exact (not an underflow)
  switch (op) {
    case Op.Mul: r = x * y; zeroExact = x === 0 || y === 0; break;
    case Op.Div: r = x / y; zeroExact = x === 0; break;
    case Op.Add: r = x + y; break;
    case Op.Sub: r = x - y; break;
    case Op.Max: case Op.MaxNm: r = Math.max(x, y); break;
    case Op.Min: case Op.MinNm: r = Math.min(x, y); break;
    case Op.Sqrt: r = Math.sqrt(x); break;
    default: {
      const neg1 = (op - Op.MAdd) === 1 || (op - Op.MAdd) === 2; // FMSUB, FNMADD negate Vn
      const negA = op - Op.MAdd >= 2; // FNMADD, FNMSUB negate Va
      const x1 = neg1 ? -x : x, za = negA ? -z : z;
      r = ftype === 1 ? fmaD(x1, y, za) : fmaS(x1, y, za);
      zeroExact = x === 0 || y === 0;
    }
  }
  if (ftype === 0) r = Math.fround(r);
  if (!(r - r === 0)) return -1;
  const tiny = Math.abs(r) <= MIN_NORMAL[ftype];
  const rounding = fpcrRounding(fpcr);
  if (rounding !== Rounding.TieEven && !isMinMax(op)) {
    // Directed rounding: step the nearest result toward the exact value when needed.
    // Zero, tiny and extreme results (signs of zero, underflow, overflow) are the exact model's.
    if (r === 0 || tiny || Math.abs(r) >= MAX_FINITE[ftype]) return -1;
    const sign = errorSign(op, ftype, x, y, z, r);
    if (sign !== sign) return -1;
    if (sign !== 0) {
      r = roundDirected(r, sign, rounding, ftype === 1);
      flags |= FPSR_IXC;
    }
  } else {
    if (r === 0 ? !zeroExact : fz && !isMinMax(op) && tiny) return -1;
    if (!isMinMax(op) && ((fpsr & FPSR_IXC) === 0 || (tiny && (fpsr & FPSR_UFC) === 0))) flags |= fpInexact(op, ftype, x, y, z, r);
  }
  writeNum(S, ftype, d, negate ? -r : r);
  return flags;
}

/** An arithmetic op on the exact model (bit patterns in and out). */
function exactArith(f: FpFormat, op: number, x: bigint, y: bigint, z: bigint, fpcr: number): bigint {
  if (op === Op.Sqrt) return fpSqrt(f, x, fpcr);
  if (op >= Op.MAdd) {
    const o = op - Op.MAdd;
    return fpMulAdd(f, o >= 2 ? fpNeg(f, z) : z, o === 1 || o === 2 ? fpNeg(f, x) : x, y, fpcr);
  }
  switch (op) {
    case Op.Mul: return fpMul(f, x, y, fpcr);
    case Op.NMul: return fpNeg(f, fpMul(f, x, y, fpcr));
    case Op.Div: return fpDiv(f, x, y, fpcr);
    case Op.Add: return fpAdd(f, x, y, fpcr);
    case Op.Sub: return fpAdd(f, x, y, fpcr, true);
    case Op.Max: return fpMax(f, x, y, fpcr);
    case Op.Min: return fpMin(f, x, y, fpcr);
    case Op.MaxNm: return fpMaxNum(f, x, y, fpcr);
    default: return fpMinNum(f, x, y, fpcr);
  }
}

/** FADD & co. off the inline path: writes Vd, returns the FPSR flags raised. */
function fpArith(S: CpuState, op: number, ftype: number, d: number, n: number, m: number, a: number, fpcr: number, fpsr: number): number {
  if (ftype !== HALF) {
    const flags = quickArith(S, op, ftype, d, n, m, a, fpcr, fpsr);
    if (flags >= 0) return flags;
  }
  const f = fmtOf(ftype);
  return exact(() => writeBits(S, f, d, exactArith(f, op, readBits(S, f, n), readBits(S, f, m), readBits(S, f, a), fpcr)));
}

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);
const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);

/** The bits of a non-NaN number in format ftype (single or double). */
function numBits(ftype: number, x: number): bigint {
  if (ftype === 1) {
    F64[0] = x;
    return U64[0];
  }
  F32[0] = x;
  return BigInt(U32[0]);
}

/** IXC/UFC of a default-mode op on the exact model (the rare cases the number tests cannot settle). */
function exactFlags(op: number, ftype: number, x: number, y: number, z: number): number {
  const f = fmtOf(ftype);
  return exact(() => exactArith(f, op, numBits(ftype, x), numBits(ftype, y), numBits(ftype, z), 0)) & (FPSR_IXC | FPSR_UFC);
}

/**
 * sign(exact - r) for an arithmetic op whose round-to-nearest result r is finite, not
 * tiny and not 0 (x, y, z are finite operands as read; FMSUB & co. negate here), from
 * error-free transformations (TwoSum, TwoProduct); NaN when they cannot tell (extreme
 * magnitudes), leaving it to the exact model.
 */
function errorSign(op: number, ftype: number, x: number, y: number, z: number, r: number): number {
  const single = ftype === 0;
  switch (op) {
    case Op.Add:
    case Op.Sub: {
      const b = op === Op.Sub ? -y : y;
      const s = x + b;
      // For single, a double sum s != r is at least an ulp of s away, beyond s's own error.
      return single && s !== r ? Math.sign(s - r) : Math.sign(sumError(x, b, s));
    }
    case Op.Mul:
    case Op.NMul: {
      const p = x * y; // exact for single operands
      const sign = op === Op.NMul ? -1 : 1;
      return sign * Math.sign(single ? p - Math.fround(p) : productError(x, y, p));
    }
    case Op.Div:
    case Op.Sqrt: {
      // sign(x/y - r) = sign(x - r*y) * sign(y); sign(sqrt(x) - r) = sign(x - r*r)
      const b = op === Op.Div ? y : r;
      const ph = r * b;
      const k = op === Op.Div ? Math.sign(y) : 1;
      if (single) return k * Math.sign(x - ph); // r*b is exact
      const pl = productError(r, b, ph);
      return k * Math.sign(x - ph - pl); // x - ph is exact (Sterbenz): ph is within ulps of x
    }
    case Op.Max:
    case Op.Min:
    case Op.MaxNm:
    case Op.MinNm:
      return 0;
  }
  const o = op - Op.MAdd;
  const x1 = o === 1 || o === 2 ? -x : x, za = o >= 2 ? -z : z;
  const p = x1 * y;
  if (single) {
    const s = p + za;
    return s !== r ? Math.sign(s - r) : Math.sign(sumError(p, za, s));
  }
  // a*b + c - r = (th - r) + tl + ul exactly
  const ul = productError(x1, y, p);
  if (ul !== ul || !(Math.abs(za) < 2 ** 1021)) return NaN;
  const th = za + p, tl = sumError(za, p, th);
  if (th === 0) return Math.sign(ul - r); // exact cancellation: tl is 0 too
  if (!(th / r >= 0.5 && th / r <= 2)) return NaN; // th - r not surely exact
  const a = th - r;
  const s2 = tl + ul, e2 = sumError(tl, ul, s2);
  const s3 = a + s2, e3 = sumError(a, s2, s3);
  if (s3 === 0) return Math.sign(e3 + e2);
  return Math.abs(s3) > 4 * (Math.abs(e3) + Math.abs(e2)) ? Math.sign(s3) : NaN;
}

/**
 * IXC and UFC for an arithmetic op whose round-to-nearest result r is finite: inline
 * code calls this only while FPSR.IXC is clear (and for tiny results while UFC is clear),
 * so the sticky flags cost nothing once set. x, y, z are the operands as read.
 */
function fpInexact(op: number, ftype: number, x: number, y: number, z: number, r: number): number {
  if (!(x - x === 0 && y - y === 0 && z - z === 0)) return 0; // e.g. x / inf: exact
  if (op !== Op.Add && op !== Op.Sub && op !== Op.Sqrt && Math.abs(r) <= MIN_NORMAL[ftype]) {
    if (r === 0 && (x === 0 || (op !== Op.Div && y === 0))) return 0;
    return exactFlags(op, ftype, x, y, z); // tiny: underflow is decided before rounding
  }
  if (r === 0) return 0; // an exact cancellation (tiny sums are exact)
  const sign = errorSign(op, ftype, x, y, z, r);
  return sign === 0 ? 0 : sign === sign ? FPSR_IXC : exactFlags(op, ftype, x, y, z);
}

/** Whether a NaN number read from Sn/Dn is signalling (its quiet bit is clear). */
function isSignalling(S: CpuState, ftype: number, n: number): boolean {
  return ftype === 1 ? (S.v32[4 * n + 1] & (1 << 19)) === 0 : (S.v32[4 * n] & (1 << 22)) === 0;
}

/**
 * FCMP/FCMPE off the inline path (NaN operands, FZ, half precision): returns
 * flags << 2 | c with c = 0 equal, 1 less, 2 greater, 3 unordered. m < 0 compares with +0.
 */
function fpCmp(S: CpuState, ftype: number, n: number, m: number, signal: number, fpcr: number): number {
  if (ftype === HALF) {
    let nzcv = 0;
    const flags = exact(() => {
      nzcv = fpCompare(FP16, readBits(S, FP16, n), m < 0 ? 0n : readBits(S, FP16, m), signal !== 0, fpcr);
    });
    return (flags << 2) | (nzcv === 0b0110 ? 0 : nzcv === 0b1000 ? 1 : nzcv === 0b0010 ? 2 : 3);
  }
  let x = readNum(S, ftype, n), y = m < 0 ? 0 : readNum(S, ftype, m);
  let flags = 0;
  if (fpcr & FZ) {
    if (isDenormal(x, ftype)) { x = 0; flags = FPSR_IDC; }
    if (isDenormal(y, ftype)) { y = 0; flags = FPSR_IDC; }
  }
  if (x !== x || y !== y) {
    if (signal || (x !== x && isSignalling(S, ftype, n)) || (y !== y && isSignalling(S, ftype, m))) flags |= FPSR_IOC;
    return (flags << 2) | 3;
  }
  return (flags << 2) | (x < y ? 1 : x > y ? 2 : 0);
}

/** FCVT*S/FCVT*U flags out (the value comes back as lo, H.hi[0]); [1] is FJCVTZS's Z flag. */
const fpFlagsOut = new Int32Array(2);

const ROUNDERS: readonly ((x: number) => number)[] = [roundEven, Math.ceil, Math.floor, Math.trunc, roundAway];

/**
 * FCVT[NPMZA][SU] (and the fixed-point FCVTZ*) off the inline path: saturation and NaN
 * (Invalid Operation), FZ, half precision. Returns the low half; H.hi[0] is the high half
 * and fpFlagsOut[0] the flags.
 */
function fpToInt(S: CpuState, ftype: number, n: number, fbits: number, rounding: number, unsigned: number, is64: number, fpcr: number): number {
  if (ftype === HALF) {
    let r = 0n;
    fpFlagsOut[0] = exact(() => {
      r = fpToFixed(FP16, readBits(S, FP16, n), fbits, unsigned !== 0, is64 ? 64 : 32, fpcr, rounding as Rounding);
    });
    hiOut[0] = Number(BigInt.asIntN(32, r >> 32n));
    return Number(BigInt.asIntN(32, r));
  }
  let x = readNum(S, ftype, n);
  let flags = 0;
  hiOut[0] = 0;
  if (x !== x) {
    fpFlagsOut[0] = FPSR_IOC;
    return 0;
  }
  if (fpcr & FZ && isDenormal(x, ftype)) {
    x = 0;
    flags = FPSR_IDC;
  }
  const v = x * 2 ** fbits; // exact (or infinite, which saturates anyway)
  const r = ROUNDERS[rounding](v);
  const min = unsigned ? 0 : is64 ? -(2 ** 63) : -(2 ** 31);
  const max = unsigned ? (is64 ? 2 ** 64 : 2 ** 32) : is64 ? 2 ** 63 : 2 ** 31; // exclusive
  if (r < min || r >= max) {
    fpFlagsOut[0] = flags | FPSR_IOC;
    return saturate(r >= max, unsigned !== 0, is64 !== 0);
  }
  fpFlagsOut[0] = r !== v ? flags | FPSR_IXC : flags;
  if (is64) hiOut[0] = Math.floor(r / 4294967296) | 0;
  return r | 0;
}

/** The saturated integer (low half; high half in H.hi[0]). */
function saturate(high: boolean, unsigned: boolean, is64: boolean): number {
  if (unsigned) {
    hiOut[0] = high && is64 ? -1 : 0;
    return high ? -1 : 0;
  }
  if (!is64) return high ? 0x7fffffff : -0x80000000;
  hiOut[0] = high ? 0x7fffffff : -0x80000000;
  return high ? -1 : 0;
}

/** SCVTF/UCVTF off the inline path (inexact with a directed rounding, big 64-bit values, half). */
function fpFromInt(S: CpuState, ftype: number, d: number, lo32: number, hi32: number, is64: number, unsigned: number, fbits: number, fpcr: number): number {
  const bits = is64 ? (BigInt(hi32 >>> 0) << 32n) | BigInt(lo32 >>> 0) : BigInt(lo32 >>> 0);
  const value = unsigned ? bits : BigInt.asIntN(is64 ? 64 : 32, bits);
  const f = fmtOf(ftype);
  return exact(() => writeBits(S, f, d, fixedToFp(f, value, fbits, fpcr, fpcrRounding(fpcr))));
}

/** FCVT between precisions off the inline path. */
function fpCvt(S: CpuState, from: number, to: number, d: number, n: number, fpcr: number): number {
  if (from !== HALF && to !== HALF) {
    let x = readNum(S, from, n);
    if (x === x) {
      let flags = 0;
      if (fpcr & FZ && isDenormal(x, from)) {
        x = x < 0 ? -0 : 0;
        flags = FPSR_IDC;
      }
      if (to === 1) {
        writeNum(S, 1, d, x); // widening is exact
        return flags;
      }
      const r = Math.fround(x);
      const rounding = fpcrRounding(fpcr);
      if (rounding !== Rounding.TieEven) {
        // Directed: x - r is exact and tells which neighbour; tiny and huge values go exact.
        if (Math.abs(x) >= MIN_NORMAL[0] && Math.abs(r) < MAX_SINGLE) {
          const sign = Math.sign(x - r);
          writeNum(S, 0, d, sign ? roundDirected(r, sign, rounding, false) : r);
          return sign ? flags | FPSR_IXC : flags;
        }
      } else if (r - r === 0 || x - x !== 0) {
        if (r !== x) flags |= FPSR_IXC;
        if (isDenormal(x, 0)) {
          // Tiny before rounding: flushed under FZ, else Underflow when inexact.
          if (fpcr & FZ) {
            writeNum(S, 0, d, x < 0 ? -0 : 0);
            return FPSR_UFC | (flags & FPSR_IDC);
          }
          if (r !== x) flags |= FPSR_UFC;
        }
        writeNum(S, 0, d, r);
        return flags;
      }
    }
  }
  const f = fmtOf(from), g = fmtOf(to);
  return exact(() => writeBits(S, g, d, fpConvert(f, g, readBits(S, f, n), fpcr)));
}

/** FRINT* off the inline path; rounding < 0 means FPCR.RMode. */
function fpRint(S: CpuState, ftype: number, d: number, n: number, rounding: number, isExact: number, fpcr: number): number {
  const mode = rounding < 0 ? fpcrRounding(fpcr) : (rounding as Rounding);
  if (ftype !== HALF) {
    let x = readNum(S, ftype, n);
    if (x === x) {
      let flags = 0;
      if (fpcr & FZ && isDenormal(x, ftype)) {
        x = x < 0 ? -0 : 0;
        flags = FPSR_IDC;
      }
      const r = ROUNDERS[mode](x);
      if (isExact && r !== x) flags |= FPSR_IXC;
      writeNum(S, ftype, d, r);
      return flags;
    }
  }
  const f = fmtOf(ftype);
  return exact(() => writeBits(S, f, d, fpRoundInt(f, readBits(S, f, n), fpcr, mode, isExact !== 0)));
}

/**
 * Whether flush-to-zero leaves an op alone: no operand is a denormal and the result r
 * is not tiny (pass 1 for ops that cannot underflow), and the rounding is to nearest
 * when `fpcr` is given (pass 0 otherwise). Small enough for the JIT to inline.
 */
function fpFzOk(fpcr: number, ftype: number, r: number, x: number, y: number, z: number): boolean {
  const min = MIN_NORMAL[ftype];
  return (fpcr & RMODE) === 0 && Math.abs(r) > min &&
    (Math.abs(x) >= min || x === 0) && (Math.abs(y) >= min || y === 0) && (Math.abs(z) >= min || z === 0);
}

/** FRINT32Z (op 0), FRINT32X (1), FRINT64Z (2), FRINT64X (3): the exact model, returns the flags. */
function fpRintN(S: CpuState, ftype: number, d: number, n: number, op: number, fpcr: number): number {
  const f = fmtOf(ftype);
  const mode = op & 1 ? fpcrRounding(fpcr) : Rounding.Zero;
  return exact(() => writeBits(S, f, d, fpRoundIntN(f, readBits(S, f, n), fpcr, mode, op & 2 ? 64 : 32)));
}

/**
 * FJCVTZS off the inline path: Dn to a 32-bit integer as JavaScript's ToInt32 does
 * (truncation, modulo 2^32; NaN and infinities give 0). fpFlagsOut[0] gets the FPSR
 * flags, fpFlagsOut[1] the Z flag: 1 only when the conversion was exact and in range.
 */
function fpJsConvert(S: CpuState, n: number, fpcr: number): number {
  let x = S.vf64[2 * n];
  let flags = 0;
  if (x !== x || x - x !== 0) {
    fpFlagsOut[0] = FPSR_IOC;
    fpFlagsOut[1] = 0;
    return 0;
  }
  let z = 1;
  if (fpcr & FZ && isDenormal(x, 1)) {
    x = 0;
    flags = FPSR_IDC;
    z = 0;
  }
  const int = Math.trunc(x);
  if (int < -2147483648 || int > 2147483647) {
    flags |= FPSR_IOC;
    z = 0;
  } else if (int !== x) {
    flags |= FPSR_IXC;
    z = 0;
  } else if (Object.is(x, -0)) {
    z = 0;
  }
  fpFlagsOut[0] = flags;
  fpFlagsOut[1] = z;
  return int | 0;
}

export const runtime = {
  fpArith, fpInexact, fpFzOk, fpCmp, fpToInt, fpFromInt, fpCvt, fpRint, fpRintN, fpJsConvert, fpFlagsOut,
  fpFmaD: fmaD, fpFmaS: fmaS, fpRoundEven: roundEven, fpRoundAway: roundAway,
};

// ---- emitters ----

/** The slow-path call for an arithmetic op (FPSR |= flags). */
const arithCall = (e: Emitter, op: number, ftype: number, d: number, n: number, m: number, a: number): string =>
  orFpsr(e, `H.fpArith(S, ${op}, ${ftype}, ${d}, ${n}, ${m}, ${a}, ${fpcr(e)}, ${e.slot(SLOT_FPSR)})`);

/**
 * The inline IXC/UFC update of an arithmetic result t: FPSR's flags are sticky, so the
 * exactness test runs only while IXC is clear (and for tiny results of the ops that can
 * underflow).
 */
function inexactCheck(e: Emitter, op: number, ftype: number, n: number, m: number, a: number, t: string): string {
  if (isMinMax(op)) return '';
  const args = [num(ftype, n), op === Op.Sqrt ? '0' : num(ftype, m), op >= Op.MAdd ? num(ftype, a) : '0'].join(', ');
  const canUnderflow = op === Op.Mul || op === Op.NMul || op === Op.Div || op >= Op.MAdd;
  const when = `(${e.slot(SLOT_FPSR)} & ${FPSR_IXC}) === 0${canUnderflow ? ` || Math.abs(${t}) <= ${MIN_NORMAL[ftype]}` : ''}`;
  return `if (${when}) ${orFpsr(e, `H.fpInexact(${op}, ${ftype}, ${args}, ${t})`)} `;
}

/**
 * Inline arithmetic: `value` computed from the operands as numbers; kept when finite
 * (or, for min/max, not NaN) in the default mode, or under FZ alone when flushing
 * changes nothing (H.fpFzOk); else the helper recomputes it. The code is kept short:
 * V8 does not optimize functions past a bytecode size, and a region has many of these.
 */
function emitArith(e: Emitter, op: number, ftype: number, d: number, n: number, m: number, a: number, value: string): string {
  if (ftype === HALF) return arithCall(e, op, ftype, d, n, m, a);
  const t = e.tmp();
  const minMax = isMinMax(op);
  const rounded = ftype === 0 && !minMax && op < Op.MAdd ? `Math.fround(${value})` : value;
  const x = num(ftype, n), y = op === Op.Sqrt ? '0' : num(ftype, m), z = op >= Op.MAdd ? num(ftype, a) : '0';
  const ok = minMax
    ? `${t} === ${t} && ((${fpcr(e)} & ${FZ}) === 0 || H.fpFzOk(0, ${ftype}, 1, ${x}, ${y}, 0))`
    : `${t} - ${t} === 0 && ((${fpcr(e)} & ${RMODE_FZ}) === 0 || H.fpFzOk(${fpcr(e)}, ${ftype}, ${t}, ${x}, ${y}, ${z}))`;
  return `${t} = ${rounded};\nif (${ok}) { ${inexactCheck(e, op, ftype, n, m, a, t)}${storeNum(ftype, d, t)} } else { ${arithCall(e, op, ftype, d, n, m, a)} }`;
}

/** A JS condition: under FZ the number `x` (Sn/Dn) is left alone (it is not a denormal). */
const notDenormal = (ftype: number, x: string): string => `H.fpFzOk(0, ${ftype}, 1, ${x}, 0, 0)`;

const BINARY: readonly ((a: string, b: string) => string)[] = [
  (a, b) => `${a} * ${b}`,
  (a, b) => `${a} / ${b}`,
  (a, b) => `${a} + ${b}`,
  (a, b) => `${a} - ${b}`,
  (a, b) => `Math.max(${a}, ${b})`,
  (a, b) => `Math.min(${a}, ${b})`,
  (a, b) => `Math.max(${a}, ${b})`,
  (a, b) => `Math.min(${a}, ${b})`,
  (a, b) => `-(${a} * ${b})`,
];

/** FCMP/FCMPE (m < 0: with #0.0) into temps: returns code and the compare code temp c (0 eq, 1 lt, 2 gt, 3 un). */
function emitCompareCode(e: Emitter, ftype: number, n: number, m: number, signal: number): { code: string; c: string } {
  const c = e.tmp();
  const slow = `${c} = H.fpCmp(S, ${ftype}, ${n}, ${m}, ${signal}, ${fpcr(e)}); ${orFpsr(e, `(${c} >> 2)`)} ${c} &= 3;`;
  if (ftype === HALF) return { code: slow, c };
  const x = e.tmp(), y = e.tmp();
  const code = `${x} = ${num(ftype, n)}; ${y} = ${m < 0 ? '0' : num(ftype, m)};
if (${x} === ${x} && ${y} === ${y} && ((${fpcr(e)} & ${FZ}) === 0 || H.fpFzOk(0, ${ftype}, 1, ${x}, ${y}, 0))) { ${c} = ${x} < ${y} ? 1 : ${x} > ${y} ? 2 : 0; } else { ${slow} }`;
  return { code, c };
}

/**
 * Sets NZCV from compare code c. FCMP results are recorded as a 32-bit SUBS of two
 * small constants with the same NZCV (eq 0-0, lt 0-1, gt 1-0, unordered INT_MIN-1), so a
 * following B.cond/CSEL in the block fuses into one integer comparison.
 */
function setCompareFlags(e: Emitter, c: string): string {
  const a = e.tmp(), b = e.tmp();
  return `${a} = ${c} === 2 ? 1 : ${c} === 3 ? -2147483648 : 0; ${b} = ${c} & 1; ${setFlags(e, FlagOp.Sub32, a, '0', b, '0')}`;
}

/** NZCV nibbles for compare codes 0..3: 0110, 1000, 0010, 0011. */
const NZCV_OF_CODE = 0x3286;

// ---- conversions to integer ----

const ROUND_EXPR: readonly ((t: string) => string)[] = [
  (t) => `H.fpRoundEven(${t})`,
  (t) => `Math.ceil(${t})`,
  (t) => `Math.floor(${t})`,
  (t) => `Math.trunc(${t})`,
  (t) => `H.fpRoundAway(${t})`,
];
const ROUND_LETTER = ['n', 'p', 'm', 'z', 'a'];

interface ToInt {
  sf: number;
  ftype: number;
  rd: number;
  rn: number;
  fbits: number;
  rounding: number;
  unsigned: number;
}

/** FCVT[NPMZA][SU] Wd/Xd: inline when the rounded value is in range and FZ is off. */
function emitToInt(e: Emitter, c: ToInt): string {
  const rlo = e.tmp(), rhi = e.tmp();
  const slow = `${rlo} = H.fpToInt(S, ${c.ftype}, ${c.rn}, ${c.fbits}, ${c.rounding}, ${c.unsigned}, ${c.sf}, ${fpcr(e)}); ${rhi} = H.hi[0]; ${orFpsr(e, 'H.fpFlagsOut[0]')}`;
  const write = setReg(e, c.sf, c.rd, rlo, rhi);
  if (c.ftype === HALF) return `${slow}\n${write}`;
  const t = e.tmp(), r = e.tmp();
  const scaled = c.fbits ? `${num(c.ftype, c.rn)} * ${2 ** c.fbits}` : num(c.ftype, c.rn);
  const range = c.unsigned
    ? `${r} >= 0 && ${r} < ${c.sf ? '18446744073709551616' : '4294967296'}`
    : c.sf ? `${r} >= -9223372036854775808 && ${r} < 9223372036854775808` : `${r} >= -2147483648 && ${r} <= 2147483647`;
  const halves = c.sf ? `${rlo} = ${r} | 0; ${rhi} = Math.floor(${r} / 4294967296) | 0;` : `${rlo} = ${r} | 0; ${rhi} = 0;`;
  return `${t} = ${scaled}; ${r} = ${ROUND_EXPR[c.rounding](t)};
if (${range} && ((${fpcr(e)} & ${FZ}) === 0 || ${notDenormal(c.ftype, num(c.ftype, c.rn))})) { ${halves} if (${r} !== ${t}) ${orFpsr(e, String(FPSR_IXC))} } else { ${slow} }
${write}`;
}

interface FromInt {
  sf: number;
  ftype: number;
  rd: number;
  rn: number;
  fbits: number;
  unsigned: number;
}

/** SCVTF/UCVTF: inline when the integer is exact in a double (and exact, or RN, in single). */
function emitFromInt(e: Emitter, c: FromInt): string {
  const l = lo(e, c.rn), h = c.sf ? hi(e, c.rn) : '0';
  const slow = orFpsr(e, `H.fpFromInt(S, ${c.ftype}, ${c.rd}, ${l}, ${h}, ${c.sf}, ${c.unsigned}, ${c.fbits}, ${fpcr(e)})`);
  if (c.ftype === HALF) return slow;
  const scale = (v: string): string => (c.fbits ? `${v} * ${2 ** -c.fbits}` : v);
  const t = e.tmp();
  let value: string;
  let small: string | null = null;
  if (!c.sf) {
    value = c.unsigned ? `(${l} >>> 0)` : l;
  } else {
    value = c.unsigned ? `(${h} >>> 0) * 4294967296 + (${l} >>> 0)` : `${h} * 4294967296 + (${l} >>> 0)`;
    small = c.unsigned ? `(${h} >>> 0) < 2097152` : `(${h} + 2097152) >>> 0 < 4194304`;
  }
  if (c.ftype === 1) {
    const store = storeNum(1, c.rd, scale(t));
    return small ? `if (${small}) { ${t} = ${value}; ${store} } else { ${slow} }` : `${t} = ${value}; ${store}`;
  }
  const r = e.tmp();
  const single = `${t} = ${value}; ${r} = Math.fround(${t});
if (${r} === ${t} || (${fpcr(e)} & ${RMODE}) === 0) { ${storeNum(0, c.rd, scale(r))} if (${r} !== ${t}) ${orFpsr(e, String(FPSR_IXC))} } else { ${slow} }`;
  return small ? `if (${small}) { ${single} } else { ${slow} }` : single;
}

// ---- disassembly ----

/** objdump's "%.18e" rendering of an FMOV immediate. */
function fmovImmText(ftype: number, imm8: number): string {
  const f = fmtOf(ftype);
  const bits = vfpExpandImm(f, imm8);
  const v = f.N === 64
    ? new Float64Array(new BigUint64Array([bits]).buffer)[0]
    : f.N === 32 ? new Float32Array(new Uint32Array([Number(bits)]).buffer)[0] : halfValue(Number(bits));
  const [mant, exp] = v.toExponential(18).split('e');
  const ev = Number(exp);
  return `#${mant}e${ev < 0 ? '-' : '+'}${String(Math.abs(ev)).padStart(2, '0')}`;
}

function halfValue(bits: number): number {
  const e = (bits >> 10) & 31, m = bits & 1023, s = bits & 0x8000 ? -1 : 1;
  return s * (e === 0 ? m * 2 ** -24 : (1024 + m) * 2 ** (e - 25));
}

const fmovGenText = (f: Fields): string => {
  const fpReg = f.rmode === 1 ? (n: number): string => `v${n}.d[1]` : (n: number): string => fpName(f.ftype, n);
  return f.dir ? `fmov ${fpReg(f.rd)}, ${rName(f.sf, f.rn)}` : `fmov ${rName(f.sf, f.rd)}, ${fpReg(f.rn)}`;
};

// ---- decode table ----

const validFtype = (f: Fields): boolean => f.ftype !== 2;

/** Half-precision data processing is FEAT_FP16 (conversions to and from half are not). */
const halfFeature = (f: Fields): Feature | undefined => (f.ftype === HALF ? 'fphp' : undefined);

/** FMOV between general and FP registers: W<->S, X<->D, X<->V.D[1], W/X<->H. */
const fmovGenValid = (f: Fields): boolean =>
  f.rmode === 0 ? (f.ftype === 0 && f.sf === 0) || (f.ftype === 1 && f.sf === 1) || f.ftype === HALF : f.rmode === 1 && f.ftype === 2 && f.sf === 1;

function emitFmovGen(f: Fields, e: Emitter): string {
  const { rd, rn } = f;
  if (f.rmode === 1) {
    // Top half of Vd/Vn (the rest of the vector register is left alone).
    return f.dir
      ? `V32[${4 * rd + 2}] = ${lo(e, rn)}; V32[${4 * rd + 3}] = ${hi(e, rn)};`
      : setX(e, rd, `V32[${4 * rn + 2}]`, `V32[${4 * rn + 3}]`);
  }
  if (!f.dir) {
    if (f.ftype === 1) return setX(e, rd, `V32[${4 * rn}]`, `V32[${4 * rn + 1}]`);
    return setReg(e, f.sf, rd, f.ftype === HALF ? `V32[${4 * rn}] & 65535` : `V32[${4 * rn}]`, '0');
  }
  if (f.ftype === 1) return `V32[${4 * rd}] = ${lo(e, rn)}; V32[${4 * rd + 1}] = ${hi(e, rn)}; VF64[${2 * rd + 1}] = 0;`;
  const v = f.ftype === HALF ? `${lo(e, rn)} & 65535` : lo(e, rn);
  return `V32[${4 * rd}] = ${v}; V32[${4 * rd + 1}] = 0; VF64[${2 * rd + 1}] = 0;`;
}

/** 1-source opcodes: FMOV, FABS, FNEG, FSQRT, FCVT (to S, D, H), FRINT[NPMZA XI]. */
function oneSourceValid(f: Fields): boolean {
  const op = f.opcode;
  if (op <= 3) return true;
  if (op >= 4 && op <= 7) return op !== 6 && (op & 3) !== f.ftype;
  return op >= 8 && op <= 15 && op !== 13;
}

const ONE_SOURCE_NAMES: Record<number, string> = {
  0: 'fmov', 1: 'fabs', 2: 'fneg', 3: 'fsqrt', 4: 'fcvt', 5: 'fcvt', 7: 'fcvt',
  8: 'frintn', 9: 'frintp', 10: 'frintm', 11: 'frintz', 12: 'frinta', 14: 'frintx', 15: 'frinti',
};

function emitOneSource(f: Fields, e: Emitter): string {
  const { ftype, rd, rn, opcode } = f;
  switch (opcode) {
    case 0: return copyBits(e, ftype, rd, rn);
    case 1: return copyBits(e, ftype, rd, rn, 0, ftype === 1 || ftype === 0 ? 0x7fffffff : 0x7fff);
    case 2: return copyBits(e, ftype, rd, rn, ftype === HALF ? 0x8000 : -2147483648);
    case 3: return emitArith(e, Op.Sqrt, ftype, rd, rn, 0, 0, `Math.sqrt(${num(ftype, rn)})`);
  }
  if (opcode < 8) return emitFcvt(e, ftype, opcode & 3, rd, rn);
  return emitFrint(e, ftype, opcode & 7, rd, rn);
}

function emitFcvt(e: Emitter, from: number, to: number, d: number, n: number): string {
  const slow = orFpsr(e, `H.fpCvt(S, ${from}, ${to}, ${d}, ${n}, ${fpcr(e)})`);
  if (from === HALF || to === HALF) return slow;
  const t = e.tmp();
  if (to === 1) {
    return `${t} = ${num(0, n)};\nif (${t} === ${t} && ((${fpcr(e)} & ${FZ}) === 0 || ${notDenormal(0, t)})) { ${storeNum(1, d, t)} } else { ${slow} }`;
  }
  // Exact conversions need nothing; inexact ones in the normal range only raise IXC. Under
  // FZ a value below the single normal range is flushed (slow path) unless it is zero.
  const r = e.tmp();
  const inRange = `Math.abs(${t}) >= ${MIN_NORMAL[0]} ? Math.abs(${r}) <= ${MAX_SINGLE} || ${r} === ${t} : ${r} === ${t} && (${t} === 0 || (${fpcr(e)} & ${FZ}) === 0)`;
  return `${t} = ${num(1, n)}; ${r} = Math.fround(${t});
if ((${fpcr(e)} & ${RMODE}) === 0 && (${inRange})) { ${storeNum(0, d, r)} if (${r} !== ${t}) ${orFpsr(e, String(FPSR_IXC))} } else { ${slow} }`;
}

/** FRINT: mode 0..4 = N, P, M, Z, A; 6 = X (FPCR rounding, inexact raises IXC); 7 = I (FPCR rounding). */
function emitFrint(e: Emitter, ftype: number, mode: number, d: number, n: number): string {
  const fromFpcr = mode >= 6;
  const isExact = mode === 6 ? 1 : 0;
  const slow = orFpsr(e, `H.fpRint(S, ${ftype}, ${d}, ${n}, ${fromFpcr ? -1 : mode}, ${isExact}, ${fpcr(e)})`);
  if (ftype === HALF) return slow;
  const t = e.tmp(), r = e.tmp();
  const fz = `((${fpcr(e)} & ${FZ}) === 0 || ${notDenormal(ftype, t)})`;
  const ok = fromFpcr ? `(${fpcr(e)} & ${RMODE}) === 0 && ${fz}` : fz;
  const inexact = isExact ? ` if (${r} !== ${t}) ${orFpsr(e, String(FPSR_IXC))}` : '';
  return `${t} = ${num(ftype, n)};
if (${t} === ${t} && ${ok}) { ${r} = ${ROUND_EXPR[fromFpcr ? 0 : mode](t)}; ${storeNum(ftype, d, r)}${inexact} } else { ${slow} }`;
}

const RINTN_NAMES = ['frint32z', 'frint32x', 'frint64z', 'frint64x'];

/** FJCVTZS: inline when Dn is an integer in the int32 range (not -0): then Z = 1. */
function emitJsConvert(e: Emitter, rd: number, rn: number): string {
  const t = e.tmp(), r = e.tmp(), z = e.tmp();
  return `${t} = ${num(1, rn)}; ${r} = ${t} | 0;
if (${r} === ${t} && (${t} !== 0 || 1 / ${t} > 0)) { ${z} = 4; } else { ${r} = H.fpJsConvert(S, ${rn}, ${fpcr(e)}); ${orFpsr(e, 'H.fpFlagsOut[0]')} ${z} = H.fpFlagsOut[1] << 2; }
${setReg(e, 0, rd, r, '0')} ${setNzcv(e, z)}`;
}

export const insns = defineInsns([
  {
    name: 'FRINTN_int', pattern: '00011110 0 ftype:1 1 0100 op:2 10000 rn:5 rd:5', feature: 'frint',
    emit: (f, e) => orFpsr(e, `H.fpRintN(S, ${f.ftype}, ${f.rd}, ${f.rn}, ${f.op}, ${fpcr(e)})`),
    asm: (f) => `${RINTN_NAMES[f.op]} ${fpName(f.ftype, f.rd)}, ${fpName(f.ftype, f.rn)}`,
  },
  {
    name: 'FJCVTZS', pattern: '00011110 01 1 11 110 000000 rn:5 rd:5', feature: 'jscvt',
    emit: (f, e) => emitJsConvert(e, f.rd, f.rn),
    asm: (f) => `fjcvtzs ${rName(0, f.rd)}, ${fpName(1, f.rn)}`,
  },
  {
    name: 'FMOV_gen', pattern: 'sf:1 00 11110 ftype:2 1 rmode:2 11 dir:1 000000 rn:5 rd:5', feature: halfFeature,
    when: fmovGenValid,
    emit: emitFmovGen,
    asm: fmovGenText,
  },
  {
    name: 'FCVT_int', pattern: 'sf:1 00 11110 ftype:2 1 rmode:2 00 u:1 000000 rn:5 rd:5', feature: halfFeature,
    when: validFtype,
    emit: (f, e) => emitToInt(e, { sf: f.sf, ftype: f.ftype, rd: f.rd, rn: f.rn, fbits: 0, rounding: f.rmode, unsigned: f.u }),
    asm: (f) => `fcvt${ROUND_LETTER[f.rmode]}${f.u ? 'u' : 's'} ${rName(f.sf, f.rd)}, ${fpName(f.ftype, f.rn)}`,
  },
  {
    name: 'FCVTA_int', pattern: 'sf:1 00 11110 ftype:2 1 00 10 u:1 000000 rn:5 rd:5', feature: halfFeature,
    when: validFtype,
    emit: (f, e) => emitToInt(e, { sf: f.sf, ftype: f.ftype, rd: f.rd, rn: f.rn, fbits: 0, rounding: Rounding.TieAway, unsigned: f.u }),
    asm: (f) => `fcvta${f.u ? 'u' : 's'} ${rName(f.sf, f.rd)}, ${fpName(f.ftype, f.rn)}`,
  },
  {
    name: 'CVTF_int', pattern: 'sf:1 00 11110 ftype:2 1 00 01 u:1 000000 rn:5 rd:5', feature: halfFeature,
    when: validFtype,
    emit: (f, e) => emitFromInt(e, { sf: f.sf, ftype: f.ftype, rd: f.rd, rn: f.rn, fbits: 0, unsigned: f.u }),
    asm: (f) => `${f.u ? 'u' : 's'}cvtf ${fpName(f.ftype, f.rd)}, ${rName(f.sf, f.rn)}`,
  },
  {
    name: 'FCVTZ_fixed', pattern: 'sf:1 00 11110 ftype:2 0 11 00 u:1 scale:6 rn:5 rd:5', feature: halfFeature,
    when: (f) => validFtype(f) && (f.sf === 1 || f.scale >= 32),
    emit: (f, e) => emitToInt(e, { sf: f.sf, ftype: f.ftype, rd: f.rd, rn: f.rn, fbits: 64 - f.scale, rounding: Rounding.Zero, unsigned: f.u }),
    asm: (f) => `fcvtz${f.u ? 'u' : 's'} ${rName(f.sf, f.rd)}, ${fpName(f.ftype, f.rn)}, #${64 - f.scale}`,
  },
  {
    name: 'CVTF_fixed', pattern: 'sf:1 00 11110 ftype:2 0 00 01 u:1 scale:6 rn:5 rd:5', feature: halfFeature,
    when: (f) => validFtype(f) && (f.sf === 1 || f.scale >= 32),
    emit: (f, e) => emitFromInt(e, { sf: f.sf, ftype: f.ftype, rd: f.rd, rn: f.rn, fbits: 64 - f.scale, unsigned: f.u }),
    asm: (f) => `${f.u ? 'u' : 's'}cvtf ${fpName(f.ftype, f.rd)}, ${rName(f.sf, f.rn)}, #${64 - f.scale}`,
  },
  {
    name: 'FCMP', pattern: '00011110 ftype:2 1 rm:5 001000 rn:5 e:1 z:1 000', feature: halfFeature,
    when: validFtype,
    emit: (f, e) => {
      const { code, c } = emitCompareCode(e, f.ftype, f.rn, f.z ? -1 : f.rm, f.e);
      return `${code}\n${setCompareFlags(e, c)}`;
    },
    asm: (f) => `fcmp${f.e ? 'e' : ''} ${fpName(f.ftype, f.rn)}, ${f.z ? '#0.0' : fpName(f.ftype, f.rm)}`,
  },
  {
    name: 'FCCMP', pattern: '00011110 ftype:2 1 rm:5 cond:4 01 rn:5 e:1 nzcv:4', feature: halfFeature,
    when: validFtype,
    emit: (f, e) => {
      const holds = condition(e, f.cond);
      const { code, c } = emitCompareCode(e, f.ftype, f.rn, f.rm, f.e);
      const t = e.tmp();
      return `if (${holds}) { ${code}\n${t} = (${NZCV_OF_CODE} >> (${c} << 2)) & 15; } else { ${t} = ${f.nzcv}; }\n${setNzcv(e, t)}`;
    },
    asm: (f) => `fccmp${f.e ? 'e' : ''} ${fpName(f.ftype, f.rn)}, ${fpName(f.ftype, f.rm)}, #0x${f.nzcv.toString(16)}, ${CONDITION_NAMES[f.cond]}`,
  },
  {
    name: 'FCSEL', pattern: '00011110 ftype:2 1 rm:5 cond:4 11 rn:5 rd:5', feature: halfFeature,
    when: validFtype,
    emit: (f, e) => `if (${condition(e, f.cond)}) { ${copyBits(e, f.ftype, f.rd, f.rn)} } else { ${copyBits(e, f.ftype, f.rd, f.rm)} }`,
    asm: (f) => `fcsel ${fpName(f.ftype, f.rd)}, ${fpName(f.ftype, f.rn)}, ${fpName(f.ftype, f.rm)}, ${CONDITION_NAMES[f.cond]}`,
  },
  {
    name: 'FP_1src', pattern: '00011110 ftype:2 1 opcode:6 10000 rn:5 rd:5',
    feature: (f) => (f.opcode === 4 || f.opcode === 5 ? undefined : halfFeature(f)),
    when: (f) => validFtype(f) && oneSourceValid(f),
    emit: emitOneSource,
    asm: (f) => {
      const dst = f.opcode >= 4 && f.opcode <= 7 ? f.opcode & 3 : f.ftype;
      return `${ONE_SOURCE_NAMES[f.opcode]} ${fpName(dst, f.rd)}, ${fpName(f.ftype, f.rn)}`;
    },
  },
  {
    name: 'FP_2src', pattern: '00011110 ftype:2 1 rm:5 opcode:4 10 rn:5 rd:5', feature: halfFeature,
    when: (f) => validFtype(f) && f.opcode <= 8,
    emit: (f, e) => emitArith(e, f.opcode, f.ftype, f.rd, f.rn, f.rm, 0, BINARY[f.opcode](num(f.ftype, f.rn), num(f.ftype, f.rm))),
    asm: (f) => `${OP2_NAMES[f.opcode]} ${fpName(f.ftype, f.rd)}, ${fpName(f.ftype, f.rn)}, ${fpName(f.ftype, f.rm)}`,
  },
  {
    name: 'FMOV_imm', pattern: '00011110 ftype:2 1 imm8:8 100 00000 rd:5', feature: halfFeature,
    when: validFtype,
    emit: (f) => {
      const bits = vfpExpandImm(fmtOf(f.ftype), f.imm8);
      const d = f.rd;
      if (f.ftype === 1) {
        return `V32[${4 * d}] = 0; V32[${4 * d + 1}] = ${Number(BigInt.asIntN(32, bits >> 32n))}; VF64[${2 * d + 1}] = 0;`;
      }
      return `V32[${4 * d}] = ${Number(BigInt.asIntN(32, bits))}; V32[${4 * d + 1}] = 0; VF64[${2 * d + 1}] = 0;`;
    },
    asm: (f) => `fmov ${fpName(f.ftype, f.rd)}, ${fmovImmText(f.ftype, f.imm8)}`,
  },
  {
    name: 'FP_3src', pattern: '00011111 ftype:2 o1:1 rm:5 o0:1 ra:5 rn:5 rd:5', feature: halfFeature,
    when: validFtype,
    emit: (f, e) => {
      const o = (f.o1 << 1) | f.o0;
      const negN = o === 1 || o === 2, negA = o >= 2;
      const x = `${negN ? '-' : ''}${num(f.ftype, f.rn)}`, z = `${negA ? '-' : ''}${num(f.ftype, f.ra)}`;
      const fma = f.ftype === 1 ? 'H.fpFmaD' : 'H.fpFmaS';
      return emitArith(e, Op.MAdd + o, f.ftype, f.rd, f.rn, f.rm, f.ra, `${fma}(${x}, ${num(f.ftype, f.rm)}, ${z})`);
    },
    asm: (f) => `${OP3_NAMES[(f.o1 << 1) | f.o0]} ${fpName(f.ftype, f.rd)}, ${fpName(f.ftype, f.rn)}, ${fpName(f.ftype, f.rm)}, ${fpName(f.ftype, f.ra)}`,
  },
]);
