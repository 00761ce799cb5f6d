// First-tier translations saved by one run are used by the next, but only for guest
// bytes that are still the same.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AddressSpace } from '../../src/memory/address-space.js';
import { CpuState, Exit } from '../../src/translate/cpu-state.js';
import { TranslationCache } from '../../src/translate/translation-cache.js';
import { Translator } from '../../src/translate/translator.js';
import { aarch64Target } from '../../src/targets/aarch64/target.js';

const CODE = 0x400000;
const MOV_X0 = (imm: number) => 0xd2800000 | (imm << 5);
const SVC0 = 0xd4000001;

/** Runs `mov x0, #imm; svc #0` at CODE with a cache in `file`; returns x0 and whether decoding happened. */
function run(file: string, imm: number): { x0: number; decoded: boolean } {
  const mem = new AddressSpace();
  mem.map(CODE, 0x1000, 5);
  [MOV_X0(imm), SVC0].forEach((w, i) => mem.view.setUint32(CODE + 4 * i, w, true));
  let decoded = false;
  const target = { ...aarch64Target, decode: (m: AddressSpace, pc: number) => ((decoded = true), aarch64Target.decode(m, pc)) };
  const cache = TranslationCache.open(file);
  const s = new CpuState(target.slotCount, target.vectorBytes);
  new Translator(target, mem, { cache }).run(s, CODE);
  expect(s.exc).toBe(Exit.Syscall);
  cache.save();
  return { x0: s.r[0], decoded };
}

describe('translation cache', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'tsqemu-tc-')), 'cache.json');

  it('translates the first time and saves', () => {
    expect(run(file, 5)).toEqual({ x0: 5, decoded: true });
  });

  it('a later run with the same bytes skips decoding', () => {
    expect(run(file, 5)).toEqual({ x0: 5, decoded: false });
  });

  it('changed bytes at the same address are translated afresh', () => {
    expect(run(file, 9)).toEqual({ x0: 9, decoded: true });
  });

  it('a missing or corrupt file is an empty cache', () => {
    expect(run(join(tmpdir(), 'tsqemu-no-such-dir', 'x', 'cache.json'), 3).x0).toBe(3);
  });
});
