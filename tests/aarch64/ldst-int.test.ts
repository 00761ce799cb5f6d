// Integer loads and stores: every addressing mode, width and sign extension, writeback,
// literals, prefetch and pairs. Words from aarch64-linux-gnu-as; results cross-checked
// against qemu-aarch64.
import { describe, expect, it } from 'vitest';
import { Exit } from '../../src/translate/cpu-state.js';
import { CODE, DATA, runA64 } from './driver.js';
import { M64, firstDifference, le, pattern, sx, sx32 } from './ldst-util.js';

const D = BigInt(DATA);
const GARBAGE = 0xdeadbeef_deadbeefn;
/** Data page with known negative values at 0x100.. for the sign-extension cases. */
const data = pattern({ 0x100: 0x8899aabb_ccddeeffn, 0x108: 0x01234567_89abcdefn, 0x110: 0xfedcba98_76543210n }, 0x10000);
const at = (off: number, n: number): bigint => le(data, off, n);
const garbage = (from: number, to: number): Record<number, bigint> =>
  Object.fromEntries(Array.from({ length: to - from + 1 }, (_, i) => [from + i, GARBAGE]));

/** A copy of memory that a test updates the way the architecture says the stores do. */
function model(): { bytes: Uint8Array; put: (off: number, v: bigint, n: number) => void } {
  const bytes = data.slice();
  const put = (off: number, v: bigint, n: number): void => {
    for (let i = 0; i < n; i++) bytes[off + i] = Number((v >> BigInt(8 * i)) & 255n);
  };
  return { bytes, put };
}

const guestBytes = (r: { mem: { u8: Uint8Array } }): Uint8Array => r.mem.u8.subarray(DATA, DATA + 0x10000);

describe('aarch64 integer loads', () => {
  it('unsigned offset: every width and sign extension, W results clear the high half', () => {
    const r = runA64([
      0x39400c2a, // ldrb w10, [x1, #3]
      0x39c0142b, // ldrsb w11, [x1, #5]
      0x3980142c, // ldrsb x12, [x1, #5]
      0x79400c2d, // ldrh w13, [x1, #6]
      0x79c00c2e, // ldrsh w14, [x1, #6]
      0x79800c2f, // ldrsh x15, [x1, #6]
      0xb9400c30, // ldr w16, [x1, #12]
      0xb9800c31, // ldrsw x17, [x1, #12]
      0xf9400832, // ldr x18, [x1, #16]
      0x39bffc33, // ldrsb x19, [x1, #4095]
      0xf97ffc34, // ldr x20, [x1, #32760]
      0x797ffc35, // ldrh w21, [x1, #8190]
      0xb97ffff6, // ldr w22, [sp, #16380]
      0xb9800837, // ldrsw x23, [x1, #8]
      0x39400038, // ldrb w24, [x1]
    ], { x: { 1: D + 0x100n, ...garbage(10, 24) }, sp: D + 0x1000n, data });
    expect(r.x[10]).toBe(0xccn);
    expect(r.x[11]).toBe(0xffff_ffaan);
    expect(r.x[12]).toBe(0xffff_ffff_ffff_ffaan);
    expect(r.x[13]).toBe(0x8899n);
    expect(r.x[14]).toBe(0xffff_8899n);
    expect(r.x[15]).toBe(0xffff_ffff_ffff_8899n);
    expect(r.x[16]).toBe(0x0123_4567n);
    expect(r.x[17]).toBe(0x0123_4567n);
    expect(r.x[18]).toBe(0xfedcba98_76543210n);
    expect(r.x[19]).toBe(sx(at(0x100 + 4095, 1), 8));
    expect(r.x[20]).toBe(at(0x100 + 32760, 8));
    expect(r.x[21]).toBe(at(0x100 + 8190, 2));
    expect(r.x[22]).toBe(at(0x1000 + 16380, 4));
    expect(r.x[23]).toBe(0xffff_ffff_89ab_cdefn);
    expect(r.x[24]).toBe(0xffn);
  });

  it('unscaled, unprivileged (EL0: a normal access), pre- and post-index with writeback', () => {
    const r = runA64([
      0xf85ff02a, // ldur x10, [x1, #-1]
      0x789fd02b, // ldursh x11, [x1, #-3]
      0x38cff02c, // ldursb w12, [x1, #255]
      0x7840102d, // ldurh w13, [x1, #1]
      0xf840382e, // ldtr x14, [x1, #3]
      0xb890082f, // ldtrsw x15, [x1, #-256]
      0xb85fcc50, // ldr w16, [x2, #-4]!
      0x38900471, // ldrsb x17, [x3], #-256
      0x78c02c92, // ldrsh w18, [x4, #2]!
      0xf84ff4b3, // ldr x19, [x5], #255
      0x38400cd4, // ldrb w20, [x6, #0]!
    ], {
      x: { 1: D + 0x100n, 2: D + 0x200n, 3: D + 0x300n, 4: D + 0x400n, 5: D + 0x500n, 6: D + 0x600n, ...garbage(10, 20) },
      data,
    });
    expect(r.x[10]).toBe(at(0xff, 8));
    expect(r.x[11]).toBe(sx(at(0xfd, 2), 16));
    expect(r.x[12]).toBe(sx32(at(0x1ff, 1), 8));
    expect(r.x[13]).toBe(0xddeen);
    expect(r.x[14]).toBe(at(0x103, 8));
    expect(r.x[15]).toBe(sx(at(0, 4), 32));
    expect(r.x[16]).toBe(at(0x1fc, 4));
    expect(r.x[2]).toBe(D + 0x1fcn);
    expect(r.x[17]).toBe(sx(at(0x300, 1), 8));
    expect(r.x[3]).toBe(D + 0x200n);
    expect(r.x[18]).toBe(sx32(at(0x402, 2), 16));
    expect(r.x[4]).toBe(D + 0x402n);
    expect(r.x[19]).toBe(at(0x500, 8));
    expect(r.x[5]).toBe(D + 0x5ffn);
    expect(r.x[20]).toBe(at(0x600, 1));
    expect(r.x[6]).toBe(D + 0x600n);
    expect(r.x[1]).toBe(D + 0x100n);
  });

  it('register offset: LSL, UXTW, SXTW, SXTX, scaled and unscaled, 64-bit carry', () => {
    const r = runA64([
      0xf864682a, // ldr x10, [x1, x4]
      0xf864782b, // ldr x11, [x1, x4, lsl #3]
      0xb866c84c, // ldr w12, [x2, w6, sxtw]
      0xb866d84d, // ldr w13, [x2, w6, sxtw #2]
      0x7863f84e, // ldrh w14, [x2, x3, sxtx #1]
      0x38a5482f, // ldrsb x15, [x1, w5, uxtw]
      0x38647830, // ldrb w16, [x1, x4, lsl #0]
      0xf8637851, // ldr x17, [x2, x3, lsl #3]
      0xb8a55832, // ldrsw x18, [x1, w5, uxtw #2]
      0xf87f6833, // ldr x19, [x1, xzr]
      0x78a6d854, // ldrsh x20, [x2, w6, sxtw #1]
      0xf8636835, // ldr x21, [x1, x3]
      0xf8a36833, // prfm pstl2strm, [x1, x3]
      0xf8646bf6, // ldr x22, [sp, x4]
      0xf86868f7, // ldr x23, [x7, x8]
    ], {
      x: {
        1: D + 0x100n, 2: D + 0x200n, 3: M64 - 7n /* -8 */, 4: 0x10n,
        5: 0xdeadbeef_00000004n, // uxtw sees 4
        6: 0x12345678_fffffffen, // sxtw sees -2
        7: 0xffffffff_ffffff00n, 8: D + 0x400n, // the low halves carry into the high half
        ...garbage(10, 24),
      },
      sp: D + 0x800n,
      data,
    });
    expect(r.x[10]).toBe(at(0x110, 8));
    expect(r.x[11]).toBe(at(0x180, 8));
    expect(r.x[12]).toBe(at(0x1fe, 4));
    expect(r.x[13]).toBe(at(0x1f8, 4));
    expect(r.x[14]).toBe(at(0x1f0, 2));
    expect(r.x[15]).toBe(sx(at(0x104, 1), 8));
    expect(r.x[16]).toBe(at(0x110, 1));
    expect(r.x[17]).toBe(at(0x1c0, 8));
    expect(r.x[18]).toBe(sx(at(0x110, 4), 32));
    expect(r.x[19]).toBe(at(0x100, 8));
    expect(r.x[20]).toBe(sx(at(0x1fc, 2), 16));
    expect(r.x[21]).toBe(at(0xf8, 8));
    expect(r.x[22]).toBe(at(0x810, 8));
    expect(r.x[23]).toBe(at(0x300, 8));
  });

  it('literal loads: LDR W/X, LDRSW, PRFM, backward and forward', () => {
    const r = runA64([
      0x5800004d, // ldr x13, 2f
      0x14000005, // b 1f
      0x44332211, 0x88776655, 0xbbaa9988, 0xffeeddcc, // 2: .quad 0x8877665544332211, 0xffeeddccbbaa9988
      0x58ffff8a, // 1: ldr x10, 2b
      0x18ffff8b, // ldr w11, 2b+4
      0x98ffffac, // ldrsw x12, 2b+12
      0x98ffff2e, // ldrsw x14, 2b
      0xd8ffff00, // prfm pldl1keep, 2b
    ], { x: garbage(10, 14) });
    expect(r.x[13]).toBe(0x88776655_44332211n);
    expect(r.x[10]).toBe(0x88776655_44332211n);
    expect(r.x[11]).toBe(0x88776655n);
    expect(r.x[12]).toBe(0xffffffff_ffeeddccn);
    expect(r.x[14]).toBe(0x44332211n);
    expect(r.pc).toBe(CODE + 4 * 12);
  });

  it('prefetches never fault, whatever the address', () => {
    const r = runA64([
      0xf9800400, // prfm pldl1keep, [x0, #8]
      0xf8a16815, // prfm pstl3strm, [x0, x1]
      0xf89f8000, // prfum pldl1keep, [x0, #-8]
    ], { x: { 0: 0n, 1: 0x1234_5678_9abc_def0n } });
    expect(r.exit).toBe(Exit.Syscall);
  });
});

describe('aarch64 integer stores', () => {
  it('every width and addressing mode, with writeback', () => {
    const x7 = 0x11223344_55667788n, x8 = 0x99aabbcc_ddeeff00n;
    const r = runA64([
      0x39000027, // strb w7, [x1]
      0x79000827, // strh w7, [x1, #4]
      0xb9000827, // str w7, [x1, #8]
      0xf9000828, // str x8, [x1, #16]
      0x781fe028, // sturh w8, [x1, #-2]
      0xf8237847, // str x7, [x2, x3, lsl #3]
      0x3823c847, // strb w7, [x2, w3, sxtw]
      0xb8028828, // sttr w8, [x1, #40]
      0x781fc448, // strh w8, [x2], #-4
      0xf8030c27, // str x7, [x1, #48]!
      0xf900043f, // str xzr, [x1, #8]
      0xf81f83e8, // stur x8, [sp, #-8]
      0xb81f0fff, // str wzr, [sp, #-16]!
      0x78255827, // strh w7, [x1, w5, uxtw #1]
      0x381ff828, // sttrb w8, [x1, #-1]
    ], { x: { 1: D + 0x100n, 2: D + 0x200n, 3: M64 - 7n, 5: 0xffff_0000_0000_0004n, 7: x7, 8: x8 }, data });
    const m = model();
    m.put(0x100, x7, 1);
    m.put(0x104, x7, 2);
    m.put(0x108, x7, 4);
    m.put(0x110, x8, 8);
    m.put(0xfe, x8, 2);
    m.put(0x200 - 64, x7, 8);
    m.put(0x200 - 8, x7, 1);
    m.put(0x128, x8, 4);
    m.put(0x200, x8, 2);
    m.put(0x130, x7, 8); // x1 = 0x130 from here
    m.put(0x138, 0n, 8);
    m.put(0xfff8, x8, 8);
    m.put(0xfff0, 0n, 4);
    m.put(0x138, x7, 2);
    m.put(0x12f, x8, 1);
    expect(firstDifference(guestBytes(r), m.bytes)).toBe(-1);
    expect(r.x[1]).toBe(D + 0x130n);
    expect(r.x[2]).toBe(D + 0x1fcn);
    expect(r.sp).toBe(D + 0xfff0n);
  });

  it('a store to the code page faults (it is mapped r-x)', () => {
    expect(() => runA64([0xf9000020 /* str x0, [x1] */], { x: { 1: BigInt(CODE) } })).toThrow(/write fault at 0x400000/);
  });
});

describe('aarch64 load/store pairs', () => {
  it('LDP/LDPSW/LDNP in every mode', () => {
    const r = runA64([
      0x2940242a, // ldp w10, w9, [x1]
      0xa97f342c, // ldp x12, x13, [x1, #-16]
      0x69413c2e, // ldpsw x14, x15, [x1, #8]
      0xa9c24450, // ldp x16, x17, [x2, #32]!
      0x28ff4c32, // ldp w18, w19, [x1], #-8
      0xa85fd474, // ldnp x20, x21, [x3, #504]
      0x69605c76, // ldpsw x22, x23, [x3, #-256]
    ], { x: { 1: D + 0x100n, 2: D + 0x200n, 3: D + 0x100n, ...garbage(9, 23) }, data });
    expect([r.x[10], r.x[9]]).toEqual([0xccddeeffn, 0x8899aabbn]);
    expect([r.x[12], r.x[13]]).toEqual([at(0xf0, 8), at(0xf8, 8)]);
    expect([r.x[14], r.x[15]]).toEqual([0xffffffff_89abcdefn, 0x01234567n]);
    expect([r.x[16], r.x[17], r.x[2]]).toEqual([at(0x220, 8), at(0x228, 8), D + 0x220n]);
    expect([r.x[18], r.x[19], r.x[1]]).toEqual([0xccddeeffn, 0x8899aabbn, D + 0xf8n]);
    expect([r.x[20], r.x[21]]).toEqual([at(0x2f8, 8), at(0x300, 8)]);
    expect([r.x[22], r.x[23]]).toEqual([sx(at(0, 4), 32), sx(at(4, 4), 32)]);
    expect(r.x[3]).toBe(D + 0x100n);
  });

  it('STP/STNP in every mode, and the usual frame push and pop', () => {
    const x7 = 0x11223344_55667788n, x8 = 0x99aabbcc_ddeeff00n;
    const r = runA64([
      0xa9a02067, // stp x7, x8, [x3, #-512]!
      0x29012087, // stp w7, w8, [x4, #8]
      0x28031c88, // stnp w8, w7, [x4, #24]
      0xa8811ca7, // stp x7, x7, [x5], #16
      0xa9be7bfd, // stp x29, x30, [sp, #-32]!
      0xa9017fff, // stp xzr, xzr, [sp, #16]
      0xa8c267f8, // ldp x24, x25, [sp], #32
    ], { x: { 3: D + 0x600n, 4: D + 0x500n, 5: D + 0x700n, 7: x7, 8: x8, 29: 0x1234n, 30: 0x400abcn }, data });
    const m = model();
    m.put(0x400, x7, 8);
    m.put(0x408, x8, 8);
    m.put(0x508, x7, 4);
    m.put(0x50c, x8, 4);
    m.put(0x518, x8, 4);
    m.put(0x51c, x7, 4);
    m.put(0x700, x7, 8);
    m.put(0x708, x7, 8);
    m.put(0xffe0, 0x1234n, 8);
    m.put(0xffe8, 0x400abcn, 8);
    m.put(0xfff0, 0n, 16);
    expect(firstDifference(guestBytes(r), m.bytes)).toBe(-1);
    expect([r.x[3], r.x[5]]).toEqual([D + 0x400n, D + 0x710n]);
    expect([r.x[24], r.x[25], r.sp]).toEqual([0x1234n, 0x400abcn, D + 0x10000n]);
  });
});

describe('aarch64 loads and stores whose base is also a transfer register', () => {
  it('no writeback: the old base addresses the access', () => {
    const r = runA64([
      0xf9400421, // ldr x1, [x1, #8]
      0xa9401063, // ldp x3, x4, [x3]
    ], { x: { 1: D + 0x100n, 3: D + 0x110n }, data });
    expect(r.x[1]).toBe(0x01234567_89abcdefn);
    expect([r.x[3], r.x[4]]).toEqual([at(0x110, 8), at(0x118, 8)]);
  });

  it('XZR with SP writeback, and a store with writeback stores the old value', () => {
    const r = runA64([
      0xf84107ff, // ldr xzr, [sp], #16
      0xf8010c63, // str x3, [x3, #16]!
      0xf81f0ffe, // str x30, [sp, #-16]!
    ], { x: { 3: D + 0x100n, 30: 0x77n }, sp: D + 0x800n, data });
    expect(r.sp).toBe(D + 0x800n);
    expect(r.x[3]).toBe(D + 0x110n);
    expect(le(guestBytes(r), 0x110, 8)).toBe(D + 0x100n);
    expect(le(guestBytes(r), 0x800, 8)).toBe(0x77n);
  });
});
