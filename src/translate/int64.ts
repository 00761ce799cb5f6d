// 64-bit integer helpers for generated code, on int32 lo/hi halves (BigInt is far too
// slow on hot paths). Functions return the low half and leave the high half in hi[0].
// Every value a helper returns is an int32 (the representation of all guest slots).

/** High half of the last two-part result. */
export const hi = new Int32Array(1);

/** High 32 bits of the unsigned 64-bit product of two uint32 values. */
export function mulhu32(a: number, b: number): number {
  // The double product is within 2^11 of the exact one; subtracting the exact low word
  // leaves hi * 2^32 give or take 2^12, so rounding recovers hi exactly.
  return Math.round(((a >>> 0) * (b >>> 0) - (Math.imul(a, b) >>> 0)) / 4294967296) | 0;
}

/** Low 64 bits of a 64x64 product. */
export function mul64(al: number, ah: number, bl: number, bh: number): number {
  hi[0] = (mulhu32(al, bl) + Math.imul(ah, bl) + Math.imul(al, bh)) | 0;
  return Math.imul(al, bl);
}

/** High 64 bits of the unsigned 128-bit product. */
export function umulh64(al: number, ah: number, bl: number, bh: number): number {
  // Schoolbook on 32-bit limbs; partial sums kept below 2^53.
  const llh = mulhu32(al, bl) >>> 0;
  const lh = Math.imul(al, bh) >>> 0, lhh = mulhu32(al, bh) >>> 0;
  const hl = Math.imul(ah, bl) >>> 0, hlh = mulhu32(ah, bl) >>> 0;
  const hh = Math.imul(ah, bh) >>> 0, hhh = mulhu32(ah, bh) >>> 0;
  const c1 = llh + lh + hl; // carry into word 2 = floor(c1 / 2^32)
  const w2 = hh + lhh + hlh + Math.floor(c1 / 4294967296);
  hi[0] = (hhh + Math.floor(w2 / 4294967296)) | 0;
  return w2 | 0;
}

/** High 64 bits of the signed 128-bit product. */
export function smulh64(al: number, ah: number, bl: number, bh: number): number {
  let lo = umulh64(al, ah, bl, bh);
  let h = hi[0];
  // signed correction: subtract b<<64 if a < 0, a<<64 if b < 0
  if (ah < 0) {
    const t = (lo - bl) | 0;
    h = (h - bh - ((lo >>> 0) < (bl >>> 0) ? 1 : 0)) | 0;
    lo = t;
  }
  if (bh < 0) {
    const t = (lo - al) | 0;
    h = (h - ah - ((lo >>> 0) < (al >>> 0) ? 1 : 0)) | 0;
    lo = t;
  }
  hi[0] = h;
  return lo;
}

/** Unsigned 64 / 32-bit divisor (b a non-zero uint32) by 16-bit long-division steps exact in doubles. */
function udivBy32(al: number, ah: number, b: number): number {
  const ahu = ah >>> 0;
  const qh = Math.floor(ahu / b);
  let r = ahu - qh * b;
  const x1 = r * 65536 + (al >>> 16); // < 2^48
  const q1 = Math.floor(x1 / b);
  r = x1 - q1 * b;
  const q0 = Math.floor((r * 65536 + (al & 0xffff)) / b);
  hi[0] = qh | 0;
  return (q1 * 65536 + q0) | 0;
}

/** Unsigned 64-bit quotient; the divisor must be non-zero (each ISA has its own rule for zero). */
export function udiv64(al: number, ah: number, bl: number, bh: number): number {
  if (bh === 0) {
    if (ah === 0) {
      hi[0] = 0;
      return ((al >>> 0) / (bl >>> 0)) | 0;
    }
    return udivBy32(al, ah, bl >>> 0);
  }
  // Divisor >= 2^32: the quotient fits 32 bits. Estimate it from the divisor's top 32
  // bits (normalised) with the dividend halved so the estimate cannot overflow, then
  // correct by one (the divdu method of Hacker's Delight).
  const n = Math.clz32(bh);
  const v1 = n === 0 ? bh >>> 0 : ((bh << n) | (bl >>> (32 - n))) >>> 0;
  const q1 = udivBy32((al >>> 1) | (ah << 31), ah >>> 1, v1) >>> 0;
  let q = q1 >>> (31 - n);
  if (q !== 0) q--;
  // remainder a - q*b (cannot underflow: q <= the true quotient); one more if it is >= b
  const pl = Math.imul(q, bl);
  const ph = (mulhu32(q, bl) + Math.imul(q, bh)) | 0;
  const rl = (al - pl) | 0;
  const rh = (ah - ph - (al >>> 0 < pl >>> 0 ? 1 : 0)) | 0;
  if (rh >>> 0 > bh >>> 0 || (rh === bh && rl >>> 0 >= bl >>> 0)) q++;
  hi[0] = 0;
  return q | 0;
}

/**
 * Signed 64-bit quotient truncated toward zero; the divisor must be non-zero.
 * INT64_MIN / -1 wraps to INT64_MIN.
 */
export function sdiv64(al: number, ah: number, bl: number, bh: number): number {
  if (ah === al >> 31 && bh === bl >> 31) {
    // both fit int32: the quotient is exact in doubles (2^31 for INT32_MIN / -1 is fine here)
    const q = Math.trunc(al / bl);
    hi[0] = q < 0 ? -1 : 0;
    return q | 0;
  }
  const ul = ah < 0 ? -al | 0 : al, uh = ah < 0 ? (~ah + (al === 0 ? 1 : 0)) | 0 : ah;
  const vl = bh < 0 ? -bl | 0 : bl, vh = bh < 0 ? (~bh + (bl === 0 ? 1 : 0)) | 0 : bh;
  const ql = udiv64(ul, uh, vl, vh);
  const qh = hi[0];
  if ((ah ^ bh) < 0) {
    hi[0] = (~qh + (ql === 0 ? 1 : 0)) | 0;
    return -ql | 0;
  }
  hi[0] = qh;
  return ql;
}

/** An unsigned 64-bit value as a JS number, exact below 2^53 (jump targets, conversions). */
export function toNumberU64(lo: number, h: number): number {
  return (h >>> 0) * 4294967296 + (lo >>> 0);
}


/** The helpers by the names generated code uses (`H.mul64(...)`, `H.hi[0]`). */
export const int64Runtime = {
  hi, mulhu32, mul64, umulh64, smulh64, udiv64, sdiv64, toNumberU64,
};
