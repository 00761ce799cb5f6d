// Faulting loads and stores: the GuestFault names the address and the instruction's PC,
// the faulting instruction changes no register (and writes back no base), and the
// instructions before it in the block have taken effect.
import { describe, expect, it } from 'vitest';
import { CODE, DATA, DATA_SIZE, runA64 } from './driver.js';
import { runToFault } from './ldst-util.js';

const D = BigInt(DATA);
const END = D + BigInt(DATA_SIZE);
const X0 = 0x1111_2222_3333_4444n;
const MOV_X2_5 = 0xd28000a2; // mov x2, #0x5

describe('aarch64 load/store faults', () => {
  it('a load from an unmapped page: address, PC, and registers unchanged', () => {
    const r = runToFault([MOV_X2_5, 0xf9400020 /* ldr x0, [x1] */], { x: { 0: X0, 1: 0x600000n } });
    expect(r.fault.address).toBe(0x600000);
    expect(r.fault.access).toBe('read');
    expect(r.fault.mapped).toBe(false);
    expect(r.fault.pc).toBe(CODE + 4);
    expect(r.x[0]).toBe(X0);
    expect(r.x[2]).toBe(5n);
  });

  it('runA64 itself rethrows the fault', () => {
    expect(() => runA64([0xf9400020 /* ldr x0, [x1] */], { x: { 1: 0x600000n } })).toThrow(/read fault at 0x600000/);
  });

  it('pre-index: no writeback when the access faults', () => {
    const r = runToFault([0xf8408c20 /* ldr x0, [x1, #8]! */], { x: { 0: X0, 1: END - 8n } });
    expect(r.fault.address).toBe(Number(END));
    expect(r.fault.pc).toBe(CODE);
    expect([r.x[0], r.x[1]]).toEqual([X0, END - 8n]);
  });

  it('a pair whose second half crosses into an unmapped page loads nothing', () => {
    const r = runToFault([0xa8c11023 /* ldp x3, x4, [x1], #16 */], { x: { 1: END - 8n, 3: 3n, 4: 4n } });
    expect(r.fault.address).toBe(Number(END));
    expect([r.x[1], r.x[3], r.x[4]]).toEqual([END - 8n, 3n, 4n]);
  });

  it('a store to the code page faults as an access error and leaves the code alone', () => {
    const r = runToFault([MOV_X2_5, 0xf9000020 /* str x0, [x1] */], { x: { 0: X0, 1: BigInt(CODE) } });
    expect(r.fault.access).toBe('write');
    expect(r.fault.mapped).toBe(true);
    expect(r.fault.address).toBe(CODE);
    expect(r.fault.pc).toBe(CODE + 4);
    expect(r.mem.view.getUint32(CODE, true)).toBe(MOV_X2_5);
  });

  it('addresses beyond 4 GiB and wrapping 32-bit sums take the checked path', () => {
    const above = runToFault([0xb9400020 /* ldr w0, [x1] */], { x: { 1: 0x1_0050_0000n } });
    expect(above.fault.address).toBe(0x1_0050_0000);
    const carry = runToFault([0xf9401020 /* ldr x0, [x1, #32] */], { x: { 1: 0xffff_fff0n } });
    expect(carry.fault.address).toBe(0x1_0000_0010);
    const low = runToFault([0xf8626820 /* ldr x0, [x1, x2] */], { x: { 1: D, 2: BigInt.asUintN(64, 0x100n - D) } });
    expect(low.fault.address).toBe(0x100);
    const negative = runToFault([0xb89fc020 /* ldursw x0, [x1, #-4] */], { x: { 0: X0, 1: 0n } });
    expect(negative.fault.address).toBe(2 ** 64 - 4);
    expect(negative.x[0]).toBe(X0);
  });

  it('SIMD loads that fault leave the vector registers unchanged', () => {
    const v = { 0: 10n, 1: 11n, 2: 12n, 3: 13n, 4: 14n, 5: 15n };
    const multi = runToFault([0x4cdf2020 /* ld1 {v0.16b-v3.16b}, [x1], #64 */], { x: { 1: END - 32n }, v });
    expect(multi.fault.address).toBe(Number(END));
    expect(multi.v.slice(0, 4)).toEqual([10n, 11n, 12n, 13n]);
    expect(multi.x[1]).toBe(END - 32n);
    const q = runToFault([0x3dc00020 /* ldr q0, [x1] */], { x: { 1: END - 8n }, v });
    expect(q.v[0]).toBe(10n);
    const lane = runToFault([0x0d609024 /* ld2 {v4.s, v5.s}[1], [x1] */], { x: { 1: END - 4n }, v });
    expect([lane.v[4], lane.v[5]]).toEqual([14n, 15n]);
  });

  it('a store-exclusive to a read-only page faults without writing the status', () => {
    const r = runToFault([
      0xc85f7c20, // ldxr x0, [x1]
      0xc8027c20, // stxr w2, x0, [x1]
    ], { x: { 1: BigInt(CODE), 2: 7n } });
    expect(r.fault.access).toBe('write');
    expect(r.fault.pc).toBe(CODE + 4);
    expect(r.x[2]).toBe(7n);
  });

  it('a pre-index store pair that faults does not write back the base', () => {
    const r = runToFault([0xadbf0420 /* stp q0, q1, [x1, #-32]! */], { x: { 1: D + 16n } });
    expect(r.fault.access).toBe('write');
    expect(r.x[1]).toBe(D + 16n);
  });
});
