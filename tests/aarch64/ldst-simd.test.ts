// SIMD&FP loads and stores: scalar B/H/S/D/Q (zeroing the rest of the register) in every
// addressing mode, pairs, literals, and the Advanced SIMD structure forms LD1-4/ST1-4
// (multiple, single lane, replicate) with post-index. Expected values follow the Arm
// pseudocode over the initial memory; results cross-checked against qemu-aarch64.
import { describe, expect, it } from 'vitest';
import { DATA, runA64 } from './driver.js';
import { M64, firstDifference, fromBytes, le, pattern, toBytes } from './ldst-util.js';

const D = BigInt(DATA);
const ONES = (1n << 128n) - 1n;
const data = pattern({}, 0x10000);
/** Byte i is i mod 256: structure results read as byte indices. */
const iota = Uint8Array.from({ length: 0x1000 }, (_, i) => i & 255);
const bytes = (d: Uint8Array, off: number, n: number): number[] => Array.from(d.subarray(off, off + n));
/** `n` bytes of `d` at `off` as the low part of a vector, the rest zero. */
const vec = (d: Uint8Array, off: number, n: number): bigint => fromBytes(bytes(d, off, n));
/** A distinct 128-bit value for each register. */
const vval = (n: number): bigint => fromBytes(Array.from({ length: 16 }, (_, i) => (n * 29 + i * 11 + 0x80) & 255));
const vinit = (regs: number[], f: (n: number) => bigint = vval): Record<number, bigint> =>
  Object.fromEntries(regs.map((n) => [n, f(n)]));
const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const guest = (r: { mem: { u8: Uint8Array } }): Uint8Array => r.mem.u8.subarray(DATA, DATA + 0x10000);

/** LDn multiple structures (Arm pseudocode): register s gets element s of each structure. */
function ldn(d: Uint8Array, off: number, selem: number, esize: number, regBytes: number): bigint[] {
  const regs = Array.from({ length: selem }, () => [] as number[]);
  for (let j = 0; j < regBytes / esize; j++) {
    for (let s = 0; s < selem; s++) regs[s].push(...bytes(d, off + (j * selem + s) * esize, esize));
  }
  return regs.map(fromBytes);
}

/** STn multiple structures: the memory image of interleaving `regs`. */
function stn(regs: bigint[], esize: number, regBytes: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < regBytes / esize; j++) for (const v of regs) out.push(...toBytes(v).slice(j * esize, (j + 1) * esize));
  return out;
}

/** `v` with bytes [at, at + n) replaced. */
function withBytes(v: bigint, at: number, b: number[]): bigint {
  const all = toBytes(v);
  all.splice(at, b.length, ...b);
  return fromBytes(all);
}

/** `b` repeated to fill `total` bytes. */
const rep = (b: number[], total: number): bigint => fromBytes(Array.from({ length: total }, (_, i) => b[i % b.length]));

describe('aarch64 scalar FP/SIMD loads and stores', () => {
  it('LDR B/H/S/D/Q in every addressing mode zero the rest of the register', () => {
    const r = runA64([
      0x3d400420, // ldr b0, [x1, #1]
      0x7d400421, // ldr h1, [x1, #2]
      0xbd400422, // ldr s2, [x1, #4]
      0xfd400423, // ldr d3, [x1, #8]
      0x3dc00424, // ldr q4, [x1, #16]
      0x3cdfd025, // ldur q5, [x1, #-3]
      0x3ce47826, // ldr q6, [x1, x4, lsl #4]
      0xfc63d847, // ldr d7, [x2, w3, sxtw #3]
      0xbc404d28, // ldr s8, [x9, #4]!
      0x7c5fe449, // ldr h9, [x2], #-2
      0x3dfffcaa, // ldr q10, [x5, #65520]
      0x3c64682b, // ldr b11, [x1, x4]
      0x7c5ff02c, // ldur h12, [x1, #-1]
    ], {
      x: { 1: D + 0x100n, 2: D + 0x200n, 3: 0xffff_ffff_ffff_fffen, 4: 2n, 5: D, 9: D + 0x300n },
      v: vinit(range(0, 12), () => ONES),
      data,
    });
    expect(r.v.slice(0, 13)).toEqual([
      vec(data, 0x101, 1), vec(data, 0x102, 2), vec(data, 0x104, 4), vec(data, 0x108, 8), vec(data, 0x110, 16),
      vec(data, 0xfd, 16), vec(data, 0x120, 16), vec(data, 0x1f0, 8), vec(data, 0x304, 4), vec(data, 0x200, 2),
      vec(data, 0xfff0, 16), vec(data, 0x102, 1), vec(data, 0xff, 2),
    ]);
    expect([r.x[9], r.x[2]]).toEqual([D + 0x304n, D + 0x1fen]);
  });

  it('STR B/H/S/D/Q store only the low bytes of the register', () => {
    const v20 = vval(20), v21 = vval(21);
    const r = runA64([
      0x3d010034, // str b20, [x1, #64]
      0x7d008434, // str h20, [x1, #66]
      0xbd004434, // str s20, [x1, #68]
      0xfd002434, // str d20, [x1, #72]
      0x3d801434, // str q20, [x1, #80]
      0x3c861035, // stur q21, [x1, #97]
      0x3ca47834, // str q20, [x1, x4, lsl #4]
      0xfc1f0c55, // str d21, [x2, #-16]!
      0x7c002535, // str h21, [x9], #2
      0x3c23c835, // str b21, [x1, w3, sxtw]
    ], { x: { 1: D + 0x100n, 2: D + 0x200n, 3: 0xffff_ffff_ffff_fffen, 4: 2n, 9: D + 0x300n }, v: { 20: v20, 21: v21 }, data });
    const m = data.slice();
    const put = (off: number, v: bigint, n: number): void => m.set(toBytes(v, n), off);
    put(0x140, v20, 1);
    put(0x142, v20, 2);
    put(0x144, v20, 4);
    put(0x148, v20, 8);
    put(0x150, v20, 16);
    put(0x161, v21, 16);
    put(0x120, v20, 16);
    put(0x1f0, v21, 8);
    put(0x300, v21, 2);
    put(0xfe, v21, 1);
    expect(firstDifference(guest(r), m)).toBe(-1);
    expect([r.x[2], r.x[9]]).toEqual([D + 0x1f0n, D + 0x302n]);
  });

  it('LDP/STP/LDNP/STNP S, D and Q', () => {
    const v20 = vval(20), v21 = vval(21);
    const r = runA64([
      0x2d408420, // ldp s0, s1, [x1, #4]
      0x6d7f8c22, // ldp d2, d3, [x1, #-8]
      0xad411424, // ldp q4, q5, [x1, #32]
      0xac701c46, // ldnp q6, q7, [x2, #-512]
      0xadff2448, // ldp q8, q9, [x2, #-32]!
      0x6cc12d2a, // ldp d10, d11, [x9], #16
      0xad045434, // stp q20, q21, [x1, #128]
      0x2d195434, // stp s20, s21, [x1, #200]
      0x6c0d5035, // stnp d21, d20, [x1, #208]
      0xacbe5075, // stp q21, q20, [x3], #-64
      0x2c40342c, // ldnp s12, s13, [x1]
    ], {
      x: { 1: D + 0x100n, 2: D + 0x400n, 3: D + 0x600n, 9: D + 0x300n },
      v: { ...vinit(range(0, 13), () => ONES), 20: v20, 21: v21 },
      data,
    });
    expect(r.v.slice(0, 14)).toEqual([
      vec(data, 0x104, 4), vec(data, 0x108, 4), vec(data, 0xf8, 8), vec(data, 0x100, 8),
      vec(data, 0x120, 16), vec(data, 0x130, 16), vec(data, 0x200, 16), vec(data, 0x210, 16),
      vec(data, 0x3e0, 16), vec(data, 0x3f0, 16), vec(data, 0x300, 8), vec(data, 0x308, 8),
      vec(data, 0x100, 4), vec(data, 0x104, 4),
    ]);
    expect([r.x[2], r.x[9], r.x[3]]).toEqual([D + 0x3e0n, D + 0x310n, D + 0x5c0n]);
    const m = guest(r);
    expect([le(m, 0x180, 16), le(m, 0x190, 16)]).toEqual([v20, v21]);
    expect([le(m, 0x1c8, 4), le(m, 0x1cc, 4)]).toEqual([v20 & 0xffffffffn, v21 & 0xffffffffn]);
    expect([le(m, 0x1d0, 8), le(m, 0x1d8, 8)]).toEqual([v21 & M64, v20 & M64]);
    expect([le(m, 0x600, 16), le(m, 0x610, 16)]).toEqual([v21, v20]);
  });

  it('LDR S/D/Q literal', () => {
    const r = runA64([
      0x1c000040, // ldr s0, 2f
      0x14000005, // b 1f
      0x44332211, 0x88776655, 0xbbaa9988, 0xffeeddcc, // 2: .quad 0x8877665544332211, 0xffeeddccbbaa9988
      0x5cffff81, // 1: ldr d1, 2b
      0x9cffff62, // ldr q2, 2b
      0x1cffffa3, // ldr s3, 2b+12
    ], { v: vinit([0, 1, 2, 3], () => ONES) });
    expect(r.v.slice(0, 4)).toEqual([0x44332211n, 0x88776655_44332211n, 0xffeeddcc_bbaa9988_88776655_44332211n, 0xffeeddccn]);
  });
});

describe('aarch64 SIMD structure loads and stores', () => {
  it('LD1 multiple: 1-4 registers, 8- and 16-byte forms, register wrap, post-index', () => {
    const r = runA64([
      0x4c407020, // ld1 {v0.16b}, [x1]
      0x0c40a021, // ld1 {v1.8b, v2.8b}, [x1]
      0x4cdf6823, // ld1 {v3.4s-v5.4s}, [x1], #48
      0x4cc42c46, // ld1 {v6.2d-v9.2d}, [x2], x4
      0x4c40a07f, // ld1 {v31.16b, v0.16b}, [x3]
      0x0c407c6a, // ld1 {v10.1d}, [x3]
      0x0cdf246b, // ld1 {v11.4h-v14.4h}, [x3], #32
    ], { x: { 1: D, 2: D + 0x40n, 3: D + 0x80n, 4: 0x100n }, v: vinit([...range(0, 14), 31], () => ONES), data: iota });
    const q = (off: number): bigint => vec(iota, off, 16);
    const d = (off: number): bigint => vec(iota, off, 8);
    expect(r.v[0]).toBe(q(0x90));
    expect([r.v[1], r.v[2]]).toEqual([d(0), d(8)]);
    expect([r.v[3], r.v[4], r.v[5]]).toEqual([q(0), q(16), q(32)]);
    expect([r.v[6], r.v[7], r.v[8], r.v[9]]).toEqual([q(0x40), q(0x50), q(0x60), q(0x70)]);
    expect(r.v[31]).toBe(q(0x80));
    expect(r.v[10]).toBe(d(0x80));
    expect([r.v[11], r.v[12], r.v[13], r.v[14]]).toEqual([d(0x80), d(0x88), d(0x90), d(0x98)]);
    expect([r.x[1], r.x[2], r.x[3]]).toEqual([D + 48n, D + 0x140n, D + 0xa0n]);
  });

  it('ST1 multiple', () => {
    const r = runA64([
      0x4c007034, // st1 {v20.16b}, [x1]
      0x0c006054, // st1 {v20.8b-v22.8b}, [x2]
      0x4c9f2c7e, // st1 {v30.2d, v31.2d, v0.2d, v1.2d}, [x3], #64
      0x0c84ad35, // st1 {v21.1d, v22.1d}, [x9], x4
    ], { x: { 1: D + 0x100n, 2: D + 0x200n, 3: D + 0x300n, 9: D + 0x400n, 4: 0x20n }, v: vinit([0, 1, 20, 21, 22, 30, 31]), data });
    const m = guest(r);
    const lo8 = (n: number): bigint => vval(n) & M64;
    expect(le(m, 0x100, 16)).toBe(vval(20));
    expect([le(m, 0x200, 8), le(m, 0x208, 8), le(m, 0x210, 8), le(m, 0x218, 8)]).toEqual([lo8(20), lo8(21), lo8(22), le(data, 0x218, 8)]);
    expect([le(m, 0x300, 16), le(m, 0x310, 16), le(m, 0x320, 16), le(m, 0x330, 16)]).toEqual([vval(30), vval(31), vval(0), vval(1)]);
    expect([le(m, 0x400, 8), le(m, 0x408, 8)]).toEqual([lo8(21), lo8(22)]);
    expect([r.x[3], r.x[9]]).toEqual([D + 0x340n, D + 0x420n]);
  });

  it('LD2/LD3/LD4 multiple de-interleave', () => {
    const r = runA64([
      0x4c408020, // ld2 {v0.16b, v1.16b}, [x1]
      0x0c408422, // ld2 {v2.4h, v3.4h}, [x1]
      0x4c404424, // ld3 {v4.8h-v6.8h}, [x1]
      0x4cdf0827, // ld4 {v7.4s-v10.4s}, [x1], #64
      0x4c408c2b, // ld2 {v11.2d, v12.2d}, [x1]
      0x0c40002d, // ld4 {v13.8b-v16.8b}, [x1]
      0x0cc44831, // ld3 {v17.2s-v19.2s}, [x1], x4
    ], { x: { 1: D, 4: 0x18n }, v: vinit(range(0, 19), () => ONES), data: iota });
    const evens = Array.from({ length: 16 }, (_, i) => 2 * i);
    expect([r.v[0], r.v[1]]).toEqual([fromBytes(evens), fromBytes(evens.map((b) => b + 1))]);
    expect([r.v[2], r.v[3]]).toEqual([fromBytes([0, 1, 4, 5, 8, 9, 12, 13]), fromBytes([2, 3, 6, 7, 10, 11, 14, 15])]);
    expect(r.v.slice(4, 7)).toEqual(ldn(iota, 0, 3, 2, 16));
    expect(r.v[4]).toBe(fromBytes([0, 1, 6, 7, 12, 13, 18, 19, 24, 25, 30, 31, 36, 37, 42, 43]));
    expect(r.v.slice(7, 11)).toEqual(ldn(iota, 0, 4, 4, 16));
    expect(r.v.slice(11, 13)).toEqual(ldn(iota, 64, 2, 8, 16));
    expect(r.v.slice(13, 17)).toEqual(ldn(iota, 64, 4, 1, 8));
    expect(r.v.slice(17, 20)).toEqual(ldn(iota, 64, 3, 4, 8));
    expect(r.v[17]).toBe(fromBytes([64, 65, 66, 67, 76, 77, 78, 79]));
    expect(r.x[1]).toBe(D + 64n + 0x18n);
  });

  it('LD4 and ST4 with a register list that wraps from v31 to v0', () => {
    const r = runA64([
      0x4c40005e, // ld4 {v30.16b, v31.16b, v0.16b, v1.16b}, [x2]
      0x4c00013f, // st4 {v31.16b, v0.16b, v1.16b, v2.16b}, [x9]
    ], { x: { 2: D + 0x80n, 9: D + 0x400n }, v: { 2: vval(2) }, data: iota });
    const [a, b, c, d] = ldn(iota, 0x80, 4, 1, 16);
    expect([r.v[30], r.v[31], r.v[0], r.v[1]]).toEqual([a, b, c, d]);
    expect(bytes(guest(r), 0x400, 64)).toEqual(stn([b, c, d, vval(2)], 1, 16));
  });

  it('ST2/ST3/ST4 multiple interleave', () => {
    const r = runA64([
      0x4c008434, // st2 {v20.8h, v21.8h}, [x1]
      0x4c9f4055, // st3 {v21.16b-v23.16b}, [x2], #48
      0x0c840874, // st4 {v20.2s-v23.2s}, [x3], x4
    ], { x: { 1: D + 0x100n, 2: D + 0x200n, 3: D + 0x300n, 4: 0x40n }, v: vinit(range(20, 23)), data });
    const m = guest(r);
    const v = range(20, 23).map(vval);
    expect(bytes(m, 0x100, 32)).toEqual(stn([v[0], v[1]], 2, 16));
    expect(bytes(m, 0x100, 4)).toEqual([...toBytes(v[0]).slice(0, 2), ...toBytes(v[1]).slice(0, 2)]);
    expect(bytes(m, 0x200, 48)).toEqual(stn([v[1], v[2], v[3]], 1, 16));
    expect(bytes(m, 0x300, 32)).toEqual(stn(v, 4, 8));
    expect(bytes(m, 0x320, 16)).toEqual(bytes(data, 0x320, 16));
    expect([r.x[2], r.x[3]]).toEqual([D + 0x230n, D + 0x340n]);
  });

  it('single-lane loads change only their lane', () => {
    const regs = [...range(0, 2), ...range(20, 31)];
    const r = runA64([
      0x4d401434, // ld1 {v20.b}[13], [x1]
      0x4ddf4835, // ld1 {v21.h}[5], [x1], #2
      0x4dc49136, // ld1 {v22.s}[3], [x9], x4
      0x4d408457, // ld1 {v23.d}[1], [x2]
      0x0d600858, // ld2 {v24.b, v25.b}[2], [x2]
      0x4d40785a, // ld3 {v26.h-v28.h}[7], [x2]
      0x0dffb07d, // ld4 {v29.s, v30.s, v31.s, v0.s}[1], [x3], #16
      0x0d608461, // ld2 {v1.d, v2.d}[0], [x3]
    ], { x: { 1: D + 0x10n, 2: D + 0x20n, 3: D + 0x40n, 9: D + 0x60n, 4: 0x100n }, v: vinit(regs), data: iota });
    const lane = (n: number, at: number, off: number, len: number): bigint => withBytes(vval(n), at, bytes(iota, off, len));
    expect(r.v[20]).toBe(lane(20, 13, 0x10, 1));
    expect(r.v[21]).toBe(lane(21, 10, 0x10, 2));
    expect(r.v[22]).toBe(lane(22, 12, 0x60, 4));
    expect(r.v[23]).toBe(lane(23, 8, 0x20, 8));
    expect([r.v[24], r.v[25]]).toEqual([lane(24, 2, 0x20, 1), lane(25, 2, 0x21, 1)]);
    expect([r.v[26], r.v[27], r.v[28]]).toEqual([lane(26, 14, 0x20, 2), lane(27, 14, 0x22, 2), lane(28, 14, 0x24, 2)]);
    expect([r.v[29], r.v[30], r.v[31], r.v[0]]).toEqual([lane(29, 4, 0x40, 4), lane(30, 4, 0x44, 4), lane(31, 4, 0x48, 4), lane(0, 4, 0x4c, 4)]);
    expect([r.v[1], r.v[2]]).toEqual([lane(1, 0, 0x50, 8), lane(2, 0, 0x58, 8)]);
    expect([r.x[1], r.x[9], r.x[3]]).toEqual([D + 0x12n, D + 0x160n, D + 0x50n]);
  });

  it('LD1R-LD4R replicate (and zero the upper half of 64-bit forms)', () => {
    const r = runA64([
      0x4d40c023, // ld1r {v3.16b}, [x1]
      0x0d40c424, // ld1r {v4.4h}, [x1]
      0x4dffc845, // ld2r {v5.4s, v6.4s}, [x2], #8
      0x0d40ec67, // ld3r {v7.1d-v9.1d}, [x3]
      0x4de4e52a, // ld4r {v10.8h-v13.8h}, [x9], x4
      0x4d40cc6e, // ld1r {v14.2d}, [x3]
      0x0ddfe06f, // ld3r {v15.8b-v17.8b}, [x3], #3
      0x0d40c872, // ld1r {v18.2s}, [x3]
    ], { x: { 1: D + 0x10n, 2: D + 0x20n, 3: D + 0x40n, 9: D + 0x60n, 4: 0x100n }, v: vinit(range(3, 18), () => ONES), data: iota });
    expect(r.v[3]).toBe(rep([0x10], 16));
    expect(r.v[4]).toBe(rep([0x10, 0x11], 8));
    expect([r.v[5], r.v[6]]).toEqual([rep([0x20, 0x21, 0x22, 0x23], 16), rep([0x24, 0x25, 0x26, 0x27], 16)]);
    expect([r.v[7], r.v[8], r.v[9]]).toEqual([vec(iota, 0x40, 8), vec(iota, 0x48, 8), vec(iota, 0x50, 8)]);
    expect(r.v.slice(10, 14)).toEqual([0x60, 0x62, 0x64, 0x66].map((b) => rep([b, b + 1], 16)));
    expect(r.v[14]).toBe(rep(bytes(iota, 0x40, 8), 16));
    expect([r.v[15], r.v[16], r.v[17]]).toEqual([rep([0x40], 8), rep([0x41], 8), rep([0x42], 8)]);
    expect(r.v[18]).toBe(rep([0x43, 0x44, 0x45, 0x46], 8));
    expect([r.x[2], r.x[9], r.x[3]]).toEqual([D + 0x28n, D + 0x160n, D + 0x43n]);
  });

  it('single-lane stores', () => {
    const regs = [...range(0, 2), ...range(20, 31)];
    const r = runA64([
      0x4d001434, // st1 {v20.b}[13], [x1]
      0x4d9f4835, // st1 {v21.h}[5], [x1], #2
      0x4d849136, // st1 {v22.s}[3], [x9], x4
      0x4d008457, // st1 {v23.d}[1], [x2]
      0x0dbf0858, // st2 {v24.b, v25.b}[2], [x2], #2
      0x4d00785a, // st3 {v26.h-v28.h}[7], [x2]
      0x0dbfb07d, // st4 {v29.s, v30.s, v31.s, v0.s}[1], [x3], #16
      0x4d208461, // st2 {v1.d, v2.d}[1], [x3]
    ], { x: { 1: D + 0x100n, 2: D + 0x200n, 3: D + 0x300n, 9: D + 0x400n, 4: 0x40n }, v: vinit(regs), data });
    const m = data.slice();
    const put = (off: number, n: number, at: number, len: number): void => m.set(toBytes(vval(n)).slice(at, at + len), off);
    put(0x100, 20, 13, 1);
    put(0x100, 21, 10, 2);
    put(0x400, 22, 12, 4);
    put(0x200, 23, 8, 8);
    put(0x200, 24, 2, 1);
    put(0x201, 25, 2, 1);
    put(0x202, 26, 14, 2);
    put(0x204, 27, 14, 2);
    put(0x206, 28, 14, 2);
    [29, 30, 31, 0].forEach((n, i) => put(0x300 + 4 * i, n, 4, 4));
    put(0x310, 1, 8, 8);
    put(0x318, 2, 8, 8);
    expect(firstDifference(guest(r), m)).toBe(-1);
    expect([r.x[1], r.x[9], r.x[2], r.x[3]]).toEqual([D + 0x102n, D + 0x440n, D + 0x202n, D + 0x310n]);
  });
});
