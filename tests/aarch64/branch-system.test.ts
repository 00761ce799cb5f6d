import { describe, expect, it } from 'vitest';
import { Exit } from '../../src/translate/cpu-state.js';
import { CODE, runA64 } from './driver.js';

describe('aarch64 branches and immediates', () => {
  it('runs a counted loop with SUBS/B.NE and MOVK', () => {
    // mov x0, #50000; mov x1, #0; 1: add x1, x1, #3; subs x0, x0, #1; b.ne 1b; movk x1, #0x1234, lsl #48
    const r = runA64([0xd2986a00, 0xd2800001, 0x91000c21, 0xf1000400, 0x54ffffc1, 0xf2e24681]);
    expect(r.exit).toBe(Exit.Syscall);
    expect(r.x[0]).toBe(0n);
    expect(r.x[1]).toBe(0x1234_0000_0002_49f0n);
    expect(r.nzcv).toBe(0b0110); // Z and C from 1 - 1
  });

  it('an undefined word stops with Illegal at its own PC', () => {
    const r = runA64([0xd503201f, 0x00000000]);
    expect(r.exit).toBe(Exit.Illegal);
    expect(r.pc).toBe(CODE + 4);
  });
});
