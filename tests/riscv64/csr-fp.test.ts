// Zicsr and the FP state by hand: fflags/frm/fcsr through every CSR instruction form, the
// counters, the dynamic rounding mode (an invalid frm makes dynamic-rm instructions
// illegal), and the FP loads, stores and moves with NaN-boxing.
import { describe, expect, it } from 'vitest';
import { Exit } from '../../src/translate/cpu-state.js';
import { DATA, runRv } from './driver.js';

const D = BigInt(DATA);
const GARBAGE = 0xdeadbeefdeadbeefn;

describe('fcsr', () => {
  it('csrrw/csrrs/csrrc and the immediate forms read the old value and write the fields', () => {
    const cases: [number, number, number, bigint, bigint, number, number][] = [
      // [word, fflags, frm, a1, want a0, want fflags, want frm]
      [0x00359573, 0x1f, 4, 0x1abn, 0x9fn, 0x0b, 5], // fscsr a0,a1: fcsr = 0x1ab & 0xff
      [0x0015a573, 0x01, 0, 0x16n, 0x01n, 0x17, 0], // csrrs a0,fflags,a1
      [0x0015b573, 0x1f, 3, 0x16n, 0x1fn, 0x09, 3], // csrrc a0,fflags,a1
      [0x0022d573, 0x05, 1, 0n, 1n, 0x05, 5], // fsrmi a0,5 (an invalid frm can be written)
      [0x0011e573, 0x10, 0, 0n, 0x10n, 0x13, 0], // csrrsi a0,fflags,3
      [0x0010f573, 0x1f, 0, 0n, 0x1fn, 0x1e, 0], // csrrci a0,fflags,1
      [0x00202573, 0x1f, 2, 0n, 2n, 0x1f, 2], // frrm a0
      [0x00302573, 0x15, 3, 0n, 0x75n, 0x15, 3], // frcsr a0
    ];
    for (const [word, fflags, frm, a1, a0, wantFlags, wantFrm] of cases) {
      for (const tier of ['step', 'region'] as const) {
        const r = runRv([word], { x: { 10: GARBAGE, 11: a1 }, fflags, frm }, tier);
        expect([r.x[10], r.fflags, r.frm], `${word.toString(16)} ${tier}`).toEqual([a0, wantFlags, wantFrm]);
      }
    }
  });

  it('the counters read as increasing 64-bit values', () => {
    const r = runRv([0xc00025f3 /* rdcycle a1 */, 0xc0202673 /* rdinstret a2 */, 0xc0102573 /* rdtime a0 */, 0xc00026f3 /* rdcycle a3 */]);
    expect(r.x[11]).toBeGreaterThan(0n);
    expect(r.x[13]).toBeGreaterThanOrEqual(r.x[11]);
    expect(r.x[12]).toBeGreaterThanOrEqual(r.x[11]);
    expect(r.x[10]).toBeLessThan(r.x[13]); // time runs at 10 MHz, cycle at 1 GHz
  });

  it('an invalid frm makes dynamic-rounding instructions illegal, not static ones', () => {
    for (const frm of [5, 6, 7]) {
      for (const tier of ['step', 'region'] as const) {
        expect(runRv([0x0220f053 /* fadd.d ft0,ft1,ft2 (dyn) */], { frm }, tier).exit).toBe(Exit.Illegal);
        expect(runRv([0xc220f553 /* fcvt.l.d a0,ft1 (dyn) */], { frm }, tier).exit).toBe(Exit.Illegal);
        expect(runRv([0xd2058053 /* fcvt.d.w ft0,a1 (rne) */], { frm }, tier).exit).toBe(Exit.Syscall);
      }
    }
  });

  it('frm selects the rounding of dynamic-rm arithmetic', () => {
    const one = 0x3ff0000000000000n, three = 0x4008000000000000n;
    const want = [0x3fd5555555555555n, 0x3fd5555555555555n, 0x3fd5555555555555n, 0x3fd5555555555556n, 0x3fd5555555555555n];
    for (let frm = 0; frm < 5; frm++) {
      // fdiv.d ft0,ft1,ft2 with dyn rm
      const r = runRv([0x1a20f053], { f: { 1: one, 2: three }, frm });
      expect(r.f[0], `frm ${frm}`).toBe(want[frm]);
      expect(r.fflags).toBe(1);
    }
  });
});

describe('FP loads, stores and moves', () => {
  const data = new Uint8Array(0x100);
  new DataView(data.buffer).setBigUint64(0, 0x1122334440490fdbn, true);
  new DataView(data.buffer).setBigUint64(16, 0x400921fb54442d18n, true);

  it('flw NaN-boxes, fld loads all 64 bits, fsw/fsd store the raw bits (unboxed ones too)', () => {
    for (const tier of ['step', 'region'] as const) {
      const r = runRv([
        0x0005a007, // flw ft0,0(a1)
        0x0015a427, // fsw ft1,8(a1)   ft1 is not NaN-boxed: its low word is stored as is
        0x0105b107, // fld ft2,16(a1)
        0x0035bc27, // fsd ft3,24(a1)
      ], { x: { 11: D }, f: { 1: 0x12345678cafef00dn, 3: 0xfff0000000000001n }, data }, tier);
      expect(r.f[0]).toBe(0xffffffff40490fdbn);
      expect(r.mem.view.getUint32(DATA + 8, true)).toBe(0xcafef00d);
      expect(r.f[2]).toBe(0x400921fb54442d18n);
      expect(r.mem.view.getBigUint64(DATA + 24, true)).toBe(0xfff0000000000001n);
    }
  });

  it('fld and fsd keep NaN payloads bit for bit (doubles move as float64 only when not NaN)', () => {
    const nans = new Uint8Array(0x100);
    const dv = new DataView(nans.buffer);
    dv.setBigUint64(0, 0x7ff0000000000001n, true); // signalling
    dv.setBigUint64(8, 0xfff8000000abcdefn, true); // quiet, negative, with payload
    dv.setBigUint64(16, 0x8000000000000000n, true); // -0
    for (const tier of ['step', 'region'] as const) {
      const r = runRv([
        0x0005b007, // fld ft0,0(a1)
        0x0085b087, // fld ft1,8(a1)
        0x0105b107, // fld ft2,16(a1)
        0x0205bc27, // fsd ft0,56(a1)
        0x0415b027, // fsd ft1,64(a1)
        0x0425b427, // fsd ft2,72(a1)
      ], { x: { 11: D }, data: nans }, tier);
      expect([r.f[0], r.f[1], r.f[2]], tier).toEqual([0x7ff0000000000001n, 0xfff8000000abcdefn, 0x8000000000000000n]);
      expect([56, 64, 72].map((o) => r.mem.view.getBigUint64(DATA + o, true)), tier).toEqual([0x7ff0000000000001n, 0xfff8000000abcdefn, 0x8000000000000000n]);
    }
  });

  it('fmv.w.x NaN-boxes; fmv.x.w sign-extends the low word whatever the boxing', () => {
    const r = runRv([0xf0058053 /* fmv.w.x ft0,a1 */, 0xe0008553 /* fmv.x.w a0,ft1 */], { x: { 11: 0x12345678c0000000n }, f: { 1: 0x00000000bf800000n } });
    expect(r.f[0]).toBe(0xffffffffc0000000n);
    expect(r.x[10]).toBe(0xffffffffbf800000n);
  });

  it('a faulting FP load leaves the register alone', () => {
    expect(() => runRv([0x0005a007], { x: { 11: 0x10n } })).toThrow(/fault/);
  });
});
