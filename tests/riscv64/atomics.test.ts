// RV64A: LR/SC with the value-compare reservation (success, failure without or after a
// reservation, after a store of another value, at another address, with another size,
// and once used) and every AMO in word and doubleword size against a BigInt model.
import { describe, expect, it } from 'vitest';
import { Exit } from '../../src/translate/cpu-state.js';
import { DATA, runRv } from './driver.js';

const D = BigInt(DATA);
const M64 = (1n << 64n) - 1n;
const u64 = (v: bigint): bigint => BigInt.asUintN(64, v);
const s64 = (v: bigint): bigint => BigInt.asIntN(64, v);
const s32 = (v: bigint): bigint => u64(BigInt.asIntN(32, v));
const GARBAGE = 0xdeadbeefdeadbeefn;

function dataWith(off: number, v: bigint): Uint8Array {
  const data = new Uint8Array(0x1000);
  new DataView(data.buffer).setBigUint64(off, u64(v), true);
  return data;
}
const at = (r: { mem: { view: DataView } }, off: number): bigint => r.mem.view.getBigUint64(DATA + off, true);

describe('LR/SC', () => {
  it('lr.d / sc.d succeed when nothing intervenes; the reservation is then gone', () => {
    for (const tier of ['step', 'region'] as const) {
      const r = runRv([
        0x1005b52f, // lr.d a0,(a1)
        0x18c5b6af, // sc.d a3,a2,(a1)
        0x18c5b72f, // sc.d a4,a2,(a1)   no reservation any more
      ], { x: { 11: D + 0x100n, 12: 0x1234n, 13: GARBAGE, 14: GARBAGE }, data: dataWith(0x100, 0x8877665544332211n) }, tier);
      expect([r.x[10], r.x[13], r.x[14], at(r, 0x100)]).toEqual([0x8877665544332211n, 0n, 1n, 0x1234n]);
    }
  });

  it('lr.w sign-extends; sc.w stores the low word', () => {
    const r = runRv([0x1005a52f /* lr.w a0,(a1) */, 0x18c5a6af /* sc.w a3,a2,(a1) */], {
      x: { 11: D + 0x100n, 12: 0xaaaaaaaa55555555n, 13: GARBAGE }, data: dataWith(0x100, 0x11111111f0000001n),
    });
    expect([r.x[10], r.x[13], at(r, 0x100)]).toEqual([0xfffffffff0000001n, 0n, 0x1111111155555555n]);
  });

  it('sc fails without a reservation, after a store of another value, at another address and with another size', () => {
    const data = dataWith(0x100, 7n);
    const noReservation = runRv([0x18c5b6af], { x: { 11: D + 0x100n, 12: 9n, 13: GARBAGE }, data });
    expect([noReservation.x[13], at(noReservation, 0x100)]).toEqual([1n, 7n]);
    const stored = runRv([0x1005b52f, 0x00f5b023 /* sd a5,0(a1) */, 0x18c5b6af], { x: { 11: D + 0x100n, 12: 9n, 13: GARBAGE, 15: 8n }, data });
    expect([stored.x[13], at(stored, 0x100)]).toEqual([1n, 8n]);
    const elsewhere = runRv([0x1007b52f /* lr.d a0,(a5) */, 0x18c5b6af], { x: { 11: D + 0x100n, 15: D + 0x108n, 12: 9n, 13: GARBAGE }, data });
    expect([elsewhere.x[13], at(elsewhere, 0x100)]).toEqual([1n, 7n]);
    const size = runRv([0x1005a52f /* lr.w */, 0x18c5b6af /* sc.d */], { x: { 11: D + 0x100n, 12: 9n, 13: GARBAGE }, data });
    expect([size.x[13], at(size, 0x100)]).toEqual([1n, 7n]);
  });

  it('a store of the same value keeps the reservation (value-compare monitor)', () => {
    const r = runRv([0x1005b52f, 0x00f5b023 /* sd a5,0(a1): same value */, 0x18c5b6af], {
      x: { 11: D + 0x100n, 12: 9n, 13: GARBAGE, 15: 7n }, data: dataWith(0x100, 7n),
    });
    expect([r.x[13], at(r, 0x100)]).toEqual([0n, 9n]);
  });
});

describe('AMOs', () => {
  // [name, word (rd = a0, rs2 = a2, rs1 = a1), bytes, new memory value from (old, src)]
  const AMOS: [string, number, 4 | 8, (a: bigint, b: bigint) => bigint][] = [
    ['amoswap.w', 0x08c5a52f, 4, (_a, b) => b],
    ['amoadd.w', 0x00c5a52f, 4, (a, b) => a + b],
    ['amoxor.w', 0x20c5a52f, 4, (a, b) => a ^ b],
    ['amoand.w', 0x60c5a52f, 4, (a, b) => a & b],
    ['amoor.w', 0x40c5a52f, 4, (a, b) => a | b],
    ['amomin.w', 0x80c5a52f, 4, (a, b) => (BigInt.asIntN(32, a) < BigInt.asIntN(32, b) ? a : b)],
    ['amomax.w', 0xa0c5a52f, 4, (a, b) => (BigInt.asIntN(32, a) > BigInt.asIntN(32, b) ? a : b)],
    ['amominu.w', 0xc0c5a52f, 4, (a, b) => (BigInt.asUintN(32, a) < BigInt.asUintN(32, b) ? a : b)],
    ['amomaxu.w', 0xe0c5a52f, 4, (a, b) => (BigInt.asUintN(32, a) > BigInt.asUintN(32, b) ? a : b)],
    ['amoswap.d', 0x08c5b52f, 8, (_a, b) => b],
    ['amoadd.d', 0x00c5b52f, 8, (a, b) => a + b],
    ['amoxor.d', 0x20c5b52f, 8, (a, b) => a ^ b],
    ['amoand.d', 0x60c5b52f, 8, (a, b) => a & b],
    ['amoor.d', 0x40c5b52f, 8, (a, b) => a | b],
    ['amomin.d', 0x80c5b52f, 8, (a, b) => (s64(a) < s64(b) ? a : b)],
    ['amomax.d', 0xa0c5b52f, 8, (a, b) => (s64(a) > s64(b) ? a : b)],
    ['amominu.d', 0xc0c5b52f, 8, (a, b) => (a < b ? a : b)],
    ['amomaxu.d', 0xe0c5b52f, 8, (a, b) => (a > b ? a : b)],
  ];
  const VALUES = [0n, 1n, M64, 0x7fffffffffffffffn, 0x8000000000000000n, 0x00000000ffffffffn, 0x7fffffff80000000n, 0x123456789abcdef0n];
  const ABOVE = 0x55555555n; // the word above a 4-byte AMO's target stays

  for (const [name, word, bytes, op] of AMOS) {
    it(name, () => {
      for (const old of VALUES) {
        for (const src of VALUES) {
          const init = bytes === 4 ? (ABOVE << 32n) | (old & 0xffffffffn) : old;
          for (const tier of ['step', 'region'] as const) {
            const r = runRv([word], { x: { 11: D + 0x100n, 12: src, 10: GARBAGE }, data: dataWith(0x100, init) }, tier);
            const label = `${name} ${old.toString(16)} ${src.toString(16)} (${tier})`;
            if (bytes === 4) {
              expect(r.x[10], label).toBe(s32(old));
              expect(at(r, 0x100), label).toBe((ABOVE << 32n) | BigInt.asUintN(32, op(old & 0xffffffffn, src & 0xffffffffn)));
            } else {
              expect(r.x[10], label).toBe(old);
              expect(at(r, 0x100), label).toBe(u64(op(old, src)));
            }
          }
        }
      }
    });
  }

  it('rd may be the address or source register', () => {
    // amoadd.d a1, a1, (a1): the old value goes to a1 after the store used a1 as address and operand
    const r = runRv([0x00b5b5af /* amoadd.d a1,a1,(a1) */], { x: { 11: D + 0x100n }, data: dataWith(0x100, 5n) });
    expect([r.x[11], at(r, 0x100)]).toEqual([5n, D + 0x105n]);
  });

  it('a misaligned LR, SC or AMO stops with Exit.Misaligned (SIGBUS) before touching anything', () => {
    for (const [word, bytes] of [[0x1005b52f, 8], [0x18c5a6af, 4], [0x00c5b52f, 8], [0x08c5a52f, 4]] as const) {
      for (const off of [1, 2, 4].filter((o) => o < bytes)) {
        for (const tier of ['step', 'region'] as const) {
          const r = runRv([word], { x: { 11: D + 0x100n + BigInt(off), 10: GARBAGE, 13: GARBAGE }, data: dataWith(0x100, 7n) }, tier);
          expect(r.exit, `${word.toString(16)} +${off} ${tier}`).toBe(Exit.Misaligned);
          expect([r.x[10], r.x[13], at(r, 0x100)]).toEqual([GARBAGE, GARBAGE, 7n]);
        }
      }
    }
  });

  it('a faulting AMO changes neither memory nor registers', () => {
    expect(() => runRv([0x00c5b52f], { x: { 11: 0x10n, 12: 1n } })).toThrow(/fault/);
  });
});
