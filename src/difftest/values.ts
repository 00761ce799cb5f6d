// Random register contents that find bugs: boundary integers, and floating-point values of
// every class (zeros, infinities, quiet and signalling NaNs with payloads, denormals, the
// extremes of the normal range, values near integers and halves) in any format.
import type { Rng } from './rng.js';

/** A 64-bit value as unsigned 32-bit halves. */
export interface U64 {
  lo: number;
  hi: number;
}

const u64 = (lo: number, hi: number): U64 => ({ lo: lo >>> 0, hi: hi >>> 0 });

/** From a JS integer in [-2^53, 2^53]. */
export function u64FromNumber(v: number): U64 {
  return u64(v % 2 ** 32, Math.floor(v / 2 ** 32));
}

const BOUNDARY: readonly U64[] = [
  u64(0, 0), u64(1, 0), u64(2, 0), u64(-1, -1), u64(-2, -1), u64(0x7f, 0), u64(0x80, 0), u64(0xff, 0),
  u64(0x7fff, 0), u64(0x8000, 0), u64(0xffff, 0), u64(0x7fffffff, 0), u64(0x80000000, 0), u64(0xffffffff, 0),
  u64(0, 1), u64(-1, 0x7fffffff), u64(0, 0x80000000), u64(0x80000000, -1), u64(1, 0x80000000), u64(31, 0),
  u64(32, 0), u64(63, 0), u64(64, 0), u64(0x7fffffff, -1), u64(0x55555555, 0xaaaaaaaa),
];

/** A 64-bit integer register value. */
export function randomInt64(rng: Rng): U64 {
  switch (rng.weighted([[30, 0], [25, 1], [15, 2], [15, 3], [15, 4]] as const)) {
    case 0:
      return u64(rng.u32(), rng.u32());
    case 1:
      return rng.pick(BOUNDARY);
    case 2: {
      const v = rng.range(-256, 256);
      return u64(v, v < 0 ? -1 : 0);
    }
    case 3: {
      const v = rng.u32();
      return rng.chance(0.5) ? u64(v, 0) : u64(v, v & 0x80000000 ? -1 : 0);
    }
    default: {
      // a run of ones somewhere (masks, shifted immediates)
      const len = rng.range(1, 64), at = rng.range(0, 64 - len);
      let lo = 0, hi = 0;
      for (let b = at; b < at + len; b++) {
        if (b < 32) lo |= 1 << b;
        else hi |= 1 << (b - 32);
      }
      return rng.chance(0.2) ? u64(~lo, ~hi) : u64(lo, hi);
    }
  }
}

/** An integer lane of `bits` (8..64) bits from its boundary values or at random. */
export function randomIntLane(rng: Rng, bits: number): U64 {
  const v = rng.chance(0.5) ? randomInt64(rng) : u64(rng.u32(), rng.u32());
  if (rng.chance(0.4)) {
    // min, max, 0, -1, 1 of the lane width (signed and unsigned)
    const k = rng.below(5);
    const top = bits - 1;
    const set = (b: number): U64 => (b < 32 ? u64(1 << b, 0) : u64(0, 1 << (b - 32)));
    const ones = (n: number): U64 => (n >= 64 ? u64(-1, -1) : n > 32 ? u64(-1, 2 ** (n - 32) - 1) : u64(n === 32 ? -1 : 2 ** n - 1, 0));
    if (k === 0) return set(top);
    if (k === 1) return ones(top);
    if (k === 2) return u64(0, 0);
    if (k === 3) return ones(bits);
    return u64(1, 0);
  }
  return v;
}

/**
 * A float of 1 + e + m bits (m <= 52) as a U64 bit pattern: every class of value, with
 * extra weight where implementations tend to differ.
 */
export function randomFloatBits(rng: Rng, e: number, m: number): U64 {
  const maxExp = 2 ** e - 1;
  const bias = 2 ** (e - 1) - 1;
  const sign = rng.below(2);
  let exp: number;
  let mant: number;
  const randMant = (bits: number): number =>
    bits > 32 ? (rng.u32() % 2 ** (bits - 32)) * 2 ** 32 + rng.u32() : rng.u32() % 2 ** bits;
  const quiet = 2 ** (m - 1);
  switch (rng.weighted([[6, 0], [6, 1], [6, 2], [5, 3], [8, 4], [4, 5], [4, 6], [20, 7], [12, 8], [8, 9], [21, 10]] as const)) {
    case 0: exp = 0; mant = 0; break; // zero
    case 1: exp = maxExp; mant = 0; break; // infinity
    case 2: exp = maxExp; mant = quiet + (rng.chance(0.5) ? 0 : randMant(m - 1)); break; // quiet NaN
    case 3: exp = maxExp; mant = Math.max(1, randMant(m - 1)); break; // signalling NaN
    case 4: exp = 0; mant = Math.max(1, rng.chance(0.3) ? 2 ** rng.below(m) : randMant(m)); break; // denormal
    case 5: exp = rng.chance(0.5) ? 1 : 2; mant = rng.chance(0.5) ? 0 : randMant(m); break; // smallest normals
    case 6: exp = maxExp - 1 - rng.below(2); mant = rng.chance(0.5) ? 2 ** m - 1 : randMant(m); break; // largest
    case 7: // near one: ordinary arithmetic
      exp = bias + rng.range(-4, 4);
      mant = rng.chance(0.3) ? (randMant(Math.min(m, 4)) * 2 ** Math.max(0, m - 4)) : randMant(m);
      break;
    case 8: { // near integer boundaries (conversions): 2^k, 2^k +- ulp, k.5
      const k = rng.pick([0, 1, 7, 8, 15, 16, 31, 32, 52, 53, 63, 64, rng.range(0, 70)]);
      exp = Math.min(maxExp - 1, bias + k);
      const r = rng.below(4);
      if (r === 0) mant = 0;
      else if (r === 1) mant = 2 ** m - 1;
      else if (r === 2 && k < m) mant = randMant(k) * 2 ** (m - k) + 2 ** (m - k - 1); // x.5
      else mant = randMant(m);
      break;
    }
    case 9: // tiny, where results become denormal or flush
      exp = rng.range(1, Math.min(maxExp - 1, m + 2));
      mant = randMant(m);
      break;
    default:
      exp = rng.below(maxExp + 1);
      mant = randMant(m);
  }
  // bits = sign | exp | mant, split into halves
  const total = 1 + e + m;
  const expPart = exp * 2 ** m + mant; // < 2^(e+m) <= 2^63: exact only while e+m <= 53
  if (total <= 32) return u64(expPart + sign * 2 ** (e + m), 0);
  // 64-bit: hi = sign | exp | mant >> 32, lo = mant & 0xffffffff
  const mantHi = Math.floor(mant / 2 ** 32), mantLo = mant % 2 ** 32;
  return u64(mantLo, (sign << 31) | (exp << (m - 32)) | mantHi);
}
