// RV64M helpers against the spec on BigInts: quotients truncate toward zero, division by
// zero gives all ones (remainder: the dividend), MIN / -1 gives MIN (remainder 0), and
// mulhsu is the high half of signed times unsigned. Random operands biased toward the
// edges of every fast path (32-bit, 53-bit and full 64-bit values).
import { describe, expect, it } from 'vitest';
import { rvDiv, rvDivu, rvMulhsu, rvRem, rvRemu } from '../../src/targets/riscv64/insns/rv64m.js';
import { hi } from '../../src/translate/int64.js';

const M64 = (1n << 64n) - 1n;
const u64 = (v: bigint): bigint => BigInt.asUintN(64, v);
const s64 = (v: bigint): bigint => BigInt.asIntN(64, v);
const MIN = -(1n << 63n);

let seed = 0x9e3779b97f4a7c15n;
function rnd64(): bigint {
  seed ^= (seed << 13n) & M64;
  seed ^= seed >> 7n;
  seed ^= (seed << 17n) & M64;
  return seed;
}
function operand(): bigint {
  const r = Number(rnd64() % 10n);
  const shift = BigInt(Number(rnd64() % 64n));
  switch (r) {
    case 0: return 0n;
    case 1: return [1n, M64, u64(MIN), u64(MIN) - 1n, 1n << 53n, (1n << 53n) - 1n, 1n << 32n, 0xffffffffn][Number(rnd64() % 8n)];
    case 2: return rnd64() >> shift;
    case 3: return u64(-(rnd64() >> shift));
    case 4: return rnd64() & 0xffffffffn;
    case 5: return u64(BigInt.asIntN(54, rnd64()));
    default: return rnd64();
  }
}

const call = (fn: (al: number, ah: number, bl: number, bh: number) => number, a: bigint, b: bigint): bigint => {
  const l = fn(Number(BigInt.asIntN(32, a)), Number(BigInt.asIntN(32, a >> 32n)), Number(BigInt.asIntN(32, b)), Number(BigInt.asIntN(32, b >> 32n)));
  return (BigInt(hi[0] >>> 0) << 32n) | BigInt(l >>> 0);
};

const REFERENCE: [string, (al: number, ah: number, bl: number, bh: number) => number, (a: bigint, b: bigint) => bigint][] = [
  ['div', rvDiv, (a, b) => (b === 0n ? M64 : s64(a) === MIN && s64(b) === -1n ? a : u64(s64(a) / s64(b)))],
  ['divu', rvDivu, (a, b) => (b === 0n ? M64 : a / b)],
  ['rem', rvRem, (a, b) => (b === 0n ? a : s64(a) === MIN && s64(b) === -1n ? 0n : u64(s64(a) % s64(b)))],
  ['remu', rvRemu, (a, b) => (b === 0n ? a : a % b)],
  ['mulhsu', rvMulhsu, (a, b) => u64((s64(a) * b) >> 64n)],
];

describe('RV64M helpers', () => {
  it('remu right after divu of the same operands (the remainder is reused) and of others', () => {
    for (let i = 0; i < 20000; i++) {
      const a = operand(), b = rnd64() & 0xffffffffn || 1n;
      const c = i % 3 === 0 ? operand() : a;
      expect(call(rvDivu, a, b)).toBe(a / b);
      expect(call(rvRemu, c, b), `${c.toString(16)} % ${b.toString(16)}`).toBe(c % b);
    }
  });

  for (const [name, fn, ref] of REFERENCE) {
    it(`${name} on 20000 biased operand pairs`, () => {
      for (let i = 0; i < 20000; i++) {
        const a = operand(), b = operand();
        const got = call(fn, a, b);
        if (got !== ref(a, b)) expect(`${name}(${a.toString(16)}, ${b.toString(16)}) = ${got.toString(16)}`).toBe(ref(a, b).toString(16));
      }
    });
  }
});
