// The reciprocal estimates of the Arm ARM (FPRecipEstimate, FPRSqrtEstimate, FPRecpX,
// UnsignedRecipEstimate, UnsignedRSqrtEstimate): table-free bit manipulations on the
// operand's exponent and top fraction bits, after the same unpacking and NaN rules as
// the rest of the exact model (arm-fp.ts). FRECPE, FRSQRTE, FRECPX, URECPE, URSQRTE.
import {
  fpcrRounding, FPCR_FZ, FPCR_FZ16, fpDefaultNaN, fpExc, fpInfinity, fpMaxNormal, FPSR_DZC, FPSR_IOC, FPSR_IXC,
  FPSR_OFC, FPSR_UFC, FpType, fpZero, isNaN, processNaN, Rounding, unpack, type FpFormat,
} from './arm-fp.js';

const big = BigInt;
const FRAC52 = (1n << 52n) - 1n;

/** RecipEstimate: a 9-bit input 256..511 to an 8-bit estimate (with its leading 1, 256..511). */
function recipEstimate(a: number): number {
  const b = Math.floor(2 ** 19 / (a * 2 + 1));
  return Math.floor((b + 1) / 2);
}

/** RecipSqrtEstimate: a 9-bit input 128..511 to an estimate 256..511. */
function recipSqrtEstimate(a: number): number {
  a = a < 256 ? a * 2 + 1 : (((a >> 1) << 1) + 1) * 2;
  let b = 512;
  while (a * (b + 1) * (b + 1) < 2 ** 28) b++;
  return Math.floor((b + 1) / 2);
}

/** The biased exponent and the fraction widened to 52 bits. */
function expAndFraction(f: FpFormat, a: bigint): [number, bigint] {
  return [Number((a >> big(f.F)) & big(2 ** f.E - 1)), (a & ((1n << big(f.F)) - 1n)) << big(52 - f.F)];
}

/** Whether flush-to-zero applies to format f (FZ16 for half precision). */
const flushes = (f: FpFormat, fpcr: number): boolean => (fpcr & (f.E === 5 ? FPCR_FZ16 : FPCR_FZ)) !== 0;

/** FPRecipEstimate (FRECPE). */
export function fpRecipEstimate(f: FpFormat, a: bigint, fpcr: number): bigint {
  const u = unpack(f, a, fpcr);
  if (isNaN(u)) return processNaN(f, u, a, fpcr);
  if (u.type === FpType.Inf) return fpZero(f, u.sign);
  if (u.type === FpType.Zero) {
    fpExc.flags |= FPSR_DZC;
    return fpInfinity(f, u.sign);
  }
  // |value| as mant * 2^exp: compare its magnitude through the top bit's position.
  const top = u.exp + u.mant.toString(2).length - 1;
  if (top < -(f.bias + 1)) {
    const rounding = fpcrRounding(fpcr);
    const toInf = rounding === Rounding.TieEven || (rounding === Rounding.PosInf && u.sign === 0) || (rounding === Rounding.NegInf && u.sign === 1);
    fpExc.flags |= FPSR_OFC | FPSR_IXC;
    return toInf ? fpInfinity(f, u.sign) : fpMaxNormal(f, u.sign);
  }
  if (flushes(f, fpcr) && top >= f.bias - 1) {
    fpExc.flags |= FPSR_UFC;
    return fpZero(f, u.sign);
  }
  let [exp, fraction] = expAndFraction(f, a);
  if (exp === 0) {
    if (((fraction >> 51n) & 1n) === 0n) {
      exp = -1;
      fraction = (fraction << 2n) & FRAC52;
    } else {
      fraction = (fraction << 1n) & FRAC52;
    }
  }
  let resultExp = 2 * f.bias - 1 - exp;
  fraction = big(recipEstimate(256 + Number(fraction >> 44n)) & 255) << 44n;
  if (resultExp === 0) {
    fraction = (1n << 51n) | (fraction >> 1n);
  } else if (resultExp === -1) {
    fraction = (1n << 50n) | (fraction >> 2n);
    resultExp = 0;
  }
  return fpZero(f, u.sign) | (big(resultExp) << big(f.F)) | (fraction >> big(52 - f.F));
}

/** FPRSqrtEstimate (FRSQRTE). */
export function fpRSqrtEstimate(f: FpFormat, a: bigint, fpcr: number): bigint {
  const u = unpack(f, a, fpcr);
  if (isNaN(u)) return processNaN(f, u, a, fpcr);
  if (u.type === FpType.Zero) {
    fpExc.flags |= FPSR_DZC;
    return fpInfinity(f, u.sign);
  }
  if (u.sign) {
    fpExc.flags |= FPSR_IOC;
    return fpDefaultNaN(f);
  }
  if (u.type === FpType.Inf) return fpZero(f, 0);
  let [exp, fraction] = expAndFraction(f, a);
  if (exp === 0) {
    while (((fraction >> 51n) & 1n) === 0n) {
      fraction = (fraction << 1n) & FRAC52;
      exp -= 1;
    }
    fraction = (fraction << 1n) & FRAC52;
  }
  const scaled = (exp & 1) === 1 ? 128 + Number(fraction >> 45n) : 256 + Number(fraction >> 44n);
  const resultExp = Math.floor((3 * f.bias - 1 - exp) / 2);
  return (big(resultExp) << big(f.F)) | (big(recipSqrtEstimate(scaled) & 255) << big(f.F - 8));
}

/** FPRecpX (FRECPX): the sign and the inverted exponent (zeros and denormals get the largest finite one). */
export function fpRecpX(f: FpFormat, a: bigint, fpcr: number): bigint {
  const u = unpack(f, a, fpcr);
  if (isNaN(u)) return processNaN(f, u, a, fpcr);
  const max = big(2 ** f.E - 1);
  const e = (a >> big(f.F)) & max;
  return fpZero(f, u.sign) | ((e === 0n ? max - 1n : ~e & max) << big(f.F));
}

/** UnsignedRecipEstimate (URECPE, rsqrt = false) and UnsignedRSqrtEstimate (URSQRTE) of a 32-bit lane. */
export function unsignedEstimate(x: number, rsqrt: boolean): number {
  if (rsqrt ? x >>> 30 === 0 : x >>> 31 === 0) return -1;
  const a = x >>> 23;
  return ((rsqrt ? recipSqrtEstimate(a) : recipEstimate(a)) << 23) | 0;
}
