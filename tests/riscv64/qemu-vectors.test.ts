// Single instructions against qemu-riscv64: every integer (I, M, Zba, Zbb, Zbc, Zbs, C)
// and floating-point (F, D) form that needs no memory, with operands biased toward the
// corner cases (NaNs of both kinds, unboxed singles, infinities, subnormals, rounding
// ties, saturation boundaries, INT_MIN / -1, division by zero) under every rounding
// mode. qemu-vectors/vectors.txt was recorded by qemu-vectors/gen.mjs (its header
// explains the format); each vector runs as one instruction, in both translation tiers,
// and a0, ft0 and fcsr must match.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeHalf, decodeWord, isWide } from '../../src/targets/riscv64/decoder.js';
import { Exit } from '../../src/translate/cpu-state.js';
import { runRv } from './driver.js';

interface Vector {
  line: string;
  word: number;
  fcsr: number;
  x: bigint[];
  f: bigint[];
  want: string;
}

const vectors: Vector[] = readFileSync(new URL('./qemu-vectors/vectors.txt', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => {
    const [input, want] = line.split(' | ');
    const [word, fcsr, ...regs] = input.split(' ');
    const values = regs.map((r) => BigInt(`0x${r}`));
    return { line, word: parseInt(word, 16), fcsr: parseInt(fcsr, 16), x: values.slice(0, 4), f: values.slice(4, 8), want };
  });

const A0 = 10, FT0 = 0;

function run(v: Vector, tier: 'step' | 'region'): string {
  const r = runRv([v.word], {
    x: { 10: v.x[0], 11: v.x[1], 12: v.x[2], 13: v.x[3] },
    f: { 0: v.f[0], 1: v.f[1], 2: v.f[2], 3: v.f[3] },
    fflags: v.fcsr & 31,
    frm: v.fcsr >> 5,
  }, tier);
  if (r.exit !== Exit.Syscall) return `exit ${r.exit}`;
  return `${r.x[A0].toString(16)} ${r.f[FT0].toString(16)} ${((r.frm << 5) | r.fflags).toString(16)}`;
}

/** The mnemonic of the vector's instruction, to group the tests. */
function nameOf(word: number): string {
  const d = isWide(word) ? decodeWord(word) : decodeHalf(word);
  return d?.compressed ?? d?.def.name ?? 'illegal';
}

const groups = new Map<string, Vector[]>();
for (const v of vectors) {
  const name = nameOf(v.word);
  groups.set(name, [...(groups.get(name) ?? []), v]);
}

describe('riscv64 instructions match qemu-riscv64', () => {
  it('has vectors', () => expect(vectors.length).toBeGreaterThan(2000));
  for (const [name, vs] of groups) {
    it(name, () => {
      for (const tier of ['step', 'region'] as const) {
        const bad = vs.filter((v) => run(v, tier) !== v.want).map((v) => `${tier}: ${v.line}\n   got ${run(v, tier)}`);
        expect(bad.slice(0, 5).join('\n')).toBe('');
      }
    });
  }
});
