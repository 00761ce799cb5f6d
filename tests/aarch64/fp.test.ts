// Scalar floating point: hand-picked cases. Expected values follow the ARM ARM
// pseudocode (FPProcessNaNs, FPRound, FPToFixed, ...) and were cross-checked against
// qemu-aarch64 7.2 running the same instruction words (see fp-qemu.test.ts for the bulk
// comparison).
import { describe, expect, it } from 'vitest';
import { Exit } from '../../src/translate/cpu-state.js';
import { runA64, type A64Init, type A64Result } from './driver.js';

// FPSR cumulative flags.
const IOC = 1, DZC = 2, OFC = 4, UFC = 8, IXC = 16, IDC = 128;
// FPCR fields.
const DN = 1 << 25, FZ = 1 << 24, FZ16 = 1 << 19, AHP = 1 << 26;
const RP = 1 << 22, RM = 2 << 22, RZ = 3 << 22;

const M64 = (1n << 64n) - 1n;
const ONES = (1n << 128n) - 1n;
/** Bits of a double / a single. */
const d = (x: number): bigint => new BigUint64Array(new Float64Array([x]).buffer)[0];
const s = (x: number): bigint => BigInt(new Uint32Array(new Float32Array([x]).buffer)[0]);
const u64 = (x: bigint): bigint => BigInt.asUintN(64, x);

/** Runs the words with v1..v3 (low 64 bits; the rest of each register is all ones). */
function fp(words: number[], v: bigint[], init: A64Init = {}): A64Result {
  const regs: Record<number, bigint> = { 0: ONES };
  v.forEach((x, i) => (regs[i + 1] = (ONES << 64n) | x));
  const r = runA64(words, { ...init, v: { ...regs, ...init.v } });
  expect(r.exit).toBe(Exit.Syscall);
  return r;
}

// Instruction words from aarch64-linux-gnu-as.
const FADD_D = 0x1e622820; // fadd d0, d1, d2
const FADD_S = 0x1e222820; // fadd s0, s1, s2
const FSUB_D = 0x1e623820; // fsub d0, d1, d2
const FMUL_D = 0x1e620820; // fmul d0, d1, d2
const FMUL_S = 0x1e220820; // fmul s0, s1, s2
const FDIV_D = 0x1e621820; // fdiv d0, d1, d2
const FDIV_S = 0x1e221820; // fdiv s0, s1, s2
const FSQRT_D = 0x1e61c020; // fsqrt d0, d1
const FSQRT_S = 0x1e21c020; // fsqrt s0, s1
const FNMUL_D = 0x1e628820; // fnmul d0, d1, d2
const FMADD_D = 0x1f420c20; // fmadd d0, d1, d2, d3
const FMSUB_D = 0x1f428c20; // fmsub d0, d1, d2, d3
const FNMADD_D = 0x1f620c20; // fnmadd d0, d1, d2, d3
const FNMSUB_D = 0x1f628c20; // fnmsub d0, d1, d2, d3
const FMADD_S = 0x1f020c20; // fmadd s0, s1, s2, s3
const FMAX_D = 0x1e624820; // fmax d0, d1, d2
const FMIN_D = 0x1e625820; // fmin d0, d1, d2
const FMAXNM_D = 0x1e626820; // fmaxnm d0, d1, d2
const FMINNM_D = 0x1e627820; // fminnm d0, d1, d2
const FABS_D = 0x1e60c020; // fabs d0, d1
const FNEG_S = 0x1e214020; // fneg s0, s1
const FMOV_D = 0x1e604020; // fmov d0, d1
const FMOV_H = 0x1ee04020; // fmov h0, h1

const QNAN1 = 0x7ff8000000000001n;
const SNAN2 = 0x7ff0000000000002n;
const DEFAULT_NAN = 0x7ff8000000000000n;

describe('scalar FP arithmetic', () => {
  it('adds in double and single precision and zeroes the rest of the register', () => {
    let r = fp([FADD_D], [d(1.5), d(2.25)]);
    expect(r.v[0]).toBe(d(3.75));
    expect(r.fpsr).toBe(0);
    r = fp([FADD_S], [s(1.5), s(2.25)]);
    expect(r.v[0]).toBe(s(3.75)); // bits 32..127 cleared
    r = fp([FADD_S], [s(1), s(2 ** -30)]);
    expect(r.v[0]).toBe(s(1));
    expect(r.fpsr).toBe(IXC);
  });

  it('computes sub, mul, div and sqrt correctly rounded', () => {
    expect(fp([FSUB_D], [d(0.3), d(0.1)]).v[0]).toBe(d(0.3 - 0.1));
    expect(fp([FMUL_D], [d(0.1), d(3)]).v[0]).toBe(d(0.1 * 3));
    expect(fp([FDIV_D], [d(1), d(3)]).v[0]).toBe(d(1 / 3));
    expect(fp([FSQRT_D], [d(2)]).v[0]).toBe(d(Math.SQRT2));
    expect(fp([FMUL_S], [s(0.1), s(3)]).v[0]).toBe(s(Math.fround(Math.fround(0.1) * 3)));
    expect(fp([FDIV_S], [s(1), s(3)]).v[0]).toBe(s(1 / 3));
    expect(fp([FSQRT_S], [s(2)]).v[0]).toBe(s(Math.SQRT2));
    // exact results raise nothing, inexact ones IXC
    expect(fp([FDIV_D], [d(1), d(4)]).fpsr).toBe(0);
    expect(fp([FDIV_D], [d(1), d(3)]).fpsr).toBe(IXC);
    expect(fp([FSQRT_S], [s(2.25)]).fpsr).toBe(0);
  });

  it('propagates NaNs: SNaN first (quietened, IOC), then the first QNaN', () => {
    let r = fp([FADD_D], [QNAN1, SNAN2]);
    expect(r.v[0]).toBe(0x7ff8000000000002n);
    expect(r.fpsr).toBe(IOC);
    r = fp([FADD_D], [QNAN1, 0x7ff8000000000003n]);
    expect(r.v[0]).toBe(QNAN1);
    expect(r.fpsr).toBe(0);
    r = fp([FADD_D], [d(1), 0xfff8000000000005n]); // the sign and payload survive
    expect(r.v[0]).toBe(0xfff8000000000005n);
    r = fp([FMUL_S], [s(1), 0x7f800001n]);
    expect(r.v[0]).toBe(0x7fc00001n);
    expect(r.fpsr).toBe(IOC);
  });

  it('returns the default NaN with FPCR.DN', () => {
    const r = fp([FADD_D], [QNAN1, SNAN2], { fpcr: DN });
    expect(r.v[0]).toBe(DEFAULT_NAN);
    expect(r.fpsr).toBe(IOC);
    expect(fp([FADD_S], [0xffc00123n, s(1)], { fpcr: DN }).v[0]).toBe(0x7fc00000n);
  });

  it('invalid operations give the default NaN and IOC', () => {
    const inf = d(Infinity);
    expect(fp([FSUB_D], [inf, inf]).v[0]).toBe(DEFAULT_NAN);
    expect(fp([FSUB_D], [inf, inf]).fpsr).toBe(IOC);
    expect(fp([FMUL_D], [inf, 0n]).v[0]).toBe(DEFAULT_NAN);
    expect(fp([FDIV_D], [0n, 0n]).fpsr).toBe(IOC);
    const r = fp([FSQRT_D], [d(-1)]);
    expect([r.v[0], r.fpsr]).toEqual([DEFAULT_NAN, IOC]);
    // FNMUL negates whatever FPMul returned, NaNs included
    expect(fp([FNMUL_D], [inf, 0n]).v[0]).toBe(0xfff8000000000000n);
    expect(fp([FNMUL_D], [0x7ff0000000000001n, 0n]).v[0]).toBe(0xfff8000000000001n);
  });

  it('fused multiply-add NaN rules: addend first, 0*inf beats a quiet addend, negation flips NaN signs', () => {
    const inf = d(Infinity);
    let r = fp([FMADD_D], [inf, 0n, 0x7ff8000000000009n]);
    expect([r.v[0], r.fpsr]).toEqual([DEFAULT_NAN, IOC]);
    r = fp([FMADD_D], [QNAN1, 0n, 0x7ff0000000000009n]); // SNaN addend wins
    expect([r.v[0], r.fpsr]).toEqual([0x7ff8000000000009n, IOC]);
    expect(fp([FMSUB_D], [QNAN1, 0n, 0n]).v[0]).toBe(0xfff8000000000001n); // -Vn
    expect(fp([FNMADD_D], [0n, 0n, QNAN1]).v[0]).toBe(0xfff8000000000001n); // -Va
    expect(fp([FNMSUB_D], [0n, 0n, QNAN1]).v[0]).toBe(0xfff8000000000001n); // -Va
  });

  it('fuses the multiply-add with one rounding', () => {
    // (1 + 2^-52)^2 - (1 + 2^-51) = 2^-104 exactly; a separate multiply would round it away
    const one = d(1 + 2 ** -52);
    let r = fp([FMADD_D], [one, one, d(-(1 + 2 ** -51))]);
    expect(r.v[0]).toBe(d(2 ** -104));
    expect(r.fpsr).toBe(0);
    r = fp([FMADD_S], [s(1 + 2 ** -23), s(1 + 2 ** -23), s(-(1 + 2 ** -22))]);
    expect(r.v[0]).toBe(s(2 ** -46));
    // 2^53 + (1 + 2^-30): the exact sum lies above the tie 2^53 + 1, so it rounds up
    r = fp([FMADD_D], [d(1 + 2 ** -30), d(1), d(2 ** 53)]);
    expect(r.v[0]).toBe(d(2 ** 53 + 2));
    expect(r.fpsr).toBe(IXC);
    expect(fp([FMSUB_D], [d(2), d(3), d(10)]).v[0]).toBe(d(4)); // 10 - 2*3
    expect(fp([FNMADD_D], [d(2), d(3), d(10)]).v[0]).toBe(d(-16)); // -10 - 2*3
    expect(fp([FNMSUB_D], [d(2), d(3), d(10)]).v[0]).toBe(d(-4)); // -10 + 2*3
  });

  it('signed zeros follow the rounding mode', () => {
    const nz = d(-0);
    expect(fp([FADD_D], [nz, nz]).v[0]).toBe(nz);
    expect(fp([FADD_D], [0n, nz]).v[0]).toBe(0n);
    expect(fp([FADD_D], [0n, nz], { fpcr: RM }).v[0]).toBe(nz);
    expect(fp([FSUB_D], [d(1.5), d(1.5)]).v[0]).toBe(0n);
    expect(fp([FSUB_D], [d(1.5), d(1.5)], { fpcr: RM }).v[0]).toBe(nz);
    expect(fp([FMUL_D], [nz, d(5)]).v[0]).toBe(nz);
    expect(fp([FSQRT_D], [nz]).v[0]).toBe(nz);
    expect(fp([FMAX_D], [nz, 0n]).v[0]).toBe(0n);
    expect(fp([FMIN_D], [0n, nz]).v[0]).toBe(nz);
  });

  it('divide by zero and overflow', () => {
    let r = fp([FDIV_D], [d(1), 0n]);
    expect([r.v[0], r.fpsr]).toEqual([d(Infinity), DZC]);
    r = fp([FDIV_D], [d(-1), 0n]);
    expect([r.v[0], r.fpsr]).toEqual([d(-Infinity), DZC]);
    const max = d(Number.MAX_VALUE);
    r = fp([FMUL_D], [max, d(2)]);
    expect([r.v[0], r.fpsr]).toEqual([d(Infinity), OFC | IXC]);
    r = fp([FMUL_D], [max, d(2)], { fpcr: RZ });
    expect([r.v[0], r.fpsr]).toEqual([max, OFC | IXC]);
    r = fp([FMUL_D], [max, d(-2)], { fpcr: RP }); // overflow toward -inf rounds to -max under RP
    expect([r.v[0], r.fpsr]).toEqual([d(-Number.MAX_VALUE), OFC | IXC]);
  });

  it('denormals: exact sums, underflow, and flush-to-zero', () => {
    expect(fp([FADD_D], [1n, 1n]).v[0]).toBe(2n);
    expect(fp([FADD_D], [1n, 1n]).fpsr).toBe(0);
    let r = fp([FDIV_D], [1n, d(2)]); // half the smallest denormal: tie to even 0
    expect([r.v[0], r.fpsr]).toEqual([0n, UFC | IXC]);
    r = fp([FMUL_D], [d(2 ** -1000), d(2 ** -60)]); // tiny but exact
    expect([r.v[0], r.fpsr]).toEqual([d(2 ** -1060), 0]);
    // FZ: a denormal input is zero (IDC); a tiny result is flushed (UFC)
    r = fp([FADD_D], [1n, d(2 ** -1022)], { fpcr: FZ });
    expect([r.v[0], r.fpsr]).toEqual([d(2 ** -1022), IDC]);
    r = fp([FMUL_D], [d(1.5 * 2 ** -1022), d(0.5)], { fpcr: FZ });
    expect([r.v[0], r.fpsr]).toEqual([0n, UFC]);
    r = fp([FMUL_S], [s(2 ** -100), s(2 ** -30)], { fpcr: FZ });
    expect([r.v[0], r.fpsr]).toEqual([0n, UFC]);
  });

  it('directed rounding modes', () => {
    const third = (mode: number): bigint => fp([FDIV_D], [d(1), d(3)], { fpcr: mode }).v[0];
    expect(third(0)).toBe(d(1 / 3));
    expect(third(RP)).toBe(d(1 / 3) + 1n); // 1/3 rounds down to nearest, so RP is one ulp above
    expect(third(RM)).toBe(d(1 / 3));
    expect(third(RZ)).toBe(d(1 / 3));
    expect(fp([FADD_S], [s(1), s(2 ** -30)], { fpcr: RP }).v[0]).toBe(s(1) + 1n);
    expect(fp([FSUB_D], [d(-1), d(2 ** -60)], { fpcr: RM }).v[0]).toBe(d(-1) + 1n);
  });

  it('min/max and the NaN-ignoring minNum/maxNum', () => {
    expect(fp([FMAX_D], [d(-3), d(2)]).v[0]).toBe(d(2));
    expect(fp([FMIN_D], [d(-3), d(2)]).v[0]).toBe(d(-3));
    expect(fp([FMAX_D], [QNAN1, d(1)]).v[0]).toBe(QNAN1);
    expect(fp([FMAXNM_D], [QNAN1, d(1)]).v[0]).toBe(d(1));
    const r = fp([FMINNM_D], [d(1), 0x7ff0000000000001n]); // a signalling NaN still propagates
    expect([r.v[0], r.fpsr]).toEqual([0x7ff8000000000001n, IOC]);
  });

  it('FABS, FNEG and FMOV are bit operations (no NaN processing)', () => {
    let r = fp([FABS_D], [0xfff0000000000001n]);
    expect([r.v[0], r.fpsr]).toEqual([0x7ff0000000000001n, 0]);
    expect(fp([FNEG_S], [0x7f800001n]).v[0]).toBe(0xff800001n);
    expect(fp([FMOV_D], [0xfff0000000000001n]).v[0]).toBe(0xfff0000000000001n);
    r = fp([FMOV_H], [0xabcd1234n]);
    expect(r.v[0]).toBe(0x1234n);
  });
});

describe('FP compares and flags', () => {
  const FCMP_D = 0x1e612000; // fcmp d0, d1
  const FCMPE_D = 0x1e612010; // fcmpe d0, d1
  const FCMP_D0 = 0x1e602008; // fcmp d0, #0.0
  const FCMP_S = 0x1e212000; // fcmp s0, s1
  const MOV1 = 0xd2800020; // movz x0, #1
  const MOV0 = 0xd2800000; // movz x0, #0
  const B_NEXT = 0x14000001; // b .+4 (ends the block)
  // b.<cond> .+8, conditions 0..13
  const B_COND = [0x54000040, 0x54000041, 0x54000042, 0x54000043, 0x54000044, 0x54000045, 0x54000046,
    0x54000047, 0x54000048, 0x54000049, 0x5400004a, 0x5400004b, 0x5400004c, 0x5400004d];
  const NAMES = ['eq', 'ne', 'cs', 'cc', 'mi', 'pl', 'vs', 'vc', 'hi', 'ls', 'ge', 'lt', 'gt', 'le'];

  /** ConditionHolds from the ARM ARM, on an NZCV nibble. */
  function holds(cond: number, nzcv: number): boolean {
    const n = (nzcv >> 3) & 1, z = (nzcv >> 2) & 1, c = (nzcv >> 1) & 1, v = nzcv & 1;
    const base = [z === 1, c === 1, n === 1, v === 1, c === 1 && z === 0, n === v, z === 0 && n === v][cond >> 1];
    return cond & 1 ? !base : base;
  }

  const RELATIONS: [string, bigint, bigint, number][] = [
    ['less', d(1), d(2), 0b1000],
    ['equal', d(2), d(2), 0b0110],
    ['greater', d(2), d(1), 0b0010],
    ['unordered', DEFAULT_NAN, d(1), 0b0011],
    ['-0 == +0', d(-0), 0n, 0b0110],
    ['-inf < denormal', d(-Infinity), 1n, 0b1000],
  ];

  for (const [what, a, b, nzcv] of RELATIONS) {
    it(`FCMP ${what} sets NZCV=${nzcv.toString(2).padStart(4, '0')}; B.cond reads it in and across blocks`, () => {
      for (let cond = 0; cond < 14; cond++) {
        const want = holds(cond, nzcv) ? 1n : 0n;
        const same = runA64([MOV1, FCMP_D, B_COND[cond], MOV0], { v: { 0: a, 1: b } });
        expect(same.x[0], `b.${NAMES[cond]} in block`).toBe(want);
        expect(same.nzcv).toBe(nzcv);
        const across = runA64([MOV1, FCMP_D, B_NEXT, B_COND[cond], MOV0], { v: { 0: a, 1: b } });
        expect(across.x[0], `b.${NAMES[cond]} across blocks`).toBe(want);
      }
    });
  }

  it('FCMP feeds B.cond in a hot loop (compiled as one region), in and across blocks', () => {
    // movz x0, #0; movz x1, #100; 1: fcmp d0, d1; b.<cond> 2f; add x0, x0, #1; 2: subs x1, x1, #1; b.ne 1b
    const inBlock = (cond: number): number[] => [0xd2800000, 0xd2800c81, FCMP_D, B_COND[cond], 0x91000400, 0xf1000421, 0x54ffff81];
    // the same with "b .+4" between the fcmp and the b.<cond>
    const across = (cond: number): number[] => [0xd2800000, 0xd2800c81, FCMP_D, B_NEXT, B_COND[cond], 0x91000400, 0xf1000421, 0x54ffff61];
    for (const [, a, b, nzcv] of RELATIONS) {
      for (let cond = 0; cond < 14; cond++) {
        const notTaken = holds(cond, nzcv) ? 0n : 100n;
        expect(runA64(inBlock(cond), { v: { 0: a, 1: b } }).x[0], `b.${NAMES[cond]} nzcv=${nzcv}`).toBe(notTaken);
        expect(runA64(across(cond), { v: { 0: a, 1: b } }).x[0], `b.${NAMES[cond]} nzcv=${nzcv} across`).toBe(notTaken);
      }
    }
  });

  it('FCMP raises IOC only for signalling NaNs; FCMPE for any NaN', () => {
    expect(runA64([FCMP_D], { v: { 0: QNAN1, 1: d(1) } }).fpsr).toBe(0);
    expect(runA64([FCMP_D], { v: { 0: d(1), 1: SNAN2 } }).fpsr).toBe(IOC);
    expect(runA64([FCMPE_D], { v: { 0: QNAN1, 1: d(1) } }).fpsr).toBe(IOC);
    expect(runA64([FCMPE_D], { v: { 0: d(1), 1: d(2) } }).fpsr).toBe(0);
  });

  it('FCMP with zero and in single precision; FZ compares denormals as zero', () => {
    expect(runA64([FCMP_D0], { v: { 0: d(-5) } }).nzcv).toBe(0b1000);
    expect(runA64([FCMP_D0], { v: { 0: d(-0) } }).nzcv).toBe(0b0110);
    expect(runA64([FCMP_D0], { v: { 0: 1n } }).nzcv).toBe(0b0010);
    const r = runA64([FCMP_D0], { v: { 0: 1n }, fpcr: FZ });
    expect([r.nzcv, r.fpsr]).toEqual([0b0110, IDC]);
    expect(runA64([FCMP_S], { v: { 0: s(1.5), 1: s(-2) } }).nzcv).toBe(0b0010);
  });

  it('FCCMP compares when the condition holds, else sets the immediate NZCV', () => {
    const FCCMP = 0x1e610409; // fccmp d0, d1, #0x9, eq
    const FCCMPE = 0x1e610419; // fccmpe d0, d1, #0x9, eq
    expect(runA64([FCCMP], { v: { 0: d(1), 1: d(2) }, nzcv: 0b0100 }).nzcv).toBe(0b1000);
    expect(runA64([FCCMP], { v: { 0: d(1), 1: d(2) }, nzcv: 0b0000 }).nzcv).toBe(0b1001);
    // a false condition skips the compare and its exceptions
    expect(runA64([FCCMPE], { v: { 0: QNAN1, 1: d(2) }, nzcv: 0 }).fpsr).toBe(0);
    const r = runA64([FCCMPE], { v: { 0: QNAN1, 1: d(2) }, nzcv: 0b0100 });
    expect([r.nzcv, r.fpsr]).toEqual([0b0011, IOC]);
  });

  it('FCSEL picks by condition, bit-exactly', () => {
    const FCSEL_GT = 0x1e62cc20; // fcsel d0, d1, d2, gt
    const FCSEL_VS = 0x1e226c20; // fcsel s0, s1, s2, vs
    expect(fp([FCSEL_GT], [0x7ff0000000000001n, d(2)], { nzcv: 0b0000 }).v[0]).toBe(0x7ff0000000000001n);
    expect(fp([FCSEL_GT], [0x7ff0000000000001n, d(2)], { nzcv: 0b0100 }).v[0]).toBe(d(2));
    expect(fp([FCSEL_VS], [s(1), s(2)], { nzcv: 0b0001 }).v[0]).toBe(s(1));
    // after an FCMP in the same block
    expect(fp([0x1e622020, FCSEL_GT], [d(3), d(2)]).v[0]).toBe(d(3)); // fcmp d1, d2; fcsel
  });
});

describe('FP conversions', () => {
  // fcvt<mode><s|u> <w|x>0, d1
  const CVT: Record<string, number> = {
    'fcvtns w': 0x1e600020, 'fcvtnu w': 0x1e610020, 'fcvtps w': 0x1e680020, 'fcvtpu w': 0x1e690020,
    'fcvtms w': 0x1e700020, 'fcvtmu w': 0x1e710020, 'fcvtzs w': 0x1e780020, 'fcvtzu w': 0x1e790020,
    'fcvtas w': 0x1e640020, 'fcvtau w': 0x1e650020,
    'fcvtns x': 0x9e600020, 'fcvtnu x': 0x9e610020, 'fcvtps x': 0x9e680020, 'fcvtpu x': 0x9e690020,
    'fcvtms x': 0x9e700020, 'fcvtmu x': 0x9e710020, 'fcvtzs x': 0x9e780020, 'fcvtzu x': 0x9e790020,
    'fcvtas x': 0x9e640020, 'fcvtau x': 0x9e650020,
  };
  const INPUTS = [2 ** 31, 2 ** 31 - 1, 2 ** 31 - 0.5, -(2 ** 31), -(2 ** 31) - 1, -(2 ** 31) - 0.5, 2 ** 32,
    2 ** 32 - 0.5, 4294967295.5, 2 ** 63, -(2 ** 63), 2 ** 63 - 1024, 2 ** 64, NaN, -0.5, 0.5, 1.5, 2.5, -1.5,
    -2.5, -1, -0, Infinity, -Infinity, 5e-324, 123456.75];

  /** FPToFixed from the ARM ARM, with BigInt: the exact value rounded, then saturated. */
  function expected(x: number, mode: string, unsigned: boolean, bits: number): [bigint, number] {
    if (Number.isNaN(x)) return [0n, IOC];
    const lo = unsigned ? 0n : -(1n << BigInt(bits - 1));
    const hi = unsigned ? (1n << BigInt(bits)) - 1n : (1n << BigInt(bits - 1)) - 1n;
    let int: bigint;
    let inexact = false;
    if (!Number.isFinite(x)) {
      int = x > 0 ? hi + 1n : lo - 1n;
    } else {
      // x = mant * 2^exp exactly
      const b = d(x);
      const e = Number((b >> 52n) & 0x7ffn);
      const mant = (b & ((1n << 52n) - 1n)) | (e ? 1n << 52n : 0n);
      const exp = (e || 1) - 1075;
      const v = x < 0 ? -mant : mant;
      const floor = exp >= 0 ? v << BigInt(exp) : v >> BigInt(-exp);
      const rem = exp >= 0 ? 0n : v - (floor << BigInt(-exp)); // in units of 2^exp
      const half = exp >= 0 ? 1n : 1n << BigInt(-exp - 1);
      inexact = rem !== 0n;
      let up: boolean;
      switch (mode) {
        case 'n': up = rem > half || (rem === half && (floor & 1n) === 1n); break;
        case 'a': up = rem > half || (rem === half && x > 0); break;
        case 'p': up = rem !== 0n; break;
        case 'm': up = false; break;
        default: up = rem !== 0n && floor < 0n;
      }
      int = up ? floor + 1n : floor;
    }
    if (int < lo || int > hi) return [BigInt.asUintN(bits, int < lo ? lo : hi), IOC];
    return [BigInt.asUintN(bits, int), inexact ? IXC : 0];
  }

  for (const [name, word] of Object.entries(CVT)) {
    it(`${name}0, d1 rounds and saturates per FPToFixed`, () => {
      const mode = name[4], unsigned = name[5] === 'u', bits = name.endsWith('x') ? 64 : 32;
      for (const x of INPUTS) {
        const r = runA64([word], { v: { 1: d(x) }, x: { 0: 0x5555_5555_5555_5555n } });
        const [value, flags] = expected(x, mode, unsigned, bits);
        expect([r.x[0], r.fpsr], `${name} of ${x}`).toEqual([value, flags]);
      }
    });
  }

  it('rounding variants on the classic halves', () => {
    // fcvtns/fcvtas/fcvtms/fcvtps/fcvtzs w0 of 0.5, 1.5, 2.5, -0.5, -1.5, -2.5
    const halves = [0.5, 1.5, 2.5, -0.5, -1.5, -2.5];
    const want: Record<string, number[]> = {
      'fcvtns w': [0, 2, 2, 0, -2, -2],
      'fcvtas w': [1, 2, 3, -1, -2, -3],
      'fcvtms w': [0, 1, 2, -1, -2, -3],
      'fcvtps w': [1, 2, 3, 0, -1, -2],
      'fcvtzs w': [0, 1, 2, 0, -1, -2],
    };
    for (const [name, values] of Object.entries(want)) {
      halves.forEach((x, i) => {
        const r = runA64([CVT[name]], { v: { 1: d(x) } });
        expect(r.x[0], `${name} ${x}`).toBe(BigInt.asUintN(32, BigInt(values[i])));
        expect(r.fpsr).toBe(IXC);
      });
    }
  });

  it('single-precision and FZ sources', () => {
    const FCVTZS_XS = 0x9e380020; // fcvtzs x0, s1
    expect(runA64([FCVTZS_XS], { v: { 1: s(-(2 ** 40)) } }).x[0]).toBe(u64(-(2n ** 40n)));
    const r = runA64([CVT['fcvtps w']], { v: { 1: 1n }, fpcr: FZ }); // denormal flushed: 0, IDC not IXC
    expect([r.x[0], r.fpsr]).toEqual([0n, IDC]);
  });

  it('fixed-point FCVTZS/FCVTZU and SCVTF/UCVTF', () => {
    const FCVTZS_W3 = 0x1e58f420; // fcvtzs w0, d1, #3
    const FCVTZU_X64 = 0x9e590020; // fcvtzu x0, d1, #64
    const FCVTZS_W31 = 0x1e588420; // fcvtzs w0, d1, #31
    const FCVTZS_XS32 = 0x9e188020; // fcvtzs x0, s1, #32
    let r = runA64([FCVTZS_W3], { v: { 1: d(1.3) } });
    expect([r.x[0], r.fpsr]).toEqual([10n, IXC]); // 10.4 truncated
    r = runA64([FCVTZS_W3], { v: { 1: d(-2.25) } });
    expect([r.x[0], r.fpsr]).toEqual([u64(-18n) & 0xffffffffn, 0]);
    r = runA64([FCVTZU_X64], { v: { 1: d(0.5) } });
    expect(r.x[0]).toBe(1n << 63n);
    r = runA64([FCVTZS_W31], { v: { 1: d(1) } }); // 2^31 saturates
    expect([r.x[0], r.fpsr]).toEqual([0x7fffffffn, IOC]);
    r = runA64([FCVTZS_XS32], { v: { 1: s(-1.5) } });
    expect(r.x[0]).toBe(u64(-(3n << 31n)));

    const SCVTF_DW3 = 0x1e42f420; // scvtf d0, w1, #3
    const UCVTF_SX64 = 0x9e030020; // ucvtf s0, x1, #64
    const SCVTF_DX32 = 0x9e428020; // scvtf d0, x1, #32
    expect(runA64([SCVTF_DW3], { x: { 1: 0xfffffff4n } }).v[0]).toBe(d(-1.5)); // -12 / 8
    expect(runA64([UCVTF_SX64], { x: { 1: 1n << 63n } }).v[0]).toBe(s(0.5));
    expect(runA64([SCVTF_DX32], { x: { 1: u64(-(5n << 31n)) } }).v[0]).toBe(d(-2.5));
  });

  it('SCVTF/UCVTF round once and raise IXC when inexact', () => {
    const SCVTF_DX = 0x9e620020; // scvtf d0, x1
    const UCVTF_DX = 0x9e630020; // ucvtf d0, x1
    const SCVTF_SX = 0x9e220020; // scvtf s0, x1
    const SCVTF_SW = 0x1e220020; // scvtf s0, w1
    let r = runA64([SCVTF_DX], { x: { 1: (1n << 62n) + 1n } });
    expect([r.v[0], r.fpsr]).toEqual([d(2 ** 62), IXC]);
    r = runA64([UCVTF_DX], { x: { 1: M64 } });
    expect([r.v[0], r.fpsr]).toEqual([d(2 ** 64), IXC]);
    r = runA64([SCVTF_DX], { x: { 1: u64(-(2n ** 53n)) } });
    expect([r.v[0], r.fpsr]).toEqual([d(-(2 ** 53)), 0]);
    // 2^60 + 2^36 + 1: rounding through double first would land on the tie and round to even
    r = runA64([SCVTF_SX], { x: { 1: (1n << 60n) + (1n << 36n) + 1n } });
    expect([r.v[0], r.fpsr]).toEqual([s(2 ** 60 + 2 ** 37), IXC]);
    r = runA64([SCVTF_SW], { x: { 1: 16777217n } });
    expect([r.v[0], r.fpsr]).toEqual([s(16777216), IXC]);
    r = runA64([SCVTF_SW], { x: { 1: 16777217n }, fpcr: RP });
    expect(r.v[0]).toBe(s(16777218));
  });

  it('FCVT between half, single and double', () => {
    const FCVT_SD = 0x1e624020; // fcvt s0, d1
    const FCVT_DS = 0x1e22c020; // fcvt d0, s1
    const FCVT_HS = 0x1e23c020; // fcvt h0, s1
    const FCVT_SH = 0x1ee24020; // fcvt s0, h1
    const FCVT_HD = 0x1e63c020; // fcvt h0, d1
    const FCVT_DH = 0x1ee2c020; // fcvt d0, h1
    let r = fp([FCVT_SD], [d(0.1)]);
    expect([r.v[0], r.fpsr]).toEqual([s(0.1), IXC]);
    r = fp([FCVT_SD], [d(1e300)]);
    expect([r.v[0], r.fpsr]).toEqual([s(Infinity), OFC | IXC]);
    r = fp([FCVT_SD], [d(1e-40)]); // a single denormal: inexact and tiny
    expect([r.v[0], r.fpsr]).toEqual([s(1e-40), UFC | IXC]);
    r = fp([FCVT_SD], [0x7ff4000000000123n]); // SNaN: quietened, top payload bits kept
    expect([r.v[0], r.fpsr]).toEqual([0x7fe00000n, IOC]);
    r = fp([FCVT_DS], [0xffc00001n]);
    expect([r.v[0], r.fpsr]).toEqual([0xfff8000020000000n, 0]);
    expect(fp([FCVT_DS], [s(-0.375)]).v[0]).toBe(d(-0.375));
    expect(fp([FCVT_HS], [s(1)]).v[0]).toBe(0x3c00n);
    expect(fp([FCVT_HS], [s(65504)]).v[0]).toBe(0x7bffn);
    r = fp([FCVT_HS], [s(65520)]); // rounds past the largest half
    expect([r.v[0], r.fpsr]).toEqual([0x7c00n, OFC | IXC]);
    r = fp([FCVT_HS], [s(65520)], { fpcr: AHP }); // alternative half: no infinity, 131008 is representable
    expect([r.v[0], r.fpsr]).toEqual([0x7c00n, IXC]);
    r = fp([FCVT_HS], [s(Infinity)], { fpcr: AHP });
    expect([r.v[0], r.fpsr]).toEqual([0x7fffn, IOC]);
    expect(fp([FCVT_SH], [0x7c00n]).v[0]).toBe(s(Infinity));
    expect(fp([FCVT_SH], [0x7c00n], { fpcr: AHP }).v[0]).toBe(s(65536));
    expect(fp([FCVT_SH], [0x0001n], { fpcr: FZ16 | FZ }).v[0]).toBe(s(2 ** -24)); // conversions ignore FZ16
    r = fp([FCVT_SH], [0x7d01n]);
    expect([r.v[0], r.fpsr]).toEqual([0x7fe02000n, IOC]);
    expect(fp([FCVT_HD], [d(-2.5)]).v[0]).toBe(0xc100n);
    expect(fp([FCVT_DH], [0xc100n]).v[0]).toBe(d(-2.5));
  });

  it('FRINT variants; FRINTX raises IXC when the value changes', () => {
    // frint<n,p,m,z,a,x,i> d0, d1
    const FRINT = { n: 0x1e644020, p: 0x1e64c020, m: 0x1e654020, z: 0x1e65c020, a: 0x1e664020, x: 0x1e674020, i: 0x1e67c020 };
    const table: [number, Record<string, number>][] = [
      [2.5, { n: 2, p: 3, m: 2, z: 2, a: 3, x: 2, i: 2 }],
      [-2.5, { n: -2, p: -2, m: -3, z: -2, a: -3, x: -2, i: -2 }],
      [0.5, { n: 0, p: 1, m: 0, z: 0, a: 1, x: 0, i: 0 }],
      [-0.25, { n: -0, p: -0, m: -1, z: -0, a: -0, x: -0, i: -0 }],
      [3.75, { n: 4, p: 4, m: 3, z: 3, a: 4, x: 4, i: 4 }],
      [2 ** 52 + 1, { n: 2 ** 52 + 1, p: 2 ** 52 + 1, m: 2 ** 52 + 1, z: 2 ** 52 + 1, a: 2 ** 52 + 1, x: 2 ** 52 + 1, i: 2 ** 52 + 1 }],
    ];
    for (const [x, want] of table) {
      for (const [k, word] of Object.entries(FRINT)) {
        const r = fp([word], [d(x)]);
        expect(r.v[0], `frint${k} ${x}`).toBe(d(want[k]));
        expect(r.fpsr, `frint${k} ${x} flags`).toBe(k === 'x' && want[k] !== x ? IXC : 0);
      }
    }
    expect(fp([FRINT.x], [d(2.5)], { fpcr: RP }).v[0]).toBe(d(3));
    expect(fp([FRINT.i], [d(2.5)], { fpcr: RM }).v[0]).toBe(d(2));
    expect(fp([FRINT.x], [d(-2.5)], { fpcr: RZ }).v[0]).toBe(d(-2));
    const r = fp([FRINT.n], [0x7ff0000000000001n]);
    expect([r.v[0], r.fpsr]).toEqual([0x7ff8000000000001n, IOC]);
    expect(fp([0x1e264020], [s(-2.5)]).v[0]).toBe(s(-3)); // frinta s0, s1
  });
});

describe('FMOV', () => {
  it('immediates expand with VFPExpandImm', () => {
    expect(runA64([0x1e6e1000]).v[0]).toBe(d(1)); // fmov d0, #1.0
    expect(runA64([0x1e381000]).v[0]).toBe(s(-0.125)); // fmov s0, #-0.125
    expect(runA64([0x1ee7f000]).v[0]).toBe(0x4fc0n); // fmov h0, #31.0
    expect(runA64([0x1e683000]).v[0]).toBe(d(0.1328125)); // fmov d0, #0.1328125
    expect(runA64([0x1e77f000], { v: { 0: ONES } }).v[0]).toBe(d(-31)); // fmov d0, #-31.0
  });

  it('moves between general and FP registers', () => {
    const x1 = 0x0123_4567_89ab_cdefn;
    expect(runA64([0x1e260020], { v: { 1: ONES } }).x[0]).toBe(0xffffffffn); // fmov w0, s1
    expect(runA64([0x1e270020], { x: { 1: x1 }, v: { 0: ONES } }).v[0]).toBe(0x89abcdefn); // fmov s0, w1
    expect(runA64([0x9e660020], { v: { 1: (5n << 64n) | x1 } }).x[0]).toBe(x1); // fmov x0, d1
    expect(runA64([0x9e670020], { x: { 1: x1 }, v: { 0: ONES } }).v[0]).toBe(x1); // fmov d0, x1
    expect(runA64([0x9eae0020], { v: { 1: (x1 << 64n) | 7n } }).x[0]).toBe(x1); // fmov x0, v1.d[1]
    // fmov v0.d[1], x1 writes only the top half
    expect(runA64([0x9eaf0020], { x: { 1: x1 }, v: { 0: ONES } }).v[0]).toBe((x1 << 64n) | M64);
    expect(runA64([0x1ee70020], { x: { 1: x1 }, v: { 0: ONES } }).v[0]).toBe(0xcdefn); // fmov h0, w1
    expect(runA64([0x1ee60020], { v: { 1: ONES } }).x[0]).toBe(0xffffn); // fmov w0, h1
  });
});

describe('unallocated scalar FP encodings are undefined', () => {
  it.each([
    ['fcvt d0, d1 (same precision)', 0x1e62c020],
    ['ftype 10 fadd', 0x1ea22820],
    ['fmov w0, d1 (size mismatch)', 0x1e660020],
    ['scvtf d0, w1, #33 (scale < 32 for W)', 0x1e427c20],
    ['FP 2-source opcode 9', 0x1e629820],
    ['FP 1-source opcode 20', 0x1e2a4020],
    ['FRINT32Z of a half (only S and D exist)', 0x1ee84020],
  ])('%s', (_name, word) => {
    const r = runA64([word]);
    expect(r.exit).toBe(Exit.Illegal);
  });
});
