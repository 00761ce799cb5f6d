// Deterministic operands for the recorded SIMD vectors, shared by gen.ts and the test:
// a vector line names its seed, and both sides derive V0..V7 and X0..X7 from it. Each
// register gets one "flavour" of data: random bytes, lane-boundary values of each size,
// single/double values with specials (NaNs, infinities, denormals, integer limits),
// small table indices, small signed shift counts, or signalling/quiet NaN patterns.

export interface SimdInput {
  /** V0..V7 as 128-bit values. */
  readonly v: readonly bigint[];
  /** X0..X7. */
  readonly x: readonly bigint[];
}

const M64 = (1n << 64n) - 1n;

const F32 = [0, -0, 1, -1, 0.5, 1.5, 2.5, -2.5, 3.5, Infinity, -Infinity, NaN, 1e-40, -1e-40, 3.4e38, 2147483647,
  2147483648, -2147483649, 4294967296, 65504, 1e10, -1e10, 0.1, 1 / 3, 1.0000001, 8388608.5];
const F64 = [0, -0, 1, -1, 0.5, 1.5, 2.5, -2.5, Infinity, -Infinity, NaN, 5e-324, -1e-310, 1.7e308, 2 ** 63, -(2 ** 63),
  2 ** 64, 2 ** 31, 1e20, 0.1, 1 / 3, 3.4028235677973366e38, 3.4028234663852886e38, 1e-45, 1.4e-45, 1e-39,
  4503599627370497.5];
const E8 = [0, 1, 0x7f, 0x80, 0x81, 0xfe, 0xff, 0x40];
const E16 = [0, 1, 0x7fff, 0x8000, 0x8001, 0xfffe, 0xffff, 0x4000, 0x00ff, 0xff00];
const E32 = [0, 1, 0x7fffffff, 0x80000000, 0x80000001, 0xfffffffe, 0xffffffff, 0x40000000, 0xffff, 0x10000];
const E64 = [0n, 1n, 0x7fffffffffffffffn, 0x8000000000000000n, M64, 0xfffffffen, 0xffffffffn, 0x100000000n, 0x80000000n];
const NAN32 = [0x7fc00001, 0x7f800001, 0xffa00000, 0x7fbfffff, 0x3fc00000, 0x00000001, 0x80800000];
const NAN64 = [0x7ff8000000000001n, 0x7ff0000000000001n, 0xfff4000000000000n, 0x4004000000000000n, 1n];

class Rng {
  constructor(private s: number) {
    this.s = (s * 2654435761 + 0x9e3779b9) >>> 0 || 1;
  }
  next(): number {
    let s = this.s;
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    this.s = s >>> 0;
    return this.s;
  }
  below(n: number): number {
    return this.next() % n;
  }
  pick<T>(a: readonly T[]): T {
    return a[this.below(a.length)];
  }
}

function vector(r: Rng): bigint {
  const dv = new DataView(new ArrayBuffer(16));
  const kind = r.below(11);
  for (let i = 0; i < 16; i++) dv.setUint8(i, r.next() & 255);
  switch (kind) {
    case 1: for (let i = 0; i < 16; i++) dv.setUint8(i, r.pick(E8)); break;
    case 2: for (let i = 0; i < 8; i++) dv.setUint16(2 * i, r.pick(E16), true); break;
    case 3: for (let i = 0; i < 4; i++) dv.setUint32(4 * i, r.pick(E32), true); break;
    case 4: for (let i = 0; i < 2; i++) dv.setBigUint64(8 * i, r.pick(E64), true); break;
    case 5:
      for (let i = 0; i < 4; i++) {
        dv.setFloat32(4 * i, r.below(2) ? r.pick(F32) : (r.next() / 2 ** 24 - 128) * 2 ** (r.below(40) - 20), true);
      }
      break;
    case 6:
      for (let i = 0; i < 2; i++) {
        dv.setFloat64(8 * i, r.below(2) ? r.pick(F64) : (r.next() / 2 ** 24 - 128) * 2 ** (r.below(80) - 40), true);
      }
      break;
    case 7: for (let i = 0; i < 16; i++) dv.setUint8(i, r.below(72)); break; // table indices, some out of range
    case 8: for (let i = 0; i < 16; i++) dv.setUint8(i, ((r.next() & 7) - 4) & 255); break; // small signed shifts
    case 9:
      for (let i = 0; i < 4; i++) dv.setUint32(4 * i, r.pick(NAN32), true);
      if (r.below(2)) for (let i = 0; i < 2; i++) dv.setBigUint64(8 * i, r.pick(NAN64), true);
      break;
    default:
  }
  return dv.getBigUint64(0, true) | (dv.getBigUint64(8, true) << 64n);
}

/** The operands of vector line `seed`. */
export function simdInput(seed: number): SimdInput {
  const r = new Rng(seed);
  const v = Array.from({ length: 8 }, () => vector(r));
  if (r.below(4) === 0) v[2] = v[1]; // equal operands (CMEQ all-ones, x - x, ...)
  const x = Array.from({ length: 8 }, () => (BigInt(r.next()) << 32n) | BigInt(r.next()));
  return { v, x };
}

/** FPCR values the vectors use: default, DN, FZ, each rounding mode, and all together. */
export const FPCRS = [0, 0x02000000, 0x01000000, 0x00400000, 0x00800000, 0x00c00000, 0x03c00000];
