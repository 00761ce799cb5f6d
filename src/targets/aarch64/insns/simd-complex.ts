// FEAT_FCMA (FCADD; FCMLA vector and by element: complex numbers as adjacent real and
// imaginary lanes) and FEAT_FHM (FMLAL/FMLSL and FMLAL2/FMLSL2, vector and by element:
// half-precision products accumulated in single precision), after the Arm ARM pseudocode.
// Rare instructions: each is one helper call on the vector bank over the exact model
// (softfloat/arm-fp.ts), returning the FPSR flags.
import type { Emitter } from '../../../translate/emitter.js';
import type { Fields } from '../../common/decode-pattern.js';
import { defineInsns } from '../insn-def.js';
import { FP16, FP32, FP64, fpAdd, FPCR_FZ16, fpExc, fpMulAdd, fpNeg, type FpFormat } from '../softfloat/arm-fp.js';
import { SLOT_FPCR, SLOT_FPSR } from '../state.js';
import { elem, laneCount, vr } from './simd-common.js';

const FMT: readonly (FpFormat | null)[] = [null, FP16, FP32, FP64];
const M64 = (1n << 64n) - 1n;

/** The 128 bits of V`reg` as a BigInt, and lane access on it. */
const vreg = (v32: Int32Array, reg: number): bigint =>
  [3, 2, 1, 0].reduce((x, w) => (x << 32n) | BigInt(v32[4 * reg + w] >>> 0), 0n);
const lane = (v: bigint, f: FpFormat, i: number): bigint => (v >> BigInt(f.N * i)) & ((1n << BigInt(f.N)) - 1n);

/** Writes lanes 0..vals.length-1 of Vd (the rest of the register zeroed). */
function writeLanes(v32: Int32Array, d: number, f: FpFormat, vals: readonly bigint[]): void {
  let x = 0n;
  vals.forEach((v, i) => (x |= v << BigInt(f.N * i)));
  for (let w = 0; w < 4; w++) v32[4 * d + w] = Number(BigInt.asIntN(32, (x >> BigInt(32 * w)) & M64));
}

/** FCADD: rot 0 is #90, 1 is #270. */
function fcadd(v32: Int32Array, sz: number, count: number, d: number, n: number, m: number, rot: number, fpcr: number): number {
  const f = FMT[sz]!;
  const vn = vreg(v32, n), vm = vreg(v32, m);
  fpExc.flags = 0;
  const out: bigint[] = [];
  for (let e = 0; e < count; e += 2) {
    const re = lane(vm, f, e), im = lane(vm, f, e + 1);
    const e1 = rot ? im : fpNeg(f, im);
    const e3 = rot ? fpNeg(f, re) : re;
    out.push(fpAdd(f, lane(vn, f, e), e1, fpcr), fpAdd(f, lane(vn, f, e + 1), e3, fpcr));
  }
  writeLanes(v32, d, f, out);
  return fpExc.flags;
}

/** FCMLA: rot 0..3 is #0, #90, #180, #270; idx >= 0 takes Vm's complex element idx for every pair. */
function fcmla(v32: Int32Array, sz: number, count: number, d: number, n: number, m: number, idx: number, rot: number, fpcr: number): number {
  const f = FMT[sz]!;
  const vn = vreg(v32, n), vm = vreg(v32, m), vd = vreg(v32, d);
  fpExc.flags = 0;
  const out: bigint[] = [];
  for (let e = 0; e < count; e += 2) {
    const k = idx < 0 ? e : 2 * idx;
    const mRe = lane(vm, f, k), mIm = lane(vm, f, k + 1);
    const nPart = lane(vn, f, rot & 1 ? e + 1 : e);
    let e1: bigint, e3: bigint;
    switch (rot) {
      case 0: e1 = mRe; e3 = mIm; break;
      case 1: e1 = fpNeg(f, mIm); e3 = mRe; break;
      case 2: e1 = fpNeg(f, mRe); e3 = fpNeg(f, mIm); break;
      default: e1 = mIm; e3 = fpNeg(f, mRe);
    }
    out.push(fpMulAdd(f, lane(vd, f, e), nPart, e1, fpcr), fpMulAdd(f, lane(vd, f, e + 1), nPart, e3, fpcr));
  }
  writeLanes(v32, d, f, out);
  return fpExc.flags;
}

/**
 * A half-precision value as single-precision bits, exactly (a signalling NaN stays
 * signalling, so the single-precision NaN rules see it as FPMulAddH would); under FZ16
 * a denormal becomes a zero.
 */
function halfAsSingle(h: number, fz16: boolean): bigint {
  const sign = BigInt(h >> 15) << 31n, e = (h >> 10) & 31, frac = h & 1023;
  if (e === 31) return sign | 0x7f800000n | (BigInt(frac) << 13n);
  if (e === 0) {
    if (frac === 0 || fz16) return sign;
    const shift = Math.clz32(frac) - 21; // normalise: the leading 1 to bit 10
    return sign | (BigInt(127 - 15 - shift + 1) << 23n) | (BigInt((frac << shift) & 1023) << 13n);
  }
  return sign | (BigInt(e - 15 + 127) << 23n) | (BigInt(frac) << 13n);
}

/**
 * FMLAL/FMLSL (part 0) and FMLAL2/FMLSL2 (part 1): Vd.S[e] += (-)Vn.H[e + part*count] *
 * Vm.H[e + part*count] (or Vm.H[idx]), fused in single precision.
 */
function fmlal(v32: Int32Array, count: number, d: number, n: number, m: number, idx: number, part: number, sub: number, fpcr: number): number {
  const vn = vreg(v32, n), vm = vreg(v32, m), vd = vreg(v32, d);
  const fz16 = (fpcr & FPCR_FZ16) !== 0;
  fpExc.flags = 0;
  const out: bigint[] = [];
  for (let e = 0; e < count; e++) {
    const a = Number(lane(vn, FP16, e + part * count));
    const b = Number(lane(vm, FP16, idx < 0 ? e + part * count : idx));
    out.push(fpMulAdd(FP32, lane(vd, FP32, e), halfAsSingle(sub ? a ^ 0x8000 : a, fz16), halfAsSingle(b, fz16), fpcr));
  }
  writeLanes(v32, d, FP32, out);
  return fpExc.flags;
}

const call = (e: Emitter, expr: string): string => e.assign(SLOT_FPSR, `${e.slot(SLOT_FPSR)} | ${expr}`);
const fpcr = (e: Emitter): string => e.slot(SLOT_FPCR);

/**
 * Size 01 (half), 10 (single), 11 (double: only the 128-bit form). The half forms need
 * FEAT_FP16 as well; the models here that have FCMA have it.
 */
const fcmaOk = (f: Fields): boolean => f.sz !== 0 && (f.sz !== 3 || f.q === 1);

/** FCMLA by element: half (size 01) takes H:L, single (size 10) takes H with L = 0. */
const fcmlaIndex = (f: Fields): number => (f.sz === 1 ? (f.h << 1) | f.l : f.h);
const fcmlaElemOk = (f: Fields): boolean => (f.sz === 1 && (f.q === 1 || f.h === 0)) || (f.sz === 2 && f.l === 0 && f.q === 1);

const fhmIndex = (f: Fields): number => (f.h << 2) | (f.l << 1) | f.mm;
const fhmName = (f: Fields): string => `fml${f.s ? 's' : 'a'}l${f.u ? '2' : ''}`;
/** FHM operands: Vd is 2S/4S, Vn 2H/4H (the low or high half of Vn as the part selects). */
const fhmRegs = (f: Fields): string => `${vr(f.rd, f.q, 2)}, ${f.q ? `v${f.rn}.4h` : `v${f.rn}.2h`}`;

export const insns = defineInsns([
  {
    name: 'FCADD', pattern: '0 q:1 1 01110 sz:2 0 rm:5 111 rot:1 0 1 rn:5 rd:5', feature: 'fcma',
    when: fcmaOk,
    emit: (f, e) => call(e, `H.fcadd(S.v32, ${f.sz}, ${laneCount(f.q, f.sz)}, ${f.rd}, ${f.rn}, ${f.rm}, ${f.rot}, ${fpcr(e)})`),
    asm: (f) => `fcadd ${vr(f.rd, f.q, f.sz)}, ${vr(f.rn, f.q, f.sz)}, ${vr(f.rm, f.q, f.sz)}, #${f.rot ? 270 : 90}`,
  },
  {
    name: 'FCMLA_v', pattern: '0 q:1 1 01110 sz:2 0 rm:5 110 rot:2 1 rn:5 rd:5', feature: 'fcma',
    when: fcmaOk,
    emit: (f, e) => call(e, `H.fcmla(S.v32, ${f.sz}, ${laneCount(f.q, f.sz)}, ${f.rd}, ${f.rn}, ${f.rm}, -1, ${f.rot}, ${fpcr(e)})`),
    asm: (f) => `fcmla ${vr(f.rd, f.q, f.sz)}, ${vr(f.rn, f.q, f.sz)}, ${vr(f.rm, f.q, f.sz)}, #${90 * f.rot}`,
  },
  {
    name: 'FCMLA_elem', pattern: '0 q:1 1 01111 sz:2 l:1 mm:1 rm:4 0 rot:2 1 h:1 0 rn:5 rd:5', feature: 'fcma',
    when: fcmlaElemOk,
    emit: (f, e) => call(e, `H.fcmla(S.v32, ${f.sz}, ${laneCount(f.q, f.sz)}, ${f.rd}, ${f.rn}, ${(f.mm << 4) | f.rm}, ${fcmlaIndex(f)}, ${f.rot}, ${fpcr(e)})`),
    asm: (f) => `fcmla ${vr(f.rd, f.q, f.sz)}, ${vr(f.rn, f.q, f.sz)}, ${elem((f.mm << 4) | f.rm, f.sz, fcmlaIndex(f))}, #${90 * f.rot}`,
  },
  {
    // U: FMLAL2/FMLSL2 (the high half of Vn and Vm); S: subtract
    name: 'FMLAL_v', pattern: '0 q:1 u:1 01110 s:1 0 1 rm:5 1 1 nu:1 0 1 1 rn:5 rd:5', feature: 'asimdfhm',
    when: (f) => f.nu === 1 - f.u,
    emit: (f, e) => call(e, `H.fmlal(S.v32, ${f.q ? 4 : 2}, ${f.rd}, ${f.rn}, ${f.rm}, -1, ${f.u}, ${f.s}, ${fpcr(e)})`),
    asm: (f) => `${fhmName(f)} ${fhmRegs(f)}, ${f.q ? `v${f.rm}.4h` : `v${f.rm}.2h`}`,
  },
  {
    name: 'FMLAL_elem', pattern: '0 q:1 u:1 01111 1 0 l:1 mm:1 rm:4 u1:1 s:1 0 0 h:1 0 rn:5 rd:5', feature: 'asimdfhm',
    when: (f) => f.u1 === f.u,
    emit: (f, e) => call(e, `H.fmlal(S.v32, ${f.q ? 4 : 2}, ${f.rd}, ${f.rn}, ${f.rm}, ${fhmIndex(f)}, ${f.u}, ${f.s}, ${fpcr(e)})`),
    asm: (f) => `${fhmName(f)} ${fhmRegs(f)}, ${elem(f.rm, 1, fhmIndex(f))}`,
  },
]);

export const runtime = { fcadd, fcmla, fmlal };
