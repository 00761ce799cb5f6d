// 64-bit integer helpers for generated code, on int32 lo/hi halves (BigInt is far too
// slow on hot paths). Functions return the low half and leave the high half in hi[0].
// Every value a helper returns is an int32 (the representation of all guest slots).

/** High half of the last two-part result. */
export const hi = new Int32Array(1);

/** High 32 bits of the unsigned 64-bit product of two uint32 values. */
export function mulhu32(a: number, b: number): number {
  const a0 = a & 0xffff, a1 = a >>> 16, b0 = b & 0xffff, b1 = b >>> 16;
  const mid = a0 * b1 + a1 * b0; // < 2^33, exact
  const low = a0 * b0 + (mid % 65536) * 65536; // < 2^49, exact
  return (a1 * b1 + Math.floor(mid / 65536) + Math.floor(low / 4294967296)) | 0;
}

/** Low 64 bits of a 64x64 product. */
export function mul64(al: number, ah: number, bl: number, bh: number): number {
  hi[0] = (mulhu32(al, bl) + Math.imul(ah, bl) + Math.imul(al, bh)) | 0;
  return Math.imul(al, bl);
}

/** High 64 bits of the unsigned 128-bit product. */
export function umulh64(al: number, ah: number, bl: number, bh: number): number {
  // Schoolbook on 32-bit limbs; partial sums kept below 2^53.
  const ll = Math.imul(al, bl) >>> 0, llh = mulhu32(al, bl) >>> 0;
  const lh = Math.imul(al, bh) >>> 0, lhh = mulhu32(al, bh) >>> 0;
  const hl = Math.imul(ah, bl) >>> 0, hlh = mulhu32(ah, bl) >>> 0;
  const hh = Math.imul(ah, bh) >>> 0, hhh = mulhu32(ah, bh) >>> 0;
  void ll;
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

const toBig = (lo: number, h: number): bigint => (BigInt(h >>> 0) << 32n) | BigInt(lo >>> 0);
function fromBig(v: bigint): number {
  hi[0] = Number(BigInt.asIntN(32, v >> 32n));
  return Number(BigInt.asIntN(32, v));
}

/** Unsigned 64-bit quotient; divisor must be non-zero. */
export function udiv64(al: number, ah: number, bl: number, bh: number): number {
  if (ah === 0 && bh === 0) {
    hi[0] = 0;
    return ((al >>> 0) / (bl >>> 0)) | 0 ? Math.floor((al >>> 0) / (bl >>> 0)) | 0 : 0;
  }
  return fromBig(toBig(al, ah) / toBig(bl, bh));
}

/** Unsigned 64-bit remainder; divisor must be non-zero. */
export function urem64(al: number, ah: number, bl: number, bh: number): number {
  if (ah === 0 && bh === 0) {
    hi[0] = 0;
    return ((al >>> 0) % (bl >>> 0)) | 0;
  }
  return fromBig(toBig(al, ah) % toBig(bl, bh));
}

/** Signed 64-bit quotient truncated toward zero; divisor non-zero, INT64_MIN/-1 wraps. */
export function sdiv64(al: number, ah: number, bl: number, bh: number): number {
  return fromBig(BigInt.asIntN(64, BigInt.asIntN(64, toBig(al, ah)) / BigInt.asIntN(64, toBig(bl, bh))));
}

/** Signed 64-bit remainder (sign of the dividend); divisor non-zero. */
export function srem64(al: number, ah: number, bl: number, bh: number): number {
  return fromBig(BigInt.asIntN(64, toBig(al, ah)) % BigInt.asIntN(64, toBig(bl, bh)));
}

/** Shift left by a variable amount 0..63. */
export function shl64(lo: number, h: number, n: number): number {
  if (n === 0) {
    hi[0] = h;
    return lo;
  }
  if (n < 32) {
    hi[0] = (h << n) | (lo >>> (32 - n));
    return lo << n;
  }
  hi[0] = lo << (n - 32);
  return 0;
}

/** Logical shift right by 0..63. */
export function lsr64(lo: number, h: number, n: number): number {
  if (n === 0) {
    hi[0] = h;
    return lo;
  }
  if (n < 32) {
    hi[0] = h >>> n;
    return (lo >>> n) | (h << (32 - n));
  }
  hi[0] = 0;
  return (h >>> (n - 32)) | 0;
}

/** Arithmetic shift right by 0..63. */
export function asr64(lo: number, h: number, n: number): number {
  if (n === 0) {
    hi[0] = h;
    return lo;
  }
  if (n < 32) {
    hi[0] = h >> n;
    return (lo >>> n) | (h << (32 - n));
  }
  hi[0] = h >> 31;
  return h >> (n - 32);
}

/** Rotate right by 0..63. */
export function ror64(lo: number, h: number, n: number): number {
  if (n >= 32) {
    const t = lo;
    lo = h;
    h = t;
    n -= 32;
  }
  if (n === 0) {
    hi[0] = h;
    return lo;
  }
  hi[0] = (h >>> n) | (lo << (32 - n));
  return (lo >>> n) | (h << (32 - n));
}

/** Count leading zeros of a 64-bit value. */
export function clz64(lo: number, h: number): number {
  return h !== 0 ? Math.clz32(h) : 32 + Math.clz32(lo);
}

/** Unsigned a < b on 64-bit values. */
export function ult64(al: number, ah: number, bl: number, bh: number): boolean {
  return ah !== bh ? ah >>> 0 < bh >>> 0 : al >>> 0 < bl >>> 0;
}

/** 64-bit value (as lo/hi halves) to a JS number, exact below 2^53 (for conversions). */
export function toNumberU64(lo: number, h: number): number {
  return (h >>> 0) * 4294967296 + (lo >>> 0);
}
export function toNumberS64(lo: number, h: number): number {
  return h * 4294967296 + (lo >>> 0);
}

/** The helpers by the names generated code uses (`H.mul64(...)`, `H.hi[0]`). */
export const int64Runtime = {
  hi, mulhu32, mul64, umulh64, smulh64, udiv64, urem64, sdiv64, srem64,
  shl64, lsr64, asr64, ror64, clz64, ult64, toNumberU64, toNumberS64,
};
