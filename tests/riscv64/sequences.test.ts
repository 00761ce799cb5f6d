// Instruction sequences against qemu-riscv64: random straight-line code and forward
// branches over twelve registers (qemu-vectors/sequences.txt, recorded by gen-seq.mjs),
// run as step code and as one hot region; the registers afterwards must match. This is
// where one instruction's writes meet the next one's reads in the same compiled block.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Exit } from '../../src/translate/cpu-state.js';
import { runRv } from './driver.js';

const REGS = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]; // a0..a7, s2..s5

const sequences = readFileSync(new URL('./qemu-vectors/sequences.txt', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => {
    const [input, want] = line.split(' | ');
    const fields = input.split(' ');
    const n = parseInt(fields[0], 16);
    return {
      line,
      words: fields.slice(1, 1 + n).map((w) => parseInt(w, 16)),
      values: fields.slice(1 + n).map((v) => BigInt(`0x${v}`)),
      want,
    };
  });

describe('instruction sequences match qemu-riscv64', () => {
  for (const tier of ['step', 'region'] as const) {
    it(`${sequences.length} sequences as ${tier} code`, () => {
      const bad: string[] = [];
      for (const s of sequences) {
        const x: Record<number, bigint> = {};
        REGS.forEach((r, i) => (x[r] = s.values[i]));
        const r = runRv(s.words, { x }, tier);
        const got = r.exit === Exit.Syscall ? REGS.map((n) => r.x[n].toString(16)).join(' ') : `exit ${r.exit}`;
        if (got !== s.want) bad.push(`${s.line}\n   got ${got}`);
      }
      expect(bad.slice(0, 3).join('\n')).toBe('');
    });
  }
});
