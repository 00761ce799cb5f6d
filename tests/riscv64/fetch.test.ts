// Instruction fetch with 2-byte instructions: a compressed instruction in the last two
// bytes of an executable page, a 4-byte instruction that straddles into the next page
// (executable or not), and self-modifying code with FENCE.I.
import { describe, expect, it } from 'vitest';
import { AddressSpace, GuestFault } from '../../src/memory/address-space.js';
import { SLOT_COUNT, xSlot } from '../../src/targets/riscv64/state.js';
import { riscv64Target } from '../../src/targets/riscv64/target.js';
import { CpuState, Exit } from '../../src/translate/cpu-state.js';
import { Translator } from '../../src/translate/translator.js';
import { encode } from './driver.js';

const PAGE = 0x400000, NEXT = PAGE + 0x1000;
const C_LI_A0_7 = 0x451d, C_LI_A1_1 = 0x4585, ADDI_A0_A0_1 = 0x00150513, ECALL = 0x00000073;
const a0 = (s: CpuState): number => s.r[xSlot(10)];

/** Two pages; the code goes so that it ends at `end` (an address in either page). */
function setup(nextProt: number, code: number[], end: number): { s: CpuState; t: Translator; start: number; mem: AddressSpace } {
  const mem = new AddressSpace();
  mem.map(PAGE, 0x1000, 7);
  mem.map(NEXT, 0x1000, nextProt);
  const bytes = encode(code);
  const start = end - bytes.length;
  mem.poke(start, bytes);
  const s = new CpuState(SLOT_COUNT, riscv64Target.vectorBytes);
  return { s, t: new Translator(riscv64Target, mem), start, mem };
}

describe('instruction fetch at page ends', () => {
  it('runs a compressed instruction in the last two bytes of a page, then faults on the next page', () => {
    const { s, t, start } = setup(3, [C_LI_A1_1, C_LI_A0_7], NEXT);
    expect(() => t.run(s, start)).toThrow(GuestFault);
    expect(a0(s)).toBe(7);
    expect(s.r[xSlot(11)]).toBe(1);
  });

  it('a 4-byte instruction straddling into a non-executable page faults when reached, after the ones before it', () => {
    const { s, t, start } = setup(3, [C_LI_A0_7, ADDI_A0_A0_1, ECALL], NEXT + 6);
    expect(start).toBe(NEXT - 4); // c.li at NEXT - 4, the addi straddles at NEXT - 2
    let fault: unknown;
    try {
      t.run(s, start);
    } catch (err) {
      fault = err;
    }
    expect(fault).toBeInstanceOf(GuestFault);
    expect((fault as GuestFault).address).toBe(NEXT);
    expect((fault as GuestFault).access).toBe('exec');
    expect(a0(s)).toBe(7);
  });

  it('a 4-byte instruction straddling into an executable page runs', () => {
    const { s, t, start } = setup(5, [C_LI_A0_7, ADDI_A0_A0_1, ECALL], NEXT + 6);
    t.run(s, start);
    expect(s.exc).toBe(Exit.Syscall);
    expect(a0(s)).toBe(8);
  });
});

describe('self-modifying code', () => {
  it('a store to translated code and FENCE.I run the new instruction', () => {
    // sw a2, 8(a1); fence.i; li a0, 1 (overwritten with li a0, 2 before it runs); ecall
    const code = [0x00c5a423, 0x0000100f, 0x00100513, ECALL];
    for (let round = 0; round < 3; round++) {
      const { s, t, start } = setup(3, code, PAGE + 0x100);
      s.r[xSlot(11)] = start;
      s.r[xSlot(12)] = 0x00200513; // li a0, 2
      t.run(s, start);
      expect(s.exc).toBe(Exit.Syscall);
      expect(a0(s)).toBe(2);
    }
  });

  it('rewritten hot code is translated again', () => {
    const { s, t, start, mem } = setup(3, [0x00100513 /* li a0,1 */, ECALL], PAGE + 0x100);
    for (let i = 0; i < 60; i++) {
      s.exc = Exit.None;
      t.run(s, start);
    }
    expect(a0(s)).toBe(1);
    mem.write32(start, 0x00500513); // li a0, 5
    s.exc = Exit.None;
    t.run(s, start);
    expect(a0(s)).toBe(5);
  });
});
