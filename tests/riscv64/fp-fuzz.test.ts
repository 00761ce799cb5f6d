// The inline FP paths against the exact model (softfloat.ts): random operands biased
// toward what the fast paths must get right or hand over (exact results, ties, the
// underflow and overflow boundaries, results near the smallest normal), each op run
// thousands of times in the same translator, so both tiers (step code first, then the
// hot region) are checked. Result bits and fflags must equal the model's in RNE.
import { describe, expect, it } from 'vitest';
import { AddressSpace } from '../../src/memory/address-space.js';
import {
  F32, F64, fpAdd, fpDiv, fpExc, fpMul, fpMulAdd, fpSqrt, Rm, type FpFormat,
} from '../../src/targets/riscv64/softfloat.js';
import { SLOT_FFLAGS, SLOT_FRM } from '../../src/targets/riscv64/state.js';
import { riscv64Target } from '../../src/targets/riscv64/target.js';
import { CpuState, Exit } from '../../src/translate/cpu-state.js';
import { Translator } from '../../src/translate/translator.js';
import { CODE, encode } from './driver.js';

const M64 = (1n << 64n) - 1n;
let seed = 0x243f6a8885a308d3n;
function rnd64(): bigint {
  seed ^= (seed << 13n) & M64;
  seed ^= seed >> 7n;
  seed ^= (seed << 17n) & M64;
  return seed;
}
const rnd = (n: number): number => Number(rnd64() % BigInt(n));

/** A finite operand of format f: mostly ordinary, often with few significant bits (exact results). */
function operand(f: FpFormat): bigint {
  const sign = BigInt(rnd(2)) << BigInt(f.N - 1);
  const fracMask = (1n << BigInt(f.F)) - 1n;
  let frac = rnd64() & fracMask;
  if (rnd(3) === 0) frac &= ~((1n << BigInt(rnd(f.F + 1))) - 1n) & fracMask;
  const maxE = 2 ** f.E - 2;
  let e: number;
  switch (rnd(6)) {
    case 0: e = 1 + rnd(f.F); break; // near the smallest normal: products and quotients underflow
    case 1: e = maxE - rnd(f.F); break; // near the largest: overflow
    case 2: e = 0; break; // subnormal (or zero)
    default: e = f.bias - 20 + rnd(40);
  }
  return sign | (BigInt(e) << BigInt(f.F)) | frac;
}

type Model = (f: FpFormat, a: bigint, b: bigint, c: bigint) => bigint;
const OPS: [string, number, FpFormat, number, Model][] = [
  ['fadd.d', 0x0220f053, F64, 2, (f, a, b) => fpAdd(f, a, b, Rm.RNE)],
  ['fsub.d', 0x0a20f053, F64, 2, (f, a, b) => fpAdd(f, a, b, Rm.RNE, true)],
  ['fmul.d', 0x1220f053, F64, 2, (f, a, b) => fpMul(f, a, b, Rm.RNE)],
  ['fdiv.d', 0x1a20f053, F64, 2, (f, a, b) => fpDiv(f, a, b, Rm.RNE)],
  ['fsqrt.d', 0x5a00f053, F64, 1, (f, a) => fpSqrt(f, a & ~(1n << 63n), Rm.RNE)],
  ['fmadd.d', 0x1a20f043, F64, 3, (f, a, b, c) => fpMulAdd(f, a, b, c, false, false, Rm.RNE)],
  ['fmsub.d', 0x1a20f047, F64, 3, (f, a, b, c) => fpMulAdd(f, a, b, c, false, true, Rm.RNE)],
  ['fnmsub.d', 0x1a20f04b, F64, 3, (f, a, b, c) => fpMulAdd(f, a, b, c, true, false, Rm.RNE)],
  ['fnmadd.d', 0x1a20f04f, F64, 3, (f, a, b, c) => fpMulAdd(f, a, b, c, true, true, Rm.RNE)],
  ['fadd.s', 0x0020f053, F32, 2, (f, a, b) => fpAdd(f, a, b, Rm.RNE)],
  ['fsub.s', 0x0820f053, F32, 2, (f, a, b) => fpAdd(f, a, b, Rm.RNE, true)],
  ['fmul.s', 0x1020f053, F32, 2, (f, a, b) => fpMul(f, a, b, Rm.RNE)],
  ['fdiv.s', 0x1820f053, F32, 2, (f, a, b) => fpDiv(f, a, b, Rm.RNE)],
  ['fsqrt.s', 0x5800f053, F32, 1, (f, a) => fpSqrt(f, a & ~(1n << 31n), Rm.RNE)],
  ['fmadd.s', 0x1820f043, F32, 3, (f, a, b, c) => fpMulAdd(f, a, b, c, false, false, Rm.RNE)],
  ['fmsub.s', 0x1820f047, F32, 3, (f, a, b, c) => fpMulAdd(f, a, b, c, false, true, Rm.RNE)],
  ['fnmsub.s', 0x1820f04b, F32, 3, (f, a, b, c) => fpMulAdd(f, a, b, c, true, false, Rm.RNE)],
  ['fnmadd.s', 0x1820f04f, F32, 3, (f, a, b, c) => fpMulAdd(f, a, b, c, true, true, Rm.RNE)],
];

const CASES = 3000;
const box = (f: FpFormat, v: bigint): bigint => (f.N === 32 ? v | (M64 << 32n & M64) : v);

describe('inline FP arithmetic equals the exact model (RNE, result and fflags)', () => {
  for (const [name, word, f, arity, model] of OPS) {
    it(name, () => {
      const mem = new AddressSpace();
      mem.map(CODE, 0x1000, 5);
      mem.poke(CODE, encode([word, 0x00000073]));
      const s = new CpuState(riscv64Target.slotCount, riscv64Target.vectorBytes);
      const t = new Translator(riscv64Target, mem);
      const bad: string[] = [];
      for (let i = 0; i < CASES && bad.length < 5; i++) {
        const [a, b, c] = [operand(f), operand(f), operand(f)];
        if (arity === 1 && (a >> BigInt(f.N - 1)) !== 0n) continue;
        s.vview.setBigUint64(8, box(f, a), true);
        s.vview.setBigUint64(16, box(f, b), true);
        s.vview.setBigUint64(24, box(f, c), true);
        s.r[SLOT_FFLAGS] = 0;
        s.r[SLOT_FRM] = 0;
        t.run(s, CODE);
        expect(s.exc).toBe(Exit.Syscall);
        s.exc = Exit.None;
        fpExc.flags = 0;
        const want = box(f, model(f, a, b, c));
        const got = s.vview.getBigUint64(0, true);
        if (got !== want || s.r[SLOT_FFLAGS] !== fpExc.flags) {
          bad.push(`${name}(${a.toString(16)}, ${b.toString(16)}, ${c.toString(16)}) = ${got.toString(16)} flags ${s.r[SLOT_FFLAGS]}, want ${want.toString(16)} flags ${fpExc.flags}`);
        }
      }
      expect(bad.join('\n')).toBe('');
    });
  }
});
