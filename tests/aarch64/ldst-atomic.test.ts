// LSE atomics beyond the qemu-recorded single instructions (ext-qemu.test.ts): their
// interplay with the exclusive monitor, faults (an atomic needs write permission even
// when a CAS comparison fails; a faulting atomic changes no register), CASP register
// pairs, and an atomic in a hot loop compiled as one region.
import { describe, expect, it } from 'vitest';
import { AddressSpace, GuestFault } from '../../src/memory/address-space.js';
import { CpuState } from '../../src/translate/cpu-state.js';
import { Translator } from '../../src/translate/translator.js';
import { aarch64Target } from '../../src/targets/aarch64/target.js';
import { CODE, DATA, runA64 } from './driver.js';
import { le, pattern } from './ldst-util.js';

const D = BigInt(DATA);
const GARBAGE = 0xdeadbeef_deadbeefn;

describe('aarch64 LSE atomics', () => {
  it('an atomic store that changes the monitored value makes STXR fail; one that keeps it does not', () => {
    const data = pattern({ 0x100: 0x1000n });
    const r = runA64([
      0xc85f7c20, // ldxr x0, [x1]
      0xf825003f, // stadd x5, [x1]          memory changes
      0xc8027c20, // stxr w2, x0, [x1]       fails
      0xc85f7c20, // ldxr x0, [x1]
      0xf83f0023, // ldadd xzr, x3, [x1]     adds zero: memory unchanged
      0xc8047c20, // stxr w4, x0, [x1]       succeeds
    ], { x: { 1: D + 0x100n, 5: 7n, 2: GARBAGE, 4: GARBAGE }, data });
    expect([r.x[2], r.x[4], r.x[3]]).toEqual([1n, 0n, 0x1007n]);
    expect(le(r.mem.u8, DATA + 0x100, 8)).toBe(0x1007n);
  });

  it('CASP compares and swaps a pair; the old pair lands in Rs:Rs+1', () => {
    const data = pattern({ 0x200: 0x1111n, 0x208: 0x2222n });
    const r = runA64([0x48267c46 /* casp x6, x7, x6, x7, [x2] */], { x: { 2: D + 0x200n, 6: 0x1111n, 7: 0x2222n }, data });
    // Rt:Rt+1 is Rs:Rs+1 here, so memory keeps its value and the registers read it back.
    expect([r.x[6], r.x[7]]).toEqual([0x1111n, 0x2222n]);
    const miss = runA64([0x48267c46], { x: { 2: D + 0x200n, 6: 0x1111n, 7: 0x3333n }, data });
    expect([miss.x[6], miss.x[7]]).toEqual([0x1111n, 0x2222n]);
    expect(le(miss.mem.u8, DATA + 0x208, 8)).toBe(0x2222n);
  });

  it('an atomic in a hot loop (one compiled region) counts exactly', () => {
    const r = runA64([
      0xb8e00041, // ldaddal w0, w1, [x2]
      0xf1000463, // subs x3, x3, #1
      0x54ffffc1, // b.ne .-8
    ], { x: { 0: 3n, 2: D, 3: 1000n }, data: new Uint8Array(8) });
    expect(le(r.mem.u8, DATA, 4)).toBe(3000n);
    expect(r.x[1]).toBe(2997n);
  });

  it('a CAS on a read-only page faults even when the comparison fails, changing no register', () => {
    const mem = new AddressSpace();
    mem.map(CODE, 0x1000, 5);
    mem.map(DATA, 0x1000, 1); // read only
    mem.poke(CODE, new Uint8Array(new Uint32Array([0xc8a67c47 /* cas x6, x7, [x2] */, 0xd4000001]).buffer));
    const s = new CpuState(aarch64Target.slotCount, aarch64Target.vectorBytes);
    s.r[4] = DATA;
    s.r[12] = 0x1234; // x6: differs from memory (zero)
    let fault: unknown;
    try {
      new Translator(aarch64Target, mem).run(s, CODE);
    } catch (err) {
      fault = err;
    }
    expect(fault).toBeInstanceOf(GuestFault);
    expect((fault as GuestFault).access).toBe('write');
    expect((fault as GuestFault).pc).toBe(CODE);
    expect(s.r[12]).toBe(0x1234);
  });
});
