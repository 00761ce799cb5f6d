// Exclusive and ordered loads/stores: the exclusive monitor (success, failure, CLREX,
// intervening stores, address and size mismatch), pairs, and LDAR/STLR/LDAPR/LDLAR/STLLR.
import { describe, expect, it } from 'vitest';
import { DATA, runA64 } from './driver.js';
import { le, pattern } from './ldst-util.js';

const D = BigInt(DATA);
const data = pattern({ 0x100: 0x8899aabb_ccddeeffn, 0x108: 0x01234567_89abcdefn, 0x200: 0x0000_0000_0000_0041n });
const at = (off: number, n: number): bigint => le(data, off, n);
const GARBAGE = 0xdeadbeef_deadbeefn;
const memAt = (r: { mem: { u8: Uint8Array } }, off: number, n: number): bigint => le(r.mem.u8, DATA + off, n);

describe('aarch64 exclusive monitor', () => {
  it('LDXR/STXR succeed when nothing intervenes (status 0 clears the high half)', () => {
    const r = runA64([
      0xc85f7c20, // ldxr x0, [x1]
      0x91000400, // add x0, x0, #0x1
      0xc8027c20, // stxr w2, x0, [x1]
      0xf9400023, // ldr x3, [x1]
    ], { x: { 1: D + 0x100n, 2: GARBAGE }, data });
    expect(r.x[2]).toBe(0n);
    expect(r.x[3]).toBe(0x8899aabb_ccddef00n);
  });

  it('STXR fails without a reservation, after CLREX, after a store of another value, at another address, and once used', () => {
    const x5 = 0x5555_5555_5555_5555n;
    const r = runA64([
      0xc8027c20, // stxr w2, x0, [x1]      no reservation
      0xc85f7c20, // ldxr x0, [x1]
      0xd5033f5f, // clrex
      0xc8037c20, // stxr w3, x0, [x1]      cleared
      0xc85f7c20, // ldxr x0, [x1]
      0xf9000025, // str x5, [x1]
      0xc8047c20, // stxr w4, x0, [x1]      memory changed
      0xc85f7c20, // ldxr x0, [x1]
      0xc8067ce0, // stxr w6, x0, [x7]      other address
      0xc85f7c20, // ldxr x0, [x1]
      0xc8087c20, // stxr w8, x0, [x1]      succeeds...
      0xc8097c20, // stxr w9, x0, [x1]      ...and closes the monitor
    ], { x: { 0: 0x77n, 1: D + 0x100n, 5: x5, 7: D + 0x108n, 2: GARBAGE, 3: GARBAGE, 4: GARBAGE, 6: GARBAGE, 8: GARBAGE, 9: GARBAGE }, data });
    expect([r.x[2], r.x[3], r.x[4], r.x[6], r.x[8], r.x[9]]).toEqual([1n, 1n, 1n, 1n, 0n, 1n]);
    expect(memAt(r, 0x100, 8)).toBe(x5);
    expect(memAt(r, 0x108, 8)).toBe(at(0x108, 8));
  });

  it('byte, halfword, word and doubleword sizes; a size mismatch fails', () => {
    const x5 = 0x11223344_55667788n;
    const r = runA64([
      0x085f7c2a, // ldxrb w10, [x1]
      0x08027c25, // stxrb w2, w5, [x1]
      0x485ffc2b, // ldaxrh w11, [x1]
      0x4803fc25, // stlxrh w3, w5, [x1]
      0x885f7c2c, // ldxr w12, [x1]
      0x88047c25, // stxr w4, w5, [x1]
      0x885f7c2d, // ldxr w13, [x1]
      0xc8067c25, // stxr w6, x5, [x1]    4-byte reservation, 8-byte store
      0xc85ffc2e, // ldaxr x14, [x1]
      0x0807fc25, // stlxrb w7, w5, [x1]  8-byte reservation, 1-byte store
    ], { x: { 1: D + 0x100n, 5: x5, 10: GARBAGE, 11: GARBAGE, 12: GARBAGE, 13: GARBAGE, 14: GARBAGE }, data });
    expect([r.x[2], r.x[3], r.x[4], r.x[6], r.x[7]]).toEqual([0n, 0n, 0n, 1n, 1n]);
    expect(r.x[10]).toBe(0xffn);
    expect(r.x[11]).toBe(0xee88n);
    expect(r.x[12]).toBe(0xccdd7788n);
    expect(r.x[13]).toBe(0x55667788n);
    expect(r.x[14]).toBe(0x8899aabb_55667788n);
    expect(memAt(r, 0x100, 8)).toBe(0x8899aabb_55667788n);
  });

  it('LDXP/LDAXP/STXP/STLXP, W and X pairs', () => {
    const x5 = 0x11223344_55667788n, x6 = 0x99aabbcc_ddeeff00n;
    const r = runA64([
      0xc87fac2a, // ldaxp x10, x11, [x1]
      0xc8229825, // stlxp w2, x5, x6, [x1]
      0x887f348c, // ldxp w12, w13, [x4]
      0x88231486, // stxp w3, w6, w5, [x4]
      0xc87f3c2e, // ldxp x14, x15, [x1]
      0x88271885, // stxp w7, w5, w6, [x4]  other address and size
    ], { x: { 1: D + 0x100n, 4: D + 0x200n, 5: x5, 6: x6, 12: GARBAGE, 13: GARBAGE }, data });
    expect([r.x[10], r.x[11]]).toEqual([at(0x100, 8), at(0x108, 8)]);
    expect([r.x[2], r.x[3], r.x[7]]).toEqual([0n, 0n, 1n]);
    expect([r.x[12], r.x[13]]).toEqual([at(0x200, 4), at(0x204, 4)]);
    expect([r.x[14], r.x[15]]).toEqual([x5, x6]);
    expect([memAt(r, 0x100, 8), memAt(r, 0x108, 8)]).toEqual([x5, x6]);
    expect(memAt(r, 0x200, 8)).toBe(((x5 & 0xffffffffn) << 32n) | (x6 & 0xffffffffn));
  });

  it('an atomic increment loop, and LDXR whose base is its destination', () => {
    const r = runA64([
      0x885ffc20, // 1: ldaxr w0, [x1]
      0x11000400, // add w0, w0, #0x1
      0x8802fc20, // stlxr w2, w0, [x1]
      0x35ffffa2, // cbnz w2, 1b
      0xc85f7c21, // ldxr x1, [x1]
      0xc8037c85, // stxr w3, x5, [x4]   x4 = the address x1 held
    ], { x: { 1: D + 0x200n, 4: D + 0x200n, 5: 0x99n }, data });
    expect(r.x[0]).toBe(0x42n);
    expect(r.x[1]).toBe(at(0x200, 8) + 1n);
    expect(r.x[3]).toBe(0n);
    expect(memAt(r, 0x200, 8)).toBe(0x99n);
  });
});

describe('aarch64 ordered loads and stores', () => {
  it('LDAR/LDAPR/LDLAR and STLR/STLLR in every size', () => {
    const x5 = 0x11223344_55667788n, x6 = 0x99aabbcc_ddeeff00n;
    const r = runA64([
      0xc8dffc2a, // ldar x10, [x1]
      0x08dffc2b, // ldarb w11, [x1]
      0x48dffc2c, // ldarh w12, [x1]
      0x88dffc2d, // ldar w13, [x1]
      0xf8bfc02e, // ldapr x14, [x1]
      0x78bfc02f, // ldaprh w15, [x1]
      0x88df7c30, // ldlar w16, [x1]
      0xc89ffc85, // stlr x5, [x4]
      0x089ffc85, // stlrb w5, [x4]
      0x489f7fe6, // stllrh w6, [sp]
      0xc89f7c86, // stllr x6, [x4]
    ], { x: { 1: D + 0x100n, 4: D + 0x300n, 5: x5, 6: x6, 12: GARBAGE, 15: GARBAGE }, sp: D + 0x400n, data });
    expect(r.x.slice(10, 17)).toEqual([
      at(0x100, 8), at(0x100, 1), at(0x100, 2), at(0x100, 4), at(0x100, 8), at(0x100, 2), at(0x100, 4),
    ]);
    expect(memAt(r, 0x300, 8)).toBe(x6);
    expect(memAt(r, 0x400, 4)).toBe((at(0x402, 2) << 16n) | 0xff00n);
  });
});
