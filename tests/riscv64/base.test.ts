// RV64I by hand: loads and stores (widths, sign and zero extension), x0, upper
// immediates, jumps and links, every branch condition on signed/unsigned corner values
// (in both translation tiers), loops inside a region, ECALL and EBREAK; plus the Zbb
// ctzw case where qemu 7.2 departs from the spec. Expectations follow the RISC-V
// unprivileged spec; encodings from riscv64-linux-gnu-as.
import { describe, expect, it } from 'vitest';
import { Exit } from '../../src/translate/cpu-state.js';
import { CODE, DATA, runRv } from './driver.js';

const M64 = (1n << 64n) - 1n;
const u64 = (v: bigint): bigint => BigInt.asUintN(64, v);
const s64 = (v: bigint): bigint => BigInt.asIntN(64, v);
const D = BigInt(DATA);

function bytesOf(words: Record<number, bigint>): Uint8Array {
  const data = new Uint8Array(0x1000);
  const dv = new DataView(data.buffer);
  for (const [off, v] of Object.entries(words)) dv.setBigUint64(Number(off), u64(v), true);
  return data;
}

describe('loads and stores', () => {
  const data = bytesOf({ 0x100: 0xf0e1d2c3b4a59687n, 0x108: 0xfedcba9876543210n, 0xf8: 0x1122334455667788n });
  const r = runRv([
    0x00058503, // lb a0,0(a1)
    0x00259603, // lh a2,2(a1)
    0x0045a683, // lw a3,4(a1)
    0x0085b703, // ld a4,8(a1)
    0x0005c783, // lbu a5,0(a1)
    0x0025d803, // lhu a6,2(a1)
    0x0045e883, // lwu a7,4(a1)
    0x00a58823, // sb a0,16(a1)
    0x00c59923, // sh a2,18(a1)
    0x00d5aa23, // sw a3,20(a1)
    0x00e5bc23, // sd a4,24(a1)
    0x0105b903, // ld s2,16(a1)
    0xff85b283, // ld t0,-8(a1)
  ], { x: { 11: D + 0x100n }, data });

  it('sign- and zero-extend every width', () => {
    expect(r.x.slice(10, 18)).toEqual([
      0xffffffffffffff87n, D + 0x100n, 0xffffffffffffb4a5n, 0xfffffffff0e1d2c3n,
      0xfedcba9876543210n, 0x87n, 0xb4a5n, 0xf0e1d2c3n,
    ]);
  });

  it('store the low bytes of the register and reach negative offsets', () => {
    expect(r.x[18]).toBe(0xf0e1d2c3b4a50087n);
    expect(r.mem.view.getBigUint64(DATA + 0x118, true)).toBe(0xfedcba9876543210n);
    expect(r.x[5]).toBe(0x1122334455667788n);
  });

  it('run the same as hot region code', () => {
    const hot = runRv([0x00058503, 0x0045a683, 0x0085b703, 0x00e5bc23, 0x0185b903], { x: { 11: D + 0x100n }, data }, 'region');
    expect([hot.x[10], hot.x[13], hot.x[14], hot.x[18]]).toEqual([0xffffffffffffff87n, 0xfffffffff0e1d2c3n, 0xfedcba9876543210n, 0xfedcba9876543210n]);
  });
});

describe('x0, upper immediates and links', () => {
  it('writes to x0 are dropped and x0 reads zero', () => {
    const r = runRv([0x00558013 /* addi zero,a1,5 */, 0x00000513 /* li a0, 0 via addi a0, x0, 0 */], { x: { 11: 7n, 10: 9n } });
    expect(r.x[0]).toBe(0n);
    expect(r.x[10]).toBe(0n);
  });

  it('lui sign-extends, auipc adds the PC', () => {
    const r = runRv([0x80000537 /* lui a0,0x80000 */, 0x00000597 /* auipc a1,0 */, 0x80000617 /* auipc a2,0x80000 */]);
    expect(r.x[10]).toBe(0xffffffff80000000n);
    expect(r.x[11]).toBe(BigInt(CODE + 4));
    expect(r.x[12]).toBe(u64(BigInt(CODE + 8) - 0x80000000n));
  });

  it('jal links the next PC and skips', () => {
    const r = runRv([0x008000ef /* jal ra,.+8 */, 0x00100513 /* li a0,1 */, 0x00200593 /* li a1,2 */], { x: { 10: 5n } });
    expect([r.x[1], r.x[10], r.x[11]]).toEqual([BigInt(CODE + 4), 5n, 2n]);
  });

  it('jalr clears bit 0 of the target and reads rs1 before writing rd', () => {
    const r = runRv([0x005680e7 /* jalr ra,5(a3) */, 0x00100513, 0x00100513, 0x00200593], { x: { 13: BigInt(CODE + 7), 10: 5n } });
    expect([r.x[1], r.x[10], r.x[11]]).toEqual([BigInt(CODE + 4), 5n, 2n]);
    const same = runRv([0x000686e7 /* jalr a3,0(a3) */, 0x00100513 /* li a0,1 */, 0x00200593 /* li a1,2 */], { x: { 13: BigInt(CODE + 8) } });
    expect([same.x[13], same.x[10], same.x[11]]).toEqual([BigInt(CODE + 4), 0n, 2n]);
  });

  it('a jump above the 4 GiB window faults on fetch', () => {
    expect(() => runRv([0x00068067 /* jr a3 */], { x: { 13: 0x100000000n } })).toThrow(/exec fault/);
  });
});

describe('branches', () => {
  const VALUES = [0n, 1n, M64, 0x7fffffffffffffffn, 0x8000000000000000n, 0x100000000n, 0xffffffffn, 0x80000000n, u64(-2n), 0xffffffff00000000n];
  // [name, encoding (rs1 = a1, rs2 = a2, offset +8), condition]
  const BRANCHES: [string, number, (a: bigint, b: bigint) => boolean][] = [
    ['beq', 0x00c58463, (a, b) => a === b],
    ['bne', 0x00c59463, (a, b) => a !== b],
    ['blt', 0x00c5c463, (a, b) => s64(a) < s64(b)],
    ['bge', 0x00c5d463, (a, b) => s64(a) >= s64(b)],
    ['bltu', 0x00c5e463, (a, b) => a < b],
    ['bgeu', 0x00c5f463, (a, b) => a >= b],
  ];
  const INC = 0x00150513; // addi a0,a0,1 (skipped when taken)

  for (const [name, word, cond] of BRANCHES) {
    it(`${name} on signed and unsigned corners`, () => {
      for (const a of VALUES) {
        for (const b of VALUES) {
          const r = runRv([word, INC], { x: { 11: a, 12: b } });
          expect(r.x[10], `${name} ${a.toString(16)}, ${b.toString(16)}`).toBe(cond(a, b) ? 0n : 1n);
        }
      }
    });
  }

  it('the same in region code', () => {
    for (const [name, word, cond] of BRANCHES) {
      for (const [a, b] of [[1n, M64], [M64, 1n], [0x8000000000000000n, 0x7fffffffffffffffn], [5n, 5n]]) {
        const r = runRv([word, INC], { x: { 11: a, 12: b } }, 'region');
        expect(r.x[10], `${name} ${a.toString(16)}, ${b.toString(16)}`).toBe(cond(a, b) ? 0n : 1n);
      }
    }
  });

  // [name, encoding, condition on a1] for the forms with x0
  const ZERO_FORMS: [string, number, (a: bigint) => boolean][] = [
    ['beqz', 0x00058463, (a) => a === 0n],
    ['bnez', 0x00059463, (a) => a !== 0n],
    ['bltz', 0x0005c463, (a) => s64(a) < 0n],
    ['bgez', 0x0005d463, (a) => s64(a) >= 0n],
    ['bgtz', 0x00b04463, (a) => s64(a) > 0n],
    ['blez', 0x00b05463, (a) => s64(a) <= 0n],
    ['bltu zero,a1', 0x00b06463, (a) => a !== 0n],
    ['bgeu a1,zero', 0x0005f463, () => true],
    ['bltu a1,zero', 0x0005e463, () => false],
  ];
  it('compares with x0', () => {
    for (const [name, word, cond] of ZERO_FORMS) {
      for (const a of VALUES) {
        for (const tier of ['step', 'region'] as const) {
          const r = runRv([word, INC], { x: { 11: a } }, tier);
          expect(r.x[10], `${name} ${a.toString(16)} (${tier})`).toBe(cond(a) ? 0n : 1n);
        }
      }
    }
  });

  it('a backward branch loops inside a region', () => {
    const loop = [0x06400513 /* li a0,100 */, 0xfff50513 /* addi a0,a0,-1 */, 0x00358593 /* addi a1,a1,3 */, 0xfe051ce3 /* bnez a0,.-8 */];
    for (const tier of ['step', 'region'] as const) expect(runRv(loop, {}, tier).x[11]).toBe(300n);
  });
});

describe('exceptions', () => {
  it('ecall stops with a syscall exit after the instruction', () => {
    const r = runRv([]);
    expect(r.exit).toBe(Exit.Syscall);
    expect(r.pc).toBe(CODE + 4);
  });

  it('ebreak and c.ebreak stop with a breakpoint at the instruction', () => {
    for (const w of [0x00100073, 0x9002]) {
      const r = runRv([0x00100513, w]);
      expect(r.exit).toBe(Exit.Breakpoint);
      expect(r.pc).toBe(CODE + 4);
    }
  });

  it('illegal encodings and c.unimp stop with an illegal-instruction exit', () => {
    for (const w of [0x0000, 0xffffffff, 0x02c5d553]) {
      const r = runRv([0x00100513, w]);
      expect(r.exit).toBe(Exit.Illegal);
      expect(r.x[10]).toBe(1n);
    }
  });
});

describe('Zbb ctzw', () => {
  it('counts only the low word (32 when it is zero), per the spec', () => {
    // qemu 7.2 gives 63 for 0x8000000000000000: it counts all 64 bits.
    for (const [a, want] of [[0x8000000000000000n, 32n], [0x100000000n, 32n], [0n, 32n], [0x80000000n, 31n], [0xffffffff00000010n, 4n]]) {
      expect(runRv([0x6015951b /* ctzw a0,a1 */], { x: { 11: a } }).x[10]).toBe(want);
    }
  });
});
