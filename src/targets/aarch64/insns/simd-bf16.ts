// FEAT_BF16: BFCVT (scalar), BFCVTN/BFCVTN2, BFDOT (vector and by element), BFMMLA and
// BFMLALB/BFMLALT (vector and by element), as a CPU without FEAT_EBF16 runs them:
//  - conversions from single round per FPCR (FZ applies, FZ16 and AHP do not);
//  - BFDOT and BFMMLA sum rounded single-precision products with round-to-odd (overflow
//    to infinity), flush denormal inputs and results, give only the default NaN, and
//    raise no FPSR flag (BFDotAdd of the Arm ARM);
//  - BFMLALB/T are single-precision fused multiply-adds of the widened elements, per FPCR.
// Rare instructions: each is one helper call on the vector bank over the exact model.
import type { Emitter } from '../../../translate/emitter.js';
import type { Fields } from '../../common/decode-pattern.js';
import { defineInsns } from '../insn-def.js';
import {
  BF16, FP32, fpAdd, FPCR_DN, FPCR_FZ, fpConvert, fpExc, fpMul, fpMulAdd, Rounding,
} from '../softfloat/arm-fp.js';
import { SLOT_FPCR, SLOT_FPSR } from '../state.js';
import { sr, vr } from './simd-common.js';

const half = (v32: Int32Array, reg: number, i: number): number => (v32[4 * reg + (i >> 1)] >>> (16 * (i & 1))) & 0xffff;
/** A BFloat16 element widened to single-precision bits. */
const wide = (h: number): bigint => BigInt(h) << 16n;
const word = (v32: Int32Array, reg: number, i: number): bigint => BigInt(v32[4 * reg + i] >>> 0);
const setWord = (v32: Int32Array, reg: number, i: number, x: bigint): void => {
  v32[4 * reg + i] = Number(BigInt.asIntN(32, x));
};

/** BFDotAdd without FEAT_EBF16: addend + (a1*b1 + a2*b2), every step rounded to odd with FZ and DN. */
function dotAdd(addend: bigint, a1: number, a2: number, b1: number, b2: number): bigint {
  const fpcr = FPCR_FZ | FPCR_DN;
  const odd = Rounding.OddInf;
  const prod = fpAdd(FP32, fpMul(FP32, wide(a1), wide(b1), fpcr, false, odd), fpMul(FP32, wide(a2), wide(b2), fpcr, false, odd), fpcr, false, odd);
  return fpAdd(FP32, addend, prod, fpcr, false, odd);
}

/** BFCVT Hd, Sn: returns the FPSR flags. */
function bfcvt(v32: Int32Array, d: number, n: number, fpcr: number): number {
  fpExc.flags = 0;
  const r = Number(fpConvert(FP32, BF16, word(v32, n, 0), fpcr));
  v32.fill(0, 4 * d, 4 * d + 4);
  v32[4 * d] = r;
  return fpExc.flags;
}

/** BFCVTN (upper = 0: lanes 0..3, the top half zeroed) and BFCVTN2 (lanes 4..7, the bottom kept). */
function bfcvtn(v32: Int32Array, d: number, n: number, upper: number, fpcr: number): number {
  fpExc.flags = 0;
  const h = [0, 1, 2, 3].map((i) => Number(fpConvert(FP32, BF16, word(v32, n, i), fpcr)));
  const base = upper ? 2 : 0;
  v32[4 * d + base] = h[0] | (h[1] << 16);
  v32[4 * d + base + 1] = h[2] | (h[3] << 16);
  if (!upper) {
    v32[4 * d + 2] = 0;
    v32[4 * d + 3] = 0;
  }
  return fpExc.flags;
}

/** BFDOT: lanes 0..count-1 of Vd (S) += pairs of BF16 of Vn and Vm (or Vm's pair `idx`). */
function bfdot(v32: Int32Array, d: number, n: number, m: number, count: number, idx: number): void {
  const out: bigint[] = [];
  for (let e = 0; e < count; e++) {
    const k = idx < 0 ? e : idx;
    out.push(dotAdd(word(v32, d, e), half(v32, n, 2 * e), half(v32, n, 2 * e + 1), half(v32, m, 2 * k), half(v32, m, 2 * k + 1)));
  }
  for (let e = 0; e < 4; e++) setWord(v32, d, e, e < count ? out[e] : 0n);
}

/** BFMMLA: Vd (2x2 of S) += Vn (2x4 of BF16) x Vm^T (Vm: 2x4, one row per column). */
function bfmmla(v32: Int32Array, d: number, n: number, m: number): void {
  const out: bigint[] = [];
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 2; j++) {
      let sum = word(v32, d, 2 * i + j);
      for (let k = 0; k < 4; k += 2) {
        sum = dotAdd(sum, half(v32, n, 4 * i + k), half(v32, n, 4 * i + k + 1), half(v32, m, 4 * j + k), half(v32, m, 4 * j + k + 1));
      }
      out.push(sum);
    }
  }
  out.forEach((x, e) => setWord(v32, d, e, x));
}

/** BFMLALB (top = 0) / BFMLALT: Vd.S[e] += Vn.H[2e + top] * (Vm.H[2e + top] or Vm.H[idx]), fused; returns the flags. */
function bfmlal(v32: Int32Array, d: number, n: number, m: number, top: number, idx: number, fpcr: number): number {
  fpExc.flags = 0;
  const out = [0, 1, 2, 3].map((e) =>
    fpMulAdd(FP32, word(v32, d, e), wide(half(v32, n, 2 * e + top)), wide(half(v32, m, idx < 0 ? 2 * e + top : idx)), fpcr));
  out.forEach((x, e) => setWord(v32, d, e, x));
  return fpExc.flags;
}

const orFpsr = (e: Emitter, call: string): string => e.assign(SLOT_FPSR, `${e.slot(SLOT_FPSR)} | ${call}`);
const fpcr = (e: Emitter): string => e.slot(SLOT_FPCR);

/** By-element register and index of BFDOT (a pair of BF16: M:Rm, H:L) and BFMLAL (one BF16: Rm, H:L:M). */
const dotElem = (f: Fields): { reg: number; index: number } => ({ reg: (f.mm << 4) | f.rm, index: (f.h << 1) | f.l });
const mlalIndex = (f: Fields): number => (f.h << 2) | (f.l << 1) | f.mm;

export const insns = defineInsns([
  {
    name: 'BFCVT', pattern: '00011110 01 1 000110 10000 rn:5 rd:5', feature: 'bf16',
    emit: (f, e) => orFpsr(e, `H.bfcvt(S.v32, ${f.rd}, ${f.rn}, ${fpcr(e)})`),
    asm: (f) => `bfcvt ${sr(f.rd, 1)}, ${sr(f.rn, 2)}`,
  },
  {
    name: 'BFCVTN', pattern: '0 q:1 0 01110 10 10000 10110 10 rn:5 rd:5', feature: 'bf16',
    emit: (f, e) => orFpsr(e, `H.bfcvtn(S.v32, ${f.rd}, ${f.rn}, ${f.q}, ${fpcr(e)})`),
    asm: (f) => `bfcvtn${f.q ? '2' : ''} ${vr(f.rd, f.q, 1)}, ${vr(f.rn, 1, 2)}`,
  },
  {
    name: 'BFDOT_v', pattern: '0 q:1 1 01110 01 0 rm:5 1111 11 rn:5 rd:5', feature: 'bf16',
    emit: (f) => `H.bfdot(S.v32, ${f.rd}, ${f.rn}, ${f.rm}, ${f.q ? 4 : 2}, -1);`,
    asm: (f) => `bfdot ${vr(f.rd, f.q, 2)}, ${vr(f.rn, f.q, 1)}, ${vr(f.rm, f.q, 1)}`,
  },
  {
    name: 'BFDOT_elem', pattern: '0 q:1 0 01111 01 l:1 mm:1 rm:4 1111 h:1 0 rn:5 rd:5', feature: 'bf16',
    emit: (f) => `H.bfdot(S.v32, ${f.rd}, ${f.rn}, ${dotElem(f).reg}, ${f.q ? 4 : 2}, ${dotElem(f).index});`,
    asm: (f) => `bfdot ${vr(f.rd, f.q, 2)}, ${vr(f.rn, f.q, 1)}, v${dotElem(f).reg}.2h[${dotElem(f).index}]`,
  },
  {
    name: 'BFMMLA', pattern: '0 1 1 01110 01 0 rm:5 1110 11 rn:5 rd:5', feature: 'bf16',
    emit: (f) => `H.bfmmla(S.v32, ${f.rd}, ${f.rn}, ${f.rm});`,
    asm: (f) => `bfmmla ${vr(f.rd, 1, 2)}, ${vr(f.rn, 1, 1)}, ${vr(f.rm, 1, 1)}`,
  },
  {
    name: 'BFMLAL_v', pattern: '0 t:1 1 01110 11 0 rm:5 1111 11 rn:5 rd:5', feature: 'bf16',
    emit: (f, e) => orFpsr(e, `H.bfmlal(S.v32, ${f.rd}, ${f.rn}, ${f.rm}, ${f.t}, -1, ${fpcr(e)})`),
    asm: (f) => `bfmlal${f.t ? 't' : 'b'} ${vr(f.rd, 1, 2)}, ${vr(f.rn, 1, 1)}, ${vr(f.rm, 1, 1)}`,
  },
  {
    name: 'BFMLAL_elem', pattern: '0 t:1 0 01111 11 l:1 mm:1 rm:4 1111 h:1 0 rn:5 rd:5', feature: 'bf16',
    emit: (f, e) => orFpsr(e, `H.bfmlal(S.v32, ${f.rd}, ${f.rn}, ${f.rm}, ${f.t}, ${mlalIndex(f)}, ${fpcr(e)})`),
    asm: (f) => `bfmlal${f.t ? 't' : 'b'} ${vr(f.rd, 1, 2)}, ${vr(f.rn, 1, 1)}, v${f.rm}.h[${mlalIndex(f)}]`,
  },
]);

export const runtime = { bfcvt, bfcvtn, bfdot, bfmmla, bfmlal };
