// Scalar FP against qemu-aarch64: every instruction form in half, single and double
// precision, with operands biased toward NaNs, infinities, denormals, rounding ties and
// saturation boundaries, under several FPCR settings (DN, FZ, FZ16, AHP, each rounding
// mode). fp-qemu/vectors.txt was recorded by fp-qemu/gen.mjs (its header explains the
// format); each vector runs here as one instruction, both as first-tier step code and as
// hot region code, and V0, X0, NZCV and FPSR must match.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeWord } from '../../src/targets/aarch64/decoder.js';
import { FpRunner } from './fp-runner.js';

const M64 = (1n << 64n) - 1n;
const A5 = 0xa5a5a5a5a5a5a5a5n;
const X0 = 0x0123456789abcdefn;
const X1 = 0xfedcba9876543210n;
const X23 = 0x5555555555555555n;

interface Vector {
  line: string;
  word: number;
  fpcr: number;
  nzcv: number;
  v: bigint[];
  x1: bigint;
  want: string;
}

/** Vn's low 64 bits: the operand's digits give its width; bits above it are ones. */
function low(op: string): bigint {
  if (op === '-') return M64;
  return BigInt.asUintN(64, BigInt(`0x${op}`) | (M64 << BigInt(op.length * 4)));
}

const vectors: Vector[] = readFileSync(new URL('./fp-qemu/vectors.txt', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => {
    const [input, want] = line.split(' | ');
    const [word, fpcr, nzcv, v1, v2, v3, x1] = input.split(' ');
    return {
      line, word: parseInt(word, 16), fpcr: parseInt(fpcr, 16), nzcv: parseInt(nzcv, 16),
      v: [v1, v2, v3].map((op) => (A5 << 64n) | low(op)),
      x1: x1 === '-' ? X1 : BigInt(`0x${x1}`),
      want,
    };
  });

const cold = new FpRunner(false);
const hot = new FpRunner(true);

function run(runner: FpRunner, t: Vector): string {
  const r = runner.run(t.word, {
    v: { 0: (M64 << 64n) | M64, 1: t.v[0], 2: t.v[1], 3: t.v[2] },
    x: { 0: X0, 1: t.x1, 2: X23, 3: X23 },
    nzcv: t.nzcv,
    fpcr: t.fpcr,
  });
  const x0 = r.x0 === X0 ? '=' : r.x0.toString(16);
  return `${(r.v0 & M64).toString(16)} ${(r.v0 >> 64n).toString(16)} ${x0} ${r.nzcv.toString(16)} ${r.fpsr.toString(16)}`;
}

/** The mnemonic with its operand kinds, e.g. "fcvtzs w, d, #" (the group a vector belongs to). */
function form(word: number): string {
  const d = decodeWord(word);
  if (!d) return 'undefined';
  return d.def.asm(d.fields, 0).replace(/\b([wxsdhv])\d+/g, '$1').replace(/#.*e[+-]\d+$/, '#imm');
}

const groups = new Map<string, Vector[]>();
for (const t of vectors) {
  const key = form(t.word);
  groups.set(key, [...(groups.get(key) ?? []), t]);
}

describe('scalar FP matches qemu-aarch64', () => {
  it('has the recorded vectors', () => {
    expect(vectors.length).toBeGreaterThan(3000);
  });

  for (const [key, list] of groups) {
    it(key, () => {
      for (const [tier, runner] of [['step', cold], ['region', hot]] as const) {
        const bad = list.filter((t) => run(runner, t) !== t.want).map((t) => `${t.line}  => ours: ${run(runner, t)}`);
        expect(bad, tier).toEqual([]);
      }
    });
  }
});
