// Translations are dropped when their code is written (self-modifying code, JITs) or
// unmapped, whichever tier they reached.
import { describe, expect, it } from 'vitest';
import { AddressSpace } from '../../src/memory/address-space.js';
import { CpuState, Exit } from '../../src/translate/cpu-state.js';
import { Translator } from '../../src/translate/translator.js';
import { aarch64Target } from '../../src/targets/aarch64/target.js';

const CODE = 0x400000;
const PATCHER = 0x400100; // str w1, [x2]; svc #0
const MOV_X0_1 = 0xd2800020;
const MOV_X0_2 = 0xd2800040;
const SVC0 = 0xd4000001;
const STR_W1_X2 = 0xb9000041;

function setup() {
  const mem = new AddressSpace();
  mem.map(CODE, 0x1000, 7); // read, write, execute
  const words = (a: number, ws: number[]) => ws.forEach((w, i) => mem.view.setUint32(a + 4 * i, w, true));
  words(CODE, [MOV_X0_1, SVC0]);
  words(PATCHER, [STR_W1_X2, SVC0]);
  const t = new Translator(aarch64Target, mem);
  const s = new CpuState(aarch64Target.slotCount, aarch64Target.vectorBytes);
  const runAt = (pc: number): number => {
    t.run(s, pc);
    expect(s.exc).toBe(Exit.Syscall);
    s.exc = Exit.None;
    return s.r[0];
  };
  return { mem, s, runAt, words };
}

describe('translation invalidation', () => {
  for (const runs of [1, 200]) {
    it(`a guest store into translated code takes effect (code run ${runs}x first)`, () => {
      const { s, runAt } = setup();
      for (let i = 0; i < runs; i++) expect(runAt(CODE)).toBe(1);
      s.r[2] = MOV_X0_2; // w1 = the new instruction (slot 2 is x1's low half)
      s.r[4] = CODE; // x2 = its address
      runAt(PATCHER);
      expect(runAt(CODE)).toBe(2);
    });
  }

  it('unmapping and remapping a page drops its translations', () => {
    const { mem, runAt, words } = setup();
    expect(runAt(CODE)).toBe(1);
    mem.unmap(CODE, 0x1000);
    mem.map(CODE, 0x1000, 5);
    words(CODE, [MOV_X0_2, SVC0]);
    expect(runAt(CODE)).toBe(2);
  });
});
