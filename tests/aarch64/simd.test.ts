// Advanced SIMD, hand-written: expected values come from the architecture (lane models
// in BigInt below), covering lane boundaries, Q=0 zeroing of the upper half, aliasing
// of destination and sources, TBL/TBX out-of-range indices, saturation (FPSR.QC), the
// glibc string idioms, and floating-point NaN/flag/FPCR behaviour. simd-qemu.test.ts
// checks every form against qemu-aarch64 on top of this.
import { describe, expect, it } from 'vitest';
import { Exit } from '../../src/translate/cpu-state.js';
import { type A64Init, runA64 } from './driver.js';

const M64 = (1n << 64n) - 1n;
const M128 = (1n << 128n) - 1n;
const QC = 0x08000000;
const IOC = 1, DZC = 2, OFC = 4, UFC = 8, IXC = 16, IDC = 128;
const FZ = 1 << 24, DN = 1 << 25, RZ = 3 << 22, RP = 1 << 22;

const mask = (bits: number): bigint => (1n << BigInt(bits)) - 1n;
/** Lane i (of `bits`) of a 128-bit value, unsigned. */
const lane = (v: bigint, bits: number, i: number): bigint => (v >> BigInt(i * bits)) & mask(bits);
const lanesOf = (v: bigint, bits: number, n = 128 / bits): bigint[] => Array.from({ length: n }, (_, i) => lane(v, bits, i));
/** Packs lanes (any integers, wrapped to `bits`) from lane 0 up. */
const pack = (ls: readonly bigint[], bits: number): bigint => ls.reduce((acc, l, i) => acc | ((l & mask(bits)) << BigInt(i * bits)), 0n);
const sx = (v: bigint, bits: number): bigint => BigInt.asIntN(bits, v);
const bytes = (...b: number[]): bigint => pack(b.map(BigInt), 8);
/** A 128-bit value from two 64-bit halves. */
const q = (lo: bigint, hi: bigint): bigint => ((hi & M64) << 64n) | (lo & M64);
const low64 = (v: bigint): bigint => v & M64;
const abs8 = (x: bigint): bigint => (sx(x, 8) < 0n ? -sx(x, 8) : x);
const a32 = (v: bigint, i: number): bigint => lane(v, 32, i);

const f32 = (x: number): bigint => { const d = new DataView(new ArrayBuffer(4)); d.setFloat32(0, x, true); return BigInt(d.getUint32(0, true)); };
const f64 = (x: number): bigint => { const d = new DataView(new ArrayBuffer(8)); d.setFloat64(0, x, true); return d.getBigUint64(0, true); };
const fromF32 = (b: bigint): number => { const d = new DataView(new ArrayBuffer(4)); d.setUint32(0, Number(b), true); return d.getFloat32(0, true); };
const fromF64 = (b: bigint): number => { const d = new DataView(new ArrayBuffer(8)); d.setBigUint64(0, b, true); return d.getFloat64(0, true); };
const s4 = (...x: number[]): bigint => pack(x.map(f32), 32);
const d2 = (...x: number[]): bigint => pack(x.map(f64), 64);

// Operands with distinct bytes, and with values at every lane boundary.
const SEQ = bytes(0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff);
const A = 0x8000_7fff_ffff_0001_8080_7f7f_ff01_00fen;
const B = 0x7fff_8000_0001_ffff_7f80_807f_01ff_fe00n;
const R1 = 0x0123_4567_89ab_cdef_fedc_ba98_7654_3210n;

/** Runs one or more words and returns the final state. */
function run(words: number[], init: A64Init) {
  const r = runA64(words, init);
  expect(r.exit).toBe(Exit.Syscall);
  return r;
}

/** Runs a V0 = op(V1, V2[, V0]) instruction. */
const op = (word: number, v1: bigint, v2 = 0n, v0 = 0n, extra: A64Init = {}) =>
  run([word], { ...extra, v: { 0: v0, 1: v1, 2: v2, ...extra.v } });

/** Lane-wise model of a binary op on V1, V2 with `bits` lanes; q=0 uses the low half and zeroes the top. */
function model(v1: bigint, v2: bigint, bits: number, qd: number, f: (a: bigint, b: bigint) => bigint): bigint {
  const n = (qd ? 128 : 64) / bits;
  return pack(Array.from({ length: n }, (_, i) => f(lane(v1, bits, i), lane(v2, bits, i))), bits);
}

describe('SIMD immediates and moves', () => {
  it('MOVI/MVNI/ORR/BIC cover the shifted, MSL, byte-mask and FP forms; Q=0 clears the top', () => {
    expect(op(0x4f052560 /* movi v0.4s, #0xab, lsl #8 */, 0n, 0n, M128).v[0]).toBe(pack(Array(4).fill(0xab00n), 32));
    expect(op(0x0f05d560 /* movi v0.2s, #0xab, msl #16 */, 0n, 0n, M128).v[0]).toBe(pack(Array(2).fill(0xabffffn), 32));
    expect(op(0x6f00a640 /* mvni v0.8h, #0x12, lsl #8 */, 0n).v[0]).toBe(pack(Array(8).fill(0xedffn), 16));
    expect(op(0x0f04b400 /* orr v0.4h, #0x80, lsl #8 */, 0n, 0n, R1).v[0]).toBe(low64(R1) | pack(Array(4).fill(0x8000n), 16));
    expect(op(0x6f0717e0 /* bic v0.4s, #0xff */, 0n, 0n, R1).v[0]).toBe(R1 & ~pack(Array(4).fill(0xffn), 32) & M128);
    expect(op(0x2f05e4a0 /* movi d0, #0xff00ff0000ff00ff */, 0n, 0n, M128).v[0]).toBe(0xff00ff0000ff00ffn);
    expect(op(0x6f05e4a0 /* movi v0.2d, #0xff00ff0000ff00ff */, 0n).v[0]).toBe(q(0xff00ff0000ff00ffn, 0xff00ff0000ff00ffn));
    expect(op(0x6f07f680 /* fmov v0.2d, #-1.25 */, 0n).v[0]).toBe(d2(-1.25, -1.25));
    expect(op(0x0f03f400 /* fmov v0.2s, #0.5 */, 0n, 0n, M128).v[0]).toBe(s4(0.5, 0.5));
  });

  it('DUP from a general register or an element fills every lane', () => {
    const x = { 1: 0x1234_5678_9abc_def0n };
    expect(run([0x4e010c20 /* dup v0.16b, w1 */], { x }).v[0]).toBe(pack(Array(16).fill(0xf0n), 8));
    expect(run([0x0e020c20 /* dup v0.4h, w1 */], { x, v: { 0: M128 } }).v[0]).toBe(pack(Array(4).fill(0xdef0n), 16));
    expect(run([0x4e080c20 /* dup v0.2d, x1 */], { x }).v[0]).toBe(q(x[1], x[1]));
    expect(op(0x4e1c0420 /* dup v0.4s, v1.s[3] */, R1).v[0]).toBe(pack(Array(4).fill(0x01234567n), 32));
    expect(op(0x0e1f0420 /* dup v0.8b, v1.b[15] */, SEQ, 0n, M128).v[0]).toBe(pack(Array(8).fill(0xffn), 8));
  });

  it('INS keeps the other lanes (and the top half); MOV to a scalar clears the rest', () => {
    const x = { 1: 0xaabb_ccdd_eeff_0011n };
    expect(run([0x4e141c20 /* mov v0.s[2], w1 */], { x, v: { 0: R1 } }).v[0]).toBe((R1 & ~(mask(32) << 64n)) | (0xeeff0011n << 64n));
    expect(run([0x4e181c20 /* mov v0.d[1], x1 */], { x, v: { 0: R1 } }).v[0]).toBe(q(R1, x[1]));
    expect(op(0x6e0b6420 /* mov v0.b[5], v1.b[12] */, SEQ, 0n, R1).v[0]).toBe((R1 & ~(0xffn << 40n)) | (0xccn << 40n));
    expect(op(0x5e1c0420 /* mov s0, v1.s[3] */, R1, 0n, M128).v[0]).toBe(0x01234567n);
    expect(op(0x5e160420 /* mov h0, v1.h[5] */, R1, 0n, M128).v[0]).toBe(0x89abn);
  });

  it('UMOV zero-extends and SMOV sign-extends into W and X', () => {
    const v = { 1: (SEQ & ~(0xffffn << 112n)) | (0x8123n << 112n) };
    expect(run([0x0e1f3c20 /* umov w0, v1.b[15] */], { v, x: { 0: M64 } }).x[0]).toBe(0x81n);
    expect(run([0x0e1f2c20 /* smov w0, v1.b[15] */], { v, x: { 0: M64 } }).x[0]).toBe(0xffff_ff81n);
    expect(run([0x4e1e2c20 /* smov x0, v1.h[7] */], { v }).x[0]).toBe(0xffff_ffff_ffff_8123n);
    expect(run([0x4e183c20 /* mov x0, v1.d[1] */], { v }).x[0]).toBe(lane(v[1], 64, 1));
    expect(run([0x0e0c3c20 /* mov w0, v1.s[1] */], { v, x: { 0: M64 } }).x[0]).toBe(0x77665544n);
  });
});

describe('SIMD permutes', () => {
  const byteLanes = (v: bigint): number[] => lanesOf(v, 8).map(Number);

  it('EXT concatenates and extracts, with Q=0 using the low halves only', () => {
    const v2 = bytes(...Array.from({ length: 16 }, (_, i) => 0xa0 + i));
    const b1 = byteLanes(SEQ), b2 = byteLanes(v2);
    expect(op(0x6e021820 /* ext v0.16b, v1.16b, v2.16b, #3 */, SEQ, v2).v[0]).toBe(bytes(...[...b1, ...b2].slice(3, 19)));
    expect(op(0x2e022820 /* ext v0.8b, v1.8b, v2.8b, #5 */, SEQ, v2, M128).v[0]).toBe(bytes(...[...b1.slice(0, 8), ...b2.slice(0, 8)].slice(5, 13)));
  });

  it('TBL gives 0 for out-of-range indices, TBX keeps the destination byte', () => {
    const idx = bytes(0, 15, 16, 255, 7, 8, 31, 32, 1, 2, 3, 4, 5, 6, 64, 9);
    const table = byteLanes(SEQ);
    const want = (keep: number[]) => bytes(...byteLanes(idx).map((i, k) => (i < 16 ? table[i] : keep[k])));
    expect(op(0x4e020020 /* tbl v0.16b, {v1.16b}, v2.16b */, SEQ, idx, M128).v[0]).toBe(want(Array(16).fill(0)));
    expect(op(0x4e021020 /* tbx v0.16b, {v1.16b}, v2.16b */, SEQ, idx, R1).v[0]).toBe(want(byteLanes(R1)));
  });

  it('TBL/TBX with 2 and 4 table registers, and a table wrapping from v31 to v0', () => {
    const t2 = bytes(...Array.from({ length: 16 }, (_, i) => 0xa0 + i));
    const idx = bytes(0, 16, 17, 31, 32, 33, 15, 200, 1, 2, 3, 4, 5, 6, 7, 8);
    const two = [...byteLanes(SEQ), ...byteLanes(t2)];
    expect(run([0x0e032020 /* tbl v0.8b, {v1.16b, v2.16b}, v3.8b */], { v: { 0: M128, 1: SEQ, 2: t2, 3: idx } }).v[0])
      .toBe(bytes(...byteLanes(idx).slice(0, 8).map((i) => (i < 32 ? two[i] : 0))));
    const regs = [SEQ, t2, R1, A];
    const four = regs.flatMap(byteLanes);
    const idx4 = bytes(0, 20, 40, 63, 64, 65, 255, 48, 47, 32, 31, 16, 15, 1, 2, 3);
    expect(run([0x4e057020 /* tbx v0.16b, {v1.16b, v2.16b, v3.16b, v4.16b}, v5.16b */], { v: { 0: B, 1: SEQ, 2: t2, 3: R1, 4: A, 5: idx4 } }).v[0])
      .toBe(bytes(...byteLanes(idx4).map((i, k) => (i < 64 ? four[i] : byteLanes(B)[k]))));
    const wrap = [...byteLanes(A), ...byteLanes(SEQ)];
    expect(run([0x4e0223e0 /* tbl v0.16b, {v31.16b, v0.16b}, v2.16b */], { v: { 31: A, 0: SEQ, 2: idx } }).v[0])
      .toBe(bytes(...byteLanes(idx).map((i) => (i < 32 ? wrap[i] : 0))));
  });

  it('ZIP/UZP/TRN interleave, de-interleave and transpose lanes', () => {
    const zip = (a: bigint, b: bigint, bits: number, n: number, hi: boolean) => {
      const la = lanesOf(a, bits, n), lb = lanesOf(b, bits, n), o = hi ? n / 2 : 0;
      return pack(Array.from({ length: n }, (_, i) => (i & 1 ? lb : la)[o + (i >> 1)]), bits);
    };
    expect(op(0x4e423820 /* zip1 v0.8h, v1.8h, v2.8h */, R1, A).v[0]).toBe(zip(R1, A, 16, 8, false));
    expect(op(0x4e027820 /* zip2 v0.16b, v1.16b, v2.16b */, SEQ, A).v[0]).toBe(zip(SEQ, A, 8, 16, true));
    const cat = [...lanesOf(R1, 32), ...lanesOf(A, 32)];
    expect(op(0x4e821820 /* uzp1 v0.4s, v1.4s, v2.4s */, R1, A).v[0]).toBe(pack(cat.filter((_, i) => i % 2 === 0), 32));
    const cat8 = [...lanesOf(SEQ, 8, 8), ...lanesOf(A, 8, 8)];
    expect(op(0x0e025820 /* uzp2 v0.8b, v1.8b, v2.8b */, SEQ, A, M128).v[0]).toBe(pack(cat8.filter((_, i) => i % 2 === 1), 8));
    const t1 = lanesOf(SEQ, 8).map((x, i) => (i & 1 ? lane(A, 8, i - 1) : x));
    expect(op(0x4e022820 /* trn1 v0.16b, v1.16b, v2.16b */, SEQ, A).v[0]).toBe(pack(t1, 8));
    const t2 = lanesOf(R1, 16, 4).map((_, i) => (i & 1 ? lane(A, 16, i) : lane(R1, 16, i + 1)));
    expect(op(0x0e426820 /* trn2 v0.4h, v1.4h, v2.4h */, R1, A, M128).v[0]).toBe(pack(t2, 16));
    // Destination aliases the first source.
    expect(run([0x4e013800 /* zip1 v0.16b, v0.16b, v1.16b */], { v: { 0: SEQ, 1: A } }).v[0]).toBe(zip(SEQ, A, 8, 16, false));
  });

  it('REV16/REV32/REV64 reverse lanes inside their containers', () => {
    const rev = (v: bigint, bits: number, cont: number) =>
      pack(lanesOf(v, bits).map((_, i) => { const per = cont / bits; return lane(v, bits, i - (i % per) + per - 1 - (i % per)); }), bits);
    expect(op(0x4e201820 /* rev16 v0.16b, v1.16b */, SEQ).v[0]).toBe(rev(SEQ, 8, 16));
    expect(op(0x6e600820 /* rev32 v0.8h, v1.8h */, R1).v[0]).toBe(rev(R1, 16, 32));
    expect(op(0x4e200820 /* rev64 v0.16b, v1.16b */, SEQ).v[0]).toBe(rev(SEQ, 8, 64));
    expect(op(0x0ea00820 /* rev64 v0.2s, v1.2s */, R1, 0n, M128).v[0]).toBe(low64(rev(R1, 32, 64)));
  });
});

describe('SIMD narrowing and widening', () => {
  it('XTN writes the low half (clearing the top); XTN2 the top half, keeping the low one', () => {
    const narrow = (v: bigint, bits: number) => pack(lanesOf(v, 2 * bits), bits);
    expect(op(0x0e212820 /* xtn v0.8b, v1.8h */, A, 0n, M128).v[0]).toBe(narrow(A, 8));
    expect(op(0x4e212820 /* xtn2 v0.16b, v1.8h */, A, 0n, R1).v[0]).toBe(q(R1, narrow(A, 8)));
    expect(run([0x4ea12800 /* xtn2 v0.4s, v0.2d */], { v: { 0: R1 } }).v[0]).toBe(q(R1, narrow(R1, 32)));
  });

  it('SHRN/RSHRN narrow shifted lanes (RSHRN rounds); SHRN2 fills the top half', () => {
    // the glibc strlen/memchr "nibble mask": shrn v.8b, v.8h, #4
    expect(op(0x0f0c8420 /* shrn v0.8b, v1.8h, #4 */, A, 0n, M128).v[0]).toBe(pack(lanesOf(A, 16).map((x) => x >> 4n), 8));
    expect(op(0x0f108c20 /* rshrn v0.4h, v1.4s, #16 */, A).v[0]).toBe(pack(lanesOf(A, 32).map((x) => (x + 0x8000n) >> 16n), 16));
    expect(op(0x4f208420 /* shrn2 v0.4s, v1.2d, #32 */, A, 0n, R1).v[0]).toBe(q(R1, pack(lanesOf(A, 64).map((x) => x >> 32n), 32)));
  });

  it('UXTL/SXTL2/USHLL widen with zero or sign extension', () => {
    expect(op(0x2f08a420 /* uxtl v0.8h, v1.8b */, A).v[0]).toBe(pack(lanesOf(A, 8, 8), 16));
    expect(op(0x4f10a420 /* sxtl2 v0.4s, v1.8h */, A).v[0]).toBe(pack(lanesOf(A, 16).slice(4).map((x) => sx(x, 16)), 32));
    expect(op(0x2f3fa420 /* ushll v0.2d, v1.2s, #31 */, A).v[0]).toBe(pack(lanesOf(A, 32, 2).map((x) => x << 31n), 64));
  });

  it('saturating narrows clamp and set QC', () => {
    const sat = (x: bigint, lo: bigint, hi: bigint) => (x < lo ? lo : x > hi ? hi : x);
    const r1 = op(0x0e214820 /* sqxtn v0.8b, v1.8h */, A);
    expect(r1.v[0]).toBe(pack(lanesOf(A, 16).map((x) => sat(sx(x, 16), -128n, 127n)), 8));
    expect(r1.fpsr).toBe(QC);
    const r2 = op(0x6e614820 /* uqxtn2 v0.8h, v1.4s */, A, 0n, R1);
    expect(r2.v[0]).toBe(q(R1, pack(lanesOf(A, 32).map((x) => sat(x, 0n, 0xffffn)), 16)));
    const small = pack([1n, 2n, 3n, 0xfffen], 32);
    const r3 = op(0x2e612820 /* sqxtun v0.4h, v1.4s */, small);
    expect(r3.v[0]).toBe(pack([1n, 2n, 3n, 0xfffen], 16));
    expect(r3.fpsr).toBe(0);
  });
});

describe('SIMD integer arithmetic', () => {
  it('ADD/SUB wrap at every lane size; 64-bit lanes carry across words', () => {
    expect(op(0x4e228420 /* add v0.16b, v1.16b, v2.16b */, A, B).v[0]).toBe(model(A, B, 8, 1, (a, b) => a + b));
    expect(op(0x6e628420 /* sub v0.8h, v1.8h, v2.8h */, A, B).v[0]).toBe(model(A, B, 16, 1, (a, b) => a - b));
    expect(op(0x4ee28420 /* add v0.2d, v1.2d, v2.2d */, A, B).v[0]).toBe(model(A, B, 64, 1, (a, b) => a + b));
    expect(op(0x5ee28420 /* add d0, d1, d2 */, A, B, M128).v[0]).toBe(low64(model(A, B, 64, 1, (a, b) => a + b)));
    expect(run([0x4e208400 /* add v0.16b, v0.16b, v0.16b */], { v: { 0: A } }).v[0]).toBe(model(A, A, 8, 1, (a, b) => a + b));
  });

  it('compares give all-ones lanes; register and zero forms, signed and unsigned', () => {
    const t = (c: boolean, bits: number) => (c ? mask(bits) : 0n);
    expect(op(0x6e228c20 /* cmeq v0.16b, v1.16b, v2.16b */, A, A ^ bytes(0, 1, 0, 0, 0x80)).v[0]).toBe(bytes(0xff, 0, 0xff, 0xff, 0, ...Array(11).fill(0xff)));
    expect(op(0x6ea23420 /* cmhi v0.4s, v1.4s, v2.4s */, A, B).v[0]).toBe(model(A, B, 32, 1, (a, b) => t(a > b, 32)));
    expect(op(0x4ea23420 /* cmgt v0.4s, v1.4s, v2.4s */, A, B).v[0]).toBe(model(A, B, 32, 1, (a, b) => t(sx(a, 32) > sx(b, 32), 32)));
    expect(op(0x4ee23c20 /* cmge v0.2d, v1.2d, v2.2d */, A, B).v[0]).toBe(model(A, B, 64, 1, (a, b) => t(sx(a, 64) >= sx(b, 64), 64)));
    expect(op(0x0e228c20 /* cmtst v0.8b, v1.8b, v2.8b */, A, B, M128).v[0]).toBe(model(A, B, 8, 0, (a, b) => t((a & b) !== 0n, 8)));
    expect(op(0x4e209820 /* cmeq v0.16b, v1.16b, #0 */, SEQ).v[0]).toBe(0xffn);
    expect(op(0x4e60a820 /* cmlt v0.8h, v1.8h, #0 */, A).v[0]).toBe(model(A, 0n, 16, 1, (a) => t(sx(a, 16) < 0n, 16)));
    expect(op(0x7ee28c20 /* cmeq d0, d1, d2 */, A, A ^ (1n << 64n), M128).v[0]).toBe(M64);
  });

  it('saturating add/sub clamp per lane and set QC only when they clamp', () => {
    const r = op(0x6e222c20 /* uqsub v0.16b, v1.16b, v2.16b */, A, B);
    expect(r.v[0]).toBe(model(A, B, 8, 1, (a, b) => (a > b ? a - b : 0n)));
    expect(r.fpsr).toBe(QC);
    const r2 = op(0x6e620c20 /* uqadd v0.8h, v1.8h, v2.8h */, A, B);
    expect(r2.v[0]).toBe(model(A, B, 16, 1, (a, b) => (a + b > 0xffffn ? 0xffffn : a + b)));
    const s32 = (a: bigint, b: bigint) => { const s = sx(a, 32) + sx(b, 32); return s > 0x7fffffffn ? 0x7fffffffn : s < -0x80000000n ? -0x80000000n : s; };
    expect(op(0x4ea20c20 /* sqadd v0.4s, v1.4s, v2.4s */, A, B).v[0]).toBe(model(A, B, 32, 1, s32));
    const min64 = 1n << 63n;
    const r3 = op(0x4ee20c20 /* sqadd v0.2d, v1.2d, v2.2d */, q(min64, 5n), q(min64, 7n));
    expect(r3.v[0]).toBe(q(min64, 12n));
    expect(r3.fpsr).toBe(QC);
    const r4 = op(0x0e222c20 /* sqsub v0.8b, v1.8b, v2.8b */, bytes(1, 2, 3, 4, 5, 6, 7, 8), bytes(1, 1, 1, 1, 1, 1, 1, 1));
    expect(r4.v[0]).toBe(bytes(0, 1, 2, 3, 4, 5, 6, 7));
    expect(r4.fpsr).toBe(0);
  });

  it('MAX/MIN, pairwise and across-lanes reductions', () => {
    expect(op(0x6e226420 /* umax v0.16b, v1.16b, v2.16b */, A, B).v[0]).toBe(model(A, B, 8, 1, (a, b) => (a > b ? a : b)));
    expect(op(0x4e626c20 /* smin v0.8h, v1.8h, v2.8h */, A, B).v[0]).toBe(model(A, B, 16, 1, (a, b) => (sx(a, 16) < sx(b, 16) ? a : b)));
    const pairs = (ls: bigint[], f: (a: bigint, b: bigint) => bigint) => ls.flatMap((_, i) => (i % 2 ? [] : [f(ls[i], ls[i + 1])]));
    const umax = (a: bigint, b: bigint) => (a > b ? a : b);
    // glibc's "any byte set?" reduction: umaxp v.16b, v.16b, v.16b
    const p = pairs(lanesOf(A, 8), umax);
    expect(op(0x6e21a420 /* umaxp v0.16b, v1.16b, v1.16b */, A).v[0]).toBe(pack([...p, ...p], 8));
    expect(op(0x2e22ac20 /* uminp v0.8b, v1.8b, v2.8b */, A, B, M128).v[0])
      .toBe(pack(pairs([...lanesOf(A, 8, 8), ...lanesOf(B, 8, 8)], (a, b) => (a < b ? a : b)), 8));
    expect(op(0x4ea2bc20 /* addp v0.4s, v1.4s, v2.4s */, A, B).v[0]).toBe(pack(pairs([...lanesOf(A, 32), ...lanesOf(B, 32)], (a, b) => a + b), 32));
    expect(op(0x5ef1b820 /* addp d0, v1.2d */, A, 0n, M128).v[0]).toBe((lane(A, 64, 0) + lane(A, 64, 1)) & M64);
    const sum = (v: bigint, bits: number) => lanesOf(v, bits).reduce((a, b) => a + b, 0n);
    expect(op(0x4e31b820 /* addv b0, v1.16b */, A, 0n, M128).v[0]).toBe(sum(A, 8) & 0xffn);
    expect(op(0x6e30a820 /* umaxv b0, v1.16b */, SEQ, 0n, M128).v[0]).toBe(0xffn);
    expect(op(0x6e303820 /* uaddlv h0, v1.16b */, A, 0n, M128).v[0]).toBe(sum(A, 8));
    expect(op(0x6eb03820 /* uaddlv d0, v1.4s */, A).v[0]).toBe(sum(A, 32));
    expect(op(0x4e70a820 /* smaxv h0, v1.8h */, A).v[0]).toBe(0x7fffn);
    expect(op(0x6e202820 /* uaddlp v0.8h, v1.16b */, A).v[0]).toBe(pack(pairs(lanesOf(A, 8), (a, b) => a + b), 16));
    expect(op(0x4ea06820 /* sadalp v0.2d, v1.4s */, A, 0n, R1).v[0])
      .toBe(pack(pairs(lanesOf(A, 32).map((x) => sx(x, 32)), (a, b) => a + b).map((s, i) => s + lane(R1, 64, i)), 64));
  });

  it('absolute differences, multiplies (by element too), long and wide forms', () => {
    expect(op(0x6e227420 /* uabd v0.16b, v1.16b, v2.16b */, A, B).v[0]).toBe(model(A, B, 8, 1, (a, b) => (a > b ? a - b : b - a)));
    const abs = (x: bigint) => (x < 0n ? -x : x);
    expect(op(0x4ea27c20 /* saba v0.4s, v1.4s, v2.4s */, A, B, R1).v[0])
      .toBe(pack(lanesOf(R1, 32).map((d, i) => d + abs(sx(lane(A, 32, i), 32) - sx(lane(B, 32, i), 32))), 32));
    expect(op(0x4e629c20 /* mul v0.8h, v1.8h, v2.8h */, A, B).v[0]).toBe(model(A, B, 16, 1, (a, b) => a * b));
    expect(op(0x6fa20020 /* mla v0.4s, v1.4s, v2.s[1] */, A, B, R1).v[0]).toBe(pack(lanesOf(A, 32).map((a, i) => lane(R1, 32, i) + a * lane(B, 32, 1)), 32));
    expect(op(0x6ea29420 /* mls v0.4s, v1.4s, v2.4s */, A, B, R1).v[0]).toBe(pack(lanesOf(A, 32).map((a, i) => lane(R1, 32, i) - a * lane(B, 32, i)), 32));
    expect(op(0x2ea2c020 /* umull v0.2d, v1.2s, v2.2s */, A, B).v[0]).toBe(pack([0, 1].map((i) => lane(A, 32, i) * lane(B, 32, i)), 64));
    expect(op(0x4ea2c020 /* smull2 v0.2d, v1.4s, v2.4s */, A, B).v[0]).toBe(pack([2, 3].map((i) => sx(lane(A, 32, i), 32) * sx(lane(B, 32, i), 32)), 64));
    expect(op(0x2e228020 /* umlal v0.8h, v1.8b, v2.8b */, A, B, R1).v[0]).toBe(pack(lanesOf(R1, 16).map((d, i) => d + lane(A, 8, i) * lane(B, 8, i)), 16));
    expect(op(0x6ea21020 /* uaddw2 v0.2d, v1.2d, v2.4s */, A, B).v[0]).toBe(pack([0, 1].map((i) => lane(A, 64, i) + lane(B, 32, i + 2)), 64));
    expect(op(0x2e622020 /* usubl v0.4s, v1.4h, v2.4h */, A, B).v[0]).toBe(pack([0, 1, 2, 3].map((i) => lane(A, 16, i) - lane(B, 16, i)), 32));
    const big = pack([0x80000000n, 0x40000000n, 0x7fffffffn, 0xffffffffn], 32);
    const r = op(0x4ea2b420 /* sqdmulh v0.4s, v1.4s, v2.4s */, big, big);
    expect(r.v[0]).toBe(pack([0x7fffffffn, 0x20000000n, 0x7ffffffen, 0n], 32));
    expect(r.fpsr).toBe(QC);
  });

  it('NEG/ABS of the most negative value wrap; SQABS saturates', () => {
    expect(op(0x6ee0b820 /* neg v0.2d, v1.2d */, q(1n << 63n, 1n)).v[0]).toBe(q(1n << 63n, M64));
    expect(op(0x4e20b820 /* abs v0.16b, v1.16b */, A).v[0]).toBe(pack(lanesOf(A, 8).map((x) => abs8(x)), 8));
    const r = op(0x4e607820 /* sqabs v0.8h, v1.8h */, A);
    expect(r.v[0]).toBe(pack(lanesOf(A, 16).map((x) => (x === 0x8000n ? 0x7fffn : sx(x, 16) < 0n ? -sx(x, 16) : x)), 16));
    expect(r.fpsr).toBe(QC);
  });

  it('bitwise ops, CNT and NOT', () => {
    expect(op(0x4e221c20 /* and v0.16b, v1.16b, v2.16b */, A, B).v[0]).toBe(A & B);
    expect(op(0x4ee21c20 /* orn v0.16b, v1.16b, v2.16b */, A, B).v[0]).toBe((A | ~B) & M128);
    expect(op(0x6e621c20 /* bsl v0.16b, v1.16b, v2.16b */, A, B, R1).v[0]).toBe((A & R1) | (B & ~R1 & M128));
    expect(op(0x6ea21c20 /* bit v0.16b, v1.16b, v2.16b */, A, B, R1).v[0]).toBe((A & B) | (R1 & ~B & M128));
    expect(op(0x2ee21c20 /* bif v0.8b, v1.8b, v2.8b */, A, B, R1).v[0]).toBe(low64((R1 & B) | (A & ~B)));
    expect(op(0x4e205820 /* cnt v0.16b, v1.16b */, A).v[0]).toBe(pack(lanesOf(A, 8).map((x) => BigInt(x.toString(2).split('1').length - 1)), 8));
    expect(op(0x2e205820 /* not v0.8b, v1.8b */, A, 0n, M128).v[0]).toBe(low64(~A));
  });

  it('shifts by immediate at the lane boundaries, inserts, and register shifts', () => {
    expect(op(0x4f275420 /* shl v0.4s, v1.4s, #7 */, A).v[0]).toBe(model(A, 0n, 32, 1, (a) => a << 7n));
    expect(op(0x6f0d0420 /* ushr v0.16b, v1.16b, #3 */, A).v[0]).toBe(model(A, 0n, 8, 1, (a) => a >> 3n));
    expect(op(0x4f100420 /* sshr v0.8h, v1.8h, #16 */, A).v[0]).toBe(model(A, 0n, 16, 1, (a) => (sx(a, 16) < 0n ? 0xffffn : 0n)));
    expect(op(0x6f401420 /* usra v0.2d, v1.2d, #64 */, A, 0n, R1).v[0]).toBe(R1);
    expect(op(0x7f410420 /* ushr d0, d1, #63 */, A, 0n, M128).v[0]).toBe(1n);
    expect(op(0x5f415420 /* shl d0, d1, #1 */, A, 0n, M128).v[0]).toBe(low64(A << 1n));
    expect(op(0x6f0c5420 /* sli v0.16b, v1.16b, #4 */, A, 0n, R1).v[0]).toBe(pack(lanesOf(A, 8).map((a, i) => (a << 4n) | (lane(R1, 8, i) & 0xfn)), 8));
    expect(op(0x6f384420 /* sri v0.4s, v1.4s, #8 */, A, 0n, R1).v[0]).toBe(pack(lanesOf(A, 32).map((a, i) => (a >> 8n) | (lane(R1, 32, i) & 0xff000000n)), 32));
    const counts = pack([1n, -1n, 31n, -32n], 32);
    expect(op(0x4ea24420 /* sshl v0.4s, v1.4s, v2.4s */, A, counts).v[0])
      .toBe(pack([a32(A, 0) << 1n, sx(lane(A, 32, 1), 32) >> 1n, a32(A, 2) << 31n, sx(lane(A, 32, 3), 32) >> 31n], 32));
    const r = op(0x2f0d7420 /* uqshl v0.8b, v1.8b, #5 */, bytes(1, 7, 8, 0x40, 0, 3, 0xff, 2));
    expect(r.v[0]).toBe(bytes(32, 224, 255, 255, 0, 96, 255, 64));
    expect(r.fpsr).toBe(QC);
  });
});

describe('SIMD string idioms (glibc)', () => {
  it('strlen: CMEQ #0 + SHRN #4 + UMOV gives a nibble mask of the NUL bytes', () => {
    const data = bytes(...[...'hello, world'].map((c) => c.charCodeAt(0)), 0, 0x41, 0, 0x42);
    const r = run([0x4e209820 /* cmeq v0.16b, v1.16b, #0 */, 0x0f0c8400 /* shrn v0.8b, v0.8h, #4 */, 0x4e083c00 /* mov x0, v0.d[0] */], { v: { 1: data } });
    expect(r.x[0]).toBe(0x0f0f0000_00000000n);
  });

  it('memchr: DUP + CMEQ + UMAXP + UMOV finds whether a byte occurs', () => {
    const words = [0x4e010c20 /* dup v0.16b, w1 */, 0x6e208c20 /* cmeq v0.16b, v1.16b, v0.16b */, 0x6e20a400 /* umaxp v0.16b, v0.16b, v0.16b */, 0x4e083c00 /* mov x0, v0.d[0] */];
    // 0x99 is byte 9 of SEQ: pair 4 of the pairwise maximum
    expect(run(words, { v: { 1: SEQ }, x: { 1: 0x99n } }).x[0]).toBe(0xff_0000_0000n);
    expect(run(words, { v: { 1: SEQ }, x: { 1: 0x100n } }).x[0]).toBe(0xff_0000_0000_0000_00ffn & M64);
    expect(run(words, { v: { 1: SEQ }, x: { 1: 0x1234n } }).x[0]).toBe(0n);
  });
});

describe('SIMD floating point', () => {
  it('FADD/FSUB/FMUL/FDIV on 4S, 2S and 2D lanes; Q=0 clears the top', () => {
    expect(op(0x4e22d420 /* fadd v0.4s, v1.4s, v2.4s */, s4(1, 2.5, -3, 1e30), s4(0.5, 2.5, 3, 1e30)).v[0]).toBe(s4(1.5, 5, 0, 2e30));
    expect(op(0x4e62d420 /* fadd v0.2d, v1.2d, v2.2d */, d2(0.1, -1), d2(0.2, 1)).v[0]).toBe(d2(0.1 + 0.2, 0));
    expect(op(0x0ea2d420 /* fsub v0.2s, v1.2s, v2.2s */, s4(1, 1, 9, 9), s4(0.25, 2, 9, 9), M128).v[0]).toBe(s4(0.75, -1));
    expect(op(0x6e62dc20 /* fmul v0.2d, v1.2d, v2.2d */, d2(3, -0), d2(1 / 3, 5)).v[0]).toBe(d2(3 * (1 / 3), -0));
    expect(op(0x6e22fc20 /* fdiv v0.4s, v1.4s, v2.4s */, s4(1, 2, 3, 4), s4(3, 3, 3, 3)).v[0]).toBe(s4(Math.fround(1 / 3), Math.fround(2 / 3), 1, Math.fround(4 / 3)));
  });

  it('FMLA/FMLS are fused (one rounding), also by element', () => {
    const a = 1 + 2 ** -23, b = 1 - 2 ** -23; // a*b = 1 - 2^-46 exactly, not a single
    expect(op(0x4e22cc20 /* fmla v0.4s, v1.4s, v2.4s */, s4(a, a, 2, 0), s4(b, b, 3, 5), s4(-1, 0, 1, -0)).v[0]).toBe(s4(-(2 ** -46), 1, 7, 0));
    const c = 1 + 2 ** -52, e = 1 - 2 ** -52; // c*e = 1 - 2^-104
    expect(op(0x4fc21820 /* fmla v0.2d, v1.2d, v2.d[1] */, d2(c, 2), d2(0, e), d2(-1, 1)).v[0]).toBe(d2(-(2 ** -104), 2 * e + 1));
    expect(op(0x4ee2cc20 /* fmls v0.2d, v1.2d, v2.2d */, d2(c, 1), d2(e, 1), d2(1, 1)).v[0]).toBe(d2(2 ** -104, 0));
  });

  it('NaNs: the first signalling NaN wins (quietened, IOC), else the first quiet one; DN gives the default NaN', () => {
    const sn = 0x7f800001n, qn = 0x7fc00002n, qn2 = 0xffc00003n;
    const v1 = pack([f32(1), qn, sn, qn2], 32), v2 = pack([sn, qn2, qn, f32(2)], 32);
    const r = op(0x4e22d420 /* fadd v0.4s, v1.4s, v2.4s */, v1, v2);
    expect(r.v[0]).toBe(pack([0x7fc00001n, qn, 0x7fc00001n, qn2], 32));
    expect(r.fpsr).toBe(IOC);
    const r2 = op(0x4e22d420 /* fadd v0.4s, v1.4s, v2.4s */, v1, v2, 0n, { fpcr: DN });
    expect(r2.v[0]).toBe(pack(Array(4).fill(0x7fc00000n), 32));
    const r3 = op(0x4e62d420 /* fadd v0.2d, v1.2d, v2.2d */, d2(Infinity, 1), d2(-Infinity, 2));
    expect(r3.v[0]).toBe(q(0x7ff8000000000000n, f64(3)));
    expect(r3.fpsr).toBe(IOC);
  });

  it('cumulative flags: inexact, overflow, underflow, divide by zero', () => {
    expect(op(0x4e22d420 /* fadd v0.4s, v1.4s, v2.4s */, s4(1, 2, 3, 4), s4(1, 2, 3, 4)).fpsr).toBe(0);
    expect(op(0x6e22fc20 /* fdiv v0.4s, v1.4s, v2.4s */, s4(1, 2, 3, 4), s4(3, 1, 1, 1)).fpsr).toBe(IXC);
    const r = op(0x6e62dc20 /* fmul v0.2d, v1.2d, v2.2d */, d2(1e300, 1e-300), d2(1e10, 1e-300));
    expect(r.v[0]).toBe(d2(Infinity, 0));
    expect(r.fpsr).toBe(OFC | UFC | IXC);
    const r2 = op(0x6e22fc20 /* fdiv v0.4s, v1.4s, v2.4s */, s4(1, -1, 0, 1), s4(0, 0, 1, 1));
    expect(r2.v[0]).toBe(s4(Infinity, -Infinity, 0, 1));
    expect(r2.fpsr).toBe(DZC);
  });

  it('FZ flushes denormal inputs (IDC) and outputs (UFC); RMode changes the rounding', () => {
    const tiny = 2 ** -140; // a single-precision denormal
    const r = op(0x4e22d420 /* fadd v0.4s, v1.4s, v2.4s */, s4(tiny, 1, 2 ** -100, 0), s4(0, 0, 0, 0), 0n, { fpcr: FZ });
    expect(r.v[0]).toBe(s4(0, 1, 2 ** -100, 0));
    expect(r.fpsr).toBe(IDC);
    const r2 = op(0x6e22dc20 /* fmul v0.4s, v1.4s, v2.4s */, s4(2 ** -70, 1, 1, 1), s4(2 ** -70, 1, 1, 1), 0n, { fpcr: FZ });
    expect(r2.v[0]).toBe(s4(0, 1, 1, 1));
    expect(r2.fpsr).toBe(UFC);
    // round to nearest rounded these quotients up in magnitude: toward zero is one unit less
    expect(op(0x6e22fc20 /* fdiv v0.4s, v1.4s, v2.4s */, s4(1, -1, 2, -2), s4(3, 3, 3, 3), 0n, { fpcr: RZ }).v[0])
      .toBe(pack([1 / 3, -1 / 3, 2 / 3, -2 / 3].map((x) => f32(x) - 1n), 32));
    expect(op(0x4e62d420 /* fadd v0.2d, v1.2d, v2.2d */, d2(1, -1), d2(2 ** -60, -(2 ** -60)), 0n, { fpcr: RP }).v[0])
      .toBe(d2(1 + 2 ** -52, -1));
  });

  it('a product just below the smallest normal rounds up to it, but is tiny: UFC, and flushed under FZ', () => {
    // (1 - 2^-24) * 2^-126 is 2^-126 - 2^-150: rounds to 2^-126 (a tie to even); values cross-checked with qemu
    const v1 = s4(1 - 2 ** -24, 3, 2 ** -60, 0), v2 = s4(2 ** -126, 0.5, 2 ** -60, 5);
    const plain = op(0x6e22dc20 /* fmul v0.4s, v1.4s, v2.4s */, v1, v2);
    expect(plain.v[0]).toBe(pack([0x00800000n, f32(1.5), f32(2 ** -120), 0n], 32));
    expect(plain.fpsr).toBe(UFC | IXC);
    const flushed = op(0x6e22dc20 /* fmul v0.4s, v1.4s, v2.4s */, v1, v2, 0n, { fpcr: FZ });
    expect(flushed.v[0]).toBe(pack([0n, f32(1.5), f32(2 ** -120), 0n], 32));
    expect(flushed.fpsr).toBe(UFC);
  });

  it('MAX/MIN follow Arm NaN rules (NM forms prefer the number) and signed zeros', () => {
    const qn = 0x7fc00005n;
    expect(op(0x4e22f420 /* fmax v0.4s, v1.4s, v2.4s */, pack([f32(1), qn, f32(-0), f32(0)], 32), s4(2, 3, 0, -0)).v[0])
      .toBe(pack([f32(2), qn, f32(0), f32(0)], 32));
    expect(op(0x4e22c420 /* fmaxnm v0.4s, v1.4s, v2.4s */, pack([f32(1), qn, f32(-5), qn], 32), pack([f32(2), f32(3), qn, qn], 32)).v[0])
      .toBe(pack([f32(2), f32(3), f32(-5), qn], 32));
    expect(op(0x4ee2c420 /* fminnm v0.2d, v1.2d, v2.2d */, d2(-0, 5), d2(0, NaN)).v[0]).toBe(d2(-0, 5));
  });

  it('pairwise and across-lane FP reductions', () => {
    expect(op(0x6e22d420 /* faddp v0.4s, v1.4s, v2.4s */, s4(1, 2, 3, 4), s4(10, 20, 30, 40)).v[0]).toBe(s4(3, 7, 30, 70));
    expect(op(0x7e70d820 /* faddp d0, v1.2d */, d2(1.5, 2.25), 0n, M128).v[0]).toBe(f64(3.75));
    expect(op(0x6e30f820 /* fmaxv s0, v1.4s */, s4(1, 9, -3, 4), 0n, M128).v[0]).toBe(f32(9));
  });

  it('FABS/FNEG only touch the sign bit (NaNs included, no flags)', () => {
    const r = op(0x4ea0f820 /* fabs v0.4s, v1.4s */, pack([f32(-1), 0xff800001n, f32(-0), f32(2)], 32));
    expect(r.v[0]).toBe(pack([f32(1), 0x7f800001n, 0n, f32(2)], 32));
    expect(r.fpsr).toBe(0);
    expect(op(0x6ee0f820 /* fneg v0.2d, v1.2d */, q(0x7ff0000000000001n, f64(3))).v[0]).toBe(q(0xfff0000000000001n, f64(-3)));
  });

  it('FSQRT and the compares (ordered compares raise IOC on any NaN, FCMEQ only on signalling)', () => {
    expect(op(0x6ee1f820 /* fsqrt v0.2d, v1.2d */, d2(2, 0.25)).v[0]).toBe(d2(Math.SQRT2, 0.5));
    const qn = 0x7fc00000n;
    const r = op(0x4e22e420 /* fcmeq v0.4s, v1.4s, v2.4s */, pack([f32(1), qn, f32(-0), f32(3)], 32), s4(1, 1, 0, 4));
    expect(r.v[0]).toBe(pack([M64, 0n, M64, 0n], 32));
    expect(r.fpsr).toBe(0);
    const r2 = op(0x6ee2e420 /* fcmgt v0.2d, v1.2d, v2.2d */, d2(2, NaN), d2(1, 1));
    expect(r2.v[0]).toBe(q(M64, 0n));
    expect(r2.fpsr).toBe(IOC);
    expect(op(0x6ea0c820 /* fcmge v0.4s, v1.4s, #0.0 */, s4(0, -0, -1, 1)).v[0]).toBe(pack([M64, M64, 0n, M64], 32));
    expect(op(0x0ea0e820 /* fcmlt v0.2s, v1.2s, #0.0 */, s4(-1, 1, -1, -1), 0n, M128).v[0]).toBe(pack([M64, 0n], 32));
    expect(op(0x6ea2ec20 /* facgt v0.4s, v1.4s, v2.4s */, s4(-3, 2, 1, -1), s4(2, -3, -1, 1)).v[0]).toBe(pack([M64, 0n, 0n, 0n], 32));
  });

  it('integer conversions round (to nearest or as named), saturate with IOC and set IXC', () => {
    expect(op(0x4e21d820 /* scvtf v0.4s, v1.4s */, pack([1n, -1n, 0x7fffffffn, 16777217n], 32)).v[0]).toBe(s4(1, -1, 2 ** 31, 16777216));
    expect(op(0x6e61d820 /* ucvtf v0.2d, v1.2d */, q(M64, 1n << 53n | 1n)).v[0]).toBe(d2(2 ** 64, 2 ** 53));
    expect(op(0x4f60e420 /* scvtf v0.2d, v1.2d, #32 */, q(1n << 32n, M64)).v[0]).toBe(d2(1, -(2 ** -32)));
    const r = op(0x4ea1b820 /* fcvtzs v0.4s, v1.4s */, s4(1.9, -1.9, 3e9, NaN));
    expect(r.v[0]).toBe(pack([1n, -1n, 0x7fffffffn, 0n], 32));
    expect(r.fpsr).toBe(IOC | IXC);
    expect(op(0x6ee1b820 /* fcvtzu v0.2d, v1.2d */, d2(-1, 2 ** 63 + 4096)).v[0]).toBe(q(0n, (1n << 63n) + 4096n));
    expect(op(0x4f7ffc20 /* fcvtzs v0.2d, v1.2d, #1 */, d2(-1.75, 2 ** 62)).v[0]).toBe(q(-3n, M64 >> 1n));
    expect(op(0x4e21a820 /* fcvtns v0.4s, v1.4s */, s4(0.5, 1.5, 2.5, -2.5)).v[0]).toBe(pack([0n, 2n, 2n, -2n], 32));
    expect(op(0x4e21c820 /* fcvtas v0.4s, v1.4s */, s4(0.5, 1.5, 2.5, -2.5)).v[0]).toBe(pack([1n, 2n, 3n, -3n], 32));
  });

  it('FRINT* round to integral values with the named rounding', () => {
    expect(op(0x4e218820 /* frintn v0.4s, v1.4s */, s4(0.5, 1.5, -2.5, -0.4)).v[0]).toBe(s4(0, 2, -2, -0));
    expect(op(0x4e619820 /* frintm v0.2d, v1.2d */, d2(-0.5, 2.7)).v[0]).toBe(d2(-1, 2));
    expect(op(0x6e218820 /* frinta v0.4s, v1.4s */, s4(0.5, -0.5, 2.5, 1e20)).v[0]).toBe(s4(1, -1, 3, 1e20));
  });

  it('FCVTL/FCVTN convert between precisions (and half precision), the "2" forms using the top half', () => {
    expect(op(0x0e617820 /* fcvtl v0.2d, v1.2s */, s4(1.5, -0.1, 7, 8)).v[0]).toBe(d2(1.5, Math.fround(-0.1)));
    expect(op(0x4e617820 /* fcvtl2 v0.2d, v1.4s */, s4(1.5, -0.1, 7, 8)).v[0]).toBe(d2(7, 8));
    const r = op(0x0e616820 /* fcvtn v0.2s, v1.2d */, d2(0.1, 1e300), 0n, M128);
    expect(r.v[0]).toBe(pack([f32(0.1), f32(Infinity)], 32));
    expect(r.fpsr).toBe(OFC | IXC);
    expect(op(0x4e616820 /* fcvtn2 v0.4s, v1.2d */, d2(1, 2), 0n, R1).v[0]).toBe(q(R1, s4(1, 2)));
    expect(op(0x0e217820 /* fcvtl v0.4s, v1.4h */, pack([0x3c00n, 0xc000n, 0x7c00n, 0x0001n], 16)).v[0]).toBe(s4(1, -2, Infinity, 2 ** -24));
    expect(op(0x0e216820 /* fcvtn v0.4h, v1.4s */, s4(1, -2, 65520, 2 ** -24), 0n, M128).v[0]).toBe(pack([0x3c00n, 0xc000n, 0x7c00n, 0x0001n], 16));
  });

  it('by-element and scalar forms', () => {
    expect(op(0x4f829820 /* fmul v0.4s, v1.4s, v2.s[2] */, s4(1, 2, 3, 4), s4(0, 0, 10, 0)).v[0]).toBe(s4(10, 20, 30, 40));
    expect(op(0x5fc29820 /* fmul d0, d1, v2.d[1] */, d2(3, 99), d2(0, 0.5), M128).v[0]).toBe(f64(1.5));
    expect(op(0x7ea2d420 /* fabd s0, s1, s2 */, s4(1, 9, 9, 9), s4(4, 9, 9, 9), M128).v[0]).toBe(f32(3));
    expect(op(0x5ee0d820 /* fcmeq d0, d1, #0.0 */, d2(-0, 1), 0n, M128).v[0]).toBe(M64);
  });

  it('reciprocal estimate and step (the Newton-Raphson building blocks)', () => {
    const est = op(0x4ea1d820 /* frecpe v0.4s, v1.4s */, s4(2, 3, 0, -Infinity));
    // values cross-checked with qemu-aarch64
    expect(lanesOf(est.v[0], 32).map((x) => fromF32(x))).toEqual([0.4990234375, 0.3330078125, Infinity, -0]);
    expect(est.fpsr).toBe(DZC);
    expect(op(0x4e22fc20 /* frecps v0.4s, v1.4s, v2.4s */, s4(2, 0, Infinity, 3), s4(0.5, Infinity, 0, 0.25)).v[0]).toBe(s4(1, 2, 2, 1.25));
    const rs = op(0x6ee1d820 /* frsqrte v0.2d, v1.2d */, d2(4, 0.25));
    expect(lanesOf(rs.v[0], 64).map((x) => fromF64(x))).toEqual([0.4990234375, 1.99609375]);
  });
});

