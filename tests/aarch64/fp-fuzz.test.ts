// Randomised checks of the FP fast paths against the exact model (softfloat/arm-fp.ts,
// itself checked against qemu by fp-qemu.test.ts): the FMA emulation on constructed hard
// cases, the integral rounding helpers, and translated arithmetic in the default mode,
// under FZ and in the directed rounding modes, where inline code and number helpers do
// the work.
import { describe, expect, it } from 'vitest';
import {
  FP32, FP64, fpAdd, fpDiv, fpExc, fpMul, fpMulAdd, fpNeg, fpRoundInt, fpSqrt, Rounding, type FpFormat,
} from '../../src/targets/aarch64/softfloat/arm-fp.js';
import { fmaD, fmaS, roundAway, roundEven } from '../../src/targets/common/ieee-fast.js';
import { FpRunner } from './fp-runner.js';

const FZ = 1 << 24;
const RP = 1 << 22, RM = 2 << 22, RZ = 3 << 22;
const M64 = (1n << 64n) - 1n;

// xorshift64: deterministic
let seed = 0x9e3779b97f4a7c15n;
function rand64(): bigint {
  seed ^= (seed << 13n) & M64;
  seed ^= seed >> 7n;
  seed ^= (seed << 17n) & M64;
  return seed;
}
const rnd = (): number => Number(rand64() >> 11n) / 2 ** 53;
const sign = (): number => (rnd() < 0.5 ? -1 : 1);
/** A random double with exponent in [emin, emax). */
const randD = (emin: number, emax: number): number => sign() * (1 + rnd()) * 2 ** Math.floor(emin + rnd() * (emax - emin));

const F64 = new Float64Array(1), U64 = new BigUint64Array(F64.buffer);
const F32 = new Float32Array(1), U32 = new Uint32Array(F32.buffer);
const bitsD = (x: number): bigint => ((F64[0] = x), U64[0]);
const bitsS = (x: number): bigint => ((F32[0] = x), BigInt(U32[0]));

function refFma(f: FpFormat, a: bigint, b: bigint, c: bigint): bigint {
  fpExc.flags = 0;
  return fpMulAdd(f, c, a, b, 0);
}

describe('FMA emulation', () => {
  it('fmaD is correctly rounded wherever it answers (and answers almost everywhere)', () => {
    const bad: string[] = [];
    let answered = 0;
    const N = 60000;
    for (let i = 0; i < N; i++) {
      let a = randD(-30, 30), b = randD(-30, 30), c: number;
      switch (i % 5) {
        case 0:
          c = randD(-60, 60);
          break;
        case 1: // heavy cancellation
          c = -(a * b) * (1 + (rnd() - 0.5) * 2 ** -Math.floor(rnd() * 60));
          break;
        case 2: { // the product is within a few ulps of half an ulp of c
          const e = Math.floor(rnd() * 100) - 50;
          c = sign() * (2 ** 52 + Math.floor(rnd() * 2 ** 52)) * 2 ** e;
          a = sign() * (1 + Math.floor(rnd() * 2 ** 20) * 2 ** -52);
          b = 2 ** (e - 1) / a;
          b += (Math.floor(rnd() * 5) - 2) * Math.abs(b) * 2 ** -52;
          break;
        }
        case 3: { // c + (1 + tiny) around a tie of an integer-spaced c
          const e = Math.floor(rnd() * 10);
          c = sign() * (2 ** 53 + 2 * Math.floor(rnd() * 2 ** 20)) * 2 ** e;
          a = (1 + 2 ** -Math.floor(1 + rnd() * 50)) * 2 ** e;
          b = sign() * (1 - (rnd() < 0.5 ? 2 ** -Math.floor(1 + rnd() * 50) : 0));
          break;
        }
        default:
          a = randD(-600, 600);
          b = randD(-600, 600);
          c = randD(-1000, 1000);
      }
      const r = fmaD(a, b, c);
      if (r !== r) continue;
      answered++;
      const want = refFma(FP64, bitsD(a), bitsD(b), bitsD(c));
      if (bitsD(r) !== want) bad.push(`fma(${a}, ${b}, ${c}) = ${r}, want 0x${want.toString(16)}`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
    expect(answered).toBeGreaterThan(N * 0.9);
  });

  it('fmaS is correctly rounded, denormal results included', () => {
    const bad: string[] = [];
    for (let i = 0; i < 40000; i++) {
      const a = Math.fround(randD(-60, 60)), b = Math.fround(randD(-60, 60));
      let c = Math.fround(i % 3 === 0 ? -(a * b) * (1 + (rnd() - 0.5) * 2 ** -20) : randD(-140, 100));
      if (i % 7 === 0) c = Math.fround(randD(-149, -120));
      const r = fmaS(a, b, c);
      const want = refFma(FP32, bitsS(a), bitsS(b), bitsS(c));
      if (bitsS(r) !== want) bad.push(`fmaS(${a}, ${b}, ${c}) = ${r}`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });
});

describe('integral rounding helpers', () => {
  it('roundEven and roundAway agree with FPRoundInt', () => {
    const bad: string[] = [];
    for (let i = 0; i < 20000; i++) {
      const x = i % 2 ? randD(-3, 60) : sign() * (Math.floor(rnd() * 1e6) + (i % 4 === 0 ? 0.5 : rnd()));
      fpExc.flags = 0;
      const even = fpRoundInt(FP64, bitsD(x), 0, Rounding.TieEven, false);
      const away = fpRoundInt(FP64, bitsD(x), 0, Rounding.TieAway, false);
      if (bitsD(roundEven(x)) !== even) bad.push(`roundEven(${x}) = ${roundEven(x)}`);
      if (bitsD(roundAway(x)) !== away) bad.push(`roundAway(${x}) = ${roundAway(x)}`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });
});

type RefOp = (f: FpFormat, x: bigint, y: bigint, z: bigint, fpcr: number) => bigint;
// Words from aarch64-linux-gnu-as: <op> d0, d1, d2[, d3] and the s forms.
const OPS: [string, number, number, RefOp][] = [
  ['fadd', 0x1e622820, 0x1e222820, (f, x, y, _z, c) => fpAdd(f, x, y, c)],
  ['fsub', 0x1e623820, 0x1e223820, (f, x, y, _z, c) => fpAdd(f, x, y, c, true)],
  ['fmul', 0x1e620820, 0x1e220820, (f, x, y, _z, c) => fpMul(f, x, y, c)],
  ['fnmul', 0x1e628820, 0x1e228820, (f, x, y, _z, c) => fpNeg(f, fpMul(f, x, y, c))],
  ['fdiv', 0x1e621820, 0x1e221820, (f, x, y, _z, c) => fpDiv(f, x, y, c)],
  ['fsqrt', 0x1e61c020, 0x1e21c020, (f, x, _y, _z, c) => fpSqrt(f, x, c)],
  ['fmadd', 0x1f420c20, 0x1f020c20, (f, x, y, z, c) => fpMulAdd(f, z, x, y, c)],
  ['fmsub', 0x1f428c20, 0x1f028c20, (f, x, y, z, c) => fpMulAdd(f, z, fpNeg(f, x), y, c)],
  ['fnmadd', 0x1f620c20, 0x1f220c20, (f, x, y, z, c) => fpMulAdd(f, fpNeg(f, z), fpNeg(f, x), y, c)],
  ['fnmsub', 0x1f628c20, 0x1f228c20, (f, x, y, z, c) => fpMulAdd(f, fpNeg(f, z), x, y, c)],
];

/** Operands that keep to the fast paths mostly, with some denormals, exact and tiny cases. */
function operand(single: boolean): bigint {
  const k = Math.floor(rnd() * 10);
  let x: number;
  if (k === 0) x = sign() * Math.floor(rnd() * 64); // small integers: exact arithmetic
  else if (k === 1) x = single ? sign() * (1 + rnd()) * 2 ** -130 : sign() * rnd() * 2 ** -1022; // denormal
  else if (k === 2) x = single ? randD(-80, -40) : randD(-600, -450); // products near underflow
  else x = randD(-20, 20);
  return single ? bitsS(x) : bitsD(x);
}

describe('translated arithmetic matches the exact model', () => {
  // One code address per instruction: the first runs are step code, the rest region code.
  const runner = new FpRunner(false);
  for (const fpcr of [0, FZ, RP, RM, RZ, FZ | RM]) {
    for (const [name, wordD, wordS, ref] of OPS) {
      for (const single of [false, true]) {
        it(`${name} ${single ? 's' : 'd'} with FPCR=${fpcr.toString(16)}`, () => {
          const f = single ? FP32 : FP64;
          const bad: string[] = [];
          for (let i = 0; i < 400; i++) {
            const v = [operand(single), operand(single), operand(single)];
            // Start each run with FPSR clear so the sticky-flag shortcuts do not hide IXC/UFC.
            const out = runner.run(single ? wordS : wordD, { v: { 1: v[0], 2: v[1], 3: v[2] }, fpcr });
            const got = out.v0 & M64, flags = out.fpsr;
            fpExc.flags = 0;
            const want = ref(f, v[0], v[1], v[2], fpcr);
            const mask = single ? 0xffffffffn : M64;
            if ((got & mask) !== want || flags !== fpExc.flags) {
              bad.push(`${v.map((x) => x.toString(16)).join(' ')}: got ${(got & mask).toString(16)}/${flags.toString(16)} want ${want.toString(16)}/${fpExc.flags.toString(16)}`);
            }
          }
          expect(bad.slice(0, 10)).toEqual([]);
        });
      }
    }
  }
});
